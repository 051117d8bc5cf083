import struct
import mmap
import array
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
t(lambda: struct.unpack_from("i", None))
t(lambda: struct.unpack_from("i", None, 5))
t(lambda: struct.unpack_from("i", None, -1))
t(lambda: struct.Struct("i").unpack_from(None))
t(lambda: b"a\nb\r\nc".splitlines(None))
t(lambda: bytearray(b"a\nb").splitlines(None))
t(lambda: b"a\nb".splitlines(keepends=None))
m = mmap.mmap(-1, 10)
m.close()
t(lambda: m.read(1))
t(lambda: m.read("x"))
t(lambda: m.write(b"x"))
t(lambda: m.write("x"))
t(lambda: m.seek("x"))
t(lambda: m.seek(0))
t(lambda: m.tell())
t(lambda: m.size())
t(lambda: m.read_byte())
t(lambda: m.write_byte("x"))
t(lambda: m.readline())
t(lambda: m.resize(5))
t(lambda: m.resize("x"))
t(lambda: m[0])
t(lambda: len(m))
t(lambda: m.flush())
t(lambda: int(memoryview(b"1")))
t(lambda: int(memoryview(b"12")))
a = array.array("b", [1,2,3])
def f():
    a[::0] = array.array("b", [1])
t(f)
def f2():
    a[0:2:0] = array.array("b")
t(f2)
def f2b():
    a[::0] = [1]
t(f2b)
t(lambda: list(struct.iter_unpack("", b"")))
t(lambda: struct.iter_unpack("", b"abc"))
t(lambda: struct.Struct("0i").iter_unpack(b""))
ba = bytearray(b"abc")
def f3():
    ba[0:1] = None
t(f3)
def f4():
    ba[::2] = None
t(f4)
def f5():
    ba[0] = None
t(f5)
