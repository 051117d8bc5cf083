def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
for v in [None, 1.5, "x", True, 2, 2**40, -1, 0, b"", 2**70]:
    t(lambda: b"a\nb".splitlines(v))
    t(lambda: bytearray(b"a\nb").splitlines(keepends=v))
t(lambda: b"a\nb".splitlines(1, 2))
t(lambda: b"a\nb".splitlines(x=2))
