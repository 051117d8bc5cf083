# expect: MemoryError
sorted(range(10**9))
