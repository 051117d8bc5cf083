# expect: cpython
str(10**5000)
