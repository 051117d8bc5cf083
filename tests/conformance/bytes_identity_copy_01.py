# bytes(b) and whole slices of an immutable bytes are the object itself;
# other slices and bytes()/bytearray() of a buffer are new objects.
b = bytes(range(6))
print(bytes(b) is b, b[:] is b, b[0:6] is b, b[::1] is b, b[0:100] is b)
print(b[1:] is b, b[::-1] is b, b[:3], b[::2])
ba = bytearray(b"abc")
copy = bytes(ba)
ba[0] = 0x41
print(copy, ba, bytearray(b) is b, bytearray(b) == b)
print(bytes(b, ) is b, type(bytes(memoryview(b))), bytes(memoryview(b)) is b)
