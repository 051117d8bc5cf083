def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for args in [('é',),(b'\xe9',),(':',-2**63),(':',2**63-1),(':',-2**31),(':',2**31-1),(':',-2), ('€',), (bytearray(b':'),), ([1],), ([1,2],), (1,), ('::', 2**40)]:
    show(lambda: b'abcdef'.hex(*args))
    show(lambda: memoryview(b'abcdef').hex(*args))
    show(lambda: bytearray(b'abcdef').hex(*args))
m = memoryview(b'ab'); m.release()
show(lambda: m.hex('::'))
show(lambda: m.hex(':', 2**40))
show(lambda: b''.hex('é'))
show(lambda: b'abc'.hex(':', True))
show(lambda: b'abc'.hex(sep=b'-', bytes_per_sep=-2))
