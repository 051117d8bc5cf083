class Point:
    """doc"""
    count = 0
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def norm(self):
        return abs(self.x) + abs(self.y)
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def make(cls, v):
        return cls(v, v)
    @property
    def total(self):
        return self.x + self.y

p = Point(1, 2)
print(p, repr(p), str(p), p.norm(), Point.count)
print(Point.origin(), Point.make(3), p.total)
print(p == Point(1, 2), p != Point(1, 3), p < Point(2, 0), sorted([Point(3, 1), Point(1, 5)]))
print(type(p).__name__, isinstance(p, Point), isinstance(3, Point), issubclass(Point, object))
print([Point(i) for i in range(3)])

class Base:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "base " + self.name
class Child(Base):
    def __init__(self, name, n):
        super().__init__(name)
        self.n = n
    def hello(self):
        return "child " + super().hello() + str(self.n)
c = Child("c", 4)
print(c.hello(), isinstance(c, Base), issubclass(Child, Base), issubclass(Base, Child))

class MyError(Exception):
    pass
class CodeError(ValueError):
    def __init__(self, code):
        super().__init__(f"bad code {code}")
        self.code = code
try:
    raise MyError("boom", 2)
except MyError as e:
    print("caught", e, e.args, type(e).__name__)
try:
    raise CodeError(7)
except ValueError as e:
    print("caught", e, e.code, repr(e))
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * 10
    def __contains__(self, x): return x == 5
    def __bool__(self): return self.n > 1
    def __index__(self): return self.n
s = Seq(3)
print(len(s), s[1], list(s), 5 in s, 6 in s, bool(s), bool(Seq(1)), [1,2,3,4][Seq(2)], hex(s))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), [x for x in It()])
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None); return False
with Ctx() as c:
    print("body")
try:
    with Ctx():
        raise KeyError("k")
except KeyError as e:
    print("out", e)
class Box:
    def __init__(self): self.d = {}
    def __setitem__(self, k, v): self.d[k] = v
    def __getitem__(self, k): return self.d[k]
    def __str__(self): return "Box!"
b = Box(); b["a"] = 1; print(b["a"], str(b), b)
raise MyError("final")
