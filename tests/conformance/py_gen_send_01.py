def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return count

a = averager()
print(next(a))
print(a.send(10))
print(a.send(20))
try:
    a.send(None)
except StopIteration as e:
    print("count", e.value)
g = averager()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
