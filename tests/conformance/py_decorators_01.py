# decorators: evaluated top to bottom, applied bottom to top
def tag(label):
    print("make", label)
    def deco(fn):
        print("wrap", label, fn.__name__)
        def wrapper(*args, **kw):
            return label + ":" + str(fn(*args, **kw))
        return wrapper
    return deco
@tag("outer")
@tag("inner")
def size(b):
    return len(b)
print(size(b"abc"))
calls = []
def logged(fn):
    def wrapper(*a):
        calls.append(fn.__name__)
        return fn(*a)
    return wrapper
@logged
def checksum(data):
    return sum(data) & 0xFF
print(checksum(b"\xff\x02"), calls)
