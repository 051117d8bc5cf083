# dir() of built-in values and types is CPython's sorted list; a class lists
# its namespace, its bases' and object's names; an instance adds its own.
import struct

print(dir(memoryview(b"ab")))
print(dir(bytearray) == dir(bytearray(2)))
print([n for n in dir(b"") if not n.startswith("_")])
print("unpack_from" in dir(struct), dir(struct) == sorted(dir(struct)))


class Base:
    kind = "base"

    def read(self):
        return 1


class Reader(Base):
    def __init__(self, data):
        self.view = memoryview(data)
        self.offset = 0

    def tell(self):
        return self.offset


r = Reader(bytearray(4))
print(dir(r))
print(dir(Reader) == sorted(set(dir(r)) - {"view", "offset"}))


class Oops(ValueError):
    pass


print(dir(Oops()))
print(dir(ValueError) == dir(ValueError("x")))
print(len(dir(1)) > 50, dir(1) == sorted(dir(1)))
try:
    dir(1, 2)
except TypeError as e:
    print(e)
