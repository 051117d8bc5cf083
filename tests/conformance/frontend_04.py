# lifetimes: views die with their frame, on del, on rebinding, at statement end
ba = bytearray(b"abc")
x = memoryview(ba)[0]
ba.append(1)
print(x, len(ba))

def peek(b):
    m = memoryview(b)
    return m[1]

print(peek(ba))
ba.append(2)
m = memoryview(ba)
try:
    ba.append(3)
except BufferError as e:
    print("held:", e)
m = None
ba.append(3)
view = memoryview(ba)
del view
ba.append(4)

def keeper(b):
    m = memoryview(b)
    return lambda: m[0]

get = keeper(ba)
try:
    ba.append(5)
except BufferError as e:
    print("closure holds:", e)
print(get())
del get
ba.append(5)
print(len(ba), ba)
gen = (v for v in memoryview(ba))
try:
    ba.append(6)
except BufferError as e:
    print("generator holds:", e)
print(next(gen))
del gen
ba.append(6)
print(len(ba))
