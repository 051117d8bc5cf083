# Found by the 15-minute differential exploration: a.frombytes(a) holds a's export over
# the resize; frombytes needs an itemsize-1 buffer; an empty view sliced far away.
import array, io
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
a2 = array.array('B', b'b cc\xff\x80\x01\x00\xfe\x80\x01A')
t(lambda: a2.frombytes(a2))
print(a2)
e = array.array('B')
t(lambda: e.frombytes(e))
h = array.array('h', [1])
t(lambda: h.frombytes(h))
t(lambda: array.array('b').frombytes(array.array('i', [1])))
t(lambda: array.array('b').frombytes(memoryview(b'ab').cast('h')))
t(lambda: array.array('b').frombytes(None))
a3 = array.array('b', [1])
a3.frombytes(memoryview(b'\x02\x03'))
print(a3)
bio = io.BytesIO()
m = memoryview(bio.getbuffer())[2**31-1:-2:2**63-1]
t(lambda: len(m))
def assign():
    m[0:5:3] = m[::-1]
t(assign)
t(lambda: m[::-1].tobytes())
t(lambda: memoryview(b'')[5:1:2**63-1][::-1].tolist())
