# star-unpacking in assignments, for targets, displays and calls
header, *body = b"\x01\x02\x03\x04"
print(header, body)
*init, last = [1, 2, 3]
print(init, last)
first, *mid, end = range(5)
print(first, mid, end)
a, *b = [1]
print(a, b)
for k, *rest in [(1, 2, 3), (4,)]:
    print(k, rest)
print([*b"ab", *range(2), 9], (*"xy",))
def f(a, b, c):
    return a * 100 + b * 10 + c
args = [1, 2]
print(f(*args, 3), f(*[7], *(8, 9)))
try:
    x, *y, z = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    p, *q = 5
except TypeError as e:
    print("TypeError:", e)
try:
    print([*5])
except TypeError as e:
    print("TypeError:", e)
