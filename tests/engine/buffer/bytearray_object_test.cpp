// ByteArrayObject against CPython 3.11: values, slices, and _canresize.
#include "engine/buffer/bytearray_object.hpp"

#include <gtest/gtest.h>

#include "engine/buffer/memory_view.hpp"
#include "read_log.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

Item I(int64_t v) { return Item::integer(v); }
Item N() { return Item::none(); }
const std::string kResize = "Existing exports of data: object cannot be re-sized";

struct ByteArrayObjectTest : ::testing::Test {
    BufferContext ctx;
    std::shared_ptr<ByteArrayObject> ba(std::string_view s) { return *ByteArrayObject::create(ctx, s); }
};

TEST_F(ByteArrayObjectTest, ItemErrors) {
    auto b = ba("abc");
    EXPECT_RAISES(b->get(5), IndexError, "bytearray index out of range");
    EXPECT_EQ(*b->get(-1), 99);
    EXPECT_RAISES(b->set(0, I(256)), ValueError, "byte must be in range(0, 256)");
    EXPECT_RAISES(b->set(0, Item::big_int(false, 1e21)), ValueError, "byte must be in range(0, 256)");
    EXPECT_RAISES(b->set(0, Item::other("str")), TypeError, "'str' object cannot be interpreted as an integer");
    EXPECT_RAISES(b->set(5, I(1)), IndexError, "bytearray index out of range");
    EXPECT_RAISES(b->del_item(5), IndexError, "bytearray index out of range");
    EXPECT_RAISES(b->pop(5), IndexError, "pop index out of range");
    EXPECT_RAISES(ba("")->pop(), IndexError, "pop from empty bytearray");
    EXPECT_RAISES(b->insert(0, I(300)), ValueError, "byte must be in range(0, 256)");
    EXPECT_RAISES(b->append(I(-1)), ValueError, "byte must be in range(0, 256)");
    EXPECT_RAISES(b->append(Item::other("str")), TypeError, "'str' object cannot be interpreted as an integer");
    EXPECT_RAISES(b->remove(I(300)), ValueError, "byte must be in range(0, 256)");
    EXPECT_RAISES(b->remove(I(120)), ValueError, "value not found in bytearray");
    EXPECT_RAISES(b->set_slice({N(), N(), I(2)}, "xyz"), ValueError,
                  "attempt to assign bytes of size 3 to extended slice of size 2");
    ASSERT_OK(b->set(0, Item::boolean(true)));
    EXPECT_EQ(b->view(), "\x01" "bc");
}

TEST_F(ByteArrayObjectTest, SliceEditing) {
    auto b = ba("abcdef");
    ASSERT_OK(b->set_slice({N(), N(), I(-2)}, "XYZ"));
    EXPECT_EQ(b->view(), "aZcYeX");
    ASSERT_OK(b->del_slice({N(), N(), I(2)}));
    EXPECT_EQ(b->view(), "ZYX");
    ASSERT_OK(b->set_slice({I(1), I(1), N()}, "123"));
    EXPECT_EQ(b->view(), "Z123YX");
    ASSERT_OK(b->set_slice({I(10), I(20), N()}, "!"));
    EXPECT_EQ(b->view(), "Z123YX!");
    ASSERT_OK(b->set_slice({I(-100), I(0), N()}, "<"));
    EXPECT_EQ(b->view(), "<Z123YX!");
    EXPECT_EQ((*b->get_slice({I(1), I(4), N()}))->view(), "Z12");
    auto c = ba("abc");
    ASSERT_OK(c->set_slice({I(0), I(2), N()}, c->view()));  // ba[0:2] = ba
    EXPECT_EQ(c->view(), "abcc");
    ASSERT_OK(c->extend(c->view()));
    EXPECT_EQ(c->view(), "abccabcc");
    ASSERT_OK(c->insert(-100, I(65)));
    ASSERT_OK(c->insert(100, I(66)));
    EXPECT_EQ(c->view(), "AabccabccB");
    ASSERT_OK(c->imul(-1));
    EXPECT_EQ(c->view(), "");
    auto d = ba("ab");
    ASSERT_OK(d->imul(3));
    EXPECT_EQ(d->view(), "ababab");
    EXPECT_EQ(*d->pop(), 98);
    EXPECT_EQ(*d->pop(0), 97);
    ASSERT_OK(d->remove(I(97)));
    EXPECT_EQ(d->view(), "bba");
    ASSERT_OK(d->reverse());
    EXPECT_EQ(d->view(), "abb");
}

TEST_F(ByteArrayObjectTest, ResizesRefusedWhileExported) {
    auto b = ba("abcd");
    auto mv = *MemoryView::from_object(b);
    EXPECT_RAISES(b->append(I(1)), BufferError, kResize);
    EXPECT_OK(b->iadd(""));
    EXPECT_RAISES(b->iadd("x"), BufferError, kResize);
    EXPECT_OK(b->set_slice({I(0), I(2), N()}, "xy"));
    EXPECT_RAISES(b->set_slice({I(0), I(2), N()}, "xyz"), BufferError, kResize);
    EXPECT_RAISES(b->set_slice({I(0), I(2), N()}, "x"), BufferError, kResize);
    EXPECT_RAISES(b->clear(), BufferError, kResize);
    EXPECT_RAISES(b->pop(), BufferError, kResize);
    EXPECT_OK(b->extend(""));
    EXPECT_OK(b->imul(1));
    EXPECT_RAISES(b->imul(2), BufferError, kResize);
    EXPECT_RAISES(b->imul(0), BufferError, kResize);
    EXPECT_OK(b->del_slice({I(0), I(0), N()}));
    EXPECT_OK(b->del_slice({I(5), I(2), N()}));
    EXPECT_RAISES(b->del_item(0), BufferError, kResize);
    EXPECT_RAISES(b->del_slice({N(), N(), I(2)}), BufferError, kResize);
    EXPECT_RAISES(b->del_slice({I(0), I(0), I(2)}), BufferError, kResize);  // empty, but extended
    EXPECT_RAISES(b->set_slice({I(3), I(1), I(2)}, ""), BufferError, kResize);
    EXPECT_RAISES(b->insert(0, I(1)), BufferError, kResize);
    EXPECT_RAISES(b->remove(I(97)), ValueError, "value not found in bytearray");  // lookup first
    EXPECT_RAISES(b->remove(I(120)), BufferError, kResize);
    EXPECT_OK(b->set_slice({N(), N(), I(2)}, "12"));
    EXPECT_OK(b->set(0, I(5)));
    EXPECT_RAISES(b->assign(""), BufferError, kResize);
    EXPECT_OK(b->reverse());
    EXPECT_EQ(b->view(), "d2y\x05");
    EXPECT_EQ(b->size(), 4);
    ASSERT_OK(mv->release());
    EXPECT_OK(b->clear());
    auto e = ba("");
    auto ev = *MemoryView::from_object(e);
    EXPECT_OK(e->clear());  // already empty: no resize, no error
}

TEST_F(ByteArrayObjectTest, GrowthMovesBlockAndKeepsId) {
    auto b = ba("");
    uint64_t id = b->block().id();
    uint64_t addr = b->block().address();
    for (int i = 0; i < 100; ++i) ASSERT_OK(b->append(I(i)));
    EXPECT_EQ(b->block().id(), id);
    EXPECT_NE(b->block().address(), addr);
    EXPECT_GE(b->block().capacity(), 100u);
}

// bytearray get/set/del with a step near sys.maxsize: one element, no overflow.
TEST_F(ByteArrayObjectTest, HugeStepSlices) {
    const int64_t M = INT64_MAX;
    auto b = ba("abcde");
    EXPECT_EQ((*b->get_slice({I(1), N(), I(M)}))->view(), "b");
    EXPECT_EQ((*b->get_slice({N(), N(), I(-M)}))->view(), "e");
    ASSERT_OK(b->set_slice({I(1), N(), I(M)}, "X"));
    ASSERT_OK(b->set_slice({N(), N(), I(-M)}, "Y"));
    EXPECT_EQ(b->view(), "aXcdY");
    ASSERT_OK(b->del_slice({N(), N(), I(-M)}));
    EXPECT_EQ(b->view(), "aXcd");
    ASSERT_OK(b->del_slice({I(1), N(), I(M)}));
    EXPECT_EQ(b->view(), "acd");
}

using testing::ReadLog;
using testing::via;

TEST_F(ByteArrayObjectTest, ItemAndSliceReadsAreReported) {
    ReadLog log;
    ctx.set_observer(&log);
    auto b = *ByteArrayObject::create(ctx, "abcdefgh");
    EXPECT_EQ(*b->get(-2), 103);
    EXPECT_RAISES(b->get(8), IndexError, "bytearray index out of range");
    EXPECT_EQ((*b->get_slice({Item::integer(1), Item::integer(4), Item::none()}))->view(), "bcd");
    EXPECT_EQ((*b->get_slice({Item::none(), Item::none(), Item::integer(-3)}))->view(), "heb");
    EXPECT_EQ((*b->get_slice({Item::integer(5), Item::integer(1), Item::none()}))->view(), "");
    EXPECT_EQ(log.reads, (std::vector<std::string>{"item 6..7" + via(b->id()), "slice 1..4" + via(b->id()),
                                                   "slice 1..8" + via(b->id()) + " [1,2)[4,5)[7,8)"}));
    for (uint64_t block : log.read_blocks) EXPECT_EQ(block, b->block().id());
    ctx.set_observer(nullptr);
}

}  // namespace
}  // namespace engine
