# binascii.unhexlify/a2b_hex, b2a_base64/a2b_base64 (strict_mode), binascii.Error
import binascii
from array import array


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


# unhexlify: bytes, ASCII str, any C-contiguous buffer
t(binascii.unhexlify, b"48656c6C6f")
t(binascii.a2b_hex, "00ff7F")
t(binascii.unhexlify, bytearray(b"4142"))
t(binascii.unhexlify, memoryview(b"xx4142yy")[2:6])
t(binascii.unhexlify, array("B", b"4142"))
t(binascii.unhexlify, memoryview(b"4142").cast("B", (2, 2)))
t(binascii.unhexlify, b"")
# errors
t(binascii.unhexlify, b"abc")
t(binascii.unhexlify, b"zz")
t(binascii.unhexlify, "0g")
t(binascii.unhexlify, "ab\xe9")
t(binascii.unhexlify, 5)
t(binascii.unhexlify, memoryview(b"4142434445")[::2])
t(binascii.a2b_hex, hexstr="4142")
t(binascii.unhexlify)
t(binascii.unhexlify, b"", b"")
released = memoryview(bytearray(b"4142"))
released.release()
t(binascii.unhexlify, released)

# b2a_base64: every tail length, newline flag, buffers
for n in range(7):
    t(binascii.b2a_base64, bytes(range(250, 250 + n)))
t(binascii.b2a_base64, b"hi", newline=False)
t(binascii.b2a_base64, b"a", newline=0)
t(binascii.b2a_base64, array("I", [1, 2]))
t(binascii.b2a_base64, memoryview(b"abc").cast("B", (3, 1)))
t(binascii.b2a_base64, bytearray(b"\x00\x01"))
t(binascii.b2a_base64, memoryview(b"--abc--")[2:-2])
t(binascii.b2a_base64, "hi")
t(binascii.b2a_base64, memoryview(b"abcdef")[::2])
t(binascii.b2a_base64, released)
t(binascii.b2a_base64, b"hi", False)
t(binascii.b2a_base64, b"a", newline=2**70)
t(binascii.b2a_base64, b"a", newline=2**40)
t(binascii.b2a_base64, b"a", newline=None)
t(binascii.b2a_base64, b"a", newline=1.5)
t(binascii.b2a_base64)
t(binascii.b2a_base64, data=b"")
t(binascii.b2a_base64, b"", x=1)
t(binascii.b2a_base64, b"", 1, x=1)
t(binascii.b2a_base64, newline=1, x=2)

# a2b_base64: lenient and strict
t(binascii.a2b_base64, b"aGk=")
t(binascii.a2b_base64, "YWJj\n")
t(binascii.a2b_base64, bytearray(b"YWJj"))
t(binascii.a2b_base64, array("H", [0x5759, 0x4A36]))
t(binascii.a2b_base64, memoryview(b"..aGk=..")[2:6])
t(binascii.a2b_base64, b"ab!!cd")
t(binascii.a2b_base64, b"YWJj\nYWJj")
t(binascii.a2b_base64, b"ab==cd")
t(binascii.a2b_base64, b"abcd=")
t(binascii.a2b_base64, b"ab=c")
t(binascii.a2b_base64, b"aGk")
t(binascii.a2b_base64, b"a")
t(binascii.a2b_base64, b"abcde")
t(binascii.a2b_base64, b"a!b!c!d!e")
t(binascii.a2b_base64, b"abcdefghi")
t(binascii.a2b_base64, b"")
for s in [b"ab!!cd", b"=abc", b"ab==cd", b"ab=", b"abc==", b"", b"abcd=", b"ab=c",
          b"YWJj\nYWJj", b"ab=\n=", b"aGk=", b"YWJjZA=="]:
    t(binascii.a2b_base64, s, strict_mode=True)
t(binascii.a2b_base64, "YWJ\xe9")
t(binascii.a2b_base64, 3.5)
t(binascii.a2b_base64, b"", strict_mode="x")
t(binascii.a2b_base64, b"YQ", strict_mode=2**70)
t(binascii.a2b_base64)
t(binascii.a2b_base64, data=b"")
t(binascii.a2b_base64, b"", b"")
t(binascii.a2b_base64, b"", x=1)

# round trip of every byte value
data = bytes(range(256)) * 3
enc = binascii.b2a_base64(data)
print(len(enc), binascii.a2b_base64(enc) == data, binascii.a2b_base64(enc[:-1], strict_mode=True) == data)
print(binascii.unhexlify(binascii.hexlify(data)) == data)

# binascii.Error is a ValueError; Incomplete is not
print(issubclass(binascii.Error, ValueError), binascii.Error.__name__, binascii.Error)
print(issubclass(binascii.Incomplete, ValueError), issubclass(binascii.Incomplete, Exception))
try:
    binascii.unhexlify(b"1")
except ValueError as e:
    print("caught", repr(e), e.args, isinstance(e, binascii.Error))
try:
    raise binascii.Error("custom")
except binascii.Error as e:
    print("got", e, type(e).__name__)
binascii.a2b_base64(b"aGk")
