# expect: MemoryError
print(len(('\t' * 1000).expandtabs(10**6)))
