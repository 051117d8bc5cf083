# CPython 3.11 adds "Did you mean" only to the printed traceback: str(e),
# repr(e) and e.args of a NameError / AttributeError have no hint.
def f():
    length = 3
    return lenght


try:
    f()
except NameError as e:
    print(str(e))
    print(repr(e))
    print(e.args)

mv = memoryview(b"abcd")
try:
    mv.nbyte
except AttributeError as e:
    print(str(e))
    print(e.args)

try:
    getattr(mv, "tolst")
except AttributeError as e:
    print(e)
print(getattr(mv, "tolst", "default"))
