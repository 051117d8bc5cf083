# expect: cpython
int('1' * 5000)
