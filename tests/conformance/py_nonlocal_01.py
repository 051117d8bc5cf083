# nonlocal: closures that update their enclosing function's names
def make_counter():
    count = 0
    def bump(n=1):
        nonlocal count
        count += n
        return count
    return bump
c = make_counter()
print(c(), c(), c(5))
def outer():
    buf = bytearray()
    pos = 0
    def write(data):
        nonlocal pos
        buf[pos:pos] = data
        pos += len(data)
    write(b"ab")
    write(b"cd")
    return buf, pos
print(outer())
def two_levels():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x = 42
        inner()
    mid()
    return x
print(two_levels())
