# expect: MemoryError
['x' * 10**5 for i in range(10**9)]
