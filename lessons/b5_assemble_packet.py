# title: Assemble a packet
# track: B
# order: 5
#
# Preallocate the whole packet once, then copy each part into its place
# through a slice of one view. The copy meter shows exactly the parts' bytes
# copied, and one allocation of their total size.
import struct


def build_packet(parts):
    packet = bytearray(sum(len(p) for p in parts))
    view = memoryview(packet)
    offset = 0
    for part in parts:
        view[offset:offset + len(part)] = part
        offset += len(part)
    view.release()
    return packet


body = b"payload bytes"
parts = [struct.pack(">HH", 0xBEEF, len(body)), body, bytes([0xFF])]
packet = build_packet(parts)
print(len(packet), packet.hex(" ", 4))
