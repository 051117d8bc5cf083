# expect: MemoryError
'a' * 10**9
