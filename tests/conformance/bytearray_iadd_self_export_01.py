# ba += ba holds ba's own export over the resize (CPython 3.11 bytearray_iconcat):
# refused with BufferError, while ba.extend(ba) and slice assignment copy first.
import io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
ba = bytearray([127, 98, 98, 1])
def iadd():
    global ba
    ba += ba
t(iadd)
print(ba)
empty = bytearray()
def iadd_empty():
    global empty
    empty += empty
    return empty
t(iadd_empty)
t(lambda: ba.extend(ba) or ba)
def setslice():
    ba[len(ba):] = ba
    return ba
t(setslice)
other = bytearray(b'xy')
def iadd_other():
    global ba
    ba += other
    return ba
t(iadd_other)
m = memoryview(ba)
t(iadd_other)
m.release()
t(iadd_other)
# BytesIO.write checks closed and exports before it looks at its argument.
bio = io.BytesIO(b'ca')
v = bio.getbuffer()
t(lambda: bio.write(1))
t(lambda: bio.write(b''))
t(lambda: bio.write(b'x'))
t(lambda: bio.truncate('x'))
v.release()
t(lambda: bio.write(1))
t(lambda: bio.write(b'x'))
bio.close()
t(lambda: bio.write(1))
