# expect: MemoryError
b'a' * 10**9
