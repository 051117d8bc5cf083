# A suspended generator whose locals hold the generator itself: a cycle.
# gc.collect() closes it (its finally block runs) and frees it.
import gc


def g():
    me = yield
    yield


it = g()
next(it)
it.send(it)
del it
gc.collect()
print("plain generator freed")


def h(log):
    try:
        me = yield 1
        yield 2
    finally:
        log.append("finally")


log = []
it = h(log)
print(next(it))
print(it.send(it))
del it
print(log)
gc.collect()
print(log)
