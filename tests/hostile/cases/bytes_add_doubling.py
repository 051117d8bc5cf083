# expect: MemoryError
b = b'x'
while True:
    b = b + b
