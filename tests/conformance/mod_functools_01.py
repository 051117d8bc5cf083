# functools.reduce: with and without initial, laziness, CPython's errors
import functools
from functools import reduce


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


t(reduce, lambda a, b: a + b, [1, 2, 3, 4])
t(reduce, lambda a, b: a + b, [1, 2, 3, 4], 100)
t(reduce, lambda a, b: a * b, range(1, 11))
t(reduce, lambda a, b: a + b, [], 0)
t(reduce, lambda a, b: a + b, [], None)
t(reduce, lambda a, b: a + b, [7])
t(reduce, lambda a, b: a + b, [])
t(reduce, lambda a, b: a + b, ())
t(reduce, lambda a, b: a + b, 5)
t(reduce, lambda a, b: a + b, 5, 0)
t(reduce, max, "hello")
t(reduce, lambda acc, b: acc ^ b, b"\x01\x02\x04\x08", 0)
t(reduce, lambda acc, b: (acc << 8) | b, memoryview(b"\x12\x34\x56\x78"))
t(reduce, lambda acc, b: acc + b, memoryview(b"abcdef")[::2], 0)
t(reduce, lambda x, y: [x, y], iter(range(4)))
t(reduce, lambda x, y: x + y, map(lambda v: v * v, range(5)))
t(reduce, 5, [1, 2])
t(reduce, 5, [1])
t(reduce, lambda a: a, [1, 2])
t(reduce, lambda a, b: a + b)
t(reduce)
t(reduce, 1, 2, 3, 4)
t(reduce, lambda a, b: a + b, [1], initial=0)
t(reduce, len, [[1], [2]])
print(functools.reduce.__name__, reduce.__name__, type(reduce).__name__)


def checksum(data):
    return reduce(lambda acc, byte: (acc + byte) & 0xFF, data, 0)


print(checksum(bytearray(range(100))))
calls = []


def add(a, b):
    calls.append((a, b))
    if b == 3:
        raise ValueError("stop at 3")
    return a + b


t(reduce, add, [1, 2, 3, 4])
print(calls)
reduce(lambda a, b: a + b, [])
