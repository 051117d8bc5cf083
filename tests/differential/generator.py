"""Random programs over the buffer surface, inside the playground's Python.

A program is a list of numbered statements. Each renders to a try block that
prints `N <result>` (an expression, through show()) or `N ok` (a statement),
or `N ExcType: message` (through err()). The numbers stay with the statements
when the minimizer drops some.
"""
import random

# ---- values -----------------------------------------------------------------

SMALL = ["0", "1", "2", "3", "-1", "-2", "-3", "4", "5", "7", "8", "16"]
EDGE = ["255", "256", "-128", "-129", "127", "128", "65535", "65536", "-32768", "2**31-1", "2**31",
        "-2**31", "-2**31-1", "2**32", "2**32-1", "M", "-M", "-M-1", "2**63", "2**64-1", "2**64",
        "-2**64", "2**100", "-2**100", "True", "False"]
BYTE_CHARS = [0, 1, 0x10, 0x20, 0x41, 0x61, 0x62, 0x63, 0x7f, 0x80, 0xfe, 0xff]
FLOATS = ["0.0", "-0.0", "1.5", "-1.5", "2.0", "-2.5", "1e308", "-1e308", "5e-324", "0.1", "3.0",
          "float('inf')", "float('-inf')", "float('nan')", "1e16", "-7.0"]
TYPECODES = "bBhHiIlLqQfd"
CAST_FORMATS = ["B", "b", "c", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d", "?", "n", "N", "P",
                "@B", "@i", "<B", "=B", "x", "BB", "", "e", "u", "z"]
ORDERS = ["'little'", "'big'"]
HEX_STRS = ["''", "'00'", "'ff 00'", "'a b'", "'0g'", "'1'", "' 01 02 '", "'DEADbeef'", "'0\\t1'",
            "'é'", "'00 ff' * 3", "' '", "'0 0'"]
STRUCT_ITEMS = ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d", "?", "c", "x", "s", "2s",
                "3B", "2h", "0s", "n", "N", "P", "e", "p", "0i"]
STRUCT_PREFIX = ["", "", "<", ">", "!", "=", "@"]


def r_int(rng):
    return rng.choice(SMALL) if rng.random() < 0.7 else rng.choice(EDGE)


def r_small(rng):
    return rng.choice(SMALL)


def r_bytes_value(rng, n=None):
    if n is None:
        n = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 8, 12, 16])
    return bytes(rng.choice(BYTE_CHARS) for _ in range(n))


def r_bytes(rng, n=None):
    return repr(r_bytes_value(rng, n))


def r_slice(rng):
    def part():
        return "" if rng.random() < 0.35 else r_int(rng)
    start, stop = part(), part()
    if rng.random() < 0.5:
        step = rng.choice(["", "1", "2", "-1", "-2", "3", "0", "M", "-M", "-M-1", "2**63", "None"])
        return f"{start}:{stop}:{step}"
    return f"{start}:{stop}"


def r_ints_list(rng, tc=None):
    n = rng.choice([0, 1, 2, 3, 4, 6, 8])
    if tc in ("f", "d"):
        return "[" + ", ".join(rng.choice(FLOATS + SMALL) for _ in range(n)) + "]"
    return "[" + ", ".join(r_byte_int(rng) for _ in range(n)) + "]"


def r_byte_int(rng):
    return str(rng.choice(BYTE_CHARS)) if rng.random() < 0.9 else r_int(rng)


def r_struct_fmt(rng):
    n = rng.choice([1, 1, 2, 2, 3])
    return repr(rng.choice(STRUCT_PREFIX) + "".join(rng.choice(STRUCT_ITEMS) for _ in range(n)))


def r_struct_values(rng, fmt):
    """Values that often fit fmt (a Python literal), sometimes not."""
    vals = []
    f = eval(fmt)
    i = 0
    while i < len(f):
        ch = f[i]
        i += 1
        if ch in "<>!=@":
            continue
        count = ""
        while ch.isdigit():
            count += ch
            ch = f[i]
            i += 1
        reps = 1 if ch in "sp" else (int(count) if count else 1)
        for _ in range(reps):
            if ch == "x":
                continue
            if rng.random() < 0.1:
                vals.append(rng.choice([r_int(rng), rng.choice(FLOATS), r_bytes(rng, 1), "None", "'a'"]))
            elif ch in "sp":
                vals.append(r_bytes(rng))
            elif ch == "c":
                vals.append(r_bytes(rng, 1))
            elif ch in "fde":
                vals.append(rng.choice(FLOATS + SMALL))
            elif ch == "?":
                vals.append(rng.choice(["True", "False", "0", "3", "''", "b'x'"]))
            else:
                vals.append(r_byte_int(rng) if rng.random() < 0.8 else r_int(rng))
    if rng.random() < 0.1:
        vals = vals[:-1] if vals and rng.random() < 0.5 else vals + ["1"]
    return vals


def r_shape(rng):
    return rng.choice(["[2, 2]", "[4]", "[2, 3]", "[3, 2]", "[1, 4]", "[2, 2, 2]", "[8]", "[]", "[0]",
                       "[-1]", "[2, -2]", "(2, 4)", "[16]", "[1]", "[12]", "[6]"])


# ---- statements -------------------------------------------------------------

BUFS = ["b", "ba", "a", "m", "m2", "mm"]  # names bound to buffer-like objects


class Stmt:
    def __init__(self, n, code, expr):
        self.n, self.code, self.expr = n, code, expr

    def render(self):
        if self.expr:
            body = f"    show({self.n}, {self.code})\n"
        else:
            body = "".join("    " + line + "\n" for line in self.code.split("\n"))
            body += f"    print({self.n}, 'ok')\n"
        return f"try:\n{body}except Exception as e:\n    err({self.n}, e)\n"


class Program:
    def __init__(self, stmts):
        self.stmts = stmts

    def render(self):
        head = "b = ba = a = a2 = m = m2 = bio = mm = f = st = None\n"
        return head + "".join(s.render() for s in self.stmts)


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.n = 0
        self.stmts = []

    def emit(self, code, expr=True):
        self.n += 1
        self.stmts.append(Stmt(self.n, code, expr))

    def buf(self):
        return self.rng.choice(BUFS)

    def any_buf_expr(self):
        rng = self.rng
        c = rng.random()
        if c < 0.7:
            return self.buf()
        return rng.choice([r_bytes(rng), f"bytearray({r_bytes(rng)})", "bio.getbuffer()",
                           f"memoryview({r_bytes(rng)})", f"array.array('{rng.choice(TYPECODES)}', {r_ints_list(rng)})",
                           "m[::-1]", "m[::2]", "'abc'", "[1, 2]", "None", "5"])

    # -- creation --
    def make(self, name=None):
        rng, e = self.rng, self.emit
        name = name or rng.choice(["b", "ba", "a", "a2", "m", "m2", "bio", "mm", "st"])
        if name == "b":
            e(rng.choice([f"b = {r_bytes(rng)}", f"b = bytes({r_small(rng)})", f"b = bytes({r_ints_list(rng)})",
                          f"b = bytes({self.any_buf_expr()})", f"b = bytes.fromhex({rng.choice(HEX_STRS)})",
                          f"b = {r_bytes(rng)} * {r_small(rng)}"]), False)
        elif name == "ba":
            e(rng.choice([f"ba = bytearray({r_bytes(rng)})", f"ba = bytearray({r_small(rng)})",
                          f"ba = bytearray({r_ints_list(rng)})", f"ba = bytearray({self.any_buf_expr()})",
                          f"ba = bytearray.fromhex({rng.choice(HEX_STRS)})"]), False)
        elif name in ("a", "a2"):
            tc = rng.choice(TYPECODES)
            init = rng.choice([r_ints_list(rng, tc), r_ints_list(rng, tc), r_bytes(rng), "a", "a2", "b",
                               "'abc'", "ba", f"range({r_small(rng)})", ""])
            e(f"{name} = array.array('{tc}'{', ' + init if init else ''})", False)
        elif name in ("m", "m2"):
            src = rng.choice(["b", "ba", "a", "a2", "mm", "m", "bio.getbuffer()", r_bytes(rng)])
            c = rng.random()
            if c < 0.45:
                e(f"{name} = memoryview({src})", False)
            elif c < 0.7:
                e(f"{name} = memoryview({src})[{r_slice(rng)}]", False)
            elif c < 0.9:
                e(f"{name} = {self.cast_expr(f'memoryview({src})')}", False)
            else:
                e(f"{name} = memoryview({src}).toreadonly()", False)
        elif name == "bio":
            e(rng.choice([f"bio = io.BytesIO({r_bytes(rng)})", "bio = io.BytesIO()",
                          f"bio = io.BytesIO({self.any_buf_expr()})"]), False)
        elif name == "mm":
            data = r_bytes(rng, rng.choice([1, 4, 8, 16]))
            access = rng.choice(["", "", "", ", access=mmap.ACCESS_READ", ", access=mmap.ACCESS_WRITE",
                                 ", access=mmap.ACCESS_COPY"])
            e(f"f = tempfile.TemporaryFile()\nf.write({data})\nf.flush()\nmm = mmap.mmap(f.fileno(), 0{access})",
              False)
        elif name == "st":
            e(f"st = struct.Struct({r_struct_fmt(rng)})", False)

    def cast_expr(self, base):
        rng = self.rng
        fmt = repr(rng.choice(CAST_FORMATS))
        if rng.random() < 0.4:
            return f"{base}.cast({fmt}, {r_shape(rng)})"
        if rng.random() < 0.1:
            return rng.choice([f"{base}.cast()", f"{base}.cast({fmt}, {r_shape(rng)}, 1)",
                               f"{base}.cast(1)", f"{base}.cast({fmt}, shape={r_shape(rng)})",
                               f"{base}.cast(format={fmt})", f"{base}.cast({fmt}, 5)"])
        return f"{base}.cast({fmt})"

    # -- operations --
    def op(self):
        rng, e = self.rng, self.emit
        kind = rng.choices(
            ["item", "slice", "conv", "setitem", "setslice", "del", "mv", "bytesm", "bam", "arr", "struct",
             "bio", "mmap", "int", "cmp", "fmt", "make", "export", "num"],
            [6, 6, 7, 5, 5, 2, 9, 5, 6, 6, 5, 4, 4, 4, 4, 2, 8, 4, 2])[0]
        X = self.buf()
        if kind == "item":
            e(f"{X}[{r_int(rng)}]")
        elif kind == "slice":
            e(rng.choice([f"{X}[{r_slice(rng)}]", f"bytes({X}[{r_slice(rng)}])", f"list({X}[{r_slice(rng)}])"]))
        elif kind == "conv":
            e(rng.choice([f"bytes({X})", f"bytearray({X})", f"list({X})", f"len({X})", f"tuple({X})",
                          f"{X}.tobytes()" if X in ("a", "m", "m2") else f"bytes({X})",
                          f"{X}.tolist()" if X in ("a", "m", "m2") else f"list({X})",
                          f"int.from_bytes({X}, {rng.choice(ORDERS)})",
                          f"int.from_bytes({X}, {rng.choice(ORDERS)}, signed=True)",
                          f"sum({X})", f"bytes(reversed({X}))", f"[x for x in {X}]",
                          f"{X} == {self.any_buf_expr()}", f"max({X})", f"sorted({X})"]))
        elif kind == "setitem":
            v = rng.choice([r_byte_int(rng), r_int(rng), rng.choice(FLOATS), r_bytes(rng, 1), "'a'", "True"])
            e(f"{X}[{r_int(rng)}] = {v}", False)
        elif kind == "setslice":
            v = rng.choice([r_bytes(rng), f"bytearray({r_bytes(rng)})", r_ints_list(rng), self.any_buf_expr(),
                            f"array.array('{rng.choice(TYPECODES)}', {r_ints_list(rng)})", X, f"{X}[::-1]",
                            f"memoryview({X})"])
            e(f"{X}[{r_slice(rng)}] = {v}", False)
        elif kind == "del":
            e(rng.choice([f"del {X}[{r_int(rng)}]", f"del {X}[{r_slice(rng)}]"]), False)
        elif kind == "mv":
            V = rng.choice(["m", "m2"])
            c = rng.randrange(14)
            if c == 0:
                e(f"{V}.release()", False)
            elif c == 1:
                e(f"{V}.tobytes({rng.choice(['', repr('C'), repr('F'), repr('A'), 'None', repr('X'), 'order=' + repr('F')])})")
            elif c == 2:
                e(f"{V}.tolist()")
            elif c == 3:
                e(f"{V}.hex({rng.choice(['', repr(':'), repr(':') + ', 2', 'b' + repr('-') + ', -3', repr(':') + ', 0'])})")
            elif c == 4:
                attr = rng.choice(["format", "itemsize", "ndim", "shape", "strides", "readonly", "nbytes",
                                   "contiguous", "c_contiguous", "f_contiguous", "suboffsets", "obj"])
                e(f"{V}.{attr}" if attr != "obj" else f"{V}.obj is {rng.choice(['b', 'ba', 'a', 'mm', 'bio', 'm'])}")
            elif c == 5:
                e(f"{V} = {self.cast_expr(rng.choice(['m', 'm2']))}", False)
            elif c == 6:
                e(f"{V} = {rng.choice(['m', 'm2'])}[{r_slice(rng)}]", False)
            elif c == 7:
                e(f"hash({V}) == hash({V}.tobytes())")
            elif c == 8:
                e(f"{V} == {rng.choice(['m', 'm2', 'b', 'ba', 'a', 'mm', r_bytes(rng)])}")
            elif c == 9:
                e(f"with memoryview({rng.choice(BUFS)}) as v:\n    r = v.tobytes()\nprint(r, v.obj is None)", False)
            elif c == 10:
                e(f"{V}.toreadonly().readonly")
            elif c == 11:
                e(f"{V}[{r_int(rng)}, {r_int(rng)}]" if rng.random() < 0.5 else f"{V}[...]")
            elif c == 12:
                e(f"{V}[()]" if rng.random() < 0.5 else f"{V}[{r_slice(rng)}, {r_slice(rng)}]")
            else:
                e(f"memoryview({rng.choice(['1', repr('abc'), 'None', '[1]', 'b', 'ba', 'a', 'mm', 'bio'])})")
        elif kind == "bytesm":
            Y = rng.choice(["b", "ba"])
            arg = rng.choice([r_bytes(rng, rng.choice([0, 1, 1, 2])), str(rng.choice(BYTE_CHARS)), r_int(rng),
                              "m", "'a'"])
            meth = rng.choice(["find", "rfind", "count", "index", "rindex", "startswith", "endswith",
                               "split", "rsplit", "partition", "rpartition", "replace", "strip", "lstrip",
                               "rstrip", "join", "removeprefix", "removesuffix", "center", "ljust", "rjust",
                               "zfill", "hex", "decode", "splitlines", "__len__"])
            if meth == "replace":
                e(f"{Y}.replace({arg}, {r_bytes(rng, 1)})")
            elif meth == "join":
                e(f"{Y}.join([{r_bytes(rng, 1)}, {rng.choice(['b', 'ba', 'm', 'a', r_bytes(rng)])}])")
            elif meth in ("center", "ljust", "rjust", "zfill"):
                e(f"{Y}.{meth}({r_small(rng)}{', ' + r_bytes(rng, 1) if meth != 'zfill' and rng.random() < 0.5 else ''})")
            elif meth in ("strip", "lstrip", "rstrip", "split", "rsplit", "splitlines"):
                e(f"{Y}.{meth}({'' if rng.random() < 0.4 else arg})")
            elif meth == "hex":
                hexarg = rng.choice(["", "':'", "':', " + r_int(rng), "'é'", "b'\\xff'", "b'-', -2"])
                e(f"{Y}.hex({hexarg})")
            elif meth == "decode":
                e(f"{Y}.decode({rng.choice(['', repr('ascii'), repr('latin-1'), repr('utf-8') + ', ' + repr('replace')])})")
            elif meth == "__len__":
                e(f"len({Y})")
            elif meth in ("find", "rfind", "count", "index", "rindex") and rng.random() < 0.4:
                e(f"{Y}.{meth}({arg}, {r_int(rng)}, {r_int(rng)})")
            else:
                e(f"{Y}.{meth}({arg})")
        elif kind == "bam":
            c = rng.randrange(12)
            if c == 0:
                e(f"ba.append({r_byte_int(rng)})", False)
            elif c == 1:
                e(f"ba.extend({rng.choice([r_bytes(rng), r_ints_list(rng), 'ba', 'm', 'a', 'b', '[1, 300]', '5'])})", False)
            elif c == 2:
                e(f"ba.pop({'' if rng.random() < 0.5 else r_int(rng)})")
            elif c == 3:
                e(f"ba.insert({r_int(rng)}, {r_byte_int(rng)})", False)
            elif c == 4:
                e(f"ba.remove({r_byte_int(rng)})", False)
            elif c == 5:
                e(rng.choice(["ba.clear()", "ba.reverse()"]), False)
            elif c == 6:
                e(f"ba += {rng.choice(['ba', 'b', 'm', 'a', r_bytes(rng), 'm2', '[1]'])}", False)
            elif c == 7:
                e(f"ba *= {r_small(rng)}", False)
            elif c == 8:
                e(f"ba + {rng.choice(['ba', 'b', 'm', 'a', r_bytes(rng), '[1]'])}")
            elif c == 9:
                e(f"ba * {r_small(rng)}")
            elif c == 10:
                e(f"{rng.choice(['b', 'ba'])} + {rng.choice(['ba', 'b', 'm', 'a', r_bytes(rng), '1'])}")
            else:
                e(f"ba.copy()")
        elif kind == "arr":
            A = rng.choice(["a", "a2"])
            c = rng.randrange(16)
            val = rng.choice([r_byte_int(rng), r_int(rng), rng.choice(FLOATS), "'a'"])
            if c == 0:
                e(f"{A}.append({val})", False)
            elif c == 1:
                e(f"{A}.extend({rng.choice(['a', 'a2', r_ints_list(rng), 'b', '[1, 2, 99999999999]', '[1, None]', '(1.5,)'])})", False)
            elif c == 2:
                e(f"{A}.frombytes({rng.choice(['b', 'ba', 'm', 'a', 'a2', r_bytes(rng), '1', repr('ab')])})", False)
            elif c == 3:
                e(f"{A}.fromlist({rng.choice([r_ints_list(rng), '[1, 2, 300]', '[1, None]', '(1,)', 'a'])})", False)
            elif c == 4:
                e(f"{A}.byteswap()", False)
            elif c == 5:
                e(f"{A}.pop({'' if rng.random() < 0.5 else r_int(rng)})")
            elif c == 6:
                e(f"{A}.insert({r_int(rng)}, {val})", False)
            elif c == 7:
                e(f"{A}.{rng.choice(['count', 'index', 'remove'])}({val})")
            elif c == 8:
                e(f"{A}.reverse()", False)
            elif c == 9:
                e(f"{A}.{rng.choice(['typecode', 'itemsize'])}")
            elif c == 10:
                e(f"{A} += {rng.choice(['a', 'a2', 'b', '[1]'])}", False)
            elif c == 11:
                e(f"{A} *= {r_small(rng)}", False)
            elif c == 12:
                e(f"{A} + {rng.choice(['a', 'a2', 'b'])}")
            elif c == 13:
                e(f"{A} {rng.choice(['==', '!=', '<', '<=', '>', '>='])} {rng.choice(['a', 'a2', 'b', '[1]', 'm'])}")
            elif c == 14:
                e(f"{A}.tobytes()" if rng.random() < 0.5 else f"{A}.tolist()")
            else:
                e(f"{val} in {A}")
        elif kind == "struct":
            fmt = r_struct_fmt(rng)
            vals = r_struct_values(rng, fmt)
            c = rng.randrange(9)
            if c == 0:
                e(f"struct.pack({', '.join([fmt] + vals)})")
            elif c == 1:
                e(f"struct.unpack({fmt}, {rng.choice(BUFS + [r_bytes(rng)])})")
            elif c == 2:
                e(f"struct.pack_into({', '.join([fmt, rng.choice(['ba', 'm', 'a', 'mm', 'b']), r_int(rng)] + vals)})",
                  False)
            elif c == 3:
                e(f"struct.unpack_from({fmt}, {rng.choice(BUFS)}{', ' + r_int(rng) if rng.random() < 0.7 else ''})")
            elif c == 4:
                e(f"struct.calcsize({fmt})")
            elif c == 5:
                e(f"list(struct.iter_unpack({fmt}, {rng.choice(BUFS + [r_bytes(rng)])}))")
            elif c == 6:
                e(f"st.pack({', '.join(r_struct_values(rng, fmt))})")
            elif c == 7:
                e(f"st.{rng.choice(['size', 'format'])}")
            else:
                e(f"st.unpack_from({rng.choice(BUFS)}, {r_small(rng)})")
        elif kind == "bio":
            c = rng.randrange(11)
            if c == 0:
                e(f"bio.write({rng.choice(BUFS + [r_bytes(rng), repr('s'), '1'])})")
            elif c == 1:
                e(f"bio.read({rng.choice(['', r_int(rng), 'None', '1.5'])})")
            elif c == 2:
                e(f"bio.seek({r_int(rng)}{', ' + rng.choice(['0', '1', '2', '3']) if rng.random() < 0.5 else ''})")
            elif c == 3:
                e("bio.tell()")
            elif c == 4:
                e("bio.getvalue()")
            elif c == 5:
                e(f"bio.truncate({rng.choice(['', r_int(rng), 'None'])})")
            elif c == 6:
                e(f"bio.readinto({rng.choice(['ba', 'm', 'a', 'b', 'mm'])})")
            elif c == 7:
                e("bio.close()", False)
            elif c == 8:
                e("bio.closed")
            elif c == 9:
                e("m = bio.getbuffer()", False)
            else:
                e("bio.getbuffer().obj is bio" if rng.random() < 0.5 else "len(bio.getbuffer())")
        elif kind == "mmap":
            c = rng.randrange(10)
            if c == 0:
                e(f"mm.write({rng.choice([r_bytes(rng), 'b', 'ba', 'm'])})")
            elif c == 1:
                e(f"mm.seek({r_int(rng)}{', ' + rng.choice(['0', '1', '2', '3']) if rng.random() < 0.5 else ''})")
            elif c == 2:
                e("mm.tell()")
            elif c == 3:
                e(f"mm.read({rng.choice(['', r_int(rng), 'None'])})")
            elif c == 4:
                # Not resize(0): CPython truncates the file before mremap fails, and the
                # map's next access is SIGBUS (a crash, nothing to compare).
                e(f"mm.resize({rng.choice([x for x in SMALL[:8] if x != '0'] + ['16', '-1'])})", False)
            elif c == 5:
                e("mm.close()", False)
            elif c == 6:
                e(rng.choice(["mm.size()", "len(mm)", "mm.closed"]))
            elif c == 7:
                e("mm.flush()", False)
            elif c == 8:
                e(f"mm[{r_slice(rng)}]")
            else:
                e(f"mm.read_byte()" if rng.random() < 0.5 else f"mm.write_byte({r_byte_int(rng)})")
        elif kind == "int":
            c = rng.randrange(6)
            if c == 0:
                e(f"({r_int(rng)}).to_bytes({r_small(rng)}, {rng.choice(ORDERS)}{', signed=True' if rng.random() < 0.5 else ''})")
            elif c == 1:
                e(f"int.from_bytes({rng.choice([r_bytes(rng), r_ints_list(rng), 'm', 'a', 'ba'])}, {rng.choice(ORDERS + ['byteorder=' + ORDERS[0], repr('middle')])})")
            elif c == 2:
                e(f"bytes.fromhex({rng.choice(HEX_STRS)})" if rng.random() < 0.5 else f"bytearray.fromhex({rng.choice(HEX_STRS)})")
            elif c == 3:
                e(f"hex({r_int(rng)})" if rng.random() < 0.5 else f"int({repr(rng.choice(['0x10', '10', '-7', ' 12 ', '1_0', 'z']))}, {rng.choice(['0', '10', '16', '36', '1'])})")
            elif c == 4:
                e(f"{r_int(rng)}.bit_length()" if False else f"({r_int(rng)}).bit_length()")
            else:
                e(f"int({rng.choice(['b', 'ba', repr(b'12'), 'm', '1.5', repr('1e3')])})")
        elif kind == "cmp":
            x = rng.choice(["b", "ba", "a", "m", "1", "None", "[1]", "'a'", "1.5"])
            y = rng.choice(["b", "ba", "a", "m", "1", "None", "[1]", "'a'"])
            e(f"{x} {rng.choice(['<', '<=', '>', '>=', '==', '!='])} {y}")
        elif kind == "fmt":
            e(rng.choice([f"b'%d %x' % ({r_int(rng)}, {r_int(rng)})", f"b'%s' % {rng.choice(BUFS)}",
                          f"b'%c' % {r_int(rng)}", f"b'%(k)s' % {{b'k': b'v'}}", "b'%(k)s' % {'k': b'v'}",
                          f"b'%5.2f|%-4d|%04x' % ({rng.choice(FLOATS)}, {r_small(rng)}, {r_small(rng)})",
                          "b'%s %s' % (b'a',)", "b'%r' % b'a'", "b'%a' % 'é'", f"b'%b' % {rng.choice(BUFS)}",
                          "ba % (1,)" if rng.random() < 0.5 else "b'%i%%' % 3"]))
        elif kind == "num":
            x, y = rng.choice(FLOATS + SMALL), rng.choice(FLOATS + SMALL)
            e(rng.choice([f"{x} // {y}", f"{x} % {y}", f"divmod({x}, {y})", "(lambda x: x in [x])(float('nan'))",
                          f"{x} == {y}", f"round({x})"]))
        elif kind == "make":
            self.make()
        elif kind == "export":
            c = rng.randrange(5)
            if c == 0:
                e(f"del {rng.choice(['m', 'm2'])}", False)
            elif c == 1:
                e(f"m2 = memoryview({rng.choice(['b', 'ba', 'a', 'mm', 'm'])})", False)
            elif c == 2:
                e(f"{rng.choice(['m', 'm2'])} = None", False)
            elif c == 3:
                e(f"with memoryview({rng.choice(['ba', 'a', 'mm'])}) as v:\n    v[0] = {r_byte_int(rng)}", False)
            else:
                e(f"bytes(memoryview({rng.choice(BUFS)})[{r_slice(rng)}])")


def generate(rng):
    g = Gen(rng)
    order = ["b", "ba", "a", "a2", "bio", "mm", "m", "m2", "st"]
    for name in sorted(rng.sample(order, rng.randint(3, 7)), key=order.index):
        g.make(name)
    for _ in range(rng.randint(6, 16)):
        g.op()
    return Program(g.stmts)
