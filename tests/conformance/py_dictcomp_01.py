# dict comprehensions
print({k: k * k for k in range(5)})
print({k: v for k, v in zip(b"abc", range(3)) if v != 1})
data = bytearray(b"hello")
counts = {c: data.count(c) for c in data}
print(counts)
print({(i, j): i * j for i in range(2) for j in range(2)})
x = 10
print({x: x for x in range(2)}, x)
try:
    {[k]: 1 for k in range(2)}
except TypeError as e:
    print("TypeError:", e)
