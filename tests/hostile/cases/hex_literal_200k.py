# expect: cpython
# generate: 'x = 0x' + 'f' * 200000 + '\nprint(x.bit_length())\n'
