# expect: cpython
x = 1
y = "ÿ"
print(x)
