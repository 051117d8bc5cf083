# A ring buffer class over a bytearray, with a memoryview attribute: the
# view held by self.view locks the bytearray as long as the object lives.
class RingBuffer:
    def __init__(self, size):
        self.buf = bytearray(size)
        self.view = memoryview(self.buf)
        self.size = size
        self.head = 0
        self.count = 0

    def __len__(self):
        return self.count

    def write(self, data):
        for b in data:
            self.view[(self.head + self.count) % self.size] = b
            if self.count < self.size:
                self.count += 1
            else:
                self.head = (self.head + 1) % self.size

    def read(self, n):
        n = min(n, self.count)
        out = bytearray()
        for i in range(n):
            out.append(self.view[(self.head + i) % self.size])
        self.head = (self.head + n) % self.size
        self.count -= n
        return bytes(out)

    def __repr__(self):
        return f"RingBuffer(size={self.size}, count={self.count})"

rb = RingBuffer(4)
rb.write(b"abc")
print(rb, len(rb), rb.read(2))
rb.write(b"defg")
print(rb, rb.buf, rb.read(10), len(rb))
store = rb.buf
try:
    store.extend(b"xx")
except BufferError as e:
    print("BufferError:", e)
alias = rb
del rb
try:
    store.append(1)
except BufferError as e:
    print("still locked:", e)
del alias
store.extend(b"xx")
print("after del:", store, len(store))
