def f(m):
    return m[0]
m = memoryview(b"ab")
m.release(); print(f(m))
