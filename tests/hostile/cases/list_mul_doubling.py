# expect: MemoryError
a = [0]
while True:
    a *= 2
