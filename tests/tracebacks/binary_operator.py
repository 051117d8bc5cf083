m = memoryview(b"ab")
y = 1 + len(m) / 0
