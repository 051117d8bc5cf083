# exceptions
def f(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError as e:
        return "VE:" + str(e)
    finally:
        print("finally", n)
print(f(0), f(2))
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return i
print(g())
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError as e:
    print("outer", e)
try:
    raise KeyError
except KeyError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise TypeError("a", 1)
except TypeError as e:
    print(e, e.args)
try:
    raise ValueError("x") from None
except ValueError as e:
    print("from", e)
try:
    int("q")
except (TypeError, ValueError) as e:
    print(type(e).__name__)
def h():
    try:
        return "try"
    finally:
        print("h finally")
print(h())
try:
    [].pop()
except IndexError as e:
    print(e)
else:
    print("no")
e = 5
try:
    1/0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)
try:
    raise StopIteration
except Exception as ex:
    print(type(ex).__name__, repr(ex))
try:
    assert False
except AssertionError as ex:
    print(repr(ex), ex.args)
try:
    assert 0, ("tuple", 1)
except AssertionError as ex:
    print(ex, ex.args)
try:
    raise 5
except TypeError as ex:
    print(ex)
try:
    raise
except RuntimeError as ex:
    print(ex)
try:
    undefined()
except NameError as ex:
    print(ex)
try:
    try:
        raise ValueError("one")
    except ValueError:
        raise TypeError("two")
except TypeError as ex:
    print(ex)
print(isinstance(ValueError("x"), Exception), issubclass(ValueError, Exception) if False else 1)
