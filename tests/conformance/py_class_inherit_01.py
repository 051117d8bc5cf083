# Single inheritance with super(), class attributes, overriding, staticmethod,
# classmethod and property along the bases; views held by a base's attribute.
class Field:
    kind = "field"
    count = 0

    def __init__(self, buf, start, size):
        self.view = memoryview(buf)[start:start + size]
        Field.count += 1

    def describe(self):
        return f"{self.kind}[{len(self.view)}]"

    @property
    def size(self):
        return len(self.view)

    @classmethod
    def named(cls, buf):
        return cls(buf, 0, 2)

    @staticmethod
    def total():
        return Field.count

class UInt(Field):
    kind = "uint"

    def __init__(self, buf, start, size):
        super().__init__(buf, start, size)
        self.signed = False

    def value(self):
        return int.from_bytes(self.view, "little", signed=self.signed)

    def describe(self):
        return super().describe() + "=" + str(self.value())

class Int(UInt):
    kind = "int"

    def __init__(self, buf, start, size):
        super().__init__(buf, start, size)
        self.signed = True

buf = bytearray(b"\xff\xfe\x01\x00\x00\x80")
fields = [UInt(buf, 0, 2), Int(buf, 0, 2), Int(buf, 2, 4), Field(buf, 4, 2)]
for f in fields:
    print(f.describe(), f.size, type(f).__name__, isinstance(f, UInt), isinstance(f, Field))
print(Int.named(buf).describe(), Field.total(), Int.total(), Int.kind, UInt.kind, Field.kind)
print(issubclass(Int, Field), issubclass(Field, Int), issubclass(Int, (str, UInt)))
f = fields[1]
f.kind = "mine"
print(f.describe(), Int.kind)
try:
    buf.append(0)
except BufferError as e:
    print("BufferError:", e)
del fields, f
buf.append(0)
print(len(buf))
try:
    fields
except NameError as e:
    print("NameError:", e)
print(UInt(buf, 0, 1).missing)
