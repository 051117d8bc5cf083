import mmap, tempfile, array, io
f = tempfile.TemporaryFile(); f.write(b'abc'); f.flush(); mm = mmap.mmap(f.fileno(), 0)
mr = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
mc = mmap.mmap(f.fileno(), 0); mc.close()
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def dl(x, k):
    def g():
        del x[k]
    return g
def st(x, k, v):
    def g():
        x[k] = v
    return g
for x in [None, (1,), 'ab', b'ab', 5, range(3), mm, mr, mc, memoryview(b'ab'), io.BytesIO(), {}, [1], 1.5]:
    for k in [0, 5, slice(0, 1), slice(0, 1, 'a'), 'a', 2**70]:
        t(dl(x, k))
        t(st(x, k, b'x'))
        t(st(x, k, 5))
