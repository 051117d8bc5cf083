# Reference cycles through lists and dicts: counting alone never frees them,
# gc.collect() does (the program must end leak-free).
import gc

a = []
a.append(a)
print(a)
print(a[0] is a)
d = {}
d["self"] = d
print(d)
pair_x = [1]
pair_y = [2, pair_x]
pair_x.append(pair_y)
print(len(pair_x), len(pair_y))
del a, d, pair_x, pair_y
n = gc.collect()
print(type(n).__name__, n >= 0)
# A survivor is left alone: a cycle still named by a variable.
keep = [0]
keep.append(keep)
gc.collect()
print(keep[1][1][0], keep[1] is keep)
t = ([],)
t[0].append(t)
print(t[0][0] is t)
del t
gc.collect()
print("end")
