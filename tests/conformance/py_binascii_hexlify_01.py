# binascii.hexlify / b2a_hex (sep, bytes_per_sep) and crc32, over any buffer
import binascii, array
print(binascii.hexlify(b"\x01\xff"), binascii.hexlify(b"\x01\xff", "-"), binascii.b2a_hex(b"abcde", b":", 2))
print(binascii.hexlify(b"abcdef", ":", -2), binascii.hexlify(data=b"ab", sep=" "), binascii.hexlify(b""))
mv = memoryview(bytearray(b"\x00\x10\x20\x30"))
print(binascii.hexlify(mv[1:]), binascii.b2a_hex(array.array("B", [1, 2])), binascii.hexlify(bytearray(b"z")))
print(binascii.crc32(b"hello"), binascii.crc32(b"hello", 3), binascii.crc32(mv))
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: binascii.hexlify("a"))
t(lambda: binascii.hexlify())
t(lambda: binascii.hexlify(b"a", "--"))
t(lambda: binascii.hexlify(b"a", 5))
t(lambda: binascii.hexlify(b"a", "-", "x"))
t(lambda: binascii.crc32(b"a", "x"))
t(lambda: binascii.b2a_hex(b"a", bogus=1))
t(lambda: binascii.crc32(data=b""))
t(lambda: binascii.crc32())
