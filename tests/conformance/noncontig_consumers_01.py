import array, struct, io, mmap, tempfile
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
b = bytes(range(24))
m = memoryview(b)
views = [m[::-1], m[::2], m.cast("B", [4, 6]), m.cast("B", [4, 6])[::-1], m.cast("B", [4, 6])[:, ::2] if False else m.cast("B",[4,6])[::2], m[5:5], m[5:5:-1]]
for v in views:
    print("--", v.shape, v.strides)
    t(lambda: struct.unpack("%dB" % v.nbytes, v))
    t(lambda: struct.unpack_from("B", v))
    t(lambda: struct.unpack_from("B", v, 1))
    t(lambda: list(struct.iter_unpack("B", v)))
    t(lambda: struct.pack_into("B", v, 0, 1))
    t(lambda: struct.pack_into("B", bytearray(24), 0, v))
    t(lambda: io.BytesIO(v).getvalue())
    t(lambda: io.BytesIO().write(v))
    t(lambda: io.BytesIO(b"abc").readinto(v))
    mm = mmap.mmap(-1, 30)
    t(lambda: mm.write(v))
    t(lambda: mm.find(v))
    def f():
        mm[0:len(v.tobytes())] = v
        return mm[:]
    t(f)
    tf = tempfile.TemporaryFile()
    t(lambda: tf.write(v))
    t(lambda: array.array("B").frombytes(v))
    t(lambda: bytes.fromhex(v))
    t(lambda: b"x".join(v))
    t(lambda: b"abc".startswith(v))
    t(lambda: b"abc".count(v))
    t(lambda: b"abc".replace(v, b""))
    t(lambda: b"abc".split(v))
    t(lambda: b"abc".strip(v))
    t(lambda: bytearray(b"abc").extend(v))
    def g():
        ba = bytearray(b"abc"); ba += v; return ba
    t(g)
    t(lambda: b"abc" < v)
    t(lambda: v.cast("B").tolist())
    t(lambda: v.cast("b", [len(v)]))
    t(lambda: int(v))
    t(lambda: b"%s" % v)
    t(lambda: b"%b" % v)
    t(lambda: str(v, "ascii"))
    t(lambda: v.tobytes().decode())
