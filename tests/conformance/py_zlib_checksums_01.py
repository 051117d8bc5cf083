# zlib.crc32 / adler32 over any buffer, with a start value; error messages
import zlib, array
print(zlib.crc32(b""), zlib.crc32(b"hello"), zlib.crc32(b"hello", 1), zlib.crc32(b"a", -1))
print(zlib.crc32(b"a", 2**40), zlib.crc32(b" world", zlib.crc32(b"hello")) == zlib.crc32(b"hello world"))
print(zlib.adler32(b""), zlib.adler32(b"hello"), zlib.adler32(b"hello", 7), zlib.adler32(b"x" * 6000))
buf = bytearray(b"packet-data")
mv = memoryview(buf)
print(zlib.crc32(buf), zlib.crc32(mv[2:6]), zlib.crc32(array.array("H", [1, 2, 3])), zlib.adler32(mv))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: zlib.crc32("a"))
t(lambda: zlib.crc32(b"a", "x"))
t(lambda: zlib.crc32())
t(lambda: zlib.adler32(b"a", 1, 2))
t(lambda: zlib.crc32(value=1, data=b""))
t(lambda: zlib.adler32([1]))
