# expect: cpython
'x' * (2**62)
