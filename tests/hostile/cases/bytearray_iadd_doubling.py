# expect: MemoryError
b = bytearray(b'x')
while True:
    b += b
