def f():
    return (len(
        5) + 1)
f()
