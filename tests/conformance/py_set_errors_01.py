# set error paths, messages as CPython
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: {[1]})
t(lambda: {1: 2} and {{1}})
t(lambda: hash({1}))
t(lambda: set().pop())
t(lambda: {1}.remove(2))
t(lambda: {1}.remove([1]))
t(lambda: {1} | [2])
t(lambda: [2] & {1})
t(lambda: {1} < [1])
t(lambda: set(1))
t(lambda: set([1], [2]))
t(lambda: set(x=1))
t(lambda: frozenset(1, 2))
t(lambda: frozenset().add(1))
t(lambda: {1}.add())
t(lambda: {1}.union(5))
t(lambda: {1}.issubset(3))
t(lambda: {1}.symmetric_difference())
t(lambda: {1, 2} - 3)
t(lambda: {{1}: 2})
t(lambda: {1}.discard({1}))
t(lambda: {frozenset([1])}.remove({1}) or "removed")
t(lambda: [1] in {1})
def grow():
    s = {1, 2, 3}
    for x in s:
        s.add(x + 10)
t(grow)
def shrink():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
t(shrink)
s = {1}
s |= [2]
