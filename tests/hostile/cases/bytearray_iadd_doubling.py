# expect: cpython
# b += b takes an export of b for the right-hand side, so the resize is refused
# (bytearray_iconcat): BufferError at once, as CPython; the copy doubling is
# bytearray_copy_doubling.py.
b = bytearray(b'x')
b += b
