# expect: MemoryError
''.join(['x' * 10**6] * 1000)
