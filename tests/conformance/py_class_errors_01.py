class A:
    def __init__(self, x):
        self.x = x
    def m(self):
        return self.x
def t(src):
    try:
        exec_(src)
    except Exception as e:
        print(type(e).__name__, e)
class L:
    def __len__(self): return "3"
class R:
    def __repr__(self): return 5
class B:
    def __bool__(self): return 1
class Rec:
    def __repr__(self): return repr(self)
class Neg:
    def __len__(self): return -1
for fn in [lambda: A(), lambda: A(1, 2), lambda: A(1).m(2), lambda: A(1).y, lambda: len(L()),
           lambda: repr(R()), lambda: bool(B()), lambda: len(Neg()), lambda: A.m(),
           lambda: A(1)[0], lambda: iter(A(1)), lambda: A(1) < A(2), lambda: A(1)(),
           lambda: repr(Rec())]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
a = A(1)
print(a == a, a == A(1), a != A(1), hash(a) == hash(a))
print(A.m(a), A.__name__, type(A).__name__, str(type(a)), A)
super().x
