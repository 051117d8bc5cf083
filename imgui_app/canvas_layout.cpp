#include "imgui_app/canvas_layout.hpp"

#include <algorithm>
#include <cmath>

namespace app {

using engine::scene::Scene;
using engine::scene::SceneView;

CanvasSettings make_canvas_settings(int bytes_per_row, float char_w, float line_h) {
    CanvasSettings s;
    s.bytes_per_row = bytes_per_row;
    s.char_w = char_w;
    s.cell_w = std::round(char_w * 3.0f);
    s.cell_h = std::round(line_h + 4.0f);
    s.lane_h = std::max(8.0f, std::round(line_h * 0.72f));
    s.gutter_w = std::round(char_w * 13.0f);  // a row's offset, a lane's name
    s.ascii_gap = std::round(char_w * 2.0f);
    s.header_h = std::round(line_h * 2.9f);  // the objects' names, then their badges
    s.block_gap = std::round(line_h);
    s.fields_h = std::round(line_h * 1.5f);
    s.carets_h = std::round(line_h * 1.5f);
    return s;
}

std::vector<BlockPlacement> place_blocks(const Scene& scene, const CanvasSettings& s) {
    std::vector<BlockPlacement> out;
    float y = 0;
    const auto width = static_cast<uint64_t>(std::max(1, s.bytes_per_row));
    for (const auto& block : scene.blocks) {
        // A block nobody names and no view shows (a literal's bytes, a
        // temporary) is left out unless asked for: it is noise to a learner.
        bool viewed = false;
        for (const SceneView& v : scene.views) viewed |= v.block == block.id;
        if (!s.show_unnamed && block.names.empty() && !viewed) continue;
        BlockPlacement b;
        b.block = block.id;
        b.size = block.size;
        for (const SceneView& v : scene.views) {
            if (v.block == block.id) b.lanes.push_back(v.id);
        }
        std::stable_sort(b.lanes.begin(), b.lanes.end(), [&](uint64_t a, uint64_t c) {
            auto colour = [&](uint64_t id) {
                for (const SceneView& v : scene.views)
                    if (v.id == id) return v.color;
                return 0;
            };
            return colour(a) < colour(c);
        });
        b.top = y;
        b.rows_top = y + s.header_h;
        bool fields = false, carets = false;
        for (const auto& f : scene.fields) fields |= f.block == block.id;
        for (const auto& c : scene.carets) carets |= c.block == block.id;
        b.fields_y = s.cell_h + s.lane_h * static_cast<float>(b.lanes.size()) + 2.0f;
        b.carets_y = b.fields_y + (fields ? s.fields_h : 0.0f);
        b.row_h = b.carets_y + (carets ? s.carets_h : 0.0f) + 1.0f;
        b.rows = std::max<uint64_t>(1, (block.size + width - 1) / width);
        y = b.bottom() + s.block_gap;
        out.push_back(std::move(b));
    }
    return out;
}

float canvas_height(const std::vector<BlockPlacement>& blocks) {
    return blocks.empty() ? 0.0f : blocks.back().bottom();
}

float fit_scale(const CanvasSettings& s, float avail_w, float max_scale) {
    const float w = canvas_width(s);
    if (w <= 0 || avail_w <= w) return 1.0f;
    return std::min(max_scale, avail_w / w);
}

std::string elide(const std::string& text, size_t max_chars) {
    if (text.size() <= max_chars) return text;
    if (max_chars <= 2) return text.substr(0, max_chars);
    return text.substr(0, max_chars - 2) + "..";
}

float hex_x(const CanvasSettings& s, int col) {
    // A small extra gap every 8 bytes helps the eye count.
    return s.gutter_w + s.cell_w * static_cast<float>(col) + static_cast<float>(col / 8) * s.char_w * 0.5f;
}

float ascii_x(const CanvasSettings& s, int col) {
    const int cols = s.shown_cols > 0 ? std::min(s.shown_cols, s.bytes_per_row) : s.bytes_per_row;
    return hex_x(s, cols) + s.ascii_gap + s.char_w * static_cast<float>(col);
}

int columns_needed(const std::vector<uint64_t>& block_sizes, int bytes_per_row) {
    uint64_t most = 0;
    for (uint64_t n : block_sizes) most = std::max(most, n);
    return static_cast<int>(std::clamp<uint64_t>(most, 1, static_cast<uint64_t>(std::max(1, bytes_per_row))));
}

float canvas_width(const CanvasSettings& s) {
    const int cols = s.shown_cols > 0 ? std::min(s.shown_cols, s.bytes_per_row) : s.bytes_per_row;
    return ascii_x(s, cols) + s.char_w;
}

RowSpan visible_rows(const BlockPlacement& b, float y0, float y1) {
    if (y1 <= b.rows_top || y0 >= b.bottom() || b.row_h <= 0) return {0, 0};
    const float from = std::max(0.0f, (y0 - b.rows_top) / b.row_h);
    const float to = std::max(0.0f, (y1 - b.rows_top) / b.row_h);
    RowSpan r;
    r.first = std::min<uint64_t>(b.rows, static_cast<uint64_t>(from));
    r.last = std::min<uint64_t>(b.rows, static_cast<uint64_t>(std::ceil(to)));
    return r;
}

namespace {

const BlockPlacement* block_at_y(const std::vector<BlockPlacement>& blocks, float y) {
    for (const BlockPlacement& b : blocks)
        if (y >= b.rows_top && y < b.bottom()) return &b;
    return nullptr;
}

}  // namespace

std::optional<ByteHit> hit_byte(const std::vector<BlockPlacement>& blocks, const CanvasSettings& s,
                                float x, float y) {
    const BlockPlacement* b = block_at_y(blocks, y);
    if (!b) return std::nullopt;
    const auto row = static_cast<uint64_t>((y - b->rows_top) / b->row_h);
    const float in_row = y - b->rows_top - static_cast<float>(row) * b->row_h;
    if (in_row >= s.cell_h) return std::nullopt;  // on the lanes, not the bytes
    int col = -1;
    for (int c = 0; c < s.bytes_per_row; ++c) {
        if ((x >= hex_x(s, c) && x < hex_x(s, c) + s.cell_w) ||
            (x >= ascii_x(s, c) && x < ascii_x(s, c) + s.char_w)) {
            col = c;
            break;
        }
    }
    if (col < 0) return std::nullopt;
    const uint64_t offset = row * static_cast<uint64_t>(s.bytes_per_row) + static_cast<uint64_t>(col);
    if (offset >= b->size) return std::nullopt;
    return ByteHit{b->block, offset};
}

std::optional<LaneHit> hit_lane(const std::vector<BlockPlacement>& blocks, const CanvasSettings& s,
                                float x, float y) {
    const BlockPlacement* b = block_at_y(blocks, y);
    if (!b || x < 0 || x > canvas_width(s)) return std::nullopt;
    const auto row = static_cast<uint64_t>((y - b->rows_top) / b->row_h);
    const float in_row = y - b->rows_top - static_cast<float>(row) * b->row_h - s.cell_h;
    if (in_row < 0) return std::nullopt;
    const auto lane = static_cast<size_t>(in_row / s.lane_h);
    if (lane >= b->lanes.size()) return std::nullopt;
    return LaneHit{b->block, b->lanes[lane], row};
}

std::vector<LaneCell> lane_cells(const SceneView& v, uint64_t row_begin, int bytes_per_row) {
    std::vector<LaneCell> cells;
    const uint64_t row_end = row_begin + static_cast<uint64_t>(bytes_per_row);
    for (const auto& run : v.runs) {
        const auto item = static_cast<int64_t>(run.itemsize);
        // Elements are visited in order; skip quickly to the ones that can touch the row.
        for (uint64_t i = 0; i < run.count; ++i) {
            const int64_t start = static_cast<int64_t>(run.first) + static_cast<int64_t>(i) * run.stride;
            const int64_t end = start + item;
            if (end <= static_cast<int64_t>(row_begin) || start >= static_cast<int64_t>(row_end)) {
                if (run.stride > 0 && start >= static_cast<int64_t>(row_end)) break;
                if (run.stride < 0 && end <= static_cast<int64_t>(row_begin)) break;
                continue;
            }
            const int64_t a = std::max<int64_t>(start, static_cast<int64_t>(row_begin));
            const int64_t b = std::min<int64_t>(end, static_cast<int64_t>(row_end));
            LaneCell c;
            c.col = static_cast<int>(a - static_cast<int64_t>(row_begin));
            c.len = static_cast<int>(b - a);
            c.element = run.index + i;
            c.starts_element = a == start;
            c.ends_element = b == end;
            cells.push_back(c);
        }
    }
    return cells;
}

std::vector<uint64_t> elements_at(const SceneView& v, uint64_t offset) {
    std::vector<uint64_t> out;
    const auto off = static_cast<int64_t>(offset);
    for (const auto& run : v.runs) {
        const auto item = static_cast<int64_t>(run.itemsize);
        const auto first = static_cast<int64_t>(run.first);
        if (run.stride == 0) {
            if (off >= first && off < first + item)
                for (uint64_t i = 0; i < run.count; ++i) out.push_back(run.index + i);
            continue;
        }
        // Solve first + i*stride <= off < first + i*stride + item for integer i in [0, count).
        for (uint64_t i = 0; i < run.count; ++i) {
            const int64_t start = first + static_cast<int64_t>(i) * run.stride;
            if (off >= start && off < start + item) out.push_back(run.index + i);
        }
    }
    return out;
}

}  // namespace app
