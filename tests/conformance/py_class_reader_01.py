# A reader class whose __enter__/__exit__ take and give back a view.
import struct

class Reader:
    def __init__(self, data):
        self.data = data
        self.view = None
        self.pos = 0

    def __enter__(self):
        self.view = memoryview(self.data)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit with", exc_type.__name__ if exc_type else None)
        self.view.release()
        self.view = None
        return exc_type is KeyError

    def take(self, n):
        if self.pos + n > len(self.view):
            raise ValueError(f"need {n} bytes at {self.pos}")
        chunk = self.view[self.pos:self.pos + n]
        self.pos += n
        return chunk

packet = bytearray(struct.pack("<HI", 7, 1000) + b"tail")
with Reader(packet) as r:
    (kind,) = struct.unpack("<H", r.take(2))
    (value,) = struct.unpack("<I", r.take(4))
    print(kind, value, bytes(r.take(4)))
    try:
        packet.append(0)
    except BufferError as e:
        print("locked:", e)
packet.append(0)
print("unlocked:", len(packet), r.view)

with Reader(packet) as r:
    raise KeyError("swallowed by __exit__")
print("after swallow", r.pos)

try:
    with Reader(packet) as r:
        r.take(2)
        r.take(100)
except ValueError as e:
    print("ValueError:", e)
packet.extend(b"!")
print(len(packet))
with Reader(packet) as r:
    r.take(50)
