#include "engine/python/runtime/bigint.hpp"

#include <gtest/gtest.h>

namespace engine::py {
namespace {

BigInt P(const char* s) {
    bool neg = s[0] == '-';
    return *BigInt::parse_digits(neg ? s + 1 : s, 10, neg);
}

TEST(BigIntTest, ParseAndPrintRoundTrip) {
    EXPECT_EQ(P("123456789012345678901234567890").to_string(), "123456789012345678901234567890");
    EXPECT_EQ(P("-98765432109876543210").to_string(), "-98765432109876543210");
    EXPECT_EQ(P("0").to_string(), "0");
    EXPECT_EQ(P("255").to_string(16), "ff");
    EXPECT_EQ(BigInt::parse_digits("ffffffffffffffffffff", 16, false)->to_string(),
              "1208925819614629174706175");
}

TEST(BigIntTest, ArithmeticMatchesPython) {
    // 2**100, 3**50, (2**100) * (3**50), 2**100 - 3**50
    BigInt a = BigInt::pow(BigInt(2), 100), b = BigInt::pow(BigInt(3), 50);
    EXPECT_EQ(a.to_string(), "1267650600228229401496703205376");
    EXPECT_EQ(b.to_string(), "717897987691852588770249");
    EXPECT_EQ((a * b).to_string(), "910043815000214977332758527534256632492715260325658624");
    EXPECT_EQ((a - b).to_string(), "1267649882330241709644114435127");
    EXPECT_EQ((b - a).to_string(), "-1267649882330241709644114435127");
}

TEST(BigIntTest, FloorDivisionAndModuloLikePython) {
    BigInt a = BigInt::pow(BigInt(10), 30) + BigInt(7);
    BigInt q, r;
    BigInt::divmod(a, BigInt(-12345678901LL), &q, &r);
    // divmod(10**30 + 7, -12345678901) in python3
    EXPECT_EQ(q.to_string(), "-81000000730539006589");
    EXPECT_EQ(r.to_string(), "-3317278682");
    BigInt::divmod(-a, BigInt::pow(BigInt(7), 20), &q, &r);
    // divmod(-(10**30+7), 7**20)
    EXPECT_EQ(q.to_string(), "-12532542894197");
    EXPECT_EQ(r.to_string(), "12048762300458190");
}

TEST(BigIntTest, BitwiseUsesTwosComplement) {
    BigInt a = BigInt::pow(BigInt(2), 70) + BigInt(5);
    EXPECT_EQ((a & BigInt(-4)).to_string(), "1180591620717411303428");   // (2**70+5) & -4
    EXPECT_EQ((-a | BigInt(3)).to_string(), "-1180591620717411303429");  // -(2**70+5) | 3
    EXPECT_EQ((-a ^ BigInt(255)).to_string(), "-1180591620717411303676");
    EXPECT_EQ(a.invert().to_string(), "-1180591620717411303430");
    EXPECT_EQ((-a).shr(3).to_string(), "-147573952589676412929");  // -(2**70+5) >> 3
    EXPECT_EQ(a.shl(10).to_string(), "1208925819614629174711296");
}

TEST(BigIntTest, BytesRoundTripAndRangeChecks) {
    std::vector<uint8_t> out;
    BigInt v(-129);
    EXPECT_FALSE(v.to_bytes(out, 1, false, true));
    EXPECT_TRUE(v.to_bytes(out, 2, false, true));
    EXPECT_EQ(out, (std::vector<uint8_t>{0xff, 0x7f}));
    BigInt back = BigInt::from_bytes(out.data(), out.size(), false, true);
    EXPECT_EQ(back.to_string(), "-129");
    EXPECT_FALSE(BigInt(256).to_bytes(out, 1, true, false));
}

TEST(BigIntTest, ToDoubleRoundsHalfEven) {
    // float(2**53 + 1) == 9007199254740992.0 ; float(2**64 + 2**11 + 1) rounds up
    EXPECT_EQ(*(BigInt::pow(BigInt(2), 53) + BigInt(1)).to_double(), 9007199254740992.0);
    EXPECT_EQ(*(BigInt::pow(BigInt(2), 64) + BigInt(2049)).to_double(), 18446744073709555712.0);
    EXPECT_FALSE(BigInt::pow(BigInt(2), 1024).to_double().has_value());
}

}  // namespace
}  // namespace engine::py
