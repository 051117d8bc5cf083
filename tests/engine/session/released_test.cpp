// Released views in the trace and the scene: the trace keeps ids and copied
// geometry only, so a view released (its exporter and block freed with it) is
// never read again. Under the sanitizer build these programs used to read a
// freed Block through the frame walker (heap-use-after-free); every step's
// scene and the whole trace are built here so such a read would be reported.
#include <gtest/gtest.h>

#include "engine/scene/trace_json.hpp"
#include "tests/engine/session/session_test_util.hpp"

namespace engine::session {
namespace {

using namespace testing;
using trace::ViewState;

// Builds the trace JSON and every step's scene (what `bufview trace` and
// `bufview scene --step N` do).
// The blocks of objects of one type. A `b'...'` literal is a constant of the
// code (CPython keeps it in co_consts), so its block lives as long as the
// program; these tests follow the bytearrays made from such literals.
std::vector<const scene::SceneBlock*> blocks_of(const scene::Scene& sc, const std::string& type) {
    std::vector<const scene::SceneBlock*> out;
    for (const auto& b : sc.blocks) {
        if (b.owner_type == type) out.push_back(&b);
    }
    return out;
}

void walk_every_step(Session& s) {
    EXPECT_FALSE(s.trace_json().empty());
    for (int64_t n = 0; n <= s.step_count(); ++n) EXPECT_FALSE(s.scene_json(n).empty());
    for (int64_t n = s.step_count(); n >= 0; --n) s.scene(n);
}

TEST(ReleasedTest, ViewReleasedWithTheOnlyReferenceToItsBuffer) {
    auto s = run_program("m = memoryview(bytearray(b'abcd'))\nm.release()\nx = 1\n");
    ASSERT_FALSE(s->error()) << s->traceback();
    walk_every_step(*s);
    auto before = s->scene(1);
    const auto* m = view_named(before, "m");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->state, ViewState::Alive);
    auto arrays = blocks_of(before, "bytearray");
    ASSERT_EQ(arrays.size(), 1u);
    EXPECT_EQ(arrays[0]->bytes, (std::vector<uint8_t>{'a', 'b', 'c', 'd'}));
    // release() gives back the only reference to the bytearray: its block goes.
    auto after = s->scene(2);
    const auto* released = view_named(after, "m");
    ASSERT_TRUE(released);
    EXPECT_EQ(released->state, ViewState::Released);
    EXPECT_TRUE(blocks_of(after, "bytearray").empty());
    EXPECT_TRUE(blocks_of(s->scene(3), "bytearray").empty());
}

TEST(ReleasedTest, NameRebindsAfterRelease) {
    // Lesson A6 with one plausible edit: a new bytearray bound after the release.
    auto s = run_program(
        "data = bytearray(b'locked')\n"
        "view = memoryview(data)\n"
        "view.release()\n"
        "data = bytearray(b'locked')\n"
        "view = memoryview(data)\n"
        "view.release()\n"
        "data = bytearray(b'again')\n");
    ASSERT_FALSE(s->error()) << s->traceback();
    walk_every_step(*s);
    auto last = s->scene(s->step_count());
    // A released view holds no reference to its buffer: each old bytearray went
    // when `data` was rebound, and only the last one is left.
    auto arrays = blocks_of(last, "bytearray");
    ASSERT_EQ(arrays.size(), 1u);
    EXPECT_EQ(arrays[0]->bytes, (std::vector<uint8_t>{'a', 'g', 'a', 'i', 'n'}));
    const auto* view = view_named(last, "view");
    ASSERT_TRUE(view);
    EXPECT_EQ(view->state, ViewState::Released);
}

TEST(ReleasedTest, ReleasedViewsOfArraysInALoop) {
    auto s = run_program(
        "import array\n"
        "for code in 'bHd':\n"
        "    a = array.array(code, [1, 2, 3])\n"
        "    mv = memoryview(a)\n"
        "    mv.release()\n"
        "x = mv\n");
    ASSERT_FALSE(s->error()) << s->traceback();
    walk_every_step(*s);
    auto last = s->scene(s->step_count());
    const auto* x = view_named(last, "x");
    ASSERT_TRUE(x);
    EXPECT_EQ(x->state, ViewState::Released);
    EXPECT_EQ(x->format, "d");  // geometry copied when the view was made
    EXPECT_EQ(x->itemsize, 8);
}

}  // namespace
}  // namespace engine::session
