# expect: cpython
tuple(range(10**12))
