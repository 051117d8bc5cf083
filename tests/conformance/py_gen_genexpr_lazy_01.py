log = []
def src():
    for i in range(3):
        log.append(i)
        yield i
g = (x * 2 for x in src())
print(log)
print(next(g), log)
print(list(g), log)
h = (next(h) for x in range(3))
try:
    next(h)
except ValueError as e:
    print("ValueError:", e)
mv = memoryview(b"abc")
e = (b for b in mv)
print(next(e))
