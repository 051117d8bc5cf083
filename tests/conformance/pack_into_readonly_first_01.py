# struct.pack_into gets its "w*" buffer before it converts the offset.
import struct, array
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
M = 2**63
for buf in [b'', bytes(8), memoryview(b'abcd'), None, 1, bytearray(8), array.array('b', [0] * 8), memoryview(bytearray(8))[::2]]:
    for off in [-2**100, -M, 1.5, 'x', 0, 2**100]:
        t(lambda: struct.pack_into('>c3B', buf, off, b'\x7f', 1, 0, 128))
    t(lambda: struct.pack_into('>B', buf, 0, 256))
