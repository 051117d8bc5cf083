# expect: cpython
'x'.center(2**62)
