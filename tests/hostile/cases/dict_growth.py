# expect: MemoryError
d = {}
i = 0
while True:
    d[i] = 'x' * 10**5
    i += 1
