def gen(n):
    print("start")
    for i in range(n):
        x = yield i
        print("got", x)
    return "done"

g = gen(3)
print(g.__name__)
print(next(g))
print(g.send("a"))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("stop2", e.value, e.args)
print(list(gen(2)))

