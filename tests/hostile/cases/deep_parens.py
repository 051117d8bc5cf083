# expect: cpython
# generate: 'x = ' + '(' * 1000 + ')' * 1000 + '\n'
