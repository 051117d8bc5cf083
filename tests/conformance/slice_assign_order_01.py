import array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
ba = bytearray(b"abc")
def s(k, v):
    def f():
        ba[k] = v
        return ba
    return f
for v in [None, 1.5, 1, "x", [1, 2], (300,), ["a"], iter([1]), {1: 2}, True, 2**70, array.array("i", [1]), memoryview(b"xy")[::2], range(2), [2**70], [-1]]:
    t(s(slice(0, 1), v))
    t(s(slice(None, None, 0), v))
    t(s(slice(None, None, 2), v))
a = array.array("b", [1, 2, 3])
def s2(k, v):
    def f():
        a[k] = v
        return a
    return f
for v in [None, [1], array.array("b", [1]), array.array("i", [1]), b"x"]:
    t(s2(slice(None, None, 0), v))
    t(s2(slice(0, 1), v))
    t(s2(slice("x", 1), v))
def d(k):
    def f():
        del a[k]
        return a
    return f
t(d(slice(None, None, 0)))
t(d(slice("x", None)))
