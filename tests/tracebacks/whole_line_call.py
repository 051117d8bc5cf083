ba = bytearray(3)
v = memoryview(ba)
ba.append(1)
