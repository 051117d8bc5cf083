# expect: cpython
[0] * (2**62)
