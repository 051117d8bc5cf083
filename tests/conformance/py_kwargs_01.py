# **kwargs parameters, f(**mapping), keyword-only arguments
def opts(a, *args, sep=b",", **kw):
    return a, args, sep, kw
print(opts(1))
print(opts(1, 2, 3, sep=b";", x=1, y=2))
print(opts(**{"a": 5, "z": 0}))
d = {"sep": b"|"}
print(opts(0, **d, extra=True))
def pack(*, fmt, count=1):
    return fmt * count
print(pack(fmt="B", count=3))
def show(**kw):
    for k in kw:
        print(k, kw[k])
show(b=1, a=2)
try:
    pack("B")
except TypeError as e:
    print("TypeError:", e)
try:
    opts(1, **{"sep": 1}, sep=2)
except TypeError as e:
    print("TypeError:", e)
try:
    opts(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    pack()
except TypeError as e:
    print("TypeError:", e)
