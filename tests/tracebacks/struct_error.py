import struct
header = bytes(6)
fields = struct.unpack_from(">IHH", header, 0)
