# expect: cpython
bytes(range(10**9))
