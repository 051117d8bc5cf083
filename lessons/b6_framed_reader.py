# title: A framed reader class
# track: B
# order: 6
#
# Real parsers keep their view in an object. FrameReader holds one memoryview
# of the whole stream in self.view and hands out each frame as a slice of it:
# no frame is copied. While the reader holds its view, the stream is locked
# (it cannot grow), and so is it while any frame slice lives: the slices share
# the reader's export. Releasing the frames and leaving the with block (which
# releases self.view in __exit__) lifts the lock. Watch reader.view and each
# frame's slice on the canvas.
import struct


class FrameReader:
    def __init__(self, data):
        self.view = memoryview(data)
        self.pos = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.view.release()
        return False

    def next_frame(self):
        (size,) = struct.unpack_from(">H", self.view, self.pos)
        start = self.pos + 2
        self.pos = start + size
        return self.view[start:self.pos]


stream = bytearray(b"\x00\x05hello\x00\x03abc")
with FrameReader(stream) as reader:
    first = reader.next_frame()
    second = reader.next_frame()
    print(bytes(first), bytes(second))
    try:
        stream.extend(b"\x00\x01!")
    except BufferError as e:
        print("locked:", e)
    first.release()
    second.release()
stream.extend(b"\x00\x01!")
print(len(stream), bytes(stream[-3:]))
try:
    reader.view[0]
except ValueError as e:
    print("released:", e)
