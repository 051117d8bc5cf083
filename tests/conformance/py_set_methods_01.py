# set methods and operators, in CPython's result order
s = {1, 2, 3}
s.add(4); s.add(2)
print(s)
s.discard(10); s.discard(1)
print(s)
s.remove(4)
print(s, s.pop(), s)
s.update([7, 8], (9,), {10})
print(s)
s.clear()
print(s, len(s))
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, [4]), a.difference(b, [1]), a.symmetric_difference([4, 9]))
print(a.union(), a.intersection(), a.difference())
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint(b), a.isdisjoint([9]))
print({1} < {1, 2}, {1, 2} < {1, 2}, {1, 2} <= {1, 2}, {1, 2, 3} > {1}, {1} >= {2})
f = frozenset([1, 2])
print(f | {3}, {3} | f, f & {2}, f - {1}, f ^ {2, 9}, type(f | {3}).__name__, type({3} | f).__name__)
print(f.copy() is f, f.union([5]), f.issubset({1, 2, 3}))
c = a.copy(); c |= {50}; c &= {1, 2, 50}; print(c)
c -= {1}; print(c)
c ^= {2, 70}; print(c)
g = f; g |= {3}; print(g, f)
x = {1, 2, 3, 4, 5}
x.intersection_update({2, 3, 4}, [3, 4]); print(x)
x.difference_update([3]); print(x)
x.symmetric_difference_update([4, 6]); print(x)
y = {5, 6}
y -= y; print(y)
z = set(range(20))
while z:
    print(z.pop(), end=" ")
print()
w = {n * 8 for n in range(6)}
w.discard(8); w.add(64); w.add(128); print(w)
w.remove(0); w.add(1); print(w, w.pop())
