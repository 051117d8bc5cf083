data = bytearray(4)
m = memoryview(data).cast("B", [2, 2])
m[1, 5] = 3
