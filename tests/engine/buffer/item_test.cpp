#include "engine/buffer/item.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace engine {
namespace {

TEST(ItemTest, IntRanges) {
    EXPECT_EQ(Item::integer(-5).as_int64(), -5);
    EXPECT_EQ(Item::integer(INT64_MIN).as_int64(), INT64_MIN);
    EXPECT_FALSE(Item::uinteger(uint64_t{1} << 63).as_int64());
    EXPECT_EQ(Item::uinteger(uint64_t{1} << 63).as_uint64(), uint64_t{1} << 63);
    EXPECT_FALSE(Item::integer(-1).as_uint64());
    EXPECT_FALSE(Item::big_int(false, 1e30).as_uint64());
    EXPECT_TRUE(Item::boolean(true).is_int());
    EXPECT_EQ(Item::boolean(true).as_int64(), 1);
}

TEST(ItemTest, Repr) {
    EXPECT_EQ(Item::integer(-5).repr(), "-5");
    EXPECT_EQ(Item::boolean(true).repr(), "True");
    EXPECT_EQ(Item::none().repr(), "None");
    EXPECT_EQ(Item::floating(1.5).repr(), "1.5");
    EXPECT_EQ(Item::floating(1.0).repr(), "1.0");
    EXPECT_EQ(Item::floating(1e16).repr(), "1e+16");
    EXPECT_EQ(Item::floating(1e15).repr(), "1000000000000000.0");
    EXPECT_EQ(Item::floating(1e-05).repr(), "1e-05");
    EXPECT_EQ(Item::floating(0.0001).repr(), "0.0001");
    EXPECT_EQ(Item::floating(4.935264587402344e-05).repr(), "4.935264587402344e-05");
    EXPECT_EQ(Item::floating(-0.0).repr(), "-0.0");
    EXPECT_EQ(Item::bytes(std::string("a\0'", 3)).repr(), "b\"a\\x00'\"");
    EXPECT_EQ(repr_tuple({Item::integer(1)}), "(1,)");
}

TEST(ItemTest, EqualityFollowsPython) {
    EXPECT_TRUE(Item::integer(1) == Item::floating(1.0));
    EXPECT_TRUE(Item::boolean(true) == Item::integer(1));
    EXPECT_FALSE(Item::floating(NAN) == Item::floating(NAN));
    EXPECT_FALSE(Item::bytes("a") == Item::integer(97));
    EXPECT_TRUE(Item::integer(-3) == Item::floating(-3.0));
    EXPECT_FALSE(Item::integer(3) == Item::floating(-3.0));
}

}  // namespace
}  // namespace engine
