# mv.obj of a BytesIO's getbuffer() is an _io._BytesIOBuffer: not the BytesIO,
# a buffer exporter itself, hashable by identity.
import io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
bio = io.BytesIO(b'\x00AcA')
m = bio.getbuffer()
o = m.obj
t(lambda: o is bio)
t(lambda: m.obj is o)
t(lambda: bio.getbuffer().obj is o)
t(lambda: type(o) is type(bio))
t(lambda: bytes(o))
t(lambda: memoryview(o).tolist())
t(lambda: hash(o) == hash(o))
t(lambda: o == o)
t(lambda: o == m.obj)
t(lambda: len(bytes(memoryview(o)[1:])))
n = memoryview(o)
t(lambda: bio.write(b'x'))
m.release()
t(lambda: bio.write(b'x'))
n.release()
t(lambda: bio.write(b'x'))
t(lambda: bio.getvalue())
