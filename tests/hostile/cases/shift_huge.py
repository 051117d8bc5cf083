# expect: cpython
1 << 10**12
