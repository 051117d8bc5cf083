# expect: MemoryError
a = []
while True:
    a.append('x' * 10**5)
