# map and filter are lazy iterators over user callables
def double(x):
    print("double", x)
    return x * 2
m = map(double, [1, 2, 3])
print(type(m).__name__)
print(next(m))
print(list(m))
print(list(map(lambda a, b: a + b, [1, 2, 3], (10, 20))))
print(list(filter(None, [0, 1, b"", b"x", None, 3])))
print(list(filter(lambda b: b > 127, bytes([1, 200, 3, 255]))))
print(type(filter(None, [])).__name__)
print(sum(map(len, [b"ab", b"cde"])))
words = list(map(str.upper, ["a", "b"]))
print(words)
try:
    map(len)
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(len, [1]))
except TypeError as e:
    print("TypeError:", e)
