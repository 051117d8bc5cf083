// Names from running comprehensions (<listcomp>, <genexpr> frames) and the
// geometry of temporary views no name ever reaches.
#include <gtest/gtest.h>

#include "tests/engine/session/session_test_util.hpp"

namespace engine::session {
namespace {

using namespace testing;

const scene::Name* name_of(const scene::SceneView& v, const std::string& name) {
    for (const auto& n : v.names) {
        if (n.name == name) return &n;
    }
    return nullptr;
}

constexpr const char* kComprehensions = R"(ba = bytearray(range(8))
mv = memoryview(ba)
views = [mv[k:k + 2] for k in range(0, 8, 2)]
def show(b):
    return bytes(b)
out = [show(v) for v in views]
total = sum(len(show(w)) for w in views)
print(out, total)
)";

TEST(FramesTest, ListComprehensionVariablesAreNamed) {
    if (!kFunctionLocals) GTEST_SKIP() << "the interpreter cannot list its frames";
    auto s = run_program(kComprehensions);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "[b'\\x00\\x01', b'\\x02\\x03', b'\\x04\\x05', b'\\x06\\x07'] 8\n");
    // Inside show(), called from the list comprehension: v in <listcomp>, b in show.
    auto sc = s->scene(step_of(*s, 5, 2));
    const auto* v = view_named(sc, "v");
    ASSERT_NE(v, nullptr);
    const scene::Name* n = name_of(*v, "v");
    EXPECT_EQ(n->function, "<listcomp>");
    EXPECT_EQ(n->depth, 1);
    const scene::Name* b = name_of(*v, "b");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->function, "show");
    EXPECT_EQ(b->depth, 2);
    EXPECT_TRUE(has_name(v->names, "views[" + std::to_string(v->color - 1) + "]"))
        << "the same view as an item of views";
    // The comprehension is over: no v any more.
    auto after = s->scene(step_of(*s, 8));
    EXPECT_EQ(view_named(after, "v"), nullptr);
    EXPECT_EQ(view_named(after, "w"), nullptr);
}

TEST(FramesTest, GeneratorExpressionVariablesAreNamed) {
    if (!kFunctionLocals) GTEST_SKIP() << "the interpreter cannot list its frames";
    auto s = run_program(kComprehensions);
    ASSERT_FALSE(s->error()) << s->traceback();
    auto sc = s->scene(step_of(*s, 5, 6));  // the second call from the generator
    const auto* w = view_named(sc, "w");
    ASSERT_NE(w, nullptr);
    const scene::Name* n = name_of(*w, "w");
    EXPECT_EQ(n->function, "<genexpr>");
    EXPECT_EQ(n->depth, 1);
    const scene::Name* b = name_of(*w, "b");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->depth, 2);
    EXPECT_EQ(view_named(sc, "v"), nullptr);
}

constexpr const char* kTemporaries = R"(ba = bytearray(range(16))
mv = memoryview(ba)
data = bytes(mv[2:6])
half = mv[1::4].tobytes()
print(data, half)
)";

// The one view of the step's scene other than mv.
const scene::SceneView* temporary(const scene::Scene& sc) {
    const scene::SceneView* found = nullptr;
    for (const auto& v : sc.views) {
        if (has_name(v.names, "mv")) continue;
        EXPECT_EQ(found, nullptr) << "more than one temporary";
        found = &v;
    }
    return found;
}

TEST(FramesTest, TemporaryViewsHaveTheirOwnGeometry) {
    auto s = run_program(kTemporaries);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "b'\\x02\\x03\\x04\\x05' b'\\x01\\x05\\t\\r'\n");
    auto sc = s->scene(step_of(*s, 3));
    const auto* t = temporary(sc);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->state, trace::ViewState::Destroyed);
    EXPECT_TRUE(t->has_geometry);
    EXPECT_TRUE(t->names.empty());
    EXPECT_EQ(t->offset, 2);
    EXPECT_EQ(t->shape, std::vector<int64_t>{4});
    EXPECT_EQ(covered(*t), (std::vector<uint64_t>{2, 3, 4, 5}));
    auto sc2 = s->scene(step_of(*s, 4));
    const auto* u = temporary(sc2);
    ASSERT_NE(u, nullptr);
    EXPECT_TRUE(u->has_geometry);
    EXPECT_EQ(u->strides, std::vector<int64_t>{4});
    EXPECT_EQ(covered(*u), (std::vector<uint64_t>{1, 5, 9, 13}));
    // mv itself is unchanged: the whole buffer.
    EXPECT_EQ(covered(*view_named(sc2, "mv")).size(), 16u);
}

}  // namespace
}  // namespace engine::session
