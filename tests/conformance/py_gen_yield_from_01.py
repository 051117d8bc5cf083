def inner():
    a = yield 1
    b = yield 2
    return a, b

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [10, 20]
    yield "end"

o = outer()
print(next(o), o.send("A"), o.send("B"), next(o), next(o))
print(list(o))
print(list(outer()))
