// BytesIOObject against CPython 3.11 io.BytesIO.
#include "engine/buffer/bytes_io.hpp"

#include <gtest/gtest.h>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "read_log.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

Item I(int64_t v) { return Item::integer(v); }
const std::string kResize = "Existing exports of data: object cannot be re-sized";
const std::string kClosed = "I/O operation on closed file.";

TEST(BytesIOTest, GetbufferLocksResizingOperations) {
    BufferContext ctx;
    auto b = *BytesIOObject::create(ctx, "hello");
    auto m = *b->getbuffer();
    EXPECT_FALSE(*m->readonly());
    EXPECT_EQ(*m->format(), "B");
    EXPECT_EQ(*m->len(), 5);
    EXPECT_EQ((*m->obj())->type_name(), "_io._BytesIOBuffer");
    EXPECT_EQ(b->buffer_exports(), 1);
    ASSERT_OK(m->set(Subscript::of_int(0), AssignValue::of(I(72))));
    EXPECT_EQ(*b->getvalue(), "Hello");
    EXPECT_RAISES(b->write("x"), BufferError, kResize);
    EXPECT_RAISES(b->truncate(5), BufferError, kResize);
    EXPECT_RAISES(b->truncate(), BufferError, kResize);
    EXPECT_RAISES(b->close(), BufferError, kResize);
    EXPECT_EQ(*b->read(2), "He");
    auto m2 = *b->getbuffer();
    EXPECT_EQ(b->buffer_exports(), 2);
    ASSERT_OK(m->release());
    EXPECT_RAISES(b->write("!"), BufferError, kResize);
    m2.reset();  // destroyed without release
    EXPECT_EQ(b->buffer_exports(), 0);
    EXPECT_EQ(*b->write("!"), 1);
    EXPECT_EQ(*b->getvalue(), "He!lo");
}

// CPython 3.11 write_bytes checks closed, then exports, before it reads its argument.
TEST(BytesIOTest, CheckWritableBeforeTheArgument) {
    BufferContext ctx;
    auto b = *BytesIOObject::create(ctx, "ca");
    ASSERT_OK(b->check_writable());
    auto m = *b->getbuffer();
    EXPECT_RAISES(b->check_writable(), BufferError, kResize);
    EXPECT_RAISES(b->write(""), BufferError, kResize);
    ASSERT_OK(m->release());
    ASSERT_OK(b->check_writable());
    ASSERT_OK(b->close());
    EXPECT_RAISES(b->check_writable(), ValueError, kClosed);
}

// scan_eol: a line ends after b'\n', a limit cuts it, past the end is b''.
TEST(BytesIOTest, ReadlineScansToTheNewline) {
    BufferContext ctx;
    auto b = *BytesIOObject::create(ctx, "ab\ncd");
    EXPECT_EQ(*b->readline(0), "");
    EXPECT_EQ(*b->readline(1), "a");
    EXPECT_EQ(*b->readline(), "b\n");
    EXPECT_EQ(*b->readline(-1), "cd");
    EXPECT_EQ(*b->readline(), "");
    EXPECT_EQ(*b->seek(40), 40);
    EXPECT_EQ(*b->readline(), "");
    ASSERT_OK(b->close());
    EXPECT_RAISES(b->readline(), ValueError, kClosed);
}

// A second __init__ empties the BytesIO before exports refuse it; bytes reopen it.
TEST(BytesIOTest, ReinitResetsBeforeTheExportsCheck) {
    BufferContext ctx;
    auto b = *BytesIOObject::create(ctx, "12345");
    EXPECT_EQ(*b->seek(3), 3);
    auto m = *b->getbuffer();
    EXPECT_RAISES(b->reinit(false), BufferError, kResize);
    EXPECT_EQ(*b->getvalue(), "");
    EXPECT_EQ(*b->tell(), 0);
    ASSERT_OK(m->release());
    ASSERT_OK(b->close());
    ASSERT_OK(b->reinit(false));
    EXPECT_TRUE(b->closed());
    ASSERT_OK(b->reinit(true));
    EXPECT_FALSE(b->closed());
    EXPECT_EQ(*b->write("xy"), 2);
    EXPECT_EQ(*b->getvalue(), "xy");
}

TEST(BytesIOTest, SeekTruncateAndPadding) {
    BufferContext ctx;
    auto b = *BytesIOObject::create(ctx, "hello");
    EXPECT_RAISES(b->seek(-1), ValueError, "negative seek value -1");
    EXPECT_RAISES(b->seek(0, 5), ValueError, "invalid whence (5, should be 0, 1 or 2)");
    EXPECT_EQ(*b->seek(100), 100);
    EXPECT_EQ(*b->read(), "");
    ASSERT_OK(b->write("!"));
    EXPECT_EQ(b->getvalue()->size(), 101u);
    ASSERT_OK(b->seek(0));
    ASSERT_OK(b->write("AB"));
    EXPECT_EQ(*b->truncate(3), 3);
    EXPECT_EQ(*b->getvalue(), "ABl");
    EXPECT_EQ(*b->tell(), 2);
    EXPECT_EQ(*b->truncate(10), 10);
    EXPECT_EQ(*b->getvalue(), "ABl");
    EXPECT_RAISES(b->truncate(-1), ValueError, "negative size value -1");
    EXPECT_EQ(*b->seek(1, 1), 3);
    EXPECT_EQ(*b->seek(-1, 2), 2);
    EXPECT_EQ(*b->seek(-10, 2), 0);
    EXPECT_EQ(*b->read(-5), "ABl");
}

TEST(BytesIOTest, ReadintoAndClose) {
    BufferContext ctx;
    auto c = *BytesIOObject::create(ctx, "abcdef");
    auto ba = *ByteArrayObject::create(ctx, std::string(3, '\0'));
    EXPECT_EQ(*c->readinto(*ba), 3);
    EXPECT_EQ(ba->view(), "abc");
    EXPECT_EQ(ba->exports(), 0);
    auto bytes = *BytesObject::create(ctx, "xx");
    EXPECT_RAISES(c->readinto(*bytes), TypeError, "readinto() argument must be read-write bytes-like object, not bytes");
    EXPECT_RAISES(MemoryView::from_object(c), TypeError, "memoryview: a bytes-like object is required, not '_io.BytesIO'");
    ASSERT_OK(c->close());
    EXPECT_RAISES(c->read(), ValueError, kClosed);
    EXPECT_RAISES(c->getvalue(), ValueError, kClosed);
    EXPECT_RAISES(c->getbuffer(), ValueError, kClosed);
    EXPECT_RAISES(c->tell(), ValueError, kClosed);
    EXPECT_RAISES(c->write("a"), ValueError, kClosed);
    EXPECT_OK(c->close());
}

using testing::ReadLog;
using testing::via;

TEST(BytesIOTest, ReadAndGetvalueAreReported) {
    BufferContext ctx;
    ReadLog log;
    ctx.set_observer(&log);
    auto b = *BytesIOObject::create(ctx, "hello");
    EXPECT_EQ(*b->read(2), "he");
    EXPECT_EQ(*b->read(), "llo");
    EXPECT_EQ(*b->read(), "");
    EXPECT_EQ(*b->getvalue(), "hello");
    EXPECT_EQ(log.reads, (std::vector<std::string>{"read 0..2" + via(b->id()), "read 2..5" + via(b->id()),
                                                   "getvalue 0..5" + via(b->id())}));
    for (uint64_t block : log.read_blocks) EXPECT_EQ(block, b->block().id());
    ctx.set_observer(nullptr);
}

}  // namespace
}  // namespace engine
