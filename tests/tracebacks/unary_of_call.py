x = -len(5)
assert x == 1, "no"
