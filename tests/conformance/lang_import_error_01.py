# from-import of a missing name raises ImportError (CPython's message also names
# the module's file, which differs per machine, so only the type is printed)
try:
    from struct import nope
except ImportError as e:
    print(type(e).__name__, str(e).startswith("cannot import name 'nope' from 'struct'"))
try:
    from struct import pack, nope2
except Exception as e:
    print(type(e).__name__, isinstance(e, ImportError))
from struct import calcsize as size
print(size(">I"))
