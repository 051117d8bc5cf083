# expect: cpython
bytearray(2**62)
