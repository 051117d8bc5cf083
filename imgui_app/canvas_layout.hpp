// Memory canvas geometry: where each block, byte row, view lane and byte cell
// goes. Pure functions of the scene and the settings, so layout and
// hit-testing are tested without a window, and the draw code only walks them.
//
// A block is drawn as:   header (name, type, size, address, lock state)
//                        row:  address | hex cells            | ascii
//                              lane 0 (view) under the bytes it covers
//                              lane 1 ...
// Every view on a block has its own lane, so views over a shared byte stay
// distinguishable; a strided view's skipped bytes are gaps in its lane.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/scene/scene.hpp"

namespace app {

struct CanvasSettings {
    int bytes_per_row = 16;   // 8, 16 or 32
    float cell_w = 24.0f;     // one hex byte
    float cell_h = 20.0f;
    float lane_h = 7.0f;      // one view's lane under a row
    float gutter_w = 150.0f;  // address / view-name column
    float ascii_gap = 14.0f;
    float char_w = 8.0f;      // one ASCII cell
    float header_h = 28.0f;
    float block_gap = 18.0f;
    float fields_h = 30.0f;   // struct fields' brackets under a row (blocks with fields only)
    float carets_h = 30.0f;   // index carets under a row (blocks with carets only)
    bool show_unnamed = false;  // also blocks that no name refers to and no view shows
    int shown_cols = 0;       // columns in use (every block is smaller than a row); 0: bytes_per_row
};

// Columns a row needs for `blocks`: bytes_per_row, or fewer when every block is smaller.
int columns_needed(const std::vector<uint64_t>& block_sizes, int bytes_per_row);

// Settings scaled for zoom/HiDPI from a font's glyph width and line height.
CanvasSettings make_canvas_settings(int bytes_per_row, float char_w, float line_h);

struct BlockPlacement {
    uint64_t block = 0;
    uint64_t size = 0;
    float top = 0;                // y of the header
    float rows_top = 0;           // y of the first byte row
    float row_h = 0;              // one byte row plus its lanes
    uint64_t rows = 0;
    std::vector<uint64_t> lanes;  // view ids, one lane each, in creation (colour) order
    float fields_y = 0;           // offsets in a row of the field and caret strips
    float carets_y = 0;
    float bottom() const { return rows_top + row_h * static_cast<float>(rows); }
};

// Blocks stacked top to bottom, in the scene's order. Every view of the scene
// gets a lane on its block: alive, released (a tombstone while a name refers to
// it), and destroyed in this step (a tombstone, or a temporary's window; the
// scene carries a destroyed view for its last step only). A row also has a
// strip for struct fields and one for index carets when the step has any on
// the block. Blocks without a name or a view are skipped unless s.show_unnamed.
std::vector<BlockPlacement> place_blocks(const engine::scene::Scene& scene, const CanvasSettings& s);

float canvas_height(const std::vector<BlockPlacement>& blocks);
float canvas_width(const CanvasSettings& s);

// Scale for the canvas so that a row of `s` fills `avail_w` pixels, between 1
// and `max_scale` (small buffers get big cells; never smaller than the font).
float fit_scale(const CanvasSettings& s, float avail_w, float max_scale = 1.8f);

// Text cut to at most `max_chars` characters, ending in ".." when cut.
std::string elide(const std::string& text, size_t max_chars);

// x of byte column `col` (0-based within a row) and of its ASCII cell.
float hex_x(const CanvasSettings& s, int col);
float ascii_x(const CanvasSettings& s, int col);

// Rows [first, last) of `b` that intersect [y0, y1).
struct RowSpan {
    uint64_t first = 0, last = 0;
};
RowSpan visible_rows(const BlockPlacement& b, float y0, float y1);

struct ByteHit {
    uint64_t block = 0;
    uint64_t offset = 0;  // byte offset in the block
};
// The byte under (x, y) on the hex or ASCII cells, if any.
std::optional<ByteHit> hit_byte(const std::vector<BlockPlacement>& blocks, const CanvasSettings& s,
                                float x, float y);

struct LaneHit {
    uint64_t block = 0;
    uint64_t view = 0;
    uint64_t row = 0;
};
// The view lane under (x, y), if any (anywhere along the lane's row).
std::optional<LaneHit> hit_lane(const std::vector<BlockPlacement>& blocks, const CanvasSettings& s,
                                float x, float y);

// One element of a view, clipped to one row: bytes [col, col + len) of the row.
struct LaneCell {
    int col = 0;
    int len = 0;
    uint64_t element = 0;     // flat element index in the view
    bool starts_element = true;  // the element's first byte is in this row
    bool ends_element = true;    // ... and its last
};
// The cells that view `v` covers in the row starting at byte `row_begin`.
std::vector<LaneCell> lane_cells(const engine::scene::SceneView& v, uint64_t row_begin,
                                 int bytes_per_row);

// The element(s) of view `v` covering byte `offset` (overlapping views of
// itself, e.g. zero strides, can cover a byte several times).
std::vector<uint64_t> elements_at(const engine::scene::SceneView& v, uint64_t offset);

}  // namespace app
