// The canvas draws what the scene says (issue 11): a headless ImGui frame of
// the whole app with the probe on, on real runs, with the scene's facts for
// fields, carets and variables set as the scene declares them, so the drawing
// is checked on its own: each field bracketed under its bytes with code,
// order and value, each caret under the byte it points at with its name, each
// variable in the frames strip, tombstones, temporaries and badges.
#include <gtest/gtest.h>

#include <imgui.h>

#include <algorithm>

#include "imgui_app/app.hpp"
#include "imgui_app/picture.hpp"

namespace app {
namespace {

using engine::scene::SceneCaret;
using engine::scene::SceneField;

class PictureMarksTest : public ::testing::Test {
protected:
    App app;
    std::vector<ProbeItem> items;

    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1400, 900);
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        apply_style(1.0f);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    void run(const std::string& source, int line, int nth = 0) {
        app.source = source;
        run_program(app);
        ASSERT_FALSE(app.session->error()) << app.session->traceback();
        for (int64_t s = 1; s <= app.step_count; ++s)
            if (app.session->line_of(s) == line && nth-- == 0) return seek(app, s);
        FAIL() << "no step at line " << line;
    }
    void frame() {
        for (int i = 0; i < 3; ++i) {  // layout settles
            items.clear();
            app.probe = &items;
            ImGuiIO& io = ImGui::GetIO();
            io.DeltaTime = 1.0f / 60.0f;
            app.now += io.DeltaTime;
            ImGui::NewFrame();
            draw_app(app, 1400, 900);
            ImGui::Render();
            app.probe = nullptr;
        }
    }
    std::vector<ProbeItem> of(const std::string& kind) const {
        std::vector<ProbeItem> out;
        for (const auto& p : items)
            if (p.kind == kind) out.push_back(p);
        return out;
    }
    const ProbeItem* cell(uint64_t block, uint64_t offset) const {
        for (const auto& p : items)
            if (p.kind == "cell" && p.block == block && p.offset == offset) return &p;
        return nullptr;
    }
    uint64_t block_named(const std::string& name) const {
        for (const auto& b : app.overview.blocks)
            for (const auto& n : b.names)
                if (n.name == name) return b.id;
        return 0;
    }
};

TEST_F(PictureMarksTest, FieldsAreBracketedUnderTheirBytesWithCodeOrderAndValue) {
    run("header = bytearray(b'\\xca\\xfe\\xba\\xbe\\x00\\x01\\x00\\x02rest')\nmv_head = memoryview(header)\n"
        "x = 1\n", 3);
    const uint64_t block = block_named("header");
    ASSERT_NE(block, 0u);
    const char* values[] = {"3405691582", "1", "2"};
    const uint64_t begin[] = {0, 4, 6}, end[] = {4, 6, 8};
    for (int i = 0; i < 3; ++i) {
        SceneField f;
        f.block = block;
        f.begin = begin[i];
        f.end = end[i];
        f.index = i;
        f.code = i == 0 ? 'I' : 'H';
        f.order = '>';
        f.value = values[i];
        app.overview.fields.push_back(f);
    }
    frame();
    auto fields = of("field");
    ASSERT_EQ(fields.size(), 3u);
    std::sort(fields.begin(), fields.end(), [](auto& a, auto& b) { return a.offset < b.offset; });
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(fields[i].offset, begin[i]);
        EXPECT_EQ(fields[i].state, values[i]);
        EXPECT_EQ(fields[i].view, std::string(">") + (i == 0 ? "I " : "H ") + values[i]);
        const ProbeItem* first = cell(block, begin[i]);
        const ProbeItem* last = cell(block, end[i] - 1);
        ASSERT_TRUE(first && last);
        EXPECT_NEAR(fields[i].x0, first->x0, 2.0f) << "the bracket starts at the field's first byte";
        EXPECT_GE(fields[i].x1, last->x1 - 2.0f) << "and reaches its last";
        EXPECT_GT(fields[i].y0, first->y1) << "under the bytes";
    }
}

TEST_F(PictureMarksTest, CaretsPointAtTheirBytesWithTheirNames) {
    run("data = bytearray(b'abcdefghijklmnopqrstuvwxyz')\nmv = memoryview(data)\nx = 1\n", 3);
    const uint64_t block = block_named("data");
    auto caret = [&](const char* name, int64_t value, bool past_end = false) {
        SceneCaret c;
        c.name = name;
        c.value = value;
        c.block = block;
        c.byte = static_cast<uint64_t>(value);
        c.past_end = past_end;
        c.used_here = true;
        app.overview.carets.push_back(c);
    };
    caret("left", 3);
    caret("right", 22);
    caret("n", 26, true);
    frame();
    const auto carets = of("caret");
    ASSERT_EQ(carets.size(), 3u);
    for (const auto& c : carets) {
        const uint64_t at = c.view == "n=26" ? 25 : c.offset;  // an end bound: after the last byte
        const ProbeItem* b = cell(block, at);
        ASSERT_TRUE(b) << c.view;
        const float tip = c.view == "n=26" ? b->x1 : (b->x0 + b->x1) * 0.5f;
        EXPECT_LT(c.x0, tip + 1) << c.view;
        EXPECT_GT(c.x0 + 2 * 8.0f, tip) << c.view << ": the caret's tip is at its byte";
        EXPECT_GT(c.y0, b->y1) << "under the bytes";
    }
    EXPECT_EQ(carets[0].view.substr(0, 5), "left=");
}

TEST_F(PictureMarksTest, TheFramesStripShowsVariablesAndBadgesNameTheHolders) {
    run("data = bytearray(b'locked')\nview = memoryview(data)\npart = view[1:3]\nx = 1\n", 4);
    frame();  // the frames come from the scene (engine/session/variables.cpp)
    const auto vars = of("variable");
    auto find = [&](const std::string& text) -> const ProbeItem* {
        for (const auto& v : vars)
            if (v.view == text) return &v;
        return nullptr;
    };
    ASSERT_TRUE(find("data = bytearray(b'locked')"));
    EXPECT_EQ(find("data = bytearray(b'locked')")->state, "");
    ASSERT_TRUE(find("x = 1"));
    EXPECT_EQ(find("x = 1")->state, "changed");
    const auto badges = of("badge");
    ASSERT_EQ(badges.size(), 1u);
    EXPECT_EQ(badges[0].view, "data: LOCKED, 1 export held by view, part");
    EXPECT_EQ(badges[0].state, "locked");
}

TEST_F(PictureMarksTest, AReleasedViewIsATombstoneAndABytesExporterSaysExported) {
    run("b = b'constant'\nmv = memoryview(b)\nmv.release()\n", 3);
    frame();
    const auto tombs = of("tombstone");
    ASSERT_EQ(tombs.size(), 1u);
    EXPECT_EQ(tombs[0].view, "mv");
    run("b = b'constant'\nmv = memoryview(b)\nx = 1\n", 3);
    frame();
    const auto badges = of("badge");
    ASSERT_EQ(badges.size(), 1u);
    EXPECT_EQ(badges[0].state, "exported") << badges[0].view;
    EXPECT_EQ(badges[0].view.find("LOCKED"), std::string::npos);
}

}  // namespace
}  // namespace app
