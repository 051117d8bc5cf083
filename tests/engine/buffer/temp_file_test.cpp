// TempFile: buffering (what an mmap sees), positions, FileStorage growth.
#include "engine/buffer/temp_file.hpp"

#include "engine/buffer/mmap_object.hpp"

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

TEST(TempFileTest, ReadAheadBufferShowsStaleBytesLikeCPython) {
    // The sequence of x3.py, outputs from CPython 3.11.
    BufferContext ctx;
    auto f = *TempFile::create(ctx);
    ASSERT_OK(f->write("0123456789"));
    ASSERT_OK(f->flush());
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(3), "012");
    ASSERT_OK(m->set_slice({Item::integer(0), Item::integer(2), Item::none()}, "AB"));
    ASSERT_OK(m->set(8, Item::integer(90)));
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(3), "012");       // still the buffered bytes
    EXPECT_EQ(*f->read(), "3456789");
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(), "AB234567Z9");  // the buffer was dropped: fresh bytes
    ASSERT_OK(m->set(5, Item::integer(70)));
    ASSERT_OK(f->seek(1));
    EXPECT_EQ(*f->read(2), "B2");
    ASSERT_OK(f->seek(0, 2));
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(1), "A");
    ASSERT_OK(f->seek(4));
    ASSERT_OK(f->write("w"));
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(), "AB23wF67Z9");
    EXPECT_EQ(*m->get_slice({Item::none(), Item::none(), Item::none()}), "AB23wF67Z9");
    ASSERT_OK(f->seek(2));
    EXPECT_EQ(*f->read(2), "23");
    ASSERT_OK(m->set(3, Item::integer(81)));
    ASSERT_OK(f->seek(3));
    EXPECT_EQ(*f->read(1), "3");
    ASSERT_OK(f->seek(0));
    ASSERT_OK(f->write("Z"));
    EXPECT_EQ(*f->read(4), "B2Qw");
    ASSERT_OK(f->flush());
    EXPECT_EQ(*m->get_slice({Item::none(), Item::none(), Item::none()}), "ZB2QwF67Z9");
    auto g = *TempFile::create(ctx);
    ASSERT_OK(g->write(std::string(9000, 'x')));
    ASSERT_OK(g->seek(0));
    EXPECT_EQ(g->read(8200)->size(), 8200u);
    EXPECT_EQ(*g->tell(), 8200);
    ASSERT_OK(g->seek(100));
    EXPECT_EQ(*g->read(2), "xx");
}

}  // namespace
}  // namespace engine
