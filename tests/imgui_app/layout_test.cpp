#include "imgui_app/layout.hpp"

#include <string>
#include <string_view>
#include <utility>

#include "imgui_app/canvas_layout.hpp"
#include "imgui_app/text_fit.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace app {
namespace {

float area(const Rect& r) { return r.w * r.h; }

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

class LayoutTest : public ::testing::TestWithParam<std::pair<float, float>> {};

TEST_P(LayoutTest, PanelsTileTheWindowBelowTheMenu) {
    const auto [w, h] = GetParam();
    const float top = 20;
    const PanelLayout l = layout_panels(w, h, top);
    const std::vector<Rect> rects = {l.timeline, l.code, l.console, l.canvas, l.inspector, l.lessons};
    float total = 0;
    for (size_t i = 0; i < rects.size(); ++i) {
        EXPECT_GT(rects[i].w, 0) << i;
        EXPECT_GT(rects[i].h, 0) << i;
        EXPECT_GE(rects[i].y, top) << i;
        EXPECT_LE(rects[i].right(), w + 0.01f) << i;
        EXPECT_LE(rects[i].bottom(), h + 0.01f) << i;
        total += area(rects[i]);
        for (size_t j = i + 1; j < rects.size(); ++j) EXPECT_FALSE(overlaps(rects[i], rects[j])) << i << "," << j;
    }
    EXPECT_NEAR(total, w * (h - top), w * h * 1e-4);
}

INSTANTIATE_TEST_SUITE_P(Sizes, LayoutTest,
                         ::testing::Values(std::make_pair(1280.f, 800.f), std::make_pair(2560.f, 1600.f),
                                           std::make_pair(800.f, 600.f), std::make_pair(640.f, 360.f)));

TEST(LayoutTest, CanvasIsTheLargestPanel) {
    const PanelLayout l = layout_panels(1280, 800, 20);
    for (const Rect& r : {l.timeline, l.code, l.console, l.inspector, l.lessons})
        EXPECT_GT(area(l.canvas), area(r));
}

TEST(LayoutTest, SmallHiDpiWindowsKeepAWideCanvas) {
    // A 700x500 CSS-pixel page at devicePixelRatio 2: the side panels' preferred
    // widths do not squeeze the canvas below about a third of the window.
    const PanelLayout l = layout_panels(1400, 1000, 40, 2.0f);
    EXPECT_GE(l.canvas.w, 0.35f * 1400);
    EXPECT_GE(l.code.w, 0.32f * 1400);
    EXPECT_GE(l.inspector.w, 0.22f * 1400);
}

TEST(LayoutTest, FixedSizesGrowWithTheUiScale) {
    const PanelLayout one = layout_panels(1800, 1200, 20, 1.0f);
    const PanelLayout two = layout_panels(1800, 1200, 40, 2.0f);
    EXPECT_FLOAT_EQ(one.timeline.h, 76.0f);
    EXPECT_FLOAT_EQ(two.timeline.h, 152.0f);
    EXPECT_FLOAT_EQ(two.timeline.y, 40.0f);
}

TEST(LayoutTest, BytesPerRowFollowTheMemoryPanelsWidth) {
    // JetBrains Mono at 15 px: glyphs about 9 px wide, lines 17 px high.
    const float cw = 9.0f, lh = 17.0f;
    const float w16 = canvas_width(make_canvas_settings(16, cw, lh));
    const float w32 = canvas_width(make_canvas_settings(32, cw, lh));
    EXPECT_EQ(fitting_bytes_per_row(32, w32, cw, lh), 32);
    EXPECT_EQ(fitting_bytes_per_row(32, w32 - 1, cw, lh), 16);  // capped by what fits
    EXPECT_EQ(fitting_bytes_per_row(16, w32 * 2, cw, lh), 16);  // the preference, not more
    EXPECT_EQ(fitting_bytes_per_row(16, w16 - 1, cw, lh), 8);
    EXPECT_EQ(fitting_bytes_per_row(8, 10, cw, lh), 8);  // never under 8: the panel scrolls
    EXPECT_EQ(fitting_bytes_per_row(32, 10, cw, lh), 8);
}

TEST(LayoutTest, EveryWindowOfTheMatrixGetsPanelsThatTile) {
    for (const auto& [w, h] : {std::pair{1024, 640}, {1280, 800}, {1920, 1080}, {2560, 1440}})
        for (const float scale : {1.0f, 2.0f}) {
            const float W = static_cast<float>(w) * scale, H = static_cast<float>(h) * scale, top = 19 * scale;
            const PanelLayout l = layout_panels(W, H, top, scale);
            EXPECT_FLOAT_EQ(l.code.w + l.canvas.w + l.inspector.w, W);
            EXPECT_FLOAT_EQ(l.lessons.bottom(), H);
            EXPECT_FLOAT_EQ(l.console.bottom(), H);
            EXPECT_GT(l.canvas.w, W * 0.3f) << w << "x" << h << " at " << scale;
        }
}

// Widths in a pretend font: every byte is 10 wide.
float tens(std::string_view s) { return 10.0f * static_cast<float>(s.size()); }

TEST(TextFitTest, ElideKeepsWhatFitsAndCutsAtCharacters) {
    EXPECT_EQ(elide("1 export, 1 view", 160, tens), "1 export, 1 view");
    EXPECT_EQ(elide("1 export, 1 view", 159, tens), "1 export, 1...");  // 14 chars fit, a space trimmed
    EXPECT_EQ(elide("abcdef", 40, tens), "a...");
    EXPECT_EQ(elide("abcdef", 30, tens), "...");
    EXPECT_EQ(elide("abcdef", 29, tens), "");
    // "é" is two bytes: never cut between them.
    const std::string e = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    const std::string cut = elide(e, 60, tens);
    EXPECT_EQ(cut, "\xc3\xa9...");  // 2 + 3 bytes = 50 fits, 4 + 3 = 70 does not
}

}  // namespace
}  // namespace app
