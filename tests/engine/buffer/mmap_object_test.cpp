// TempFile + MmapObject against CPython 3.11 (tempfile.TemporaryFile, mmap.mmap).
#include "engine/buffer/mmap_object.hpp"

#include <gtest/gtest.h>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/temp_file.hpp"
#include "read_log.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

Item I(int64_t v) { return Item::integer(v); }
Item N() { return Item::none(); }
const std::string kClosed = "mmap closed or invalid";

struct MmapObjectTest : ::testing::Test {
    BufferContext ctx;
    std::shared_ptr<TempFile> file(std::string_view content) {
        auto f = *TempFile::create(ctx);
        EXPECT_OK(f->write(content));
        EXPECT_OK(f->flush());
        return f;
    }
};

TEST_F(MmapObjectTest, UnflushedWriteIsNotInTheFile) {
    auto f = *TempFile::create(ctx);
    EXPECT_EQ(f->fileno(), 3);
    EXPECT_EQ(*f->write("hello"), 5);
    EXPECT_RAISES(MmapObject::create(ctx, f->storage(), 0), ValueError, "cannot mmap an empty file");
    ASSERT_OK(f->flush());
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    EXPECT_EQ(*m->len(), 5);
    EXPECT_EQ(*m->size(), 5);
    EXPECT_EQ(*m->get_slice({N(), N(), N()}), "hello");
    EXPECT_EQ(*m->get(-1), 111);
    EXPECT_EQ((*TempFile::create(ctx))->fileno(), 4);
}

TEST_F(MmapObjectTest, WritesAreSharedWithTheFile) {
    auto f = file("hello");
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    ASSERT_OK(m->set(0, I(72)));
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(), "Hello");
    EXPECT_RAISES(m->get(5), IndexError, "mmap index out of range");
    EXPECT_RAISES(m->set(0, I(256)), ValueError, "mmap item value must be in range(0, 256)");
    EXPECT_RAISES(m->set(0, Item::bytes("a")), TypeError, "mmap item value must be an int");
    EXPECT_RAISES(m->set_slice({I(0), I(2), N()}, "abc"), IndexError, "mmap slice assignment is wrong size");
    ASSERT_OK(m->set_slice({I(1), I(3), N()}, "EL"));
    EXPECT_EQ(*m->get_slice({N(), N(), N()}), "HELlo");
    EXPECT_EQ(*m->write("xy"), 2);
    EXPECT_EQ(*m->tell(), 2);
    EXPECT_EQ(*m->get_slice({N(), N(), N()}), "xyLlo");
    EXPECT_RAISES(m->write("1234"), ValueError, "data out of range");
    EXPECT_RAISES(m->seek(10), ValueError, "seek out of range");
    EXPECT_RAISES(m->seek(-1), ValueError, "seek out of range");
    EXPECT_RAISES(m->seek(0, 3), ValueError, "unknown seek type");
    ASSERT_OK(m->seek(0, 2));
    EXPECT_EQ(*m->read(), "");
    EXPECT_RAISES(m->read_byte(), ValueError, "read byte out of range");
    ASSERT_OK(m->seek(0));
    EXPECT_EQ(*m->read(2), "xy");
    EXPECT_EQ(*m->read(-1), "Llo");
    ASSERT_OK(m->seek(0));
    EXPECT_EQ(*m->read_byte(), 120);
    EXPECT_RAISES(m->write_byte(I(300)), OverflowError, "unsigned byte integer is greater than maximum");
    ASSERT_OK(m->write_byte(I(65)));
    // File writes show through the mapping, too.
    ASSERT_OK(f->seek(0));
    ASSERT_OK(f->write("ZZ"));
    ASSERT_OK(f->flush());
    EXPECT_EQ(*m->get_slice({I(0), I(5), N()}), "ZZLlo");
}

TEST_F(MmapObjectTest, ExportsBlockCloseAndResize) {
    auto f = file("xALlo");
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    auto mv = *MemoryView::from_object(m);
    EXPECT_RAISES(m->close(), BufferError, "cannot close exported pointers exist");
    EXPECT_RAISES(m->resize(10), BufferError, "mmap can't resize with extant buffers exported.");
    EXPECT_FALSE(m->closed());
    ASSERT_OK(mv->set(Subscript::of_int(0), AssignValue::of(I(33))));
    ASSERT_OK(mv->release());
    ASSERT_OK(m->resize(10));
    EXPECT_EQ(*m->len(), 10);
    EXPECT_EQ(*m->size(), 10);
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(), std::string("!ALlo\0\0\0\0\0", 10));
    ASSERT_OK(m->close());
    EXPECT_RAISES(m->len(), ValueError, kClosed);
    EXPECT_RAISES(m->get(0), ValueError, kClosed);
    EXPECT_RAISES(m->read(), ValueError, kClosed);
    EXPECT_RAISES(m->size(), ValueError, kClosed);
    EXPECT_RAISES(m->tell(), ValueError, kClosed);
    EXPECT_RAISES(m->seek(0), ValueError, kClosed);
    EXPECT_RAISES(m->write("a"), ValueError, kClosed);
    EXPECT_RAISES(m->flush(), ValueError, kClosed);
    EXPECT_RAISES(MemoryView::from_object(m), ValueError, kClosed);
    EXPECT_OK(m->close());
}

TEST_F(MmapObjectTest, CreateErrors) {
    auto f = file("0123456789");
    EXPECT_RAISES(MmapObject::create(ctx, f->storage(), 100), ValueError, "mmap length is greater than file size");
    EXPECT_RAISES(MmapObject::create(ctx, f->storage(), -1), OverflowError, "memory mapped length must be positive");
    EXPECT_RAISES(MmapObject::create(ctx, f->storage(), 0, Access::Default, 4096), ValueError,
                  "mmap offset is greater than file size");
    EXPECT_RAISES(MmapObject::create(ctx, f->storage(), 0, Access::Default, -1), OverflowError,
                  "memory mapped offset must be positive");
}

TEST_F(MmapObjectTest, AccessReadAndCopy) {
    auto f = file("xALlo");
    auto r = *MmapObject::create(ctx, f->storage(), 0, Access::Read);
    const std::string ro = "mmap can't modify a readonly memory map.";
    EXPECT_RAISES(r->set(0, I(1)), TypeError, ro);
    EXPECT_RAISES(r->write("a"), TypeError, ro);
    EXPECT_RAISES(r->set_slice({I(0), I(1), N()}, "a"), TypeError, ro);
    EXPECT_RAISES(r->write_byte(I(1)), TypeError, ro);
    EXPECT_RAISES(r->resize(3), TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
    auto rv = *MemoryView::from_object(r);
    EXPECT_TRUE(*rv->readonly());
    EXPECT_RAISES(rv->set(Subscript::of_int(0), AssignValue::of(I(1))), TypeError, "cannot modify read-only memory");
    auto c = *MmapObject::create(ctx, f->storage(), 0, Access::Copy);
    ASSERT_OK(c->set(0, I(122)));
    EXPECT_EQ(*c->get_slice({N(), N(), N()}), "zALlo");
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(5), "xALlo");
    EXPECT_RAISES(c->resize(3), TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
    EXPECT_OK(c->flush());
}

TEST_F(MmapObjectTest, MappingOutlivesTheFileAndAShrink) {
    auto f = file("0123456789");
    auto w = *MmapObject::create(ctx, f->storage(), 10);
    auto m = *MmapObject::create(ctx, f->storage(), 10);
    ASSERT_OK(m->resize(2));  // the file shrinks to 2 bytes; w still maps 10
    EXPECT_EQ(*w->size(), 2);
    EXPECT_EQ(*w->get(9), '9');  // no dangling bytes (CPython would SIGBUS here)
    ASSERT_OK(f->close());
    EXPECT_EQ(*w->get(0), '0');
    EXPECT_RAISES(f->write("a"), ValueError, "write to closed file");
}

TEST_F(MmapObjectTest, AnonymousMap) {
    auto a = *MmapObject::create(ctx, nullptr, 5);
    EXPECT_EQ(*a->get_slice({N(), N(), N()}), std::string(5, '\0'));
    ASSERT_OK(a->resize(8));
    EXPECT_EQ(*a->len(), 8);
    EXPECT_RAISES(a->size(), OSError, "[Errno 9] Bad file descriptor");
}

TEST_F(MmapObjectTest, TempFileBehaviour) {
    auto f = *TempFile::create(ctx);
    ASSERT_OK(f->write("abcdef"));
    EXPECT_EQ(*f->seek(1), 1);
    auto ba = *ByteArrayObject::create(ctx, std::string(3, '\0'));
    EXPECT_EQ(*f->readinto(*ba), 3);
    EXPECT_EQ(ba->view(), "bcd");
    EXPECT_EQ(*f->tell(), 4);
    auto mv = *MemoryView::from_object(*ByteArrayObject::create(ctx, std::string(4, '\0')));
    auto strided = std::get<ViewPtr>(*mv->get(Subscript::of_slice({N(), N(), I(2)})));
    EXPECT_RAISES(f->readinto(*strided), TypeError, "readinto() argument must be read-write bytes-like object, not memoryview");
    EXPECT_EQ(*f->seek(0, 2), 6);
    ASSERT_OK(f->seek(10));
    ASSERT_OK(f->write("Z"));
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(), std::string("abcdef\0\0\0\0Z", 11));
    ASSERT_OK(f->seek(2));
    ASSERT_OK(f->write("QQ"));
    EXPECT_EQ(*f->tell(), 4);
    ASSERT_OK(f->seek(0));
    EXPECT_EQ(*f->read(3), "abQ");
    EXPECT_RAISES(f->seek(-1), OSError, "[Errno 22] Invalid argument");
    EXPECT_RAISES(f->read(-5), ValueError, "read length must be non-negative or -1");
    ASSERT_OK(f->close());
    EXPECT_RAISES(f->write("a"), ValueError, "write to closed file");
    EXPECT_RAISES(f->read(), ValueError, "read of closed file");
    EXPECT_RAISES(f->seek(0), ValueError, "seek of closed file");
    EXPECT_RAISES(f->tell(), ValueError, "I/O operation on closed file");
    EXPECT_RAISES(f->flush(), ValueError, "flush of closed file");
    EXPECT_RAISES(f->fileno_checked(), ValueError, "I/O operation on closed file");
    EXPECT_OK(f->close());
}

// mmap slices with a step near sys.maxsize: one element, no overflow.
TEST_F(MmapObjectTest, HugeStepSlices) {
    const int64_t M = INT64_MAX;
    auto f = file("abcdef");
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    EXPECT_EQ(*m->get_slice({I(1), N(), I(M)}), "b");
    EXPECT_EQ(*m->get_slice({N(), N(), I(-M)}), "f");
    ASSERT_OK(m->set_slice({I(1), N(), I(M)}, "Z"));
    ASSERT_OK(m->set_slice({N(), N(), I(-M)}, "W"));
    EXPECT_EQ(*m->get_slice({N(), N(), N()}), "aZcdeW");
}

// mmap_ass_subscript without a value: open, writable and in range first.
TEST_F(MmapObjectTest, DeletionIsRefusedAfterTheChecks) {
    auto f = file("abc");
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    EXPECT_RAISES(m->del_item(5), IndexError, "mmap index out of range");
    EXPECT_RAISES(m->del_item(-1), TypeError, "mmap doesn't support item deletion");
    EXPECT_RAISES(m->del_slice({I(0), I(1), N()}), TypeError, "mmap object doesn't support slice deletion");
    EXPECT_RAISES(m->del_slice({I(0), I(1), I(0)}), ValueError, "slice step cannot be zero");
    auto r = *MmapObject::create(ctx, f->storage(), 0, Access::Read);
    EXPECT_RAISES(r->del_item(5), TypeError, "mmap can't modify a readonly memory map.");
    ASSERT_OK(m->close());
    EXPECT_RAISES(m->del_item(0), ValueError, kClosed);
    EXPECT_RAISES(m->check_assignable(), ValueError, kClosed);
}

using testing::ReadLog;
using testing::via;

TEST_F(MmapObjectTest, ItemSliceAndReadAreReadsOfTheFilesBlock) {
    ReadLog log;
    auto f = file("abcdefghij");
    ctx.set_observer(&log);
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    EXPECT_EQ(*m->get(2), 99);
    EXPECT_EQ(*m->get_slice({Item::integer(6), N(), Item::integer(2)}), "gi");
    EXPECT_EQ(*m->read(3), "abc");
    EXPECT_EQ(*m->read_byte(), 100);
    EXPECT_EQ(*m->read(), "efghij");
    EXPECT_EQ(*m->read(), "");
    EXPECT_EQ(log.reads, (std::vector<std::string>{
                             "item 2..3" + via(m->id()), "slice 6..9" + via(m->id()) + " [6,7)[8,9)",
                             "read 0..3" + via(m->id()), "read_byte 3..4" + via(m->id()),
                             "read 4..10" + via(m->id())}));
    for (uint64_t block : log.read_blocks) EXPECT_EQ(block, m->block()->id());
    ASSERT_OK(m->close());
    log.clear();
    EXPECT_RAISES(m->get(0), ValueError, kClosed);
    EXPECT_TRUE(log.reads.empty());
    ctx.set_observer(nullptr);
}

// CPython 3.11 memory_hash hashes view->obj first; an mmap has the identity hash,
// so a read-only view over it hashes as its bytes (a writable one still refuses).
TEST_F(MmapObjectTest, ReadOnlyViewOverAnMmapIsHashable) {
    auto f = file("ab");
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    EXPECT_TRUE(m->hashable());
    auto mv = *MemoryView::from_object(m);
    auto fake_hash = [](std::string_view s) { return static_cast<int64_t>(s.size() * 1000 + s[0]); };
    EXPECT_RAISES(mv->hash(fake_hash), ValueError, "cannot hash writable memoryview object");
    EXPECT_EQ(*(*mv->toreadonly())->hash(fake_hash), 2097);
}


// find/rfind report the bytes they compared, readline the line, move a read of
// the source and a write of the destination (CPython 3.11 mmap_gfind, mmap_move).
struct ReadWriteLog : ReadLog {
    std::vector<std::string> writes;
    void on_write(const WriteEvent& e) override {
        writes.push_back(std::to_string(e.begin) + ".." + std::to_string(e.end) + via(e.through_id));
    }
};

TEST_F(MmapObjectTest, FindReadlineAndMoveReportTheirBytes) {
    ReadWriteLog log;
    auto f = file("ab\ncd\nabcd");
    ctx.set_observer(&log);
    auto m = *MmapObject::create(ctx, f->storage(), 0);
    const auto none = std::optional<int64_t>();
    EXPECT_EQ(*m->find("cd", none, none, false), 3);
    EXPECT_EQ(*m->find("cd", none, none, true), 8);
    EXPECT_EQ(*m->find("zz", 2, -1, false), -1);
    EXPECT_EQ(*m->find("", 4, none, true), 10);  // an empty needle: the end
    EXPECT_EQ(*m->find("a", 5, 2, false), -1);    // end before start
    EXPECT_EQ(*m->find("a", -100, 100, false), 0);
    EXPECT_EQ(*m->readline(), "ab\n");
    EXPECT_EQ(*m->find("ab", none, none, false), 6);  // from the position
    EXPECT_EQ(*m->readline(), "cd\n");
    EXPECT_EQ(*m->readline(), "abcd");
    EXPECT_EQ(*m->readline(), "");
    ASSERT_OK(m->move(0, 6, 4));
    EXPECT_EQ(*m->get_slice({N(), N(), N()}), "abcdd\nabcd");
    const std::string v = via(m->id());
    EXPECT_EQ(log.reads, (std::vector<std::string>{
                             "find 0..5" + v, "rfind 8..10" + v, "find 2..9" + v, "find 0..1" + v,
                             "readline 0..3" + v, "find 3..8" + v, "readline 3..6" + v,
                             "readline 6..10" + v, "move 6..10" + v, "slice 0..10" + v}));
    EXPECT_EQ(log.writes, (std::vector<std::string>{"0..4" + v}));
    log.clear();
    log.writes.clear();
    const std::string bounds = "source, destination, or count out of range";
    EXPECT_RAISES(m->move(-1, 0, 1), ValueError, bounds);
    EXPECT_RAISES(m->move(0, 0, 11), ValueError, bounds);
    EXPECT_RAISES(m->move(8, 0, 3), ValueError, bounds);
    EXPECT_RAISES(m->move(INT64_MAX, INT64_MAX, INT64_MAX), ValueError, bounds);
    EXPECT_RAISES(m->move(0, 0, -1), ValueError, bounds);
    ASSERT_OK(m->move(10, 10, 0));
    EXPECT_TRUE(log.reads.empty());
    EXPECT_TRUE(log.writes.empty());
    ASSERT_OK(m->close());
    EXPECT_RAISES(m->find("a", none, none, false), ValueError, kClosed);
    EXPECT_RAISES(m->readline(), ValueError, kClosed);
    EXPECT_RAISES(m->move(0, 0, 0), ValueError, kClosed);
    ctx.set_observer(nullptr);
}

// m.flush(offset, size): the range first, then nothing to do for READ/COPY,
// then msync's EINVAL for an offset that is not page-aligned.
TEST_F(MmapObjectTest, FlushChecksItsRange) {
    auto m = *MmapObject::create(ctx, nullptr, 8192);
    const std::string range = "flush values out of range";
    EXPECT_OK(m->flush());
    EXPECT_OK(m->flush(4096, 4096));
    EXPECT_OK(m->flush(8192, 0));
    EXPECT_RAISES(m->flush(1, 1), OSError, "[Errno 22] Invalid argument");
    EXPECT_RAISES(m->flush(4096), ValueError, range);  // size defaults to the whole map
    EXPECT_RAISES(m->flush(-1, 0), ValueError, range);
    EXPECT_RAISES(m->flush(0, -1), ValueError, range);
    EXPECT_RAISES(m->flush(INT64_MAX, INT64_MAX), ValueError, range);
    auto f = file("abcdefgh");
    auto r = *MmapObject::create(ctx, f->storage(), 0, Access::Read);
    EXPECT_OK(r->flush(1, 1));
    EXPECT_RAISES(r->flush(0, 9), ValueError, range);
    EXPECT_RAISES(r->move(0, 1, 1), TypeError, "mmap can't modify a readonly memory map.");
}

}  // namespace
}  // namespace engine
