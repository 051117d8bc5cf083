# expect: MemoryError
10 ** (10**10)
