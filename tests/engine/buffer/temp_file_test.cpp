// TempFile: buffering (what an mmap sees), positions, FileStorage growth.
#include "engine/buffer/temp_file.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace engine {
namespace {

TEST(TempFileTest, WritesAreBufferedUntilFlushOrSeek) {
    BufferContext ctx;
    auto f = *TempFile::create(ctx);
    ASSERT_OK(f->write("abc"));
    EXPECT_EQ(f->storage()->size(), 0);  // still in the BufferedRandom buffer
    EXPECT_EQ(*f->tell(), 3);
    ASSERT_OK(f->seek(0));               // seeking flushes
    EXPECT_EQ(f->storage()->size(), 3);
    ASSERT_OK(f->write(std::string(9000, 'x')));  // larger than the buffer: reaches the file
    EXPECT_EQ(f->storage()->size(), 9000);
    EXPECT_EQ(*f->tell(), 9000);
    ASSERT_OK(f->close());               // close flushes too
    EXPECT_TRUE(f->closed());
}

TEST(TempFileTest, StorageTruncateKeepsMappedBytes) {
    BufferContext ctx;
    auto s = *FileStorage::create(ctx, 0);
    ASSERT_OK(s->write_at(2, "ab", 0));
    EXPECT_EQ(s->view(), std::string("\0\0ab", 4));
    s->set_map(99, 4);
    ASSERT_OK(s->truncate(1));
    EXPECT_EQ(s->size(), 1);
    EXPECT_EQ(s->block().size(), 4u);  // a mapping still covers 4 bytes
    s->remove_map(99);
    ASSERT_OK(s->truncate(3));
    EXPECT_EQ(s->view(), std::string(3, '\0'));
    EXPECT_RAISES(s->truncate(-1), OSError, "[Errno 22] Invalid argument");
}

}  // namespace
}  // namespace engine
