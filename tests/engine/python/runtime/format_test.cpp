#include "engine/python/runtime/format.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/python/runtime/dict.hpp"
#include "test_interp.hpp"

namespace engine::py {
namespace {
using namespace engine::py::testing;

std::string fmt(const Value& v, const char* spec) {
    auto r = format_value(v, spec);
    if (!r) return std::string(exc_qualified_name(r.error().type)) + ": " + r.error().message;
    return *r;
}

std::string pct(const char* f, const Value& args) {
    auto r = percent_format(f, args);
    if (!r) return std::string(exc_qualified_name(r.error().type)) + ": " + r.error().message;
    return *r;
}

TEST(FormatSpecTest, MatchesCPython) {
    EXPECT_EQ(fmt(I(1234567), ","), "1,234,567");
    EXPECT_EQ(fmt(I(1234567), "_"), "1_234_567");
    EXPECT_EQ(fmt(I(255), "#x"), "0xff");
    EXPECT_EQ(fmt(I(255), "#010x"), "0x000000ff");
    EXPECT_EQ(fmt(I(-255), "#010x"), "-0x00000ff");
    EXPECT_EQ(fmt(I(255), "_b"), "1111_1111");
    EXPECT_EQ(fmt(I(65535), "_x"), "ffff");
    EXPECT_EQ(fmt(I(-5), "05"), "-0005");
    EXPECT_EQ(fmt(I(5), "+"), "+5");
    EXPECT_EQ(fmt(I(5), " "), " 5");
    EXPECT_EQ(fmt(I(1234), "010,"), "00,001,234");
    EXPECT_EQ(fmt(I(1234), "09,"), "0,001,234");
    EXPECT_EQ(fmt(I(65), "c"), "A");
    EXPECT_EQ(fmt(Value::boolean(true), ""), "True");
    EXPECT_EQ(fmt(Value::boolean(true), ">5"), "    1");
    EXPECT_EQ(fmt(Value::boolean(true), "d"), "1");
    EXPECT_EQ(fmt(F(3.14159), ".2f"), "3.14");
    EXPECT_EQ(fmt(F(3.14159), "10.3f"), "     3.142");
    EXPECT_EQ(fmt(F(-3.14159), "=+10.2f"), "-     3.14");
    EXPECT_EQ(fmt(F(1e+20), "g"), "1e+20");
    EXPECT_EQ(fmt(F(1e-05), "g"), "1e-05");
    EXPECT_EQ(fmt(F(123456789.0), "g"), "1.23457e+08");
    EXPECT_EQ(fmt(F(0.0001), ".3g"), "0.0001");
    EXPECT_EQ(fmt(F(1.5), ".0f"), "2");
    EXPECT_EQ(fmt(F(2.5), ".0f"), "2");
    EXPECT_EQ(fmt(F(1.0), ".3"), "1.0");
    EXPECT_EQ(fmt(F(1e+20), ".3"), "1e+20");
    EXPECT_EQ(fmt(F(12345.678), ".3"), "1.23e+04");
    EXPECT_EQ(fmt(F(1.5), ""), "1.5");
    EXPECT_EQ(fmt(F(1.5), "10"), "       1.5");
    EXPECT_EQ(fmt(F(0.25), "%"), "25.000000%");
    EXPECT_EQ(fmt(F(0.25), ".1%"), "25.0%");
    EXPECT_EQ(fmt(F(1234.5), ",.2f"), "1,234.50");
    EXPECT_EQ(fmt(F(-0.0), "z.1f"), "0.0");
    EXPECT_EQ(fmt(F(INFINITY), "F"), "INF");
    EXPECT_EQ(fmt(F(NAN), "f"), "nan");
    EXPECT_EQ(fmt(S("abc"), ">10"), "       abc");
    EXPECT_EQ(fmt(S("abc"), "^10"), "   abc    ");
    EXPECT_EQ(fmt(S("abc"), "*<7"), "abc****");
    EXPECT_EQ(fmt(S("abc"), ".2"), "ab");
    EXPECT_EQ(fmt(I(12), "x"), "c");
    EXPECT_EQ(fmt(I(12), "X"), "C");
    EXPECT_EQ(fmt(I(12), "o"), "14");
    EXPECT_EQ(fmt(I(12), "b"), "1100");
    EXPECT_EQ(fmt(I(-12), "b"), "-1100");
    EXPECT_EQ(fmt(F(1.0), "e"), "1.000000e+00");
    EXPECT_EQ(fmt(F(1.0), "E"), "1.000000E+00");
    EXPECT_EQ(fmt(F(123.456), ".2e"), "1.23e+02");
    EXPECT_EQ(fmt(F(1.0), "#g"), "1.00000");
    EXPECT_EQ(fmt(F(0.0), "g"), "0");
    EXPECT_EQ(fmt(F(100000.0), "g"), "100000");
    EXPECT_EQ(fmt(F(1000000.0), "g"), "1e+06");
    EXPECT_EQ(fmt(F(1e+16), ""), "1e+16");
    EXPECT_EQ(fmt(F(1e+16), ".17"), "1e+16");
    EXPECT_EQ(fmt(I(5), ".2f"), "5.00");
    EXPECT_EQ(fmt(I(5), "e"), "5.000000e+00");
    EXPECT_EQ(fmt(I(5), "%"), "500.000000%");
    EXPECT_EQ(fmt(F(1.5), "n"), "1.5");
    EXPECT_EQ(fmt(I(1234), "n"), "1234");
    EXPECT_EQ(fmt(F(1.0), "#.0f"), "1.");
    EXPECT_EQ(fmt(I(10), "^6"), "  10  ");
    EXPECT_EQ(fmt(I(10), "=6"), "    10");
    EXPECT_EQ(fmt(I(-10), "^6"), " -10  ");
    EXPECT_EQ(fmt(I(3), "<03"), "300");
    EXPECT_EQ(fmt(F(1e-07), ""), "1e-07");
    EXPECT_EQ(fmt(F(1e-07), ".2"), "1e-07");
    EXPECT_EQ(fmt(F(123.0), ".2"), "1.2e+02");
    EXPECT_EQ(fmt(F(0.5), ".0%"), "50%");
    EXPECT_EQ(fmt(I(1), "s"), "ValueError: Unknown format code 's' for object of type 'int'");
    EXPECT_EQ(fmt(S("a"), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
    EXPECT_EQ(fmt(S("a"), "+"), "ValueError: Sign not allowed in string format specifier");
    EXPECT_EQ(fmt(S("a"), "#"),
              "ValueError: Alternate form (#) not allowed in string format specifier");
    EXPECT_EQ(fmt(S("a"), ","), "ValueError: Cannot specify ',' with 's'.");
    EXPECT_EQ(fmt(S("a"), "="), "ValueError: '=' alignment not allowed in string format specifier");
    EXPECT_EQ(fmt(I(1), ".2"), "ValueError: Precision not allowed in integer format specifier");
    EXPECT_EQ(fmt(I(65), "+c"), "ValueError: Sign not allowed with integer format specifier 'c'");
    EXPECT_EQ(fmt(F(1.5), "x"), "ValueError: Unknown format code 'x' for object of type 'float'");
    EXPECT_EQ(fmt(I(1), ",b"), "ValueError: Cannot specify ',' with 'b'.");
    EXPECT_EQ(fmt(I(1), ",_"), "ValueError: Cannot specify both ',' and '_'.");
    EXPECT_EQ(fmt(I(1), "zd"),
              "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
    EXPECT_EQ(fmt(I(1), "="), "1");
    EXPECT_EQ(fmt(I(255), "02x"), "ff");
    EXPECT_EQ(fmt(I(7), "08b"), "00000111");
    EXPECT_EQ(fmt(F(3.0), "g"), "3");
    EXPECT_EQ(fmt(F(0.1), ".20f"), "0.10000000000000000555");
    EXPECT_EQ(fmt(F(0.6666666666666666), ".5"), "0.66667");
    EXPECT_EQ(fmt(F(1e+100), ".3e"), "1.000e+100");
    EXPECT_EQ(fmt(F(-1.5), " "), "-1.5");
    EXPECT_EQ(fmt(F(1.5), "+.1f"), "+1.5");
    EXPECT_EQ(fmt(S("é"), ">3"), "  é");
    EXPECT_EQ(fmt(I(12345), "_d"), "12_345");
    EXPECT_EQ(fmt(F(-1234567.891), ",.1f"), "-1,234,567.9");
    EXPECT_EQ(fmt(I(42), ">+5"), "  +42");
}

TEST(PercentFormatTest, MatchesCPython) {
    EXPECT_EQ(pct("%d", I(5)), "5");
    EXPECT_EQ(pct("%5.2f", F(3.14159)), " 3.14");
    EXPECT_EQ(pct("%-5d|", I(3)), "3    |");
    EXPECT_EQ(pct("%05d", I(-42)), "-0042");
    EXPECT_EQ(pct("%x %X %o", T({I(255), I(255), I(8)})), "ff FF 10");
    EXPECT_EQ(pct("%#x %#o", T({I(255), I(8)})), "0xff 0o10");
    EXPECT_EQ(pct("%s and %r", T({S("a"), S("a")})), "a and 'a'");
    EXPECT_EQ(pct("%c%c", T({I(65), S("B")})), "AB");
    EXPECT_EQ(pct("%%", T({})), "%");
    EXPECT_EQ(pct("%e", F(12345.678)), "1.234568e+04");
    EXPECT_EQ(pct("%g", F(0.0001)), "0.0001");
    EXPECT_EQ(pct("%10.3s|", S("abcdef")), "       abc|");
    EXPECT_EQ(pct("%+d % d", T({I(5), I(5)})), "+5  5");
    EXPECT_EQ(pct("%(a)s-%(b)d", D({{S("a"), S("x")}, {S("b"), I(2)}})), "x-2");
    EXPECT_EQ(pct("%s %s", T({I(1)})), "TypeError: not enough arguments for format string");
    EXPECT_EQ(pct("%s", T({I(1), I(2)})),
              "TypeError: not all arguments converted during string formatting");
    EXPECT_EQ(pct("%(a)s", I(1)), "TypeError: format requires a mapping");
    EXPECT_EQ(pct("%z", I(1)), "ValueError: unsupported format character 'z' (0x7a) at index 1");
    EXPECT_EQ(pct("%d", S("x")), "TypeError: %d format: a real number is required, not str");
    EXPECT_EQ(pct("%x", F(1.5)), "TypeError: %x format: an integer is required, not float");
    EXPECT_EQ(pct("%f", S("x")), "TypeError: must be real number, not str");
    EXPECT_EQ(pct("%c", I(-1)), "OverflowError: %c arg not in range(0x110000)");
    EXPECT_EQ(pct("%.2f%%", F(99.5)), "99.50%");
    EXPECT_EQ(pct("%*d", T({I(5), I(1)})), "    1");
    EXPECT_EQ(pct("%-*d|", T({I(4), I(1)})), "1   |");
    EXPECT_EQ(pct("%s", L({I(1), I(2)})), "[1, 2]");
    EXPECT_EQ(pct("%d", Value::boolean(true)), "1");
    EXPECT_EQ(pct("%d", F(3.9)), "3");
    EXPECT_EQ(pct("%i", I(-7)), "-7");
    EXPECT_EQ(pct("%", T({})), "ValueError: incomplete format");
    EXPECT_EQ(pct("%s", D({{S("a"), I(1)}})), "{'a': 1}");
    EXPECT_EQ(pct("%5s|", Value()), " None|");
    EXPECT_EQ(pct("%.1e", F(0.0)), "0.0e+00");
    EXPECT_EQ(pct("%G", F(1e-10)), "1E-10");
}

}  // namespace
}  // namespace engine::py
