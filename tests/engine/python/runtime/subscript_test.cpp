// getitem/setitem/delitem with slice steps near sys.maxsize (formerly signed
// overflow at `i += step` after the last element) and range slicing, checked
// against CPython 3.11.
#include <gtest/gtest.h>

#include "test_interp.hpp"

namespace engine::py {
namespace {
using namespace engine::py::testing;

const int64_t M = INT64_MAX;
Value N() { return Value::none(); }
Value Sl(Value a, Value b, Value c) { return Value::slice(std::move(a), std::move(b), std::move(c)); }
std::string get(Interp& in, const Value& obj, const Value& key) { return R(getitem(in, obj, key)); }

TEST(SubscriptTest, HugeStepGet) {
    TestInterp in;
    EXPECT_EQ(get(in, L({I(1), I(2), I(3)}), Sl(I(1), N(), I(M))), "[2]");
    EXPECT_EQ(get(in, L({I(1), I(2), I(3)}), Sl(N(), N(), I(-M))), "[3]");
    EXPECT_EQ(get(in, T({I(1), I(2), I(3)}), Sl(N(), N(), BigV("-9223372036854775808"))), "(3,)");
    EXPECT_EQ(get(in, S("abcde"), Sl(I(1), N(), I(M))), "'b'");
    EXPECT_EQ(get(in, S("abcde"), Sl(N(), N(), I(-M))), "'e'");
    EXPECT_EQ(get(in, B(in, "abcde"), Sl(I(1), N(), I(M))), "b'b'");
    EXPECT_EQ(get(in, B(in, "abcde"), Sl(I(-1), N(), I(-M))), "b'e'");
}

TEST(SubscriptTest, HugeStepSetAndDelete) {
    TestInterp in;
    Value l = L({I(1), I(2), I(3)});
    ASSERT_TRUE(setitem(in, l, Sl(I(1), N(), I(M)), L({I(9)})).ok());
    EXPECT_EQ(R(l), "[1, 9, 3]");
    ASSERT_TRUE(setitem(in, l, Sl(N(), N(), I(-M)), L({I(5)})).ok());
    EXPECT_EQ(R(l), "[1, 9, 5]");
    ASSERT_TRUE(delitem(in, l, Sl(N(), N(), I(M))).ok());
    EXPECT_EQ(R(l), "[9, 5]");
    ASSERT_TRUE(delitem(in, l, Sl(N(), N(), I(-M))).ok());
    EXPECT_EQ(R(l), "[9]");
}

// range(10)[1::sys.maxsize] is range(1, 10, sys.maxsize): stop is start + slice stop * step.
TEST(SubscriptTest, RangeSlices) {
    TestInterp in;
    EXPECT_EQ(get(in, Value::range(0, 10, 1), Sl(I(1), N(), I(M))), "range(1, 10, 9223372036854775807)");
    EXPECT_EQ(get(in, Value::range(0, 10, 1), Sl(N(), N(), I(-M))), "range(9, -1, -9223372036854775807)");
    EXPECT_EQ(get(in, Value::range(-5, 100, 7), Sl(I(2), I(-3), I(2))), "range(9, 79, 14)");
    EXPECT_EQ(get(in, Value::range(-5, 100, 7), Sl(N(), N(), I(-1))), "range(93, -12, -7)");
    // CPython grows a big int here; the playground's ranges hold int64s.
    EXPECT_EQ(get(in, Value::range(-5, 100, 7), Sl(N(), N(), I(M))),
              "OverflowError: Python int too large to convert to C ssize_t");
}

// bytes.hex: sep is checked for ASCII; bytes_per_sep is a C int (no -INT64_MIN).
TEST(SubscriptTest, HexSeparators) {
    TestInterp in;
    Value b = B(in, "abcdef");
    EXPECT_EQ(call_method(in, b, "hex", {S("\xc3\xa9")}), "ValueError: sep must be ASCII.");
    EXPECT_EQ(call_method(in, b, "hex", {B(in, "\xe9")}), "ValueError: sep must be ASCII.");
    EXPECT_EQ(call_method(in, b, "hex", {S("\xe2\x82\xac")}), "ValueError: sep must be ASCII.");
    EXPECT_EQ(call_method(in, b, "hex", {S(":"), BigV("-9223372036854775808")}),
              "OverflowError: Python int too large to convert to C int");
    EXPECT_EQ(call_method(in, b, "hex", {S(":"), I(-2147483648)}), "'616263646566'");
    EXPECT_EQ(call_method(in, b, "hex", {S(":"), I(-4)}), "'61626364:6566'");
    EXPECT_EQ(call_method(in, b, "hex", {S(":"), I(4)}), "'6162:63646566'");
    EXPECT_EQ(call_method(in, b, "hex", {BA(in, ":")}), "TypeError: sep must be str or bytes.");
    EXPECT_EQ(call_method(in, b, "hex", {S("::")}), "ValueError: sep must be length 1.");
    EXPECT_EQ(call_method(in, b, "hex", {I(1)}), "TypeError: object of type 'int' has no len()");
}

}  // namespace
}  // namespace engine::py
