m = memoryview(b"ab")
m[0] = 1
