# base64: b64, standard, urlsafe, b16, b32 with Lib/base64.py messages
import base64
from array import array


def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
t(base64.b64encode, b"\xfb\xff", b"-_")
t(base64.b64encode, b"\xfb\xff", "-_")
t(base64.b64encode, b"\xfb\xff", b"-")
t(base64.b64encode, b"\xfb\xff", 5)
t(base64.b64encode, b"\xfb\xff", array('H',[1,2]))
t(base64.b64encode, b"\xfb\xff", memoryview(b"-x_")[::2])
t(base64.b64encode, b"\xfb\xff", bytearray(b"-_"))
t(base64.b64encode, "x")
t(base64.b64encode)
t(base64.b64encode, b"", None, 1)
t(base64.b64encode, s=b"a", x=1)
t(base64.b64encode, b"a", s=b"a")
t(base64.b64decode, "-_8=", "-_")
t(base64.b64decode, "-_8=", b"-")
t(base64.b64decode, "-_8=", 5)
t(base64.b64decode, "-_8=", memoryview(b"-x_")[::2])
t(base64.b64decode, memoryview(b"a-G-k-=")[::2])
t(base64.b64decode, 5)
t(base64.b64decode, "aGk=\xe9")
t(base64.b64decode, b"aGk=", validate="yes")
t(base64.b64decode, b"aG k=", validate=True)
t(base64.b64decode, b"aG k=", validate=[])
t(base64.b64decode, b"aG k=", validate=1.0)
t(base64.b64decode, b"aG k=", validate=2**80)
t(base64.b64decode, b"aGk", None, False, 1)
t(base64.b64decode)
t(base64.standard_b64decode, b"aGk=")
t(base64.standard_b64encode, b"hi")
t(base64.standard_b64encode, s=b"hi")
t(base64.urlsafe_b64encode, b"\xfb\xff\xfe")
t(base64.urlsafe_b64decode, "-__-")
t(base64.urlsafe_b64decode, "+//+")
t(base64.b16encode, b"\xab\x01")
t(base64.b16encode, memoryview(b"ab")[::2])
t(base64.b16decode, "AB01")
t(base64.b16decode, "ab01")
t(base64.b16decode, "ab01", True)
t(base64.b16decode, "ABC")
t(base64.b16decode, "ABG0")
t(base64.b16decode, b"AB\n")
t(base64.b16decode, 1)
t(base64.b32encode, b"")
for n in range(1, 7): t(base64.b32encode, bytes(range(100, 100+n)))
t(base64.b32encode, "x")
t(base64.b32encode, memoryview(b"abcdef")[::2])
t(base64.b32encode, 5)
t(base64.b32decode, "MZXW6YTBOI======")
t(base64.b32decode, "mzxw6ytboi======")
t(base64.b32decode, "mzxw6ytboi======", True)
t(base64.b32decode, "MZXW6YTBOI=====")
t(base64.b32decode, "MZXW6YTB0I======")
t(base64.b32decode, "MZXW6YTB0I======", map01=b"L")
t(base64.b32decode, "MZXW6YTB1I======", map01="I")
t(base64.b32decode, "MZXW6YTB1I======", map01="IL")
t(base64.b32decode, "MZXW6YTB1I======", map01=5)
t(base64.b32decode, "MZXW6Y=BOI======")
t(base64.b32decode, "MZXW6YT=")
t(base64.b32decode, "MZ======")
t(base64.b32decode, "M=======")
t(base64.b32decode, "========")
t(base64.b32decode, "")
t(base64.b32decode, "MZXW6YTBOI======", casefold=[1])
t(base64.b32decode, "MZXW6YTBOI======", False, None, 1)
t(base64.b32decode, b"MZXW6===")
t(base64.b32decode, b"MZXW6YQ=")
# buffers of every kind
buf = bytearray(range(40))
for data in [buf, memoryview(buf)[3:17], array("H", [1, 2, 0xFFFF]), memoryview(buf)[::3],
             memoryview(bytes(12)).cast("I")]:
    try:
        e = base64.b64encode(data)
        print(e, base64.b64decode(e) == bytes(data))
    except Exception as ex:
        print("b64", type(ex).__name__, ex)
    e = base64.b32encode(data)
    print(e, base64.b32decode(e) == bytes(data))
    try:
        e = base64.b16encode(data)
        print(e, base64.b16decode(e) == bytes(data), base64.b16decode(e.lower(), casefold=1) == bytes(data))
    except Exception as ex:
        print("b16", type(ex).__name__, ex)
    e = base64.urlsafe_b64encode(bytes(data))
    print(e, base64.urlsafe_b64decode(e) == bytes(data))
# decode inputs as buffers
print(base64.b64decode(bytearray(b"aGk=")), base64.b64decode(memoryview(b"xaGk=x")[1:-1]))
print(base64.b32decode(memoryview(b"MZXW6===")), base64.b16decode(array("B", b"4142")))
print(base64.b64decode(array("B", b"aGk=")), base64.b64decode("aGk=", altchars=bytearray(b"-_")))
# round trips of every byte value
data = bytes(range(256)) * 2
for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                 (base64.b16encode, base64.b16decode), (base64.b32encode, base64.b32decode),
                 (base64.standard_b64encode, base64.standard_b64decode)]:
    print(enc.__name__, len(enc(data)), dec(enc(data)) == data)
print(base64.b64decode(base64.b64encode(data, b"*!"), b"*!", validate=True) == data)
try:
    base64.b32decode("M1======")
except ValueError as e:
    print("ValueError caught:", type(e).__name__, e)
base64.b64decode("abcde")
