// BufferContext, Block and the observer: ids, budget, meters, event order.
#include "engine/buffer/context.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/struct_codec.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

struct Recorder : BufferObserver {
    std::vector<std::string> log;
    std::vector<std::string> old_bytes;
    void on_block_allocated(const BlockEvent& e) override { log.push_back("alloc " + std::to_string(e.size)); }
    void on_block_resized(const BlockResizeEvent& e) override {
        log.push_back("resize " + std::to_string(e.old_size) + "->" + std::to_string(e.new_size) + (e.moved ? " moved" : ""));
    }
    void on_block_freed(uint64_t) override { log.push_back("free"); }
    void on_write(const WriteEvent& e) override {
        log.push_back("write " + std::to_string(e.begin) + ".." + std::to_string(e.end) + " pieces " +
                      std::to_string(e.pieces.size()));
        old_bytes.emplace_back(reinterpret_cast<const char*>(e.old_bytes), e.end - e.begin);
    }
    void on_copy(const CopyEvent& e) override { log.push_back("copy " + std::to_string(e.bytes)); }
    void on_export_acquired(uint64_t, uint64_t) override { log.push_back("export+"); }
    void on_export_released(uint64_t, uint64_t) override { log.push_back("export-"); }
    void on_view_created(const ViewEvent&) override { log.push_back("view"); }
    void on_view_released(uint64_t) override { log.push_back("release"); }
    void on_view_destroyed(uint64_t) override { log.push_back("destroy"); }
};

TEST(ContextTest, MemoryBudgetRaisesMemoryError) {
    BufferContext ctx(100);
    EXPECT_OK(ByteArrayObject::create(ctx, std::string(60, 'a')));  // freed at once
    auto keep = *ByteArrayObject::create(ctx, std::string(60, 'a'));
    EXPECT_RAISES(ByteArrayObject::create(ctx, std::string(60, 'a')), MemoryError, "");
    EXPECT_RAISES(keep->iadd(std::string(60, 'b')), MemoryError, "");
    EXPECT_EQ(keep->size(), 60);
    EXPECT_EQ(ctx.bytes_in_use(), 60u);
}

TEST(ContextTest, UserSizesAreChecked) {
    BufferContext ctx(1 << 20);
    EXPECT_RAISES(ByteArrayObject::create_zeroed(ctx, -1), ValueError, "negative count");
    EXPECT_RAISES(BytesObject::create_zeroed(ctx, -1), ValueError, "negative count");
    EXPECT_RAISES(ByteArrayObject::create_zeroed(ctx, int64_t{1} << 62), MemoryError, "");
    EXPECT_RAISES(BytesObject::create_zeroed(ctx, INT64_MAX), MemoryError, "");
    auto z = *ByteArrayObject::create_zeroed(ctx, 3);
    EXPECT_EQ(z->view(), std::string(3, '\0'));
    EXPECT_RAISES(z->imul(INT64_MAX), MemoryError, "");
    EXPECT_EQ(z->size(), 3);
}

TEST(ContextTest, IdsAreSmallAndStable) {
    BufferContext ctx;
    auto a = *ByteArrayObject::create(ctx, "ab");
    auto b = *ByteArrayObject::create(ctx, "cd");
    EXPECT_EQ(a->id(), 1u);
    EXPECT_EQ(b->id(), 2u);
    EXPECT_EQ(a->block().id(), 1u);
    EXPECT_EQ(b->block().id(), 2u);
    EXPECT_NE(a->block().address(), b->block().address());
    EXPECT_EQ(a->block().address() % 16, 0u);
}

TEST(ContextTest, EventsForAViewLifecycle) {
    BufferContext ctx;
    Recorder rec;
    ctx.set_observer(&rec);
    auto ba = *ByteArrayObject::create(ctx, "abcdef");
    auto mv = *MemoryView::from_object(ba);
    auto s = std::get<ViewPtr>(*mv->get(Subscript::of_slice({Item::none(), Item::none(), Item::integer(2)})));
    ASSERT_OK(s->set(Subscript::of_int(1), AssignValue::of(Item::integer(90))));
    ASSERT_OK(s->set(Subscript::of_slice({Item::none(), Item::none(), Item::none()}), AssignValue::of(Item::bytes("XYZ"))));
    ASSERT_OK(mv->release());
    s.reset();
    mv.reset();
    ASSERT_OK(ba->append(Item::integer(33)));
    // s[:] = b"XYZ" shows its window as a view created and destroyed around the write.
    std::vector<std::string> expected = {"alloc 6",  "export+",   "view",     "view", "write 2..3 pieces 0",
                                         "view", "write 0..5 pieces 3", "copy 3", "destroy", "release", "release",
                                         "export-", "destroy",  "destroy",   "resize 6->7 moved", "write 6..7 pieces 0"};
    EXPECT_EQ(rec.log, expected);
    EXPECT_EQ(rec.old_bytes[0], "c");        // saved before the write
    EXPECT_EQ(rec.old_bytes[1], "abZde");
    EXPECT_EQ(ba->view(), "XbYdZf!");
    EXPECT_EQ(ctx.bytes_copied_total(), 3u);
    ctx.set_observer(nullptr);
}

// Views are reported once their geometry is final: a slice's own offset and strides.
struct GeometryLog : BufferObserver {
    std::vector<BufferInfo> created;
    void on_view_created(const ViewEvent& e) override {
        ASSERT_NE(e.info, nullptr);
        created.push_back(*e.info);
    }
};

TEST(ContextTest, ViewCreatedCarriesTheFinalGeometry) {
    BufferContext ctx;
    GeometryLog log;
    ctx.set_observer(&log);
    auto ba = *ByteArrayObject::create(ctx, "abcdefgh");
    auto mv = *MemoryView::from_object(ba);
    auto s = std::get<ViewPtr>(
        *mv->get(Subscript::of_slice({Item::integer(1), Item::none(), Item::integer(3)})));
    ASSERT_EQ(log.created.size(), 2u);
    EXPECT_EQ(log.created[0].offset, 0);
    EXPECT_EQ(log.created[0].shape, std::vector<int64_t>{8});
    EXPECT_EQ(log.created[1].offset, 1);
    EXPECT_EQ(log.created[1].shape, std::vector<int64_t>{3});
    EXPECT_EQ(log.created[1].strides, std::vector<int64_t>{3});
    EXPECT_EQ(log.created[1].len, 3);
    ctx.set_observer(nullptr);
}

TEST(ContextTest, BytesCopiedIntoABytearrayCount) {
    BufferContext ctx;
    auto ba = *ByteArrayObject::create(ctx, "ab");
    const uint64_t before = ctx.bytes_copied_total();
    ASSERT_OK(ba->iadd("cd", 7));
    ASSERT_OK(ba->extend("efg"));
    ASSERT_OK(ba->set_slice(SliceArgs{Item::integer(0), Item::integer(1), Item::none()}, "XY"));
    ASSERT_OK(ba->append(Item::integer(33)));  // one int: not a copy
    EXPECT_EQ(ba->view(), "XYbcdefg!");
    EXPECT_EQ(ctx.bytes_copied_total() - before, 2u + 3 + 2);
}

TEST(ContextTest, TobytesCountsCopies) {
    BufferContext ctx;
    auto ba = *ByteArrayObject::create(ctx, "abcdef");
    auto mv = *MemoryView::from_object(ba);
    uint64_t before = ctx.bytes_allocated_total();
    auto b = *mv->tobytes();
    EXPECT_EQ(b->view(), "abcdef");
    EXPECT_EQ(ctx.bytes_copied_total(), 6u);
    EXPECT_EQ(ctx.bytes_allocated_total() - before, 6u);
}

}  // namespace
}  // namespace engine
