#include "imgui_app/layout.hpp"

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

}  // namespace
}  // namespace app
