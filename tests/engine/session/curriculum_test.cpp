// The curriculum's programs, run with recording: events, names, covered bytes,
// overlaps and the copy meter at the steps a learner looks at.
#include <gtest/gtest.h>

#include "tests/engine/session/session_test_util.hpp"

namespace engine::session {
namespace {

using namespace testing;
using trace::EventKind;
using trace::ViewState;

// CURRICULUM.md track B, use case 1.
constexpr const char* kReverse = R"(data = bytearray(b"Hello, buffer protocol!")
mv = memoryview(data)
i = 0
j = len(mv) - 1
while i < j:
    mv[i], mv[j] = mv[j], mv[i]
    i += 1
    j -= 1
print(data)
mv.release()
data.extend(b"!!")
print(data)
)";

TEST(CurriculumTest, ReverseInPlaceWritesThroughTheViewAndUnlocksOnRelease) {
    auto s = run_program(kReverse);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(),
              "bytearray(b'!locotorp reffub ,olleH')\nbytearray(b'!locotorp reffub ,olleH!!')\n");
    // First swap: two one-byte writes through mv, at both ends.
    int64_t swap = step_of(*s, 6);
    ASSERT_GT(swap, 0);
    auto sc = s->scene(swap);
    const auto* mv = view_named(sc, "mv");
    ASSERT_NE(mv, nullptr);
    ASSERT_EQ(sc.writes.size(), 2u);
    EXPECT_EQ(sc.writes[0].through, mv->id);
    EXPECT_TRUE(sc.writes[0].through_view);
    EXPECT_TRUE(sc.writes[0].seen_by.empty());  // no other view on data
    std::vector<std::pair<uint64_t, uint64_t>> ranges;
    for (const auto& w : sc.writes) ranges.emplace_back(w.begin, w.end);
    std::sort(ranges.begin(), ranges.end());
    EXPECT_EQ(ranges, (std::vector<std::pair<uint64_t, uint64_t>>{{0, 1}, {22, 23}}));
    const auto* data = block_named(sc, "data");
    ASSERT_NE(data, nullptr);
    EXPECT_EQ(bytes_str(*data), "!ello, buffer protocolH");
    EXPECT_EQ(sc.step_meter.copied, 0u);
    // Locked while mv holds the export; mv covers all 23 bytes.
    const auto* ex = exporter_named(sc, "data");
    ASSERT_NE(ex, nullptr);
    EXPECT_TRUE(ex->locked);
    EXPECT_EQ(ex->exports, 1);
    EXPECT_EQ(ex->views, std::vector<uint64_t>{mv->id});
    EXPECT_EQ(covered(*mv).size(), 23u);
    // After mv.release(): released, unlocked; then the block grows.
    auto rel = s->scene(step_of(*s, 10));
    const auto* mv2 = view_named(rel, "mv");
    ASSERT_NE(mv2, nullptr);
    EXPECT_EQ(mv2->state, ViewState::Released);
    EXPECT_EQ(mv2->color, mv->color);
    EXPECT_FALSE(exporter_named(rel, "data")->locked);
    auto ext = s->scene(step_of(*s, 11));
    EXPECT_EQ(block_named(ext, "data")->size, 25u);
    EXPECT_EQ(bytes_str(*block_named(ext, "data")), "!locotorp reffub ,olleH!!");
    // Backwards: the first step again shows the original bytes.
    auto first = s->scene(1);
    EXPECT_EQ(bytes_str(*block_named(first, "data")), "Hello, buffer protocol!");
    EXPECT_EQ(first.line_meter.allocated, 23u);  // the bytearray; the literal is a constant
}

// Track B, use case 2.
constexpr const char* kHeader = R"(import os
import struct
raw = bytearray(os.urandom(16))
view = memoryview(raw)
magic, version, flags = struct.unpack_from(">IHH", view, 0)
payload = view[struct.calcsize(">IHH"):]
print(payload.nbytes, payload.obj is raw)
payload.release()
view.release()
)";

TEST(CurriculumTest, ParseHeaderPayloadOverlapsTheView) {
    auto s = run_program(kHeader);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "8 True\n");
    auto sc = s->scene(step_of(*s, 7));
    const auto* view = view_named(sc, "view");
    const auto* payload = view_named(sc, "payload");
    ASSERT_NE(view, nullptr);
    ASSERT_NE(payload, nullptr);
    EXPECT_EQ(payload->parent, view->id);
    std::vector<uint64_t> want;
    for (uint64_t b = 8; b < 16; ++b) want.push_back(b);
    EXPECT_EQ(covered(*payload), want);
    ASSERT_EQ(sc.overlaps.size(), 1u);
    EXPECT_EQ(sc.overlaps[0].begin, 8u);
    EXPECT_EQ(sc.overlaps[0].end, 16u);
    EXPECT_EQ(*sc.overlaps[0].views, (std::vector<uint64_t>{view->id, payload->id}));
    EXPECT_EQ(exporter_named(sc, "raw")->exports, 1);  // one managed buffer for both
    EXPECT_EQ(exporter_named(sc, "raw")->views.size(), 2u);
    // unpack_from reads: no copy, no allocation of a buffer.
    auto unpack = s->scene(step_of(*s, 5));
    EXPECT_EQ(unpack.step_meter.copied, 0u);
    // payload released: no overlap any more, raw still locked by view.
    auto rel = s->scene(step_of(*s, 8));
    EXPECT_TRUE(rel.overlaps.empty());
    EXPECT_TRUE(exporter_named(rel, "raw")->locked);
    auto end = s->scene(s->step_count());
    EXPECT_FALSE(exporter_named(end, "raw")->locked);
}

// Track B, use case 3.
constexpr const char* kMmap = R"(import mmap
import tempfile
f = tempfile.TemporaryFile()
f.write(b"Hello from a memory-mapped file")
f.flush()
mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
view = memoryview(mm)
view[0:4] = b"ZZZZ"
print(mm[:10])
try:
    mm.close()
except BufferError as e:
    print("close refused:", e)
view.release()
mm.close()
f.seek(0)
print(f.read())
f.close()
)";

TEST(CurriculumTest, MmapEditWritesThroughTheViewAndLocksTheMap) {
    auto s = run_program(kMmap);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(),
              "b'ZZZZo from'\nclose refused: cannot close exported pointers exist\n"
              "b'ZZZZo from a memory-mapped file'\n");
    auto sc = s->scene(step_of(*s, 8));
    const auto* view = view_named(sc, "view");
    ASSERT_NE(view, nullptr);
    ASSERT_EQ(sc.writes.size(), 1u);
    const auto& w = sc.writes[0];
    EXPECT_EQ(w.begin, 0u);
    EXPECT_EQ(w.end, 4u);
    EXPECT_EQ(w.through, view->id);  // CPython assigns through view itself, no temporary
    EXPECT_EQ(w.view, view->id);
    EXPECT_TRUE(w.seen_by.empty());
    EXPECT_EQ(sc.step_meter.copied, 4u);
    auto locked = s->scene(step_of(*s, 11));
    const auto* mm = exporter_named(locked, "mm");
    ASSERT_NE(mm, nullptr);
    EXPECT_TRUE(mm->locked);
}

// Track B, use case 4.
constexpr const char* kStream = R"(import io
stream = io.BytesIO(b"0123456789abcdefghijklmnopqrstuvwxyz")
buf = bytearray(8)
view = memoryview(buf)
total = 0
while True:
    n = stream.readinto(view)
    if n == 0:
        break
    chunk = view[:n]
    print(n, chunk.tobytes())
    chunk.release()
    total += n
view.release()
print("read", total, "bytes with one", len(buf), "byte buffer")
)";

TEST(CurriculumTest, StreamReadsIntoOneReusedBuffer) {
    auto s = run_program(kStream);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output().substr(s->output().rfind("read")),
              "read 36 bytes with one 8 byte buffer\n");
    const auto& t = s->trace();
    // One allocation of 8 bytes for buf; readinto allocates nothing.
    EXPECT_EQ(t.line_meter(3).allocated, 8u);
    EXPECT_EQ(t.line_meter(7).allocated, 0u);
    EXPECT_EQ(t.line_meter(7).copied, 36u);
    auto second = s->scene(step_of(*s, 7, 2));
    const auto* buf = block_named(second, "buf");
    ASSERT_NE(buf, nullptr);
    EXPECT_EQ(bytes_str(*buf), "89abcdef");
    ASSERT_EQ(second.writes.size(), 1u);
    // readinto writes as the BytesIO, into the bytes of the view it was given.
    EXPECT_FALSE(second.writes[0].through_view);
    EXPECT_EQ(second.writes[0].view, view_named(second, "view")->id);
    // The last chunk is 4 bytes: chunk covers 0..3 and overlaps view there.
    auto chunk = s->scene(step_of(*s, 10, 5));
    const auto* c = view_named(chunk, "chunk");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(covered(*c), (std::vector<uint64_t>{0, 1, 2, 3}));
    ASSERT_EQ(chunk.overlaps.size(), 1u);
    EXPECT_EQ(chunk.overlaps[0].end, 4u);
    EXPECT_EQ(bytes_str(*block_named(chunk, "buf")), "wxyzstuv");
}

// Track B, use case 5.
constexpr const char* kPacket = R"(import struct
def build_packet(parts):
    packet = bytearray(sum(len(p) for p in parts))
    view = memoryview(packet)
    offset = 0
    for part in parts:
        view[offset:offset + len(part)] = part
        offset += len(part)
    view.release()
    return packet
body = b"payload bytes"
parts = [struct.pack(">HH", 0xBEEF, len(body)), body, bytes([0xFF])]
packet = build_packet(parts)
print(len(packet), packet.hex(" ", 4))
)";

TEST(CurriculumTest, PacketBuilderAllocatesOnceAndCopiesThePartsBytes) {
    auto s = run_program(kPacket);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "18 beef 000d7061 796c6f61 64206279 746573ff\n");
    const auto& t = s->trace();
    EXPECT_EQ(t.line_meter(3).allocated, 18u);  // one buffer of the parts' total size
    EXPECT_EQ(t.line_meter(3).copied, 0u);
    EXPECT_EQ(t.line_meter(7).copied, 18u);  // exactly the parts' bytes
    EXPECT_EQ(t.line_meter(7).allocated, 0u);
    int allocations = 0;
    for (int64_t n = 1; n <= t.step_count(); ++n) {
        if (t.step(n).line >= 3 && t.step(n).line <= 10) {
            allocations += count_events(t, n, EventKind::Allocate);
        }
    }
    EXPECT_EQ(allocations, 1);
    // The third part lands in bytes 17..18.
    auto last_copy = s->scene(step_of(*s, 7, 3));
    ASSERT_EQ(last_copy.writes.size(), 1u);
    EXPECT_EQ(last_copy.writes[0].begin, 17u);
    EXPECT_EQ(last_copy.step_meter.copied, 1u);
    if (kFunctionLocals) {
        const auto* view = view_named(last_copy, "view");
        ASSERT_NE(view, nullptr);
        EXPECT_EQ(view->names[0].function, "build_packet");
        EXPECT_EQ(view->names[0].depth, 1);
        EXPECT_EQ(last_copy.writes[0].through, view->id);
    }
    auto end = s->scene(s->step_count());
    EXPECT_EQ(block_named(end, "packet")->bytes.size(), 18u);
}

}  // namespace
}  // namespace engine::session
