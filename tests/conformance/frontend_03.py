# unpacking, augmented assignment, del, slicing, loops
a = b = [1, 2]
a += [3]
print(a is b, b)
t = (1, 2)
u = t
t += (3,)
print(t, u)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
d = {}
d["a"] = d.get("a", 0) + 1
print(d)
lst = list(range(10))
del lst[::3]
print(lst)
lst[1:3] = []
print(lst)
x, = [7]
print(x)
s = "abc"
print(s[::-1], s[-1], s[1:], s[:-1])
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
for ch in "ab":
    for k in range(2):
        if k:
            break
        print(ch, k)
m = [[0] * 2 for _ in range(2)]
m[0][1] = 5
print(m)
i = 10
print(i if i > 5 else -i, not i, -i, +i, ~i)
print(1 < 2 < 3 > 2, 1 < 2 > 3, 2 == 2.0, "a" < "b" <= "b")
print(True + True, 3 / 2, 3 // 2, -3 // 2, 3 % -2, 2 ** 10, 2 ** 0.5)
print(0 or None, "" or "x", 1 and 0)
print([1, 2] * 2, "ab" * 3, (1,) * 2)
print({1: "a", 2: "b"}, {})
print([], (), (1,), ((1, 2), 3))
q = [3, 1, 2]
q.sort()
print(q, sorted(q, key=lambda v: -v))
print(f"{'a'!r} {3.0!s} {[1, 2]} {'x':>3}|{7:<3}|")
w = 3
print(f"{w:{w}d}|{w!r:>{w}}|{w=}|{w = }")
