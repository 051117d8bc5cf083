# expect: cpython
list(range(10**12))
