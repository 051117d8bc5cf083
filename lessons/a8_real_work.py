# title: Real work
# track: A
# order: 8
#
# Parse a stream of fixed-size records in place: a view per record, fields
# read with struct.unpack_from, one field upgraded in place with pack_into.
import struct

records = bytearray(struct.pack("<HHI", 1, 10, 1000) + struct.pack("<HHI", 2, 20, 2000))
view = memoryview(records)
size = struct.calcsize("<HHI")
for offset in range(0, len(view), size):
    rec = view[offset:offset + size]
    kind, count, total = struct.unpack_from("<HHI", rec)
    struct.pack_into("<I", rec, 4, total + 1)
    print(kind, count, total)
    rec.release()
print(struct.unpack("<HHIHHI", records))
view.release()
