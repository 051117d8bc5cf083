# expect: cpython
b'ab'.hex(':', -2**63)
