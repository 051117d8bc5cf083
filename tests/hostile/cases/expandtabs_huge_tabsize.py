# expect: cpython
'\t'.expandtabs(10**10)
