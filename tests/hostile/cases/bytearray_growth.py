# expect: MemoryError
b = bytearray()
while True:
    b += b'x' * 10**6
