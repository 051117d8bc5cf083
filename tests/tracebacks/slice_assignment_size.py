mv = memoryview(bytearray(4))
mv[1:3] = b"xyz"
