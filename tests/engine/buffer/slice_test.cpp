// adjust_slice / index_from_item against CPython's slice.indices().
#include "engine/buffer/slice.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace engine {
namespace {

Item I(int64_t v) { return Item::integer(v); }
Item N() { return Item::none(); }
Item Big(bool neg) { return Item::big_int(neg, neg ? -1.2e21 : 1.2e21); }

std::string ix(SliceArgs s, int64_t n) {
    auto r = adjust_slice(s, n);
    if (!r) return r.error().message;
    return std::to_string(r->start) + "," + std::to_string(r->stop) + "," + std::to_string(r->step) + " len " +
           std::to_string(r->length);
}

TEST(SliceTest, MatchesSliceIndices) {
    EXPECT_EQ(ix({N(), N(), I(-1)}, 5), "4,-1,-1 len 5");
    EXPECT_EQ(ix({I(-100), I(100), N()}, 5), "0,5,1 len 5");
    EXPECT_EQ(ix({N(), N(), Big(false)}, 5), "0,5,9223372036854775807 len 1");
    EXPECT_EQ(ix({Big(true), N(), I(-1)}, 5), "-1,-1,-1 len 0");
    EXPECT_EQ(ix({I(3), I(1), I(-1)}, 5), "3,1,-1 len 2");
    EXPECT_EQ(ix({Big(false), N(), I(-2)}, 5), "4,-1,-2 len 3");
    EXPECT_EQ(ix({N(), N(), Big(true)}, 5), "4,-1,-9223372036854775807 len 1");
    EXPECT_EQ(ix({I(0), I(1), I(0)}, 3), "slice step cannot be zero");
    EXPECT_EQ(ix({Item::floating(1.0), N(), N()}, 3), "slice indices must be integers or None or have an __index__ method");
    EXPECT_EQ(ix({Item::boolean(true), N(), N()}, 3), "1,3,1 len 2");
}

TEST(SliceTest, IndexFromItem) {
    EXPECT_EQ(*index_from_item(I(-3), ExcType::IndexError), -3);
    EXPECT_RAISES(index_from_item(Big(false), ExcType::IndexError), IndexError,
                  "cannot fit 'int' into an index-sized integer");
    EXPECT_RAISES(index_from_item(Item::other("str"), ExcType::IndexError), TypeError,
                  "'str' object cannot be interpreted as an integer");
    int64_t i = -1;
    EXPECT_TRUE(normalize_index(i, 3));
    EXPECT_EQ(i, 2);
    i = 3;
    EXPECT_FALSE(normalize_index(i, 3));
}

// A step near sys.maxsize selects one element; slice_at must not overflow
// past the last position (formerly `p += step` after the last element).
TEST(SliceTest, SliceAtHugeSteps) {
    const int64_t M = INT64_MAX;
    auto r = *adjust_slice({I(1), N(), I(M)}, 5);
    EXPECT_EQ(r.length, 1);
    EXPECT_EQ(slice_at(r, 0), 1);
    r = *adjust_slice({N(), N(), I(-M)}, 5);
    EXPECT_EQ(r.length, 1);
    EXPECT_EQ(slice_at(r, 0), 4);
    r = *adjust_slice({N(), N(), Big(true)}, 3);  // step clamped to -sys.maxsize
    EXPECT_EQ(slice_at(r, 0), 2);
    r = *adjust_slice({I(4), N(), I(-2)}, 5);
    EXPECT_EQ(slice_at(r, 0), 4);
    EXPECT_EQ(slice_at(r, 1), 2);
    EXPECT_EQ(slice_at(r, 2), 0);
}

}  // namespace
}  // namespace engine
