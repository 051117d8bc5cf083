# expect: MemoryError
b = bytearray(b'x')
while True:
    b += bytes(b)
