class Reader:
    def __init__(self, data):
        self.view = memoryview(data)
        self.offset = 0

    def read(self, n):
        part = self.vew[self.offset:self.offset + n]
        self.offset += n
        return part


r = Reader(bytearray(b"hello world"))
print(r.offset)
print(r.read(5))
