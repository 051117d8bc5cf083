# array extend, +=, frombytes, slice assignment, *= and + (also with itself).
from array import array
a = array('H', [1, 2, 3])
b = array('H', [4, 5])
a.extend(b)
a += b
a.frombytes(b"\x01\x00\x02\x00")
a[0:2] = b
a *= 2
c = a + b
a[::9] = b
a += a
print(len(a), list(c[-3:]), a[:4])
