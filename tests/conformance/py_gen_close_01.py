def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")

f = fin()
print(next(f))
f.close()
print("closed")
f.close()
try:
    next(f)
except StopIteration:
    print("exhausted")

def d():
    try:
        yield 1
    finally:
        print("deleted: finally")
dd = d()
next(dd)
del dd
print("after del")

def w():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            print("caught", e)
            yield "handled"
        i += 1
t = w()
print(next(t), next(t), t.throw(ValueError("boom")), next(t))
t.close()

def ignore():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        yield 2
ig = ignore()
next(ig)
try:
    ig.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError:", e)
