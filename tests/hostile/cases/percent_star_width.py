# expect: MemoryError
'%*d' % (10**9, 1)
