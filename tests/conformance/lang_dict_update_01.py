# dict(...) and d.update(...): mapping or pairs, keywords, self-update, CPython's errors
d = dict([(1, 2)], a=3)
d.update({4: 5}, b=6)
d.update(d)
print(d)
for bad in (lambda: dict(1, 2), lambda: d.update([1]), lambda: d.update([(1,)]), lambda: dict([1])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
