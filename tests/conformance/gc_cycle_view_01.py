# A memoryview held inside a cycle keeps its export until the collector frees
# the cycle: before gc.collect() the bytearray refuses to resize.
import gc

buf = bytearray(b"abcd")


class Holder:
    def __init__(self, data):
        self.me = self
        self.view = memoryview(data)


h = Holder(buf)
print(h.view[0], h.me is h)
del h
try:
    buf.append(0x65)
except BufferError as e:
    print("BufferError:", e)
gc.collect()
buf.append(0x65)
print(buf)
# The same through a list cycle.
cyc = [memoryview(buf)[1:3]]
cyc.append(cyc)
del cyc
try:
    buf.extend(b"f")
except BufferError as e:
    print("BufferError:", e)
gc.collect()
buf.extend(b"f")
print(buf, len(buf))
