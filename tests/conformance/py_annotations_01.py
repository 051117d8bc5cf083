# annotations are accepted and not enforced
x: int = 3
y: "anything"
name: str = "buf"
def read(view: memoryview, n: int = 2) -> bytes:
    out: bytes = bytes(view[:n])
    return out
def total(*parts: bytes, **opts: int) -> int:
    return sum(len(p) for p in parts) + len(opts)
print(x, name, read(memoryview(b"abcd")), read(memoryview(b"xyz"), n=1))
print(total(b"ab", b"c", k=1))
class_like: dict = {}
class_like["a"]: int = 5
print(class_like)
try:
    print(y)
except NameError as e:
    print("NameError:", e)
