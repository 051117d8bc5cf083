// ManagedBuffer: one export per acquisition, released with the last view.
#include "engine/buffer/managed_buffer.hpp"

#include <gtest/gtest.h>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

TEST(ManagedBufferTest, ReleasesWithLastView) {
    BufferContext ctx;
    auto b = *ByteArrayObject::create(ctx, "abc");
    auto mbuf = *ManagedBuffer::from_object(b);
    EXPECT_EQ(b->exports(), 1);
    EXPECT_EQ(mbuf->obj().get(), b.get());
    mbuf->add_view();
    mbuf->add_view();
    mbuf->remove_view();
    EXPECT_FALSE(mbuf->released());
    EXPECT_EQ(b->exports(), 1);
    mbuf->remove_view();
    EXPECT_TRUE(mbuf->released());
    EXPECT_EQ(b->exports(), 0);
    EXPECT_EQ(mbuf->obj(), nullptr);
}

TEST(ManagedBufferTest, DestructionReleases) {
    BufferContext ctx;
    auto b = *ByteArrayObject::create(ctx, "abc");
    {
        auto mbuf = *ManagedBuffer::from_object(b);
        EXPECT_EQ(b->exports(), 1);
    }
    EXPECT_EQ(b->exports(), 0);
}

TEST(ManagedBufferTest, AcquisitionErrorsPropagate) {
    BufferContext ctx;
    auto b = *BytesObject::create(ctx, "abc");
    EXPECT_RAISES(ManagedBuffer::from_object(b, kBufFull), BufferError, "Object is not writable.");
    EXPECT_EQ(b->exports(), 0);
}

}  // namespace
}  // namespace engine
