l = [1, 2, 3]
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
def st(k, v):
    def g():
        l[k] = v
        return l
    return g
t(st(slice(None, None, 2), 5))
t(st(slice(None, None, 2), None))
t(st(slice(None, None, 1), 5))
t(st(slice(None, None, -1), 'abc'))
t(st(slice(None, None), (x * 2 for x in l)))
t(st(slice(None, None, -1), (x * 2 for x in l)))
