# expect: MemoryError
'x'.ljust(10**9)
