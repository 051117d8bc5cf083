// ArrayObject against CPython 3.11: conversions per typecode and export checks.
#include "engine/buffer/array_object.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/buffer/memory_view.hpp"
#include "read_log.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

Item I(int64_t v) { return Item::integer(v); }
Item U(uint64_t v) { return Item::uinteger(v); }
Item N() { return Item::none(); }
const std::string kResize = "cannot resize an array that is exporting buffers";

struct ArrayObjectTest : ::testing::Test {
    BufferContext ctx;
    std::shared_ptr<ArrayObject> arr(char tc, std::vector<Item> v = {}) { return *ArrayObject::create(ctx, tc, v); }
    std::string err(char tc, Item v) {
        auto r = arr(tc)->append(v);
        return r.ok() ? "ok" : std::string(exc_name(r.error().type)) + ": " + r.error().message;
    }
};

TEST_F(ArrayObjectTest, BadTypecode) {
    EXPECT_RAISES(ArrayObject::create(ctx, 'z'), ValueError,
                  "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
}

TEST_F(ArrayObjectTest, ConversionMessages) {
    EXPECT_EQ(err('b', I(128)), "OverflowError: signed char is greater than maximum");
    EXPECT_EQ(err('b', I(-129)), "OverflowError: signed char is less than minimum");
    EXPECT_EQ(err('b', I(40000)), "OverflowError: signed short integer is greater than maximum");
    EXPECT_EQ(err('b', U(uint64_t{1} << 63)), "OverflowError: Python int too large to convert to C long");
    EXPECT_EQ(err('b', Item::other("str")), "TypeError: 'str' object cannot be interpreted as an integer");
    EXPECT_EQ(err('b', Item::floating(1.5)), "TypeError: 'float' object cannot be interpreted as an integer");
    EXPECT_EQ(err('B', I(256)), "OverflowError: unsigned byte integer is greater than maximum");
    EXPECT_EQ(err('B', I(-1)), "OverflowError: unsigned byte integer is less than minimum");
    EXPECT_EQ(err('h', I(-32769)), "OverflowError: signed short integer is less than minimum");
    EXPECT_EQ(err('H', I(65536)), "OverflowError: unsigned short is greater than maximum");
    EXPECT_EQ(err('H', I(int64_t{1} << 31)), "OverflowError: signed integer is greater than maximum");
    EXPECT_EQ(err('H', I(-1)), "OverflowError: unsigned short is less than minimum");
    EXPECT_EQ(err('i', I(int64_t{1} << 31)), "OverflowError: signed integer is greater than maximum");
    EXPECT_EQ(err('I', I(-1)), "OverflowError: can't convert negative value to unsigned int");
    EXPECT_EQ(err('I', I(int64_t{1} << 32)), "OverflowError: unsigned int is greater than maximum");
    EXPECT_EQ(err('I', Item::big_int(false, 1e20)), "OverflowError: Python int too large to convert to C unsigned long");
    EXPECT_EQ(err('L', I(-1)), "OverflowError: can't convert negative value to unsigned int");
    EXPECT_EQ(err('l', U(uint64_t{1} << 63)), "OverflowError: Python int too large to convert to C long");
    EXPECT_EQ(err('q', U(uint64_t{1} << 63)), "OverflowError: int too big to convert");
    EXPECT_EQ(err('Q', I(-1)), "OverflowError: can't convert negative int to unsigned");
    EXPECT_EQ(err('Q', Item::big_int(false, 1e20)), "OverflowError: int too big to convert");
    EXPECT_EQ(err('f', Item::other("str")), "TypeError: must be real number, not str");
    EXPECT_EQ(err('d', Item::none()), "TypeError: must be real number, not NoneType");
    EXPECT_EQ(err('f', Item::big_int(false, INFINITY)), "OverflowError: int too large to convert to float");
    EXPECT_EQ(err('f', Item::floating(1e300)), "ok");
}

TEST_F(ArrayObjectTest, ExportedArrayRefusesResize) {
    auto a = arr('i', {I(1), I(2), I(3)});
    auto mv = *MemoryView::from_object(a);
    EXPECT_EQ(*mv->format(), "i");
    EXPECT_RAISES(a->append(I(1)), BufferError, kResize);
    EXPECT_RAISES(a->append(Item::other("str")), TypeError, "'str' object cannot be interpreted as an integer");
    EXPECT_RAISES(a->extend({I(1)}), BufferError, kResize);
    EXPECT_OK(a->extend({}));
    EXPECT_OK(a->frombytes(""));
    EXPECT_RAISES(a->frombytes("1234"), BufferError, kResize);
    EXPECT_RAISES(a->frombytes("12345"), ValueError, "bytes length not a multiple of item size");
    EXPECT_RAISES(a->pop(), BufferError, kResize);
    EXPECT_RAISES(a->insert(0, I(1)), BufferError, kResize);
    EXPECT_RAISES(a->remove(I(1)), BufferError, kResize);
    EXPECT_RAISES(a->remove(I(42)), ValueError, "array.remove(x): x not in array");
    EXPECT_OK(a->byteswap());
    EXPECT_OK(a->set(0, I(5)));
    EXPECT_OK(a->set_slice({I(0), I(1), N()}, *arr('i', {I(9)})));
    EXPECT_RAISES(a->set_slice({I(0), I(1), N()}, *arr('i')), BufferError, kResize);
    EXPECT_RAISES(a->del_item(0), BufferError, kResize);
    EXPECT_RAISES(a->del_slice({I(5), I(2), N()}), BufferError, kResize);
    EXPECT_OK(a->extend_array(*arr('i')));
    EXPECT_EQ(repr_list(*a->tolist()), "[9, 33554432, 50331648]");
    ASSERT_OK(mv->release());
    EXPECT_OK(a->append(I(4)));
    EXPECT_EQ(a->size(), 4);
}

TEST_F(ArrayObjectTest, Methods) {
    auto a = arr('i', {I(9), I(2), I(3)});
    EXPECT_RAISES(a->pop(10), IndexError, "pop index out of range");
    EXPECT_RAISES(arr('i')->pop(), IndexError, "pop from empty array");
    EXPECT_RAISES(a->get(10), IndexError, "array index out of range");
    EXPECT_RAISES(a->set(10, I(1)), IndexError, "array assignment index out of range");
    EXPECT_RAISES(a->del_item(10), IndexError, "array assignment index out of range");
    EXPECT_RAISES(a->extend_array(*arr('l')), TypeError, "can only extend with array of same kind");
    EXPECT_RAISES(a->set_slice({I(0), I(1), N()}, *arr('l', {I(1)})), TypeError, "bad argument type for built-in operation");
    EXPECT_RAISES(a->set_slice({N(), N(), I(2)}, *arr('i', {I(1)})), ValueError,
                  "attempt to assign array of size 1 to extended slice of size 2");
    EXPECT_EQ(*a->tobytes(), std::string("\x09\0\0\0\x02\0\0\0\x03\0\0\0", 12));
    ASSERT_OK(a->byteswap());
    EXPECT_EQ(repr_list(*a->tolist()), "[150994944, 33554432, 50331648]");
    ASSERT_OK(a->byteswap());
    ASSERT_OK(a->insert(100, I(7)));
    ASSERT_OK(a->insert(-100, I(8)));
    EXPECT_EQ(repr_list(*a->tolist()), "[8, 9, 2, 3, 7]");
    EXPECT_EQ(a->pop(1)->repr(), "9");
    ASSERT_OK(a->remove(I(3)));
    EXPECT_EQ(repr_list(*a->tolist()), "[8, 2, 7]");
    ASSERT_OK(a->del_slice({N(), N(), I(-2)}));
    EXPECT_EQ(repr_list(*a->tolist()), "[2]");
    auto d = arr('d', {Item::floating(1.5)});
    ASSERT_OK(d->frombytes(std::string(8, '\0')));
    EXPECT_EQ(repr_list(*d->tolist()), "[1.5, 0.0]");
    EXPECT_EQ(repr_list(*(*a->get_slice({N(), N(), N()}))->tolist()), "[2]");
}

// b"..."[1::sys.maxsize] and friends (formerly signed overflow in the loops).
TEST_F(ArrayObjectTest, HugeStepSlices) {
    const int64_t M = INT64_MAX;
    auto a = arr('b', {I(1), I(2), I(3)});
    auto s = *a->get_slice({I(1), N(), I(M)});
    EXPECT_EQ(s->size(), 1);
    EXPECT_EQ(*s->get(0), I(2));
    s = *a->get_slice({N(), N(), I(-M)});
    EXPECT_EQ(*s->get(0), I(3));
    ASSERT_OK(a->set_slice({I(1), N(), I(M)}, *arr('b', {I(9)})));
    ASSERT_OK(a->set_slice({N(), N(), I(-M)}, *arr('b', {I(7)})));
    EXPECT_EQ(*a->tobytes(), std::string("\x01\x09\x07", 3));
    ASSERT_OK(a->del_slice({N(), N(), I(M)}));
    EXPECT_EQ(*a->tobytes(), std::string("\x09\x07", 2));
    ASSERT_OK(a->del_slice({N(), N(), I(-M)}));
    EXPECT_EQ(*a->tobytes(), std::string("\x09", 1));
}

// array.fromlist: a failing value appends nothing (array.extend keeps what it appended).
TEST_F(ArrayObjectTest, FromlistIsAllOrNothing) {
    auto a = arr('b', {I(1)});
    EXPECT_RAISES(a->fromlist({I(1), I(2), I(300)}), OverflowError, "signed char is greater than maximum");
    EXPECT_EQ(a->size(), 1);
    EXPECT_RAISES(a->extend({I(1), I(2), I(300)}), OverflowError, "signed char is greater than maximum");
    EXPECT_EQ(a->size(), 3);
    ASSERT_OK(a->fromlist({I(4), I(5)}));
    EXPECT_EQ(*a->tobytes(), std::string("\x01\x01\x02\x04\x05", 5));
    auto mv = *MemoryView::from_object(a);
    EXPECT_RAISES(a->fromlist({I(1000)}), BufferError, kResize);  // grows before it checks
    ASSERT_OK(a->fromlist({}));
}

using testing::ReadLog;
using testing::via;

TEST_F(ArrayObjectTest, ItemSliceAndWholeReadsAreReported) {
    ReadLog log;
    ctx.set_observer(&log);
    auto a = arr('i', {Item::integer(1), Item::integer(2), Item::integer(3), Item::integer(4)});
    EXPECT_EQ(a->get(1)->repr(), "2");
    EXPECT_EQ(repr_list(*(*a->get_slice({Item::none(), Item::none(), Item::integer(2)}))->tolist()), "[1, 3]");
    log.clear();  // tolist of the slice is the slice's own block
    EXPECT_EQ(*(*a->get_slice({Item::none(), Item::none(), Item::integer(-2)}))->tobytes(),
              std::string("\x04\0\0\0\x02\0\0\0", 8));
    EXPECT_EQ(repr_list(*a->tolist()), "[1, 2, 3, 4]");
    EXPECT_EQ(a->tobytes()->size(), 16u);
    ASSERT_EQ(log.reads.size(), 4u);
    EXPECT_EQ(log.reads[0], "slice 4..16" + via(a->id()) + " [4,8)[12,16)");
    EXPECT_EQ(log.reads[2], "tolist 0..16" + via(a->id()));
    EXPECT_EQ(log.reads[3], "tobytes 0..16" + via(a->id()));
    EXPECT_EQ(log.read_blocks[0], a->block().id());
    ctx.set_observer(nullptr);
}

}  // namespace
}  // namespace engine
