# Port of CPython 3.11 Lib/test/test_struct.py (flattened: no classes; each
# assertion prints its value or its exception; CPython wrote the .expected).
# Left out: see LEFT_OUT.md.
import array, struct, sys

def check(label, f):
    try: r = repr(f())
    except Exception as e: r = type(e).__name__ + ': ' + str(e)
    print(label, r)

integer_codes = 'b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N'
byteorders = '', '@', '=', '<', '>', '!'
def integer_formats(orders):
    out = []
    for code in integer_codes:
        for byteorder in orders:
            if byteorder not in ('', '@') and code in ('n', 'N'):
                continue
            out.append((code, byteorder))
    return out

# test_isbigendian
check("isbigendian", lambda: struct.pack('=i', 1)[0] == 0)

# test_consistence
check("calcsize Z", lambda: struct.calcsize('Z'))
check("3 i", lambda: struct.calcsize('i') * 3 == struct.calcsize('iii'))
check("fmt3", lambda: struct.calcsize('cbxxxxxxhhhhiillffd?') * 3 == struct.calcsize('3c3b18x12h6i6l6f3d3?'))
check("pack iii 3", lambda: struct.pack('iii', 3))
check("pack i 3 3 3", lambda: struct.pack('i', 3, 3, 3))
check("pack i foo", lambda: struct.pack('i', 'foo'))
check("pack P foo", lambda: struct.pack('P', 'foo'))
check("unpack d flap", lambda: struct.unpack('d', b'flap'))
s = struct.pack('ii', 1, 2)
check("unpack iii", lambda: struct.unpack('iii', s))
check("unpack i", lambda: struct.unpack('i', s))

# test_transitiveness
c = b'a'; b = 1; h = 255; i = 65535; l = 65536; f = 3.1415; d = 3.1415; t = True
for prefix in ('', '@', '<', '>', '=', '!'):
    for format in ('xcbhilfd?', 'xcBHILfd?'):
        format = prefix + format
        s = struct.pack(format, c, b, h, i, l, f, d, t)
        cp, bp, hp, ip, lp, fp, dp, tp = struct.unpack(format, s)
        check("transitive " + format, lambda: (cp == c, bp == b, hp == h, ip == i, lp == l,
                                              int(100 * fp) == int(100 * f), int(100 * dp) == int(100 * d), tp == t))

# test_new_features
tests = [
    ('c', b'a', b'a', b'a', 0), ('xc', b'a', b'\0a', b'\0a', 0), ('cx', b'a', b'a\0', b'a\0', 0),
    ('s', b'a', b'a', b'a', 0), ('0s', b'helloworld', b'', b'', 1), ('1s', b'helloworld', b'h', b'h', 1),
    ('9s', b'helloworld', b'helloworl', b'helloworl', 1), ('10s', b'helloworld', b'helloworld', b'helloworld', 0),
    ('11s', b'helloworld', b'helloworld\0', b'helloworld\0', 1),
    ('20s', b'helloworld', b'helloworld' + 10 * b'\0', b'helloworld' + 10 * b'\0', 1),
    ('b', 7, b'\7', b'\7', 0), ('b', -7, b'\371', b'\371', 0), ('B', 7, b'\7', b'\7', 0),
    ('B', 249, b'\371', b'\371', 0), ('h', 700, b'\002\274', b'\274\002', 0), ('h', -700, b'\375D', b'D\375', 0),
    ('H', 700, b'\002\274', b'\274\002', 0), ('H', 0x10000 - 700, b'\375D', b'D\375', 0),
    ('i', 70000000, b'\004,\035\200', b'\200\035,\004', 0), ('i', -70000000, b'\373\323\342\200', b'\200\342\323\373', 0),
    ('I', 70000000, b'\004,\035\200', b'\200\035,\004', 0),
    ('I', 0x100000000 - 70000000, b'\373\323\342\200', b'\200\342\323\373', 0),
    ('l', 70000000, b'\004,\035\200', b'\200\035,\004', 0), ('l', -70000000, b'\373\323\342\200', b'\200\342\323\373', 0),
    ('L', 70000000, b'\004,\035\200', b'\200\035,\004', 0),
    ('L', 0x100000000 - 70000000, b'\373\323\342\200', b'\200\342\323\373', 0),
    ('f', 2.0, b'@\000\000\000', b'\000\000\000@', 0),
    ('d', 2.0, b'@\000\000\000\000\000\000\000', b'\000\000\000\000\000\000\000@', 0),
    ('f', -2.0, b'\300\000\000\000', b'\000\000\000\300', 0),
    ('d', -2.0, b'\300\000\000\000\000\000\000\000', b'\000\000\000\000\000\000\000\300', 0),
    ('?', 0, b'\0', b'\0', 0), ('?', 3, b'\1', b'\1', 1), ('?', True, b'\1', b'\1', 0),
    ('?', [], b'\0', b'\0', 1), ('?', (1,), b'\1', b'\1', 1),
]
for fmt, arg, big, lil, asy in tests:
    for xfmt, exp in [('>' + fmt, big), ('!' + fmt, big), ('<' + fmt, lil), ('=' + fmt, lil)]:
        res = struct.pack(xfmt, arg)
        rev = struct.unpack(xfmt, res)[0]
        check("new " + xfmt, lambda: (res == exp, struct.calcsize(xfmt) == len(res), rev == arg or bool(asy)))

# test_calcsize
expected_size = {'b': 1, 'B': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 4, 'L': 4, 'q': 8, 'Q': 8}
for code, byteorder in integer_formats(('=', '<', '>', '!')):
    check("calcsize " + byteorder + code, lambda: struct.calcsize(byteorder + code) == expected_size[code])
for pair in ('bB', 'hH', 'iI', 'lL', 'nN', 'qQ'):
    for byteorder in ('', '@'):
        check("native " + byteorder + pair, lambda: struct.calcsize(byteorder + pair[0]) == struct.calcsize(byteorder + pair[1]))
check("bounds", lambda: (struct.calcsize('b'), struct.calcsize('h'), struct.calcsize('i'), struct.calcsize('l'),
                         struct.calcsize('q'), struct.calcsize('n'), struct.calcsize('P')))

# test_integers, flattened: each format's bounds, just past them, and non-integers
for code, byteorder in integer_formats(byteorders):
    format = byteorder + code
    bitsize = struct.calcsize(format) * 8
    if code in 'bhilqn':
        lo, hi = -(2 ** (bitsize - 1)), 2 ** (bitsize - 1) - 1
    else:
        lo, hi = 0, 2 ** bitsize - 1
    for x in [lo, hi, 0, 1, -1, lo - 1, hi + 1, 2 ** 70, -2 ** 70]:
        check("int " + format + " " + str(x), lambda: struct.unpack(format, struct.pack(format, x))[0] == x)
    for x in [1.0, 1.5, '1', None, b'1']:
        check("int " + format + " " + repr(x), lambda: struct.pack(format, x))
    check("int " + format + " bool", lambda: struct.pack(format, True) == struct.pack(format, 1))

# test_nN_code
for code in 'nN':
    for byteorder in ('=', '<', '>', '!'):
        format = byteorder + code
        check("nN calcsize " + format, lambda: struct.calcsize(format))
        check("nN pack " + format, lambda: struct.pack(format, 0))
        check("nN unpack " + format, lambda: struct.unpack(format, b""))

# test_p_code
for code, input, expected, expectedback in [
        ('p', b'abc', b'\x00', b''), ('1p', b'abc', b'\x00', b''), ('2p', b'abc', b'\x01a', b'a'),
        ('3p', b'abc', b'\x02ab', b'ab'), ('4p', b'abc', b'\x03abc', b'abc'),
        ('5p', b'abc', b'\x03abc\x00', b'abc'), ('6p', b'abc', b'\x03abc\x00\x00', b'abc'),
        ('1000p', b'x' * 1000, b'\xff' + b'x' * 999, b'x' * 255)]:
    got = struct.pack(code, input)
    check("p " + code, lambda: (got == expected, struct.unpack(code, got)[0] == expectedback))

# test_705836 (without math.ldexp: the largest finite single written out)
for base in range(1, 33):
    delta = 0.5
    while base - delta / 2.0 != base:
        delta /= 2.0
    smaller = base - delta
    packed = struct.pack("<f", smaller)
    bigpacked = struct.pack(">f", smaller)
    check("705836 " + str(base), lambda: (struct.unpack("<f", packed)[0] == base, bigpacked == packed[::-1],
                                          struct.unpack(">f", bigpacked)[0] == base))
big = float((1 << 24) - 1) * 2.0 ** (127 - 23)
check("largest single", lambda: struct.unpack(">f", struct.pack(">f", big))[0] == big)
big = float((1 << 25) - 1) * 2.0 ** (127 - 24)
check("rounds to inf", lambda: struct.pack(">f", big))

# test_1530559
for code, byteorder in integer_formats(byteorders):
    format = byteorder + code
    check("1530559 " + format + " 1.0", lambda: struct.pack(format, 1.0))
    check("1530559 " + format + " 1.5", lambda: struct.pack(format, 1.5))
check("1530559 P 1.0", lambda: struct.pack('P', 1.0))
check("1530559 P 1.5", lambda: struct.pack('P', 1.5))

# test_unpack_from
test_string = b'abcd01234'
fmt = '4s'
s = struct.Struct(fmt)
for cls in (bytes, bytearray):
    data = cls(test_string)
    check("unpack_from", lambda: s.unpack_from(data))
    check("unpack_from 2", lambda: s.unpack_from(data, 2))
    check("unpack_from 4", lambda: s.unpack_from(data, 4))
    for i in range(6):
        check("unpack_from i", lambda: s.unpack_from(data, i) == (data[i:i + 4],))
    for i in range(6, len(test_string) + 1):
        check("unpack_from past", lambda: s.unpack_from(data, i))
for cls in (bytes, bytearray):
    data = cls(test_string)
    check("fn unpack_from", lambda: struct.unpack_from(fmt, data))
    check("fn unpack_from 2", lambda: struct.unpack_from(fmt, data, 2))
    check("fn unpack_from 4", lambda: struct.unpack_from(fmt, data, 4))
    for i in range(6):
        check("fn unpack_from i", lambda: struct.unpack_from(fmt, data, i) == (data[i:i + 4],))
    for i in range(6, len(test_string) + 1):
        check("fn unpack_from past", lambda: struct.unpack_from(fmt, data, i))
check("unpack_from keywords", lambda: s.unpack_from(buffer=test_string, offset=2))

# test_pack_into and test_pack_into_fn
test_string = b'Reykjavik rocks, eow!'
for name, pack_into in [("Struct", struct.Struct('21s').pack_into), ("fn", None)]:
    writable_buf = array.array('b', b' ' * 100)
    def do(buf, off, v):
        if pack_into is None:
            return struct.pack_into('21s', buf, off, v)
        return pack_into(buf, off, v)
    do(writable_buf, 0, test_string)
    check(name + " pack_into 0", lambda: writable_buf.tobytes()[:len(test_string)] == test_string)
    do(writable_buf, 10, test_string)
    check(name + " pack_into 10", lambda: writable_buf.tobytes()[:len(test_string) + 10] == test_string[:10] + test_string)
    small_buf = array.array('b', b' ' * 10)
    check(name + " small 0", lambda: do(small_buf, 0, test_string))
    check(name + " small 2", lambda: do(small_buf, 2, test_string))
sb = array.array('b', b' ' * 10)
check("bogus offset", lambda: struct.pack_into(b'', sb, None))

# test_unpack_with_buffer
for data in [array.array('B', b'\x12\x34\x56\x78'), memoryview(b'\x12\x34\x56\x78')]:
    check("unpack buffer", lambda: struct.unpack('>I', data)[0] == 0x12345678)

# test_bool (without the exploding __bool__ class)
for prefix in tuple("<>!=") + ('',):
    false = (), [], [], '', 0
    true = [1], 'test', 5, -1, 0xffffffff + 1, 0xffffffff / 2
    unpackedFalse = struct.unpack(prefix + '?' * len(false), struct.pack(prefix + '?' * len(false), *false))
    unpackedTrue = struct.unpack(prefix + '?' * len(true), struct.pack(prefix + '?' * len(true), *true))
    check("bool " + prefix, lambda: (unpackedFalse, unpackedTrue, len(struct.pack(prefix + '?', 1))))
for c in [b'\x01', b'\x7f', b'\xff', b'\x0f', b'\xf0']:
    check("bool unpack", lambda: struct.unpack('>?', c)[0])

# test_count_overflow
check("hugecount", lambda: struct.calcsize(f'{sys.maxsize + 1}b'))
check("hugecount2", lambda: struct.calcsize(f'{sys.maxsize // 2}b{sys.maxsize // 2}H'))

# test_trailing_counter
store = array.array('b', b' ' * 100)
check("trail pack", lambda: struct.pack('12345'))
check("trail unpack", lambda: struct.unpack('12345', b''))
check("trail pack_into", lambda: struct.pack_into('12345', store, 0))
check("trail unpack_from", lambda: struct.unpack_from('12345', store, 0))
check("trail c pack", lambda: struct.pack('c12345', 'x'))
check("trail c unpack", lambda: struct.unpack('c12345', b'x'))
check("trail c pack_into", lambda: struct.pack_into('c12345', store, 0, 'x'))
check("trail c unpack_from", lambda: struct.unpack_from('c12345', store, 0))
check("mixed pack", lambda: struct.pack('14s42', 'spam and eggs'))
check("mixed unpack", lambda: struct.unpack('14s42', b'spam and eggs'))
check("mixed pack_into", lambda: struct.pack_into('14s42', store, 0, 'spam and eggs'))
check("mixed unpack_from", lambda: struct.unpack_from('14s42', store, 0))

# test_boundary_error_message*
check("boundary pack_into", lambda: struct.pack_into('b', bytearray(1), 5, 1))
check("boundary unpack_from", lambda: struct.unpack_from('b', bytearray(1), 5))
byte_list = bytearray(10)
check("negative pack_into -2", lambda: struct.pack_into('<I', byte_list, -2, 123))
check("negative pack_into -11", lambda: struct.pack_into('<B', byte_list, -11, 123))
check("negative unpack_from -2", lambda: struct.unpack_from('<I', byte_list, -2))
check("negative unpack_from -11", lambda: struct.unpack_from('<B', byte_list, -11))
check("large pack_into", lambda: struct.pack_into('<I', bytearray(10), sys.maxsize, 1))
check("large unpack_from", lambda: struct.unpack_from('<I', bytearray(10), sys.maxsize))

# test_issue29802
check("29802", lambda: struct.unpack('b', 0))
check("29802 after", lambda: struct.unpack('b', b'a'))

# test_format_attr
s = struct.Struct('=i2H')
check("format attr", lambda: s.format)

# test_issue35714
for x in '\0', '2\0i', b'\0':
    check("35714", lambda: struct.calcsize(x))

# test_issue45034_*
check("45034 H 70000", lambda: struct.pack('H', 70000))
check("45034 H -1", lambda: struct.pack('H', -1))
check("45034 h 70000", lambda: struct.pack('h', 70000))
check("45034 h -70000", lambda: struct.pack('h', -70000))

# UnpackIteratorTest
s = struct.Struct('>ibcp')
check("iter construct empty", lambda: list(s.iter_unpack(b"")))
check("iter construct 7", lambda: list(s.iter_unpack(b"1234567")))
check("iter 6", lambda: s.iter_unpack(b"123456"))
check("iter 8", lambda: s.iter_unpack(b"12345678"))
s = struct.Struct('>')
check("iter zero empty", lambda: s.iter_unpack(b""))
check("iter zero 12", lambda: s.iter_unpack(b"12"))
s = struct.Struct('>IB')
it = s.iter_unpack(bytes(range(1, 16)))
check("iterate 1", lambda: next(it))
check("iterate 2", lambda: next(it))
check("iterate 3", lambda: next(it))
check("iterate stop", lambda: next(it))
check("iterate stop again", lambda: next(it))
it = s.iter_unpack(memoryview(bytes(range(1, 11))))
check("arbitrary 1", lambda: next(it))
check("arbitrary 2", lambda: next(it))
check("arbitrary stop", lambda: next(it))
it = struct.iter_unpack('>IB', bytes(range(1, 11)))
check("module func 1", lambda: next(it))
check("module func 2", lambda: next(it))
check("module func stop", lambda: next(it))

# test_half_float: the packed values of the test's table
for x, bits in [(0.0, b'\x00\x00'), (-0.0, b'\x00\x80'), (1.0, b'\x00\x3c'), (-2.0, b'\x00\xc0'),
                (65504.0, b'\xff\x7b'), (0.5, b'\x00\x38'), (2 ** -14, b'\x00\x04'), (2 ** -24, b'\x01\x00')]:
    check("half " + repr(x), lambda: (struct.pack('<e', x) == bits, struct.unpack('<e', bits)[0] == x))
for x in [65520.0, 1e300, -65520.0]:
    check("half overflow " + repr(x), lambda: struct.pack('<e', x))
