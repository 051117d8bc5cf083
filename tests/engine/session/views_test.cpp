// Views over one buffer: slices of slices, negative strides, overlapping slice
// assignment, release orderings, a view that dies with its function; seeking
// forwards and backwards gives the same scenes; the recording budget.
#include <gtest/gtest.h>

#include "engine/scene/trace_json.hpp"
#include "tests/engine/session/session_test_util.hpp"

namespace engine::session {
namespace {

using namespace testing;
using trace::EventKind;
using trace::ViewState;

constexpr const char* kSliceOfSlice = R"(ba = bytearray(range(16))
a = memoryview(ba)[2:14]
b = a[1::2]
c = b[::-1]
d = memoryview(ba).cast("H", [2, 4])
print(c.tolist())
)";

TEST(ViewsTest, SliceOfASliceCoversElementByElement) {
    auto s = run_program(kSliceOfSlice);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "[13, 11, 9, 7, 5, 3]\n");
    auto sc = s->scene(step_of(*s, 4));
    const auto *a = view_named(sc, "a"), *b = view_named(sc, "b"), *c = view_named(sc, "c");
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(b->parent, a->id);
    EXPECT_EQ(c->parent, b->id);
    EXPECT_LT(a->color, b->color);
    EXPECT_LT(b->color, c->color);
    EXPECT_EQ(covered(*a), (std::vector<uint64_t>{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}));
    EXPECT_EQ(covered(*b), (std::vector<uint64_t>{3, 5, 7, 9, 11, 13}));
    EXPECT_EQ(covered(*c), (std::vector<uint64_t>{13, 11, 9, 7, 5, 3}));
    ASSERT_EQ(c->runs.size(), 1u);
    EXPECT_EQ(c->runs[0].stride, -2);
    EXPECT_EQ(c->strides, std::vector<int64_t>{-2});
    // Odd bytes 3..13 are seen by a, b and c (one periodic run); even bytes 4..12 by a only.
    ASSERT_EQ(sc.overlaps.size(), 1u);
    const auto& o = sc.overlaps[0];
    EXPECT_EQ(*o.views, (std::vector<uint64_t>{a->id, b->id, c->id}));
    EXPECT_EQ(o.begin, 3u);
    EXPECT_EQ(o.end, 14u);
    EXPECT_EQ(o.length, 1u);
    EXPECT_EQ(o.period, 2u);
    EXPECT_EQ(o.count, 6u);
    std::vector<uint64_t> shared;
    for (const auto& r : scene::overlap_pieces(o)) {
        for (uint64_t x = r.begin; x < r.end; ++x) shared.push_back(x);
    }
    EXPECT_EQ(shared, (std::vector<uint64_t>{3, 5, 7, 9, 11, 13}));
    const std::string json = scene::scene_json(sc);
    EXPECT_NE(json.find("\"overlaps\":[{\"block\":" + std::to_string(o.block) +
                        ",\"begin\":3,\"end\":14,\"length\":1,\"period\":2,\"count\":6,"),
              std::string::npos)
        << json;
    // A 2-D cast: two runs of four 2-byte items.
    auto sd = s->scene(step_of(*s, 5));
    const auto* d = view_named(sd, "d");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->shape, (std::vector<int64_t>{2, 4}));
    ASSERT_EQ(d->runs.size(), 2u);
    EXPECT_EQ(d->runs[1].first, 8u);
    EXPECT_EQ(d->runs[1].index, 4u);
    EXPECT_EQ(d->runs[1].itemsize, 2u);
    EXPECT_EQ(covered(*d).size(), 16u);
}

TEST(ViewsTest, RowWindowRestrictsBytesRunsAndOverlaps) {
    auto s = run_program(kSliceOfSlice);
    auto sc = s->scene(step_of(*s, 4), scene::SceneOptions::rows(1, 1, 4));  // bytes 4..7
    const auto* ba = block_named(sc, "ba");
    ASSERT_NE(ba, nullptr);
    EXPECT_EQ(ba->window_begin, 4u);
    EXPECT_EQ(ba->window_end, 8u);
    EXPECT_EQ(ba->bytes, (std::vector<uint8_t>{4, 5, 6, 7}));
    EXPECT_EQ(covered(*view_named(sc, "b")), (std::vector<uint64_t>{5, 7}));
    EXPECT_EQ(covered(*view_named(sc, "c")), (std::vector<uint64_t>{7, 5}));
    EXPECT_EQ(view_named(sc, "c")->runs[0].index, 3u);  // c[3] is byte 7
    // Bytes 5 and 7 (too few bytes to repeat a period: two runs of one byte).
    ASSERT_EQ(sc.overlaps.size(), 2u);
    EXPECT_EQ(sc.overlaps[0].begin, 5u);
    EXPECT_EQ(sc.overlaps[0].end, 6u);
    EXPECT_EQ(sc.overlaps[1].begin, 7u);
    EXPECT_EQ(sc.overlaps[1].end, 8u);
}

constexpr const char* kOverlapAssign = R"(ba = bytearray(b"abcdefgh")
mv = memoryview(ba)
tail = mv[4:]
mv[2:6] = mv[0:4]
print(ba)
)";

TEST(ViewsTest, OverlappingSliceAssignmentIsSeenByTheOtherView) {
    auto s = run_program(kOverlapAssign);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "bytearray(b'ababcdgh')\n");
    auto sc = s->scene(step_of(*s, 4));
    const auto *mv = view_named(sc, "mv"), *tail = view_named(sc, "tail");
    ASSERT_TRUE(mv && tail);
    ASSERT_EQ(sc.writes.size(), 1u);
    EXPECT_EQ(sc.writes[0].begin, 2u);
    EXPECT_EQ(sc.writes[0].end, 6u);
    EXPECT_EQ(sc.writes[0].through, mv->id);
    EXPECT_EQ(sc.writes[0].seen_by, std::vector<uint64_t>{tail->id});
    EXPECT_EQ(sc.step_meter.copied, 4u);
    EXPECT_EQ(bytes_str(*block_named(sc, "ba")), "ababcdgh");
    // The temporary mv[0:4] and the window written through mv were created and
    // destroyed in this step.
    const auto& t = s->trace();
    int64_t n = step_of(*s, 4);
    EXPECT_EQ(count_events(t, n, EventKind::ViewCreated), 2);
    EXPECT_EQ(count_events(t, n, EventKind::ViewDestroyed), 2);
    bool shown_destroyed = false;
    for (const auto& v : sc.views) shown_destroyed |= v.state == ViewState::Destroyed;
    EXPECT_TRUE(shown_destroyed);
    auto before = s->scene(step_of(*s, 3));
    EXPECT_EQ(bytes_str(*block_named(before, "ba")), "abcdefgh");
}

constexpr const char* kReleaseOrder = R"(ba = bytearray(4)
m1 = memoryview(ba)
m2 = m1[1:]
m1.release()
try:
    ba.append(1)
except BufferError as e:
    print(e)
m2.release()
ba.append(1)
with memoryview(ba) as m3:
    m3[0] = 7
ba.append(2)
m1[0]
)";

TEST(ViewsTest, ReleaseOrderingsDecideWhenTheLockLifts) {
    auto s = run_program(kReleaseOrder);
    ASSERT_TRUE(s->error());
    EXPECT_EQ(s->output(), "Existing exports of data: object cannot be re-sized\n");
    EXPECT_EQ(s->exception_line(), "ValueError: operation forbidden on released memoryview object");
    EXPECT_EQ(s->error()->line, 14);
    auto after_m1 = s->scene(step_of(*s, 4));
    EXPECT_EQ(view_named(after_m1, "m1")->state, ViewState::Released);
    EXPECT_EQ(view_named(after_m1, "m2")->state, ViewState::Alive);
    const auto* ex = exporter_named(after_m1, "ba");
    EXPECT_TRUE(ex->locked);  // m2 still registered on the managed buffer
    EXPECT_EQ(ex->views, std::vector<uint64_t>{view_named(after_m1, "m2")->id});
    auto after_m2 = s->scene(step_of(*s, 9));
    EXPECT_FALSE(exporter_named(after_m2, "ba")->locked);
    EXPECT_EQ(count_events(s->trace(), step_of(*s, 9), EventKind::ExportReleased), 1);
    auto in_with = s->scene(step_of(*s, 11));
    EXPECT_TRUE(exporter_named(in_with, "ba")->locked);
    // The with block's exit runs in the step of its last line.
    auto exited = s->scene(step_of(*s, 12));
    EXPECT_FALSE(exporter_named(exited, "ba")->locked);
    auto grown = s->scene(step_of(*s, 13));
    EXPECT_FALSE(exporter_named(grown, "ba")->locked);
    EXPECT_EQ(view_named(grown, "m3")->state, ViewState::Released);
    EXPECT_EQ(block_named(grown, "ba")->bytes, (std::vector<uint8_t>{7, 0, 0, 0, 1, 2}));
    auto last = s->scene(s->step_count());
    EXPECT_EQ(last.line, 14);
    EXPECT_EQ(last.exception, "ValueError: operation forbidden on released memoryview object");
}

constexpr const char* kFunctionView = R"(ba = bytearray(8)
def fill(value):
    v = memoryview(ba)
    v[0] = value
    return len(v)
fill(5)
ba.append(1)
)";

TEST(ViewsTest, AViewDiesWithItsFunction) {
    auto s = run_program(kFunctionView);
    ASSERT_FALSE(s->error()) << s->traceback();
    auto inside = s->scene(step_of(*s, 4));
    EXPECT_TRUE(exporter_named(inside, "ba")->locked);
    ASSERT_EQ(inside.writes.size(), 1u);
    EXPECT_EQ(block_named(inside, "ba")->bytes[0], 5);
    if (kFunctionLocals) {
        const auto* v = view_named(inside, "v");
        ASSERT_NE(v, nullptr);
        EXPECT_EQ(v->names[0].function, "fill");
        EXPECT_EQ(v->names[0].depth, 1);
    }
    int64_t ret = step_of(*s, 5);
    EXPECT_EQ(count_events(s->trace(), ret, EventKind::ViewDestroyed), 1);
    EXPECT_EQ(count_events(s->trace(), ret, EventKind::ExportReleased), 1);
    auto after = s->scene(ret);
    EXPECT_FALSE(exporter_named(after, "ba")->locked);
    EXPECT_EQ(view_named(after, "v"), nullptr);
    auto appended = s->scene(step_of(*s, 7));
    EXPECT_EQ(block_named(appended, "ba")->size, 9u);
}

TEST(ViewsTest, SeekingBackwardGivesTheScenesRecordedForward) {
    for (const char* src : {kSliceOfSlice, kOverlapAssign, kReleaseOrder, kFunctionView}) {
        auto s = run_program(src);
        std::vector<std::string> forward;
        for (int64_t n = 0; n <= s->step_count(); ++n) forward.push_back(s->scene_json(n));
        for (int64_t n = s->step_count(); n >= 0; --n) {
            EXPECT_EQ(s->scene_json(n), forward[static_cast<size_t>(n)]) << "step " << n;
        }
        EXPECT_EQ(s->scene_json(2), forward[2]);
        EXPECT_EQ(s->scene_json(s->step_count()), forward.back());
    }
}

TEST(ViewsTest, RecordingBudgetStopsRecordingButTheRunFinishes) {
    SessionOptions o;
    o.budget.max_steps = 10;
    auto s = run_program("ba = bytearray(4)\nfor i in range(100):\n    ba[0] = i\nprint(ba[0])\n", o);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "99\n");
    EXPECT_EQ(s->step_count(), 10);
    EXPECT_TRUE(s->trace().stopped());
    EXPECT_EQ(s->trace().stopped_at_line(), 3);
    EXPECT_GT(s->trace().unrecorded_steps(), 100);
    auto sc = s->scene(s->step_count());
    EXPECT_TRUE(sc.recording_stopped);
    std::string j = s->trace_json();
    EXPECT_NE(j.find("\"stopped\":true,\"stopped_at_line\":3"), std::string::npos);
}

TEST(ViewsTest, UndoBudgetStopsRecording) {
    SessionOptions o;
    o.budget.max_undo_bytes = 64;
    auto s = run_program("ba = bytearray(40)\nba[:] = b'x' * 40\nba[:] = b'y' * 40\nprint(1)\n", o);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_TRUE(s->trace().stopped());
    EXPECT_LT(s->step_count(), 4);
}

TEST(ViewsTest, TraceJsonListsStepsEventsAndMeter) {
    auto s = run_program(kOverlapAssign);
    std::string j = s->trace_json();
    EXPECT_EQ(j.rfind("{\"step_count\":5,", 0), 0u) << j.substr(0, 80);
    EXPECT_NE(j.find("\"kind\":\"write\",\"block\":"), std::string::npos);
    EXPECT_NE(j.find("\"kind\":\"copy\",\"bytes\":4"), std::string::npos);
    EXPECT_NE(j.find("\"kind\":\"print\",\"text\":\"bytearray(b'ababcdgh')\\n\""), std::string::npos);
    std::string sc = s->scene_json(4);
    EXPECT_NE(sc.find("\"bytes\":\"6162616263646768\""), std::string::npos);
}

}  // namespace
}  // namespace engine::session

namespace engine::session {
namespace {

TEST(NamesTest, FunctionLocalsAndContainerItemsAreNamed) {
    ASSERT_TRUE(testing::kFunctionLocals) << "Interpreter::visit_frames is missing";
    auto s = testing::run_program(R"(ba = bytearray(4)
def f():
    views = {"a": memoryview(ba)}
    pair = (views["a"][1:], 0)
    return 1
f()
)");
    ASSERT_FALSE(s->error()) << s->traceback();
    auto sc = s->scene(testing::step_of(*s, 4));  // after line 4, before the return
    const auto* a = testing::view_named(sc, "views['a']");
    const auto* p = testing::view_named(sc, "pair[0]");
    ASSERT_TRUE(a && p);
    EXPECT_EQ(a->names[0].function, "f");
    EXPECT_EQ(a->names[0].depth, 1);
    EXPECT_EQ(p->parent, a->id);
    EXPECT_TRUE(testing::has_name(testing::block_named(sc, "ba")->names, "ba"));
    // Returning kills both; they are shown destroyed in that step, without names.
    auto ret = s->scene(testing::step_of(*s, 5));
    ASSERT_EQ(ret.views.size(), 2u);
    EXPECT_EQ(ret.views[0].state, trace::ViewState::Destroyed);
    EXPECT_TRUE(ret.views[0].names.empty());
}

TEST(NamesTest, AViewHeldByAnAttributeIsNamedThroughItsObject) {
    auto s = testing::run_program(R"(class Reader:
    def __init__(self, data):
        self.view = memoryview(data)
        self.pos = 0
    def part(self):
        return self.view[1:3]
buf = bytearray(b"abcd")
reader = Reader(buf)
p = reader.part()
reader.view.release()
)");
    ASSERT_FALSE(s->error()) << s->traceback();
    // While __init__ runs, the view is self.view; in the caller, reader.view.
    auto in_init = s->scene(testing::step_of(*s, 3));
    const auto* v = testing::view_named(in_init, "self.view");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->names[0].function, "__init__");
    // Each step's names are those at its end: after `return self.view[1:3]`, p.
    auto after = s->scene(testing::step_of(*s, 6));
    const auto* held = testing::view_named(after, "reader.view");
    const auto* part = testing::view_named(after, "p");
    ASSERT_TRUE(held && part);
    EXPECT_EQ(held->id, v->id);
    EXPECT_EQ(held->names[0].depth, 0);
    EXPECT_EQ(part->parent, held->id);
    EXPECT_FALSE(testing::has_name(held->names, "p"));
    auto released = s->scene(testing::step_of(*s, 10));
    const auto* gone = testing::view_named(released, "reader.view");
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->state, trace::ViewState::Released);
}

}  // namespace
}  // namespace engine::session

namespace engine::session {
namespace {

TEST(ViewsTest, OverlapsOfMoreThan64Views) {
    auto s = testing::run_program(R"(ba = bytearray(16)
mv = memoryview(ba)
vs = [mv[k % 16:] for k in range(70)]
)");
    ASSERT_FALSE(s->error()) << s->traceback();
    auto sc = s->scene(s->step_count());
    ASSERT_EQ(sc.views.size(), 71u);
    ASSERT_EQ(sc.overlaps.size(), 16u);  // each byte is seen by a different set
    EXPECT_EQ(sc.overlaps[0].begin, 0u);
    EXPECT_EQ(sc.overlaps[0].views->size(), 1u + 5u);  // mv and k = 0, 16, 32, 48, 64
    EXPECT_EQ(sc.overlaps[15].views->size(), 71u);
    EXPECT_EQ(sc.overlaps[15].views->front(), testing::view_named(sc, "mv")->id);
}

}  // namespace
}  // namespace engine::session
