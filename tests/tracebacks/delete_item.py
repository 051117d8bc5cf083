mv = memoryview(bytearray(4))
del mv[0]
