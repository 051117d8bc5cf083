import array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
b = bytes(range(24))
m = memoryview(b)
views = [m[::-1], m[::2], m[::-3], m.cast("B", [4, 6]), m.cast("B", [4, 6])[::-1], m.cast("B", [4, 6])[::2],
         m.cast("H", [3, 4]), m.cast("H", [3, 4])[::-1], m.cast("i")[::-1], m.cast("B", [2, 3, 4]), m[5:5], m[::-1][::-1],
         m.cast("B", [4, 6])[1:3], m.cast("B", [4, 6])[::-2], memoryview(array.array("h", range(6)))[::-2], m.cast("B", [0, 6]),
         m.cast("B", [4, 0])]
for v in views:
    print("--", v.shape, v.strides, v.c_contiguous, v.f_contiguous, v.contiguous)
    t(lambda: v.tobytes())
    t(lambda: v.tobytes("F"))
    t(lambda: v.tobytes("A"))
    t(lambda: v.tolist())
    t(lambda: bytes(v))
    t(lambda: bytearray(v))
    t(lambda: int.from_bytes(v, "little"))
    t(lambda: int.from_bytes(v, "big", signed=True))
    t(lambda: v.hex())
    t(lambda: v.hex(":", 2))
    t(lambda: v == v)
    t(lambda: v == v.tobytes())
    t(lambda: b"" + v)
    t(lambda: bytearray(b"x") + v)
    t(lambda: b"-".join([v, v]))
    t(lambda: v.tobytes() in v)
    t(lambda: array.array("B", v))
    t(lambda: array.array("B").frombytes(v))
    t(lambda: memoryview(v).cast("B"))
    t(lambda: v.cast("c"))
    t(lambda: list(v))
    t(lambda: len(v))
    t(lambda: hash(v))
    t(lambda: v.toreadonly().tobytes())
    t(lambda: bytes(v).hex())
    t(lambda: b"abc".find(v))
    t(lambda: bytearray(24).__setitem__(slice(0, len(v.tobytes())), v))
