import struct
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
s = struct.Struct("i")
t(lambda: s.unpack_from())
t(lambda: s.unpack_from(offset=1))
t(lambda: s.unpack_from(b"abcd", 0, 1))
t(lambda: s.unpack_from(b"abcd", offset=0, x=1))
t(lambda: s.unpack_from(b"abcd", buffer=b""))
t(lambda: struct.unpack_from())
t(lambda: struct.unpack_from("i", b"abcd", 0, 1))
t(lambda: struct.unpack_from("i", b"abcd", x=1))
t(lambda: struct.unpack_from(format="i", buffer=b"abcd"))
t(lambda: s.unpack_from(None, 2**70))
t(lambda: s.unpack_from(b"abcd", 2**70))
t(lambda: s.unpack_from(b"abcd", -5))
t(lambda: s.unpack_from(b"abcd", 5))
t(lambda: s.unpack_from(b"abcd", -2**63))
