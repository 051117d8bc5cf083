#include "engine/python/runtime/numbers.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "test_interp.hpp"

namespace engine::py {
namespace {
using namespace engine::py::testing;

TEST(FloatReprTest, ShortestRoundTripLikeCPython) {
    EXPECT_EQ(float_repr(0.1), "0.1");
    EXPECT_EQ(float_repr(1.0), "1.0");
    EXPECT_EQ(float_repr(1e+16), "1e+16");
    EXPECT_EQ(float_repr(1e-05), "1e-05");
    EXPECT_EQ(float_repr(INFINITY), "inf");
    EXPECT_EQ(float_repr(NAN), "nan");
    EXPECT_EQ(float_repr(-0.0), "-0.0");
    EXPECT_EQ(float_repr(0.0), "0.0");
    EXPECT_EQ(float_repr(1.2345678901234568e+17), "1.2345678901234568e+17");
    EXPECT_EQ(float_repr(1.5e+300), "1.5e+300");
    EXPECT_EQ(float_repr(5e-324), "5e-324");
    EXPECT_EQ(float_repr(0.0001), "0.0001");
    EXPECT_EQ(float_repr(1e+22), "1e+22");
    EXPECT_EQ(float_repr(12345.678), "12345.678");
    EXPECT_EQ(float_repr(1000000000000000.0), "1000000000000000.0");
    EXPECT_EQ(float_repr(9999999999999998.0), "9999999999999998.0");
    EXPECT_EQ(float_repr(2.5), "2.5");
    EXPECT_EQ(float_repr(-1.25), "-1.25");
    EXPECT_EQ(float_repr(0.3333333333333333), "0.3333333333333333");
    EXPECT_EQ(float_repr(1.4142135623730951), "1.4142135623730951");
    EXPECT_EQ(float_repr(0.0001), "0.0001");
    EXPECT_EQ(float_repr(1.7976931348623157e+308), "1.7976931348623157e+308");
    EXPECT_EQ(float_repr(100.0), "100.0");
    EXPECT_EQ(float_repr(0.3), "0.3");
    EXPECT_EQ(float_repr(1e-07), "1e-07");
    EXPECT_EQ(float_repr(123.456), "123.456");
}

std::string bin(BinOp op, Value a, Value b) {
    TestInterp in;
    return R(binary_op(in, op, a, b));
}

Value big(const char* digits) { return Value::integer(*BigInt::parse_digits(digits, 10, false)); }

TEST(NumbersTest, IntegerArithmeticPromotesToBigInt) {
    EXPECT_EQ(bin(BinOp::Mul, I(INT64_MAX), I(2)), "18446744073709551614");
    EXPECT_EQ(bin(BinOp::Add, I(INT64_MAX), I(1)), "9223372036854775808");
    EXPECT_EQ(bin(BinOp::Sub, I(INT64_MIN), I(1)), "-9223372036854775809");
    EXPECT_EQ(bin(BinOp::FloorDiv, I(INT64_MIN), I(-1)), "9223372036854775808");
    EXPECT_EQ(bin(BinOp::Pow, I(2), I(100)), "1267650600228229401496703205376");
    EXPECT_EQ(bin(BinOp::Pow, I(-3), I(41)), "-36472996377170786403");
    EXPECT_EQ(bin(BinOp::LShift, I(1), I(64)), "18446744073709551616");
    EXPECT_EQ(bin(BinOp::RShift, I(-5), I(1)), "-3");
    EXPECT_EQ(bin(BinOp::Sub, big("18446744073709551616"), I(1)), "18446744073709551615");
    EXPECT_EQ(bin(BinOp::Sub, big("9223372036854775808"), I(1)), "9223372036854775807");
}

TEST(NumbersTest, FloorDivisionAndModuloFollowPython) {
    EXPECT_EQ(bin(BinOp::FloorDiv, I(-7), I(2)), "-4");
    EXPECT_EQ(bin(BinOp::Mod, I(-7), I(2)), "1");
    EXPECT_EQ(bin(BinOp::Mod, I(7), I(-2)), "-1");
    EXPECT_EQ(bin(BinOp::FloorDiv, F(-7.5), I(2)), "-4.0");
    EXPECT_EQ(bin(BinOp::Mod, F(-7.5), I(2)), "0.5");
    EXPECT_EQ(bin(BinOp::Mod, F(7.5), F(-2)), "-0.5");
    EXPECT_EQ(bin(BinOp::TrueDiv, I(1), I(3)), "0.3333333333333333");
    EXPECT_EQ(bin(BinOp::TrueDiv, I(10), I(5)), "2.0");
    EXPECT_EQ(bin(BinOp::Pow, I(2), I(-1)), "0.5");
    EXPECT_EQ(bin(BinOp::TrueDiv, big("1267650600228229401496703205376"), I(3)),
              "4.2255020007607644e+29");
}

TEST(NumbersTest, ZeroDivisionMessages) {
    EXPECT_EQ(bin(BinOp::FloorDiv, I(1), I(0)),
              "ZeroDivisionError: integer division or modulo by zero");
    EXPECT_EQ(bin(BinOp::Mod, I(1), I(0)), "ZeroDivisionError: integer modulo by zero");
    EXPECT_EQ(bin(BinOp::TrueDiv, I(1), I(0)), "ZeroDivisionError: division by zero");
    EXPECT_EQ(bin(BinOp::TrueDiv, F(1), I(0)), "ZeroDivisionError: float division by zero");
    EXPECT_EQ(bin(BinOp::FloorDiv, F(1), I(0)), "ZeroDivisionError: float floor division by zero");
    EXPECT_EQ(bin(BinOp::Mod, F(1), I(0)), "ZeroDivisionError: float modulo");
    EXPECT_EQ(bin(BinOp::Pow, I(0), I(-1)),
              "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    EXPECT_EQ(bin(BinOp::Pow, F(10), I(400)),
              "OverflowError: (34, 'Numerical result out of range')");
    EXPECT_EQ(bin(BinOp::LShift, I(1), I(-1)), "ValueError: negative shift count");
}

TEST(NumbersTest, MixedTypeErrors) {
    EXPECT_EQ(bin(BinOp::Add, I(1), S("a")),
              "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    EXPECT_EQ(bin(BinOp::Add, S("a"), I(1)),
              "TypeError: can only concatenate str (not \"int\") to str");
    EXPECT_EQ(bin(BinOp::Add, L({}), T({})),
              "TypeError: can only concatenate list (not \"tuple\") to list");
    EXPECT_EQ(bin(BinOp::Mul, S("a"), F(1.5)),
              "TypeError: can't multiply sequence by non-int of type 'float'");
    EXPECT_EQ(bin(BinOp::MatMul, I(1), I(2)),
              "TypeError: unsupported operand type(s) for @: 'int' and 'int'");
    EXPECT_EQ(bin(BinOp::Pow, S("a"), I(2)),
              "TypeError: unsupported operand type(s) for ** or pow(): 'str' and 'int'");
}

TEST(NumbersTest, BoolArithmetic) {
    EXPECT_EQ(bin(BinOp::Add, Value::boolean(true), Value::boolean(true)), "2");
    EXPECT_EQ(bin(BinOp::And, Value::boolean(true), Value::boolean(false)), "False");
    EXPECT_EQ(bin(BinOp::Xor, Value::boolean(true), I(3)), "2");
}

TEST(NumbersTest, HashesMatchCPython) {
    EXPECT_EQ(*hash_value(I(-1)), -2);
    EXPECT_EQ(*hash_value(big("2305843009213693952")), 1);  // 2**61
    EXPECT_EQ(*hash_value(F(1.5)), 1152921504606846977LL);
    EXPECT_EQ(*hash_value(F(1e100)), 1822893315824342674LL);
    EXPECT_EQ(*hash_value(F(0.1)), 230584300921369408LL);
    EXPECT_EQ(*hash_value(T({I(1), I(2)})), -3550055125485641917LL);
    EXPECT_EQ(*hash_value(T({})), 5740354900026072187LL);
    EXPECT_EQ(*hash_value(F(2.0)), *hash_value(I(2)));
    EXPECT_EQ(hash_value(L({})).error().message, "unhashable type: 'list'");
}

TEST(NumbersTest, ParsesIntAndFloatText) {
    EXPECT_EQ(R(int_from_string(" 0x1f ", 0)), "31");
    EXPECT_EQ(R(int_from_string("1_000", 10)), "1000");
    EXPECT_EQ(R(int_from_string("-0b101", 0)), "-5");
    EXPECT_EQ(R(int_from_string("010", 0)),
              "ValueError: invalid literal for int() with base 0: '010'");
    EXPECT_EQ(R(int_from_string("00", 0)), "0");
    EXPECT_EQ(R(int_from_string("abc", 10)),
              "ValueError: invalid literal for int() with base 10: 'abc'");
    EXPECT_EQ(R(int_from_string("ff", 16)), "255");
    EXPECT_EQ(R(int_from_string("99999999999999999999", 10)), "99999999999999999999");
    EXPECT_EQ(R(float_from_string(" 1_0.5e1 ")), "105.0");
    EXPECT_EQ(R(float_from_string("1__0")),
              "ValueError: could not convert string to float: '1__0'");
    EXPECT_EQ(R(float_from_string("-iNF")), "-inf");
    EXPECT_EQ(R(float_from_string(".5")), "0.5");
    EXPECT_EQ(R(float_from_string("")), "ValueError: could not convert string to float: ''");
}

TEST(NumbersTest, RoundsHalfToEven) {
    Value two = I(2);
    EXPECT_EQ(R(round_number(F(2.5), nullptr)), "2");
    EXPECT_EQ(R(round_number(F(-0.5), nullptr)), "0");
    EXPECT_EQ(R(round_number(F(2.675), &two)), "2.67");
    Value m2 = I(-2);
    EXPECT_EQ(R(round_number(I(1250), &m2)), "1200");
    EXPECT_EQ(R(round_number(I(1350), &m2)), "1400");
    EXPECT_EQ(R(round_number(F(INFINITY), nullptr)),
              "OverflowError: cannot convert float infinity to integer");
}

TEST(NumbersTest, DecimalConversionHasCPythonsDigitLimit) {
    TestInterp in;
    auto big = binary_op(in, BinOp::Pow, I(10), I(4300));
    ASSERT_TRUE(big.ok());
    EXPECT_EQ(R(big),
              "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
              "sys.set_int_max_str_digits() to increase the limit");
    auto ok = binary_op(in, BinOp::Sub, *big, I(1));  // 4300 nines: allowed
    EXPECT_EQ(repr(*ok)->size(), 4300u);
    EXPECT_EQ(R(binary_op(in, BinOp::Pow, I(3), I(1000000000))), "MemoryError: ");
}

TEST(NumbersTest, ComparesIntsAndFloatsExactly) {
    EXPECT_EQ(*compare_numbers(big("9007199254740993"), F(9007199254740992.0)), 1);
    EXPECT_EQ(*compare_numbers(F(0.5), I(0)), 1);
    EXPECT_EQ(*compare_numbers(I(1), F(1.0)), 0);
    EXPECT_FALSE(compare_numbers(I(1), F(NAN)).has_value());
}

}  // namespace
}  // namespace engine::py
