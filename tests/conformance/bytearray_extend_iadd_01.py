# bytearray +=, extend and slice assignment from bytes, bytearray, memoryview,
# array and iterables of ints; bytes + with an empty side gives the other object;
# CPython 3.11's errors when the argument's buffer cannot be had.
import array
ba = bytearray(b"hi")
ba += b"!!"
ba += bytearray(b"ab")
ba += memoryview(b"xyz")[1:]
ba.extend(b"12")
ba.extend(bytearray(b"34"))
ba.extend(array.array("B", [65, 66]))
ba.extend([67, 68])
ba.extend(x for x in range(48, 50))
ba.extend(ba)
print(ba)
ba[0:2] = memoryview(b"HI")
ba[2:4] = [33, 63]
ba[4:5] = memoryview(b"a-b-c")[::2]
ba[0:6:2] = memoryview(b"x.y.z")[::2]
ba[-2:] = ba[:2]
print(ba[:8], ba[-4:], len(ba))
x = b"abc"
print((b"" + x) is x, (x + b"") is x, (x + bytearray()) is x, b"ab" + bytearray(b"cd"))
print(bytearray(b"ab") + b"cd", bytearray(b"ab") + memoryview(b"ef"))
gone = memoryview(b"abcd")
gone.release()
strided = memoryview(b"abcd")[::2]
def iadd(x):
    b = bytearray(b"q")
    b += x
def assign(x):
    b = bytearray(b"qq")
    b[0:1] = x
for bad in (lambda: ba.extend("str"), lambda: ba.extend(5), lambda: iadd(5),
            lambda: ba.extend([256]), lambda: ba.extend(strided), lambda: ba.extend(gone),
            lambda: iadd(strided), lambda: iadd(gone), lambda: ba + strided,
            lambda: b"x" + gone, lambda: assign(gone), lambda: assign("s"), lambda: assign(7)):
    try:
        bad()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
m = memoryview(ba)
try:
    ba += b"x"
except BufferError as e:
    print(type(e).__name__, e)
ba += b""
print(len(ba))
