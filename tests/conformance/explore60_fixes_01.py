import mmap, struct, array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
m = mmap.mmap(-1, 4)
for v in [-2**100, 2**100, -2**63, 2**63, -2**63 - 1, 2**63 - 1, 256, -1, -129, 255, True, 1.5]:
    t(lambda: m.write_byte(v))
t(lambda: m[:])
v = memoryview(array.array("L"))[5:-1:-1]
w = memoryview(bytes(8))[::2]
for off in [2**63, -2**63 - 1, "x", 1.5, None, 0]:
    t(lambda: struct.unpack_from("!0ib2h", v, off))
    t(lambda: struct.unpack_from("b", w, off))
    t(lambda: struct.Struct("b").unpack_from(w, offset=off))
    t(lambda: struct.unpack_from("b", b"ab", off))
