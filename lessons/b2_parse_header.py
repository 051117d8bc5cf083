# title: Parse a binary header
# track: B
# order: 2
#
# struct.unpack_from reads fields straight out of a view at an offset: no
# slicing copy. The 16 bytes come from os.urandom, which the playground makes
# deterministic so the lesson replays the same way (CPython's differ per run).
import os
import struct

raw = bytearray(os.urandom(16))
view = memoryview(raw)
magic, version, flags = struct.unpack_from(">IHH", view, 0)
print(len(raw), type(magic).__name__, 0 <= version < 65536, 0 <= flags < 65536)
payload = view[struct.calcsize(">IHH"):]
print(payload.nbytes, payload.obj is raw)
payload.release()
view.release()
