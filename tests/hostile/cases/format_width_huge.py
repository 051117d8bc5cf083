# expect: MemoryError
format(1, '1000000000')
