print("a BOM before the first line is skipped")
x = 1
print(x + 1)
