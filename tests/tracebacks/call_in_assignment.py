import struct
x = struct.unpack(">I", b"ab")
