data = bytearray(b"abc")
view = memoryview(data)
print(lenn(view))
