# ints, floats, formatting: the runtime's numeric behaviour
print(2 ** 100, -2 ** 63 - 1, (2 ** 64) // 3, -(2 ** 70) % 7, divmod(-7, 2), divmod(-7.5, 2))
print(0.1 + 0.2, 1e16, 1e-5, 1 / 3, -0.0, float("inf"), 2.5 * 4, 10 / 4)
print(round(2.5), round(3.5), round(2.675, 2), round(1250, -2), int("0x1f", 0), int("1_000"))
print(hex(255), bin(-5), oct(8), (255).to_bytes(2, "little"), int.from_bytes(b"\x01\x02", "big"))
print((-129).bit_length(), (2 ** 100).bit_length(), 7 // -2, 7 % -2, -7 >> 1, ~5, 5 & 3, 5 | 8, 5 ^ 1)
print(f"{255:#010x} {3.14159:.2f} {1234567:,} {0.25:.1%} {'ab':*^6} {-42:05} {1e20:g} {12:b}")
print("%5.2f|%-4d|%x|%s|%r|%c|%%" % (3.14159, 7, 255, "s", "r", 65))
print(format(1234.5, ",.2f"), format(True, ">5"), format(1.0, ".3"), format(12345.678, ".3"))
for name, bad in [('1 / 0', lambda: 1 / 0),
         ('1 // 0', lambda: 1 // 0),
         ('1.0 % 0', lambda: 1.0 % 0),
         ("int('x')", lambda: int('x')),
         ("float('y')", lambda: float('y')),
         ('chr(-1)', lambda: chr(-1)),
         ('2 ** -1 ** 0.5', lambda: 2 ** -1 ** 0.5)]:
    try:
        print(name, "->", bad())
    except Exception as e:
        print(name, "->", type(e).__name__, e)
