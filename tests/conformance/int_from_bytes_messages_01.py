# int()/float() of bytes-like objects: the message shows a bytes repr (cut after
# 200 characters); to_bytes/from_bytes check byteorder before length and data.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for x in [bytes(3), bytearray([0, 254, 128, 128]), bytes.fromhex('DEADbeef'), b'a', b'a' * 300, 'a' * 300,
          b'\x10\x7f\x00\x7f\x7fab\x01', bytearray(b'12'), b' 12 ', '\u20ac' * 250]:
    t(lambda: int(x))
    t(lambda: int(x, 16))
    t(lambda: float(x))
for v in [-1, -2, 0, 1, -128, -129, 127, 128, -256, 255]:
    for n in [0, 1, 2]:
        t(lambda: v.to_bytes(n, 'little', signed=True))
        t(lambda: v.to_bytes(n, 'big'))
t(lambda: (1).to_bytes(-1, 'middle'))
t(lambda: (1).to_bytes(-1, 1))
t(lambda: (1).to_bytes(-1, 'big'))
t(lambda: (1).to_bytes(1, None))
t(lambda: (1).to_bytes(2**64, 'big'))
t(lambda: int.from_bytes(None, 'middle'))
t(lambda: int.from_bytes(b'', 'middle'))
t(lambda: int.from_bytes(None, 'big'))
t(lambda: int.from_bytes(b'a', byteorder=None))
t(lambda: int.from_bytes(b'a', 1))
t(lambda: int.from_bytes(None, None))
t(lambda: int.from_bytes(b'a', 'middle', signed=1))
t(lambda: int.from_bytes([1, 2], 'little', signed=True))
