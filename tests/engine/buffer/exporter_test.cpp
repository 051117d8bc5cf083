// Exporter / ExportedBuffer / BytesObject: counting, FillInfo flags, release.
#include "engine/buffer/exporter.hpp"

#include <gtest/gtest.h>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

TEST(ExporterTest, CountsAndReleasesOnce) {
    BufferContext ctx;
    auto b = *ByteArrayObject::create(ctx, "abc");
    {
        auto e1 = *b->get_buffer(kBufSimple);
        auto e2 = *b->get_buffer(kBufFullRO);
        EXPECT_EQ(b->exports(), 2);
        e1.release();
        e1.release();  // idempotent
        EXPECT_EQ(b->exports(), 1);
        ExportedBuffer moved = std::move(e2);
        EXPECT_FALSE(e2.held());  // NOLINT: moved-from is empty
        EXPECT_EQ(b->exports(), 1);
    }
    EXPECT_EQ(b->exports(), 0);
}

TEST(ExporterTest, FillInfoFollowsFlags) {
    BufferContext ctx;
    auto b = *ByteArrayObject::create(ctx, "abcd");
    auto simple = *b->get_buffer(kBufSimple);
    EXPECT_FALSE(simple.info().has_format);
    EXPECT_FALSE(simple.info().has_shape);
    EXPECT_FALSE(simple.info().has_strides);
    EXPECT_EQ(simple.bytes(), "abcd");
    auto full = *b->get_buffer(kBufFull);
    EXPECT_TRUE(full.info().has_format);
    EXPECT_TRUE(full.info().has_shape);
    EXPECT_TRUE(full.info().has_strides);
    EXPECT_FALSE(full.info().readonly);
    EXPECT_EQ(full.info().shape, std::vector<int64_t>{4});
}

TEST(BytesObjectTest, ReadOnlyBuffer) {
    BufferContext ctx;
    auto b = *BytesObject::create(ctx, "xyz");
    EXPECT_EQ(b->type_name(), "bytes");
    EXPECT_TRUE(b->hashable());
    EXPECT_RAISES(b->get_buffer(kBufWritable), BufferError, "Object is not writable.");
    EXPECT_EQ(b->exports(), 0);
    auto ro = *b->get_buffer(kBufFullRO);
    EXPECT_TRUE(ro.info().readonly);
    auto z = *BytesObject::create_zeroed(ctx, 2);
    EXPECT_EQ(z->view(), std::string(2, '\0'));
}

TEST(ExporterTest, BufferBytesInCOrder) {
    BufferContext ctx;
    auto b = *ByteArrayObject::create(ctx, "abcdef");
    auto mv = *MemoryView::from_object(b);
    auto rev = std::get<ViewPtr>(*mv->get(Subscript::of_slice({Item::none(), Item::none(), Item::integer(-2)})));
    EXPECT_EQ(*buffer_bytes(*rev), "fdb");  // bytes(mv[::-2])
    EXPECT_EQ(rev->exports(), 0);
    EXPECT_RAISES(buffer_bytes(*rev, kBufSimple), BufferError, "memoryview: underlying buffer is not C-contiguous");
    auto grid = *mv->cast("B", CastShape{"tuple", {Item::integer(2), Item::integer(3)}});
    EXPECT_EQ(*buffer_bytes(*grid), "abcdef");
    EXPECT_EQ(*buffer_bytes(*grid, kBufSimple), "abcdef");
    auto h = *mv->cast("H");
    EXPECT_EQ(*buffer_bytes(*h, kBufSimple), "abcdef");
    EXPECT_EQ(*buffer_bytes(*b), "abcdef");
}

}  // namespace
}  // namespace engine
