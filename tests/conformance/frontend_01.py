# scoping and closures
def outer():
    x = 1
    def mid():
        def inner():
            return x + 1
        return inner()
    return mid()
print(outer())
def counter():
    total = 0
    items = []
    def add(v):
        items.append(v)
        return len(items)
    add(1); add(2)
    return items, total
print(counter())
fs = [lambda i=i: i * 2 for i in range(3)]
print([f() for f in fs])
g = 10
def read_g():
    return g
g = 20
print(read_g())
def shadow():
    len = 5
    return len
print(shadow(), len("abc"))
x = 5
print([x for x in range(2)], x)
print(list(y * x for y in range(3)))
def default_eval(a, b=[]):
    b.append(a)
    return b
print(default_eval(1), default_eval(2))
def varargs(*args):
    return args
print(varargs(), varargs(1, *[2, 3], 4))
def kwonly(a, *, b=2, c):
    return a, b, c
print(kwonly(1, c=3), kwonly(c=1, a=0, b=9))
print((lambda *a: a)(1, 2))
print((lambda: 42)())
