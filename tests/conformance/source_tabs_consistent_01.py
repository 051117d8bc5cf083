# tabs and spaces mixed consistently are fine (CPython runs this)
if 1:
	x = 1
	if 1:
	        y = 2
	z = 3
print(x, y, z)
