import mmap, array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
m = mmap.mmap(-1, 16)
m.write(b"abcabc\nxyz\nabc")
t(lambda: m.tell())
for args in [(b"abc",), (b"abc", 1), (b"abc", -5), (b"abc", 1, 5), (b"abc", 1, 6), (b"",), (b"", 20), (b"", 5, 2),
             (b"abc", -100, 100), (b"abc", 2**63 - 1), (b"abc", -2**63), (b"c", 0, -1), (bytearray(b"xy"), 0),
             (memoryview(b"xyz"), 0), (array.array("b", [120]), 0), (memoryview(b"xyz")[::2], 0), ("abc",), (None,),
             (b"abc", "x"), (b"abc", 0, 1.5), (b"abc", 2**63), (), (b"a", 0, 1, 2), (b"\x00",), (b"abc", None)]:
    t(lambda: m.find(*args))
    t(lambda: m.rfind(*args))
t(lambda: m.find(b"a", start=0))
m.seek(3)
t(lambda: m.find(b"abc"))
t(lambda: m.rfind(b"abc"))
t(lambda: m.find(b"a", 0))
m.seek(0)
for line in range(5):
    t(lambda: m.readline())
t(lambda: m.readline(1))
for args in [(0, 3, 3), (10, 0, 6), (0, 0, 16), (0, 1, 16), (16, 0, 0), (17, 0, 0), (-1, 0, 1), (0, -1, 1), (0, 0, -1),
             (2**63 - 1, 0, 1), (0, 2**63 - 1, 1), (1, 2), (1, 2, 3, 4), ("x", 0, 0), (0, 0, 2**63), (0, 0, 1.0), (8, 0, 8)]:
    t(lambda: m.move(*args))
    t(lambda: m[:])
t(lambda: m.move(dest=0, src=0, count=0))
r = mmap.mmap(-1, 4, access=mmap.ACCESS_READ)
t(lambda: r.move(0, 0, 0))
t(lambda: r.move(0, 0, 5))
t(lambda: r.move("x", 0, 0))
t(lambda: r.find(b"\x00"))
t(lambda: r.flush(1, 1))
c = mmap.mmap(-1, 4, access=mmap.ACCESS_COPY)
t(lambda: c.move(0, 1, 2))
t(lambda: c.flush(1, 1))
t(lambda: c.flush(1, 4))
with memoryview(m) as v:
    t(lambda: m.move(0, 1, 2))
    t(lambda: m.find(b"b"))
    t(lambda: v[:4].tobytes())
big = mmap.mmap(-1, 8192)
for args in [(), (0,), (4096,), (4096, 4096), (8192, 0), (4095, 1), (1, 0), (0, 8192), (0, 8193), (0, -1), (-1, 0), (-4096, 4096),
             (2**63 - 1, 2**63 - 1), (2**63, 0), ("x",), (0, "x"), (1.0,), (0, None), (None,)]:
    t(lambda: big.flush(*args))
t(lambda: big.flush(offset=0))
