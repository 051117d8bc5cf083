# expect: cpython
memoryview(b'x' * 8).cast('B', [2**62, 4])
