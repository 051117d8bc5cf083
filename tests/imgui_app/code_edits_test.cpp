// Direct manipulation writes code: the statements each action inserts, where
// they go, and (run through a real Session) that the re-run shows their effect
// at the step the app moves to.
#include "imgui_app/code_edits.hpp"

#include <gtest/gtest.h>

#include "engine/session/session.hpp"

namespace app {
namespace {

using engine::scene::Scene;
using engine::scene::SceneView;
using engine::session::Session;
using engine::trace::ViewState;

std::vector<int> lines_of(Session& s) {
    std::vector<int> out;
    for (int64_t i = 1; i <= s.step_count(); ++i) out.push_back(s.line_of(i));
    return out;
}

const SceneView* named(const Scene& sc, const std::string& name) {
    for (const auto& v : sc.views)
        for (const auto& n : v.names)
            if (n.name == name) return &v;
    return nullptr;
}

uint64_t block_named(const Scene& sc, const std::string& name) {
    for (const auto& b : sc.blocks)
        for (const auto& n : b.names)
            if (n.name == name) return b.id;
    return 0;
}

// Runs `edit` and returns the scene at the step the app would show.
Scene scene_after(Session& before, int64_t old_step, const CodeEdit& edit, Session& after) {
    after.load(edit.source);
    after.run();
    const int64_t step = step_after_edit(lines_of(before), old_step, lines_of(after), edit);
    EXPECT_EQ(after.line_of(step), edit.inserted_line) << edit.source;
    return after.scene(step);
}

TEST(InsertStatement, GoesAfterTheLineWithItsIndentation) {
    const CodeEdit e = insert_statement("a = 1\nif a:\n    b = 2\n    c = 3\n", 3, "x = b");
    EXPECT_EQ(e.source, "a = 1\nif a:\n    b = 2\n    x = b\n    c = 3\n");
    EXPECT_EQ(e.inserted_line, 4);
    EXPECT_FALSE(e.before);
}

TEST(InsertStatement, EntersTheBodyAfterABlockHeader) {
    const CodeEdit e = insert_statement("for i in range(2):\n  print(i)\n", 1, "y = i");
    EXPECT_EQ(e.source, "for i in range(2):\n  y = i\n  print(i)\n");
    EXPECT_EQ(e.inserted_line, 2);
}

TEST(InsertStatement, SkipsAWholeFunctionAfterItsDef) {
    const CodeEdit e = insert_statement("def f():\n    return 1\n\nx = f()\n", 1, "y = 2");
    EXPECT_EQ(e.source, "def f():\n    return 1\ny = 2\n\nx = f()\n");
}

TEST(InsertStatement, GoesBeforeAStatementThatLeaves) {
    const CodeEdit e = insert_statement("def f(b):\n    v = b[1:]\n    return v\n", 3, "v.release()");
    EXPECT_EQ(e.source, "def f(b):\n    v = b[1:]\n    v.release()\n    return v\n");
    EXPECT_TRUE(e.before);
    EXPECT_EQ(e.inserted_line, 3);
}

TEST(InsertStatement, SkipsToTheEndOfAMultiLineStatement) {
    const CodeEdit e = insert_statement("parts = [\n    b'ab',\n    b'cd',\n]\nn = 1\n", 1, "m = 2");
    EXPECT_EQ(e.source, "parts = [\n    b'ab',\n    b'cd',\n]\nm = 2\nn = 1\n");
    EXPECT_EQ(e.inserted_line, 5);
}

TEST(FreshName, AvoidsNamesTheProgramUsesAndBuiltins) {
    EXPECT_EQ(fresh_name("view = 1\nview2 = 2\n", "view"), "view3");
    EXPECT_EQ(fresh_name("preview = 1\n", "view"), "view");
    EXPECT_EQ(fresh_name("", "bytes"), "bytes2");
    EXPECT_EQ(fresh_name("", "parts[0]_part"), "parts");
}

TEST(EnclosingFunction, FindsTheDefAroundALine) {
    const char* src = "x = 1\ndef f(a):\n    if a:\n        y = 2\n    return a\nz = 3\n";
    EXPECT_EQ(enclosing_function(src, 1), "<module>");
    EXPECT_EQ(enclosing_function(src, 4), "f");
    EXPECT_EQ(enclosing_function(src, 5), "f");
    EXPECT_EQ(enclosing_function(src, 6), "<module>");
}

TEST(SliceText, OmitsWhatIsEmpty) {
    EXPECT_EQ(slice_text("2", "8", ""), "[2:8]");
    EXPECT_EQ(slice_text("", "", "2"), "[::2]");
    EXPECT_EQ(slice_text(" 1", "-1 ", "3"), "[1:-1:3]");
}

constexpr const char* kProgram =
    "data = bytearray(b\"0123456789abcdef\")\n"
    "mv = memoryview(data)\n"
    "print(mv[0])\n";

TEST(EditsRunInTheSession, SelectedBytesBecomeANewView) {
    Session s;
    s.load(kProgram);
    ASSERT_TRUE(s.run());
    const Scene sc = s.scene(2);
    const EditResult r = edit_new_view(kProgram, sc, block_named(sc, "data"), 4, 10, s.line_of(2));
    ASSERT_TRUE(r.edit) << r.reason;
    EXPECT_EQ(r.edit->statement, "view = memoryview(data)[4:10]");
    Session t;
    const Scene after = scene_after(s, 2, *r.edit, t);
    const SceneView* v = named(after, "view");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->offset, 4);
    EXPECT_EQ(v->nbytes, 6);
}

TEST(EditsRunInTheSession, ReleaseSliceAndCastAViewByItsName) {
    Session s;
    s.load(kProgram);
    ASSERT_TRUE(s.run());
    const Scene sc = s.scene(2);
    const SceneView* mv = named(sc, "mv");
    ASSERT_NE(mv, nullptr);

    const EditResult rel = edit_release(kProgram, *mv, s.line_of(2));
    ASSERT_TRUE(rel.edit) << rel.reason;
    Session a;
    const Scene released = scene_after(s, 2, *rel.edit, a);
    ASSERT_NE(named(released, "mv"), nullptr);
    EXPECT_EQ(named(released, "mv")->state, ViewState::Released);
    // The program goes on to use mv, so the run ends where CPython's would.
    EXPECT_EQ(a.exception_line(), "ValueError: operation forbidden on released memoryview object");

    const EditResult sl = edit_slice(kProgram, *mv, "1", "", "3", s.line_of(2));
    ASSERT_TRUE(sl.edit) << sl.reason;
    EXPECT_EQ(sl.edit->statement, "mv_part = mv[1::3]");
    Session b;
    const Scene sliced = scene_after(s, 2, *sl.edit, b);
    ASSERT_NE(named(sliced, "mv_part"), nullptr);
    EXPECT_EQ(named(sliced, "mv_part")->strides, std::vector<int64_t>{3});
    EXPECT_EQ(named(sliced, "mv_part")->shape, std::vector<int64_t>{5});

    const EditResult ca = edit_cast(kProgram, *mv, "H", "2, 4", s.line_of(2));
    ASSERT_TRUE(ca.edit) << ca.reason;
    EXPECT_EQ(ca.edit->statement, "mv_H = mv.cast('H', [2, 4])");
    Session c;
    const Scene cast = scene_after(s, 2, *ca.edit, c);
    ASSERT_NE(named(cast, "mv_H"), nullptr);
    EXPECT_EQ(named(cast, "mv_H")->format, "H");
    EXPECT_EQ(named(cast, "mv_H")->shape, (std::vector<int64_t>{2, 4}));
}

TEST(EditsRunInTheSession, EditingACellAssignsAnItem) {
    const char* src = "data = bytearray(16)\nm = memoryview(data).cast('B', [4, 4])\nprint(data[6])\n";
    Session s;
    s.load(src);
    ASSERT_TRUE(s.run());
    const Scene sc = s.scene(2);
    const EditResult r = edit_set_item(src, *named(sc, "m"), 6, "0x41", s.line_of(2));
    ASSERT_TRUE(r.edit) << r.reason;
    EXPECT_EQ(r.edit->statement, "m[1, 2] = 0x41");
    Session t;
    t.load(r.edit->source);
    ASSERT_TRUE(t.run()) << t.exception_line();
    EXPECT_EQ(t.output(), "65\n");

    const EditResult b = edit_set_byte(src, sc, block_named(sc, "data"), 15, "7", s.line_of(2));
    ASSERT_TRUE(b.edit) << b.reason;
    EXPECT_EQ(b.edit->statement, "data[15] = 7");
}

TEST(EditsRunInTheSession, RefusalsSayWhy) {
    const char* src = "b = bytes(4)\nv = memoryview(b)\nba = bytearray(2)\nv.release()\n";
    Session s;
    s.load(src);
    ASSERT_TRUE(s.run());
    const Scene sc = s.scene(3);
    const EditResult item = edit_set_item(src, *named(sc, "v"), 0, "1", 3);
    EXPECT_FALSE(item.edit);
    EXPECT_EQ(item.reason, "v is read-only: its object does not allow writes.");
    const EditResult byte = edit_set_byte(src, sc, block_named(sc, "b"), 0, "1", 3);
    EXPECT_FALSE(byte.edit);
    EXPECT_NE(byte.reason.find("immutable"), std::string::npos);
    EXPECT_TRUE(edit_set_byte(src, sc, block_named(sc, "ba"), 0, "1", 3).edit);
    EXPECT_FALSE(edit_set_byte(src, sc, block_named(sc, "ba"), 0, "1; import os", 3).edit);
    EXPECT_FALSE(edit_set_byte(src, sc, block_named(sc, "ba"), 2, "1", 3).edit);  // past its end
    const Scene later = s.scene(4);
    const EditResult again = edit_release(src, *named(later, "v"), 4);
    EXPECT_FALSE(again.edit);
    EXPECT_EQ(again.reason, "v is released; a released view cannot be used.");
}

TEST(EditsRunInTheSession, ALocalViewIsUsedByNameInsideItsFunction) {
    const char* src =
        "def fill(n):\n"
        "    buf = bytearray(n)\n"
        "    view = memoryview(buf)\n"
        "    view[0] = 1\n"
        "    return buf\n"
        "\n"
        "out = fill(8)\n";
    Session s;
    s.load(src);
    ASSERT_TRUE(s.run());
    int64_t step = 0;
    for (int64_t i = 1; i <= s.step_count(); ++i)
        if (s.line_of(i) == 3) step = i;
    const Scene sc = s.scene(step);
    const SceneView* view = named(sc, "view");
    ASSERT_NE(view, nullptr);
    const EditResult cast = edit_cast(src, *view, "H", "", 3);
    ASSERT_TRUE(cast.edit) << cast.reason;
    EXPECT_EQ(cast.edit->source,
              "def fill(n):\n    buf = bytearray(n)\n    view = memoryview(buf)\n    view_H = view.cast('H')\n"
              "    view[0] = 1\n    return buf\n\nout = fill(8)\n");
    Session t;
    const Scene after = scene_after(s, step, *cast.edit, t);
    ASSERT_NE(named(after, "view_H"), nullptr);
    EXPECT_EQ(named(after, "view_H")->format, "H");
    // At module level, after the call, the local is gone: no name reaches that buffer's view.
    EXPECT_FALSE(edit_release(src, *view, 7).edit);
}

TEST(StepAfterEdit, FollowsThePassOfALoop) {
    const char* src =
        "data = bytearray(b\"abcdef\")\n"
        "mv = memoryview(data)\n"
        "for i in range(3):\n"
        "    part = mv[i:i + 2]\n"
        "    part.release()\n";
    Session s;
    s.load(src);
    ASSERT_TRUE(s.run());
    // The second pass over line 4.
    int64_t step = 0, pass = 0;
    for (int64_t i = 1; i <= s.step_count(); ++i)
        if (s.line_of(i) == 4 && ++pass == 2) step = i;
    ASSERT_GT(step, 0);
    const Scene sc = s.scene(step);
    const EditResult r = edit_cast(src, *named(sc, "part"), "c", "", 4);
    ASSERT_TRUE(r.edit) << r.reason;
    Session t;
    const Scene after = scene_after(s, step, *r.edit, t);
    const SceneView* part = named(after, "part");
    ASSERT_NE(part, nullptr);
    EXPECT_EQ(part->offset, 1);  // the second pass: mv[1:3]
    ASSERT_NE(named(after, "part_c"), nullptr);
}

}  // namespace
}  // namespace app
