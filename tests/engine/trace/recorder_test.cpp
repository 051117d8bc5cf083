#include "engine/trace/recorder.hpp"

#include <gtest/gtest.h>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"

namespace engine::trace {
namespace {

std::string bytes_of(const Trace& t, uint64_t block) {
    auto it = t.state().blocks.find(block);
    if (it == t.state().blocks.end()) return "<none>";
    return std::string(it->second.bytes.begin(), it->second.bytes.end());
}

struct Fixture {
    BufferContext ctx;
    Recorder rec;
    explicit Fixture(RecordingBudget b = {}) : rec(b) { ctx.set_observer(&rec); }
    ~Fixture() { ctx.set_observer(nullptr); }
};

TEST(RecorderTest, SeeksBytesBackAndForth) {
    Fixture f;
    f.rec.begin_step(1);
    auto ba = ByteArrayObject::create(f.ctx, "hello");
    ASSERT_TRUE(ba);
    const Block* block = &(*ba)->block();
    uint64_t id = block->id();
    f.rec.begin_step(2);
    ASSERT_TRUE((*ba)->set(0, Item::integer('j')));
    f.rec.begin_step(3);
    ASSERT_TRUE((*ba)->extend("!!"));
    f.rec.finish();
    Trace& t = f.rec.trace();
    ASSERT_EQ(t.step_count(), 3);
    EXPECT_EQ(bytes_of(t, id), "jello!!");
    t.seek(2);
    EXPECT_EQ(bytes_of(t, id), "jello");
    t.seek(1);
    EXPECT_EQ(bytes_of(t, id), "hello");
    t.seek(0);
    EXPECT_EQ(bytes_of(t, id), "<none>");
    t.seek(3);
    EXPECT_EQ(bytes_of(t, id), "jello!!");
    t.seek(1);
    EXPECT_EQ(bytes_of(t, id), "hello");
}

TEST(RecorderTest, RecordsViewsExportsAndMeter) {
    Fixture f;
    f.rec.begin_step(1);
    auto ba = ByteArrayObject::create(f.ctx, "abcdef");
    ASSERT_TRUE(ba);
    f.rec.begin_step(2);
    auto mv = MemoryView::from_object(*ba);
    ASSERT_TRUE(mv);
    f.rec.begin_step(3);
    ASSERT_TRUE((*mv)->release());
    f.rec.finish();
    Trace& t = f.rec.trace();
    const ViewInfo* v = t.view((*mv)->id());
    ASSERT_NE(v, nullptr);
    EXPECT_TRUE(v->has_geometry);
    EXPECT_EQ(v->shape, std::vector<int64_t>{6});
    EXPECT_EQ(v->exporter, (*ba)->id());
    t.seek(2);
    EXPECT_EQ(t.state().views.at(v->id), ViewState::Alive);
    ASSERT_EQ(t.state().exports.count((*ba)->id()), 1u);
    t.seek(3);
    EXPECT_EQ(t.state().views.at(v->id), ViewState::Released);
    EXPECT_EQ(t.state().exports.count((*ba)->id()), 0u);
    EXPECT_EQ(t.step(1).meter.allocated, 6u);
    EXPECT_EQ(t.run_meter().allocated, 6u);
    bool saw_release = false;
    for (const Event& e : t.events(3)) saw_release |= e.kind == EventKind::ViewReleased;
    EXPECT_TRUE(saw_release);
}

TEST(RecorderTest, StopsAtStepBudget) {
    Fixture f(RecordingBudget{2, 1 << 20});
    auto ba = ByteArrayObject::create(f.ctx, "ab");
    ASSERT_TRUE(ba);
    for (int i = 1; i <= 5; ++i) {
        f.rec.begin_step(10 + i);
        ASSERT_TRUE((*ba)->set(0, Item::integer(i)));
    }
    f.rec.finish();
    const Trace& t = f.rec.trace();
    EXPECT_EQ(t.step_count(), 2);
    EXPECT_TRUE(t.stopped());
    EXPECT_EQ(t.stopped_at_line(), 13);
    EXPECT_EQ(t.unrecorded_steps(), 3);
}

// A bytes literal's block is a constant: recorded (drawn, its bytes kept) but
// not metered as an allocation; a bytes object made at run time is.
TEST(RecorderTest, ConstantBlocksAreNotAllocations) {
    Fixture f;
    f.rec.begin_step(1);
    auto lit = BytesObject::create_constant(f.ctx, "ZZZZ");
    ASSERT_TRUE(lit);
    f.rec.begin_step(2);
    auto made = BytesObject::create(f.ctx, "made");
    ASSERT_TRUE(made);
    f.rec.finish();
    Trace& t = f.rec.trace();
    EXPECT_EQ(t.step(1).meter.allocated, 0u);
    EXPECT_EQ(t.step(2).meter.allocated, 4u);
    EXPECT_EQ(t.run_meter().allocated, 4u);
    int constants = 0, allocations = 0;
    for (int64_t n = 1; n <= 2; ++n) {
        for (const Event& e : t.events(n)) {
            if (e.kind != EventKind::Allocate) continue;
            ++allocations;
            constants += e.constant;
            EXPECT_EQ(e.constant, n == 1);
        }
    }
    EXPECT_EQ(allocations, 2);
    EXPECT_EQ(constants, 1);
    EXPECT_EQ(bytes_of(t, (*lit)->block().id()), "ZZZZ");
}

// Reads and fields reach the trace as events of their step.
TEST(RecorderTest, RecordsReadsAndFields) {
    Fixture f;
    f.rec.begin_step(1);
    auto ba = ByteArrayObject::create(f.ctx, "abcdef");
    ASSERT_TRUE(ba);
    f.rec.begin_step(2);
    ASSERT_TRUE((*ba)->get_slice({Item::integer(0), Item::none(), Item::integer(2)}));
    f.rec.finish();
    Trace& t = f.rec.trace();
    int reads = 0;
    for (const Event& e : t.events(2)) {
        if (e.kind != EventKind::Read) continue;
        ++reads;
        EXPECT_EQ(e.block, (*ba)->block().id());
        EXPECT_EQ(e.begin, 0u);
        EXPECT_EQ(e.end, 5u);
        EXPECT_EQ(t.text(e.text), "slice");
        auto pieces = t.pieces(e);
        ASSERT_EQ(pieces.size(), 3u);
        EXPECT_EQ(pieces[1].begin, 2u);
        EXPECT_EQ(pieces[1].end, 3u);
    }
    EXPECT_EQ(reads, 1);
    for (const Event& e : t.events(1)) EXPECT_NE(e.kind, EventKind::Read);
}

}  // namespace
}  // namespace engine::trace
