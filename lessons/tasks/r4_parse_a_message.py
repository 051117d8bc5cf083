# task: Parse a message without copying it
# rank: 4
# lesson: B2
# budget: copied 0, allocated 0
#
# msg holds a header (">HHI": kind, length, sequence number) and then `length`
# bytes of payload. Set kind, length and seq with struct.unpack_from, and make
# payload a view of exactly the payload bytes: zero bytes copied.
# --- setup
import struct

msg = bytearray(struct.pack(">HHI", 7, 5, 1001) + b"hello" + b"trailing")
# --- your code
kind, length, seq = struct.unpack(">HHI", bytes(msg[:8]))
payload = msg[8:8 + length]
# --- check
assert (kind, length, seq) == (7, 5, 1001), (kind, length, seq)
assert isinstance(payload, memoryview), "payload must be a view, not a copy"
assert payload.obj is msg and payload.tobytes() == b"hello", payload
# --- solution
view = memoryview(msg)
kind, length, seq = struct.unpack_from(">HHI", view, 0)
payload = view[8:8 + length]
