import struct

print(struct.calcsize("<I"))
print(struct.unpak("<I", b"\x01\x00\x00\x00"))
