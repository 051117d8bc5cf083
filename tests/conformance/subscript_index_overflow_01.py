import mmap, tempfile, array, io
f = tempfile.TemporaryFile(); f.write(b'abc'); f.flush(); mm = mmap.mmap(f.fileno(), 0)
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
def gt(x, k):
    return lambda: x[k]
for x in [[1], (1,), 'ab', b'ab', bytearray(b'ab'), array.array('b', [1]), memoryview(bytearray(b'ab')), mm, range(3)]:
    for k in [2**63, -2**63-1, 2**100, True, 2**63-1, -2**63]:
        t(gt(x, k))
        t(dl(x, k))
        t(st(x, k, 1))
