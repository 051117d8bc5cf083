// The set table against CPython 3.11: iteration order after collisions,
// growth, dummies and pop's finger; frozenset hashes.
#include "engine/python/runtime/set.hpp"

#include <gtest/gtest.h>

#include "test_interp.hpp"

namespace engine::py {
namespace {
using namespace engine::py::testing;

std::string rep(const Value& v) {
    auto r = repr(v);
    return r ? *r : "error: " + r.error().message;
}

Value ints(std::initializer_list<int64_t> xs, bool frozen = false) {
    Value s = make_set(frozen);
    for (int64_t x : xs) EXPECT_TRUE(s.obj<SetObject>().add(I(x)));
    return s;
}

TEST(SetTest, CollidingIntsProbeAndGrowAsCPython) {
    TestInterp in;
    // All ≡ 7 (mod 8): linear probes, then a resize past fill*5 >= mask*3.
    Value s = ints({7, 15, 23, 31, 39, 47});
    EXPECT_EQ(rep(s), "{39, 7, 15, 47, 23, 31}");
    auto& so = s.obj<SetObject>();
    EXPECT_EQ(*so.discard(I(15), 15), true);
    EXPECT_EQ(*so.add(I(55), 55), true);  // the dummy left by 15 is not reused
    EXPECT_EQ(rep(s), "{39, 7, 47, 55, 23, 31}");
    EXPECT_EQ(rep(*so.pop()), "39");
    EXPECT_EQ(rep(*so.pop()), "7");
    EXPECT_EQ(rep(s), "{47, 55, 23, 31}");
    EXPECT_EQ(so.size(), 4);
}

TEST(SetTest, GrowthOrderAndDuplicates) {
    Value s = ints({0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 8, 0});
    EXPECT_EQ(rep(s), "{0, 32, 64, 8, 40, 72, 16, 48, 24, 56}");
    EXPECT_EQ(s.obj<SetObject>().size(), 10);
}

TEST(SetTest, FrozensetHashAndRepr) {
    EXPECT_EQ(*frozenset_hash(ints({1, 2, 3}, true)), -272375401224217160LL);
    EXPECT_EQ(*frozenset_hash(make_set(true)), 133146708735736LL);
    Value f = ints({-1, -2}, true);
    EXPECT_EQ(rep(f), "frozenset({-1, -2})");
    EXPECT_EQ(*frozenset_hash(f), 399283329322573LL);
    EXPECT_EQ(rep(make_set(false)), "set()");
    EXPECT_EQ(rep(make_set(true)), "frozenset()");
}

TEST(SetTest, UnhashableKeyAndEmptyPop) {
    Value s = make_set(false);
    auto r = s.obj<SetObject>().add(L({}));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message, "unhashable type: 'list'");
    EXPECT_FALSE(s.obj<SetObject>().pop().has_value());
    auto h = hash_value(s);
    ASSERT_FALSE(h);
    EXPECT_EQ(h.error().message, "unhashable type: 'set'");
}

}  // namespace
}  // namespace engine::py
