#include "imgui_app/canvas_layout.hpp"

#include <gtest/gtest.h>

namespace app {
namespace {

using engine::scene::ElementRun;
using engine::scene::Scene;
using engine::scene::SceneBlock;
using engine::scene::SceneView;

SceneView view(uint64_t id, uint64_t block, int color, std::vector<ElementRun> runs,
               engine::trace::ViewState state = engine::trace::ViewState::Alive) {
    SceneView v;
    v.id = id;
    v.block = block;
    v.color = color;
    v.runs = std::move(runs);
    v.state = state;
    return v;
}

Scene two_blocks() {
    Scene s;
    SceneBlock a;
    a.id = 1;
    a.size = 40;  // 3 rows of 16
    SceneBlock b;
    b.id = 2;
    b.size = 16;  // 1 row
    s.blocks = {a, b};
    s.views.push_back(view(10, 1, 1, {{0, 40, 1, 1, 0}}));
    s.views.push_back(view(11, 1, 0, {{4, 4, 2, 1, 0}}));
    s.views.push_back(view(12, 2, 2, {}, engine::trace::ViewState::Released));
    s.views.push_back(view(13, 2, 3, {}, engine::trace::ViewState::Destroyed));
    return s;
}

TEST(CanvasLayoutTest, BlocksStackWithOneLanePerViewOfTheStep) {
    CanvasSettings s;
    const auto blocks = place_blocks(two_blocks(), s);
    ASSERT_EQ(blocks.size(), 2u);
    EXPECT_EQ(blocks[0].rows, 3u);
    EXPECT_EQ(blocks[1].rows, 1u);
    // Lanes in colour (creation) order; the view destroyed in this step gets
    // one too (its tombstone: the scene carries it for this step only).
    EXPECT_EQ(blocks[0].lanes, (std::vector<uint64_t>{11, 10}));
    EXPECT_EQ(blocks[1].lanes, (std::vector<uint64_t>{12, 13}));
    EXPECT_FLOAT_EQ(blocks[0].row_h, s.cell_h + 2 * s.lane_h + 3);
    EXPECT_GT(blocks[1].top, blocks[0].bottom());
    EXPECT_FLOAT_EQ(canvas_height(blocks), blocks[1].bottom());
}

TEST(CanvasLayoutTest, FieldAndCaretStripsOnlyWhereTheStepHasThem) {
    CanvasSettings s;
    Scene sc = two_blocks();
    engine::scene::SceneField f;
    f.block = 1;
    f.begin = 0;
    f.end = 4;
    sc.fields.push_back(f);
    engine::scene::SceneCaret c;
    c.block = 2;
    sc.carets.push_back(c);
    const auto blocks = place_blocks(sc, s);
    ASSERT_EQ(blocks.size(), 2u);
    // Block 1: two lanes, then the fields' strip; no caret strip.
    EXPECT_FLOAT_EQ(blocks[0].fields_y, s.cell_h + 2 * s.lane_h + 2);
    EXPECT_FLOAT_EQ(blocks[0].carets_y, blocks[0].fields_y + s.fields_h);
    EXPECT_FLOAT_EQ(blocks[0].row_h, s.cell_h + 2 * s.lane_h + s.fields_h + 3);
    // Block 2: no fields, a caret strip.
    EXPECT_FLOAT_EQ(blocks[1].carets_y, blocks[1].fields_y);
    EXPECT_FLOAT_EQ(blocks[1].row_h, s.cell_h + 2 * s.lane_h + s.carets_h + 3);
    // A lane hit never lands in the strips.
    EXPECT_FALSE(hit_lane(blocks, s, hex_x(s, 0), blocks[0].rows_top + blocks[0].fields_y + 2));
}

TEST(CanvasLayoutTest, SmallBuffersFillThePanelUpToAMaximum) {
    CanvasSettings s;
    const float w = canvas_width(s);
    EXPECT_FLOAT_EQ(fit_scale(s, w * 0.5f), 1.0f);   // narrower panel: never shrink
    EXPECT_FLOAT_EQ(fit_scale(s, w * 1.5f), 1.5f);   // fill the width
    EXPECT_FLOAT_EQ(fit_scale(s, w * 4.0f), 1.8f);   // up to the maximum
    // A 6-byte buffer needs 6 columns: the ASCII column follows them, the row is narrower, the cells grow.
    EXPECT_EQ(columns_needed({6, 2}, 16), 6);
    EXPECT_EQ(columns_needed({40}, 16), 16);
    CanvasSettings narrow = s;
    narrow.shown_cols = 6;
    EXPECT_FLOAT_EQ(ascii_x(narrow, 0), hex_x(s, 6) + s.ascii_gap);
    EXPECT_GT(fit_scale(narrow, w), 1.0f);
    EXPECT_EQ(elide("reverse_inplace(): mv", 10), "reverse_..");
    EXPECT_EQ(elide("mv", 10), "mv");
}

TEST(CanvasLayoutTest, HitTestingFindsBytesAndLanes) {
    CanvasSettings s;
    const auto blocks = place_blocks(two_blocks(), s);
    const float row1 = blocks[0].rows_top + blocks[0].row_h + 2;  // inside row 1's cells
    auto hit = hit_byte(blocks, s, hex_x(s, 5) + 3, row1);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->block, 1u);
    EXPECT_EQ(hit->offset, 21u);
    // The ASCII column hits the same byte.
    hit = hit_byte(blocks, s, ascii_x(s, 5) + 1, row1);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->offset, 21u);
    // Past the end of a 40-byte block (row 2 has 8 bytes).
    EXPECT_FALSE(hit_byte(blocks, s, hex_x(s, 9) + 3, blocks[0].rows_top + 2 * blocks[0].row_h + 2));
    // In the gutter: no byte.
    EXPECT_FALSE(hit_byte(blocks, s, 3, row1));
    // The second lane under row 0 is view 10.
    const float lane1 = blocks[0].rows_top + s.cell_h + s.lane_h * 1.5f;
    auto lane = hit_lane(blocks, s, hex_x(s, 0), lane1);
    ASSERT_TRUE(lane);
    EXPECT_EQ(lane->view, 10u);
    EXPECT_FALSE(hit_byte(blocks, s, hex_x(s, 0), lane1));
}

TEST(CanvasLayoutTest, VisibleRowsClipToTheWindow) {
    CanvasSettings s;
    const auto blocks = place_blocks(two_blocks(), s);
    const auto& b = blocks[0];
    RowSpan r = visible_rows(b, b.rows_top + b.row_h * 1.5f, b.rows_top + b.row_h * 2.2f);
    EXPECT_EQ(r.first, 1u);
    EXPECT_EQ(r.last, 3u);
    r = visible_rows(b, b.bottom() + 1, b.bottom() + 100);
    EXPECT_EQ(r.first, r.last);
}

TEST(CanvasLayoutTest, LaneCellsFollowStridesAndSplitAtRowEdges) {
    // A step-2 view of 4-byte items starting at byte 14: elements at 14, 22, 30.
    SceneView v = view(1, 1, 0, {{14, 3, 8, 4, 5}});
    auto row0 = lane_cells(v, 0, 16);
    ASSERT_EQ(row0.size(), 1u);
    EXPECT_EQ(row0[0].col, 14);
    EXPECT_EQ(row0[0].len, 2);
    EXPECT_EQ(row0[0].element, 5u);
    EXPECT_TRUE(row0[0].starts_element);
    EXPECT_FALSE(row0[0].ends_element);
    auto row1 = lane_cells(v, 16, 16);
    ASSERT_EQ(row1.size(), 3u);
    EXPECT_EQ(row1[0].col, 0);  // the rest of element 5
    EXPECT_FALSE(row1[0].starts_element);
    EXPECT_EQ(row1[1].col, 6);  // element 6 at byte 22
    EXPECT_EQ(row1[2].col, 14);
    EXPECT_EQ(row1[2].element, 7u);
}

TEST(CanvasLayoutTest, NegativeStridesAndElementLookup) {
    // mv[::-1] over 8 bytes: element i at byte 7 - i.
    SceneView v = view(1, 1, 0, {{7, 8, -1, 1, 0}});
    auto cells = lane_cells(v, 0, 16);
    ASSERT_EQ(cells.size(), 8u);
    EXPECT_EQ(cells[0].col, 7);
    EXPECT_EQ(cells[7].col, 0);
    EXPECT_EQ(elements_at(v, 7), (std::vector<uint64_t>{0}));
    EXPECT_EQ(elements_at(v, 0), (std::vector<uint64_t>{7}));
    EXPECT_TRUE(elements_at(v, 8).empty());
    // A zero stride covers one byte with every element.
    SceneView z = view(2, 1, 0, {{3, 4, 0, 1, 0}});
    EXPECT_EQ(elements_at(z, 3).size(), 4u);
}

}  // namespace
}  // namespace app
