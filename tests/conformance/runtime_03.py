# bytes and bytearray methods, codecs, hex
b = b"hello world"
print(b.upper(), b.split(), b.find(b"o"), b.count(b"l"), b.replace(b"o", b"0"), b[::-1], b[1], b[1:4])
print(b.hex(), b.hex(":"), b"abcdef".hex("-", 2), bytes.fromhex("de ad be ef"), b"x" * 3, b"a" + b"b")
print("héllo".encode(), b"h\xc3\xa9llo".decode(), b"\xe9".decode("latin-1"), "é".encode("latin-1"))
ba = bytearray(b"abc")
ba.append(100); ba.extend(b"ef"); ba[0] = 65; ba[1:3] = b"XYZ"; print(ba, len(ba), ba.pop(), ba)
print(bytes(3), bytes([65, 66]), bytearray(2), bytes("hi", "ascii"), b"%d-%s" % (5, b"x"), 98 in b"abc")
for name, bad in [("b'\\xff'.decode()", lambda: b'\xff'.decode()),
         ("'é'.encode('ascii')", lambda: 'é'.encode('ascii')),
         ('bytes([256])', lambda: bytes([256])),
         ("bytes('x')", lambda: bytes('x')),
         ("b'a' + 'b'", lambda: b'a' + 'b'),
         ("bytes.fromhex('0g')", lambda: bytes.fromhex('0g'))]:
    try:
        print(name, "->", bad())
    except Exception as e:
        print(name, "->", type(e).__name__, e)
