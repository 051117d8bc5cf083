# expect: cpython
def f():
    f()
f()
