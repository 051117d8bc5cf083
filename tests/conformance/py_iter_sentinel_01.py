# iter(callable, sentinel): read fixed-size blocks until b""
import io
f = io.BytesIO(b"abcdefghij")
blocks = []
for block in iter(lambda: f.read(4), b""):
    blocks.append(block)
print(blocks)
stack = [3, 2, 1, 0, 5]
print(list(iter(stack.pop, 1)))
print(stack)
it = iter(lambda: 7, 7)
print(type(it).__name__, list(it))
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
try:
    iter([1], 2, 3)
except TypeError as e:
    print("TypeError:", e)
