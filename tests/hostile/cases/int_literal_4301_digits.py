# expect: cpython
# generate: 'x = ' + '1' * 4301 + '\n'
