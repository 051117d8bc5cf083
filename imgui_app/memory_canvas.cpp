// Memory canvas: every live block as a byte grid (hex and ASCII), every view
// as its own lane under the bytes it covers. Geometry comes from
// canvas_layout (pure); this file only walks it and draws. Only visible rows
// are asked of the engine (a row-windowed scene per block) and drawn.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <fmt/format.h>

#include "imgui_app/app.hpp"
#include "imgui_app/palette.hpp"
#include "imgui_app/picture.hpp"
#include "imgui_app/scene_text.hpp"

namespace app {

using engine::scene::Scene;
using engine::scene::SceneExporter;
using engine::scene::SceneView;
using engine::scene::SceneRefusal;
using engine::trace::ViewState;

namespace {

constexpr ImU32 kCellBg = IM_COL32(34, 37, 44, 255);
constexpr ImU32 kCellText = IM_COL32(214, 218, 226, 255);
constexpr ImU32 kZeroText = IM_COL32(110, 116, 128, 255);
constexpr ImU32 kGutterText = IM_COL32(120, 128, 142, 255);
constexpr ImU32 kSharedHatch = IM_COL32(255, 255, 255, 70);
constexpr ImU32 kLockedColour = IM_COL32(255, 120, 100, 255);
constexpr ImU32 kFreeColour = IM_COL32(120, 200, 140, 255);
constexpr ImU32 kExportedColour = IM_COL32(140, 180, 255, 255);
constexpr ImU32 kReadMark = IM_COL32(110, 220, 255, 255);
constexpr ImU32 kTombText = IM_COL32(190, 190, 190, 255);
constexpr ImU32 kSelection = IM_COL32(255, 255, 255, 230);
constexpr ImU32 kSelectionFill = IM_COL32(255, 255, 255, 60);

// A row-windowed scene of one block, cached until the step or the rows change.
const Scene& block_scene(App& app, uint64_t block, uint64_t first_row, uint64_t rows) {
    auto it = app.block_scenes.find(block);
    const auto width = static_cast<uint64_t>(app.bytes_per_row);
    if (it != app.block_scenes.end() && it->second.step == app.step &&
        it->second.options.row_begin == first_row && it->second.options.row_end == first_row + rows &&
        it->second.options.row_width == width) {
        return it->second;
    }
    engine::scene::SceneOptions o = engine::scene::SceneOptions::rows(first_row, rows, width);
    o.block = block;
    return app.block_scenes[block] = app.session->scene(app.step, o);
}

const SceneView* view_in(const Scene& s, uint64_t id) {
    for (const auto& v : s.views)
        if (v.id == id) return &v;
    return nullptr;
}

void draw_pattern(ImDrawList* dl, ImVec2 a, ImVec2 b, LanePattern p, ImU32 colour) {
    if (p == LanePattern::Solid) return;
    dl->PushClipRect(a, b, true);
    if (p == LanePattern::Stripes) {
        const float h = b.y - a.y;
        for (float x = a.x - h; x < b.x; x += 4.0f) dl->AddLine(ImVec2(x, b.y), ImVec2(x + h, a.y), colour);
    } else {
        for (float x = a.x + 1.5f; x < b.x; x += 3.5f)
            for (float y = a.y + 1.5f; y < b.y; y += 3.0f) dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 1.2f, y + 1.2f), colour);
    }
    dl->PopClipRect();
}

void draw_dashed_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour) {
    for (float x = a.x; x < b.x; x += 6.0f) {
        const float e = std::min(x + 3.0f, b.x);
        dl->AddLine(ImVec2(x, a.y), ImVec2(e, a.y), colour);
        dl->AddLine(ImVec2(x, b.y - 1), ImVec2(e, b.y - 1), colour);
    }
}

// "tmp: _io.BufferedRandom", the objects whose bytes these are, by their own names.
std::string block_title(const App& app, const engine::scene::SceneBlock& block) {
    std::string title;
    for (const auto& ex : app.overview.exporters) {
        if (ex.block != block.id || ex.names.empty()) continue;
        title += (title.empty() ? "" : "  |  ") + bare_label(ex.names) + ": " + ex.type;
    }
    if (title.empty()) title = (block.names.empty() ? block_label(block) : bare_label(block.names)) + ": " + block.owner_type;
    return title;
}

void draw_header(App& app, ImDrawList* dl, ImVec2 o, const BlockPlacement& b) {
    const engine::scene::SceneBlock* block = nullptr;
    for (const auto& sb : app.overview.blocks)
        if (sb.id == b.block) block = &sb;
    if (!block) return;
    const CanvasSettings& s = app.canvas;
    const float line = ImGui::GetTextLineHeight();
    const float y = o.y + b.top + 2;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x + ImGui::GetScrollX() - 8;
    const std::string title = block_title(app, *block);
    dl->AddText(ImVec2(o.x + 4, y), IM_COL32(235, 238, 245, 255), title.c_str());
    probe_mark(app, "title", b.block, 0, title, "", ImVec2(o.x + 4, y),
               ImVec2(o.x + 4 + ImGui::CalcTextSize(title.c_str()).x, y + line));
    std::string where = fmt::format("{}  @0x{:x}", byte_count(block->size), block->address);
    const float tx = o.x + 4 + ImGui::CalcTextSize(title.c_str()).x + s.char_w * 2;
    if (tx + ImGui::CalcTextSize(where.c_str()).x < right) dl->AddText(ImVec2(tx, y), kGutterText, where.c_str());

    // Line 2: one badge per exporter of these bytes (the mmap and the file over
    // one block each get theirs): its exports and who holds them.
    float x = o.x + 8;
    const float by = y + line + 5;
    const float pulse = 0.5f + 0.5f * std::sin(static_cast<float>(app.now) * 8.0f);
    // Exporters holding exports first: when the line has room for one badge
    // only (a narrow panel), it is the LOCKED one.
    std::vector<const SceneExporter*> exporters;
    for (const auto& ex : app.overview.exporters)
        if (ex.block == b.block) exporters.push_back(&ex);
    std::stable_sort(exporters.begin(), exporters.end(),
                     [](const SceneExporter* l, const SceneExporter* r) { return l->exports > 0 && r->exports == 0; });
    for (const SceneExporter* exp : exporters) {
        const SceneExporter& ex = *exp;
        if (ex.names.empty() && ex.exports == 0) continue;  // a literal nobody names
        if (ex.readonly && ex.exports == 0) continue;       // bytes: nothing to lock, nothing to say
        const std::string who = ex.names.empty() ? "a " + ex.type : bare_label(ex.names);
        std::string holders;
        constexpr size_t kNamed = 3;
        for (size_t i = 0; i < ex.views.size() && i < kNamed; ++i) {
            const SceneView* v = find_view(app, ex.views[i]);
            holders += (i ? ", " : "") + (v ? lane_look(app, *v).label : fmt::format("view #{}", ex.views[i]));
        }
        if (ex.views.size() > kNamed) holders += fmt::format(" and {} more", ex.views.size() - kNamed);
        const std::string count = fmt::format("{} export{}", ex.exports, ex.exports == 1 ? "" : "s");
        std::string badge, state;
        if (ex.exports > 0 && !ex.readonly) {
            badge = fmt::format("{}: LOCKED, {}{}", who, count, holders.empty() ? "" : " held by " + holders);
            state = "locked";
        } else if (ex.exports > 0) {
            badge = fmt::format("{}: exported, {}{}", who, count, holders.empty() ? "" : " to " + holders);
            state = "exported";
        } else {
            badge = fmt::format("{}: {}", who, ex.readonly ? "read-only, not exported" : "unlocked");
            state = "unlocked";
        }
        const SceneRefusal* refused = nullptr;
        for (const auto& r : app.overview.refusals)
            if (r.object == ex.id) refused = &r;
        if (refused) badge += "  -  REFUSED";
        ImVec2 sz = ImGui::CalcTextSize(badge.c_str());
        if (x + sz.x + 8 > right && x > o.x + 8) {
            // No room on this line for another badge: count the rest.
            break;
        }
        const ImU32 c = state == "locked" ? kLockedColour : state == "exported" ? kExportedColour : kFreeColour;
        const ImVec2 a(x - 4, by - 2), z(x + sz.x + 4, by + sz.y + 2);
        if (refused) dl->AddRectFilled(a, z, IM_COL32(255, 80, 60, static_cast<int>(60 + 120 * pulse)), 3.0f);
        dl->AddRect(a, z, c, 3.0f, 0, refused ? 2.0f : 1.0f);
        dl->PushClipRect(a, ImVec2(std::max(a.x + 10, right), z.y), true);
        dl->AddText(ImVec2(x, by), refused ? IM_COL32(255, 255, 255, 255) : c, badge.c_str());
        dl->PopClipRect();
        probe_mark(app, "badge", b.block, 0, badge, state, a, z);
        if (refused) probe_mark(app, "refusal", b.block, 0, refused->text, state, a, z);
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(a, z)) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(badge.c_str());
            if (state == "locked")
                ImGui::TextDisabled("While a view holds an export, resizing or closing %s raises BufferError.",
                                    who.c_str());
            else if (state == "exported")
                ImGui::TextDisabled("%s is read-only: nothing can change its bytes or size, so an export locks nothing.",
                                    who.c_str());
            for (uint64_t id : ex.views)
                if (const SceneView* v = find_view(app, id)) ImGui::BulletText("held by %s", view_label(*v).c_str());
            if (refused) ImGui::TextColored(ImVec4(1, 0.5f, 0.4f, 1), "this step: %s", refused->text.c_str());
            ImGui::EndTooltip();
        }
        x = z.x + 12;
    }
}

struct RowMarks {
    std::vector<bool> shared;
    std::vector<ImU32> written;  // 0: not written this step
    std::vector<bool> read;      // read this step
};

RowMarks row_marks(App& app, const Scene& scene, uint64_t block, uint64_t row_begin, float flash) {
    const int n = app.bytes_per_row;
    RowMarks m{std::vector<bool>(static_cast<size_t>(n), false), std::vector<ImU32>(static_cast<size_t>(n), 0),
               std::vector<bool>(static_cast<size_t>(n), false)};
    const uint64_t row_end = row_begin + static_cast<uint64_t>(n);
    for (const auto& ov : scene.overlaps) {
        if (ov.block != block) continue;
        for (const auto& p : engine::scene::overlap_pieces(ov, row_begin, row_end))
            for (uint64_t i = p.begin; i < p.end; ++i) m.shared[static_cast<size_t>(i - row_begin)] = true;
    }
    for (const auto& w : scene.writes) {
        if (w.block != block) continue;
        ImU32 c = IM_COL32(255, 255, 255, static_cast<int>(200 * flash));
        if (w.through_view)
            if (const SceneView* v = find_view(app, w.through)) c = view_colour(v->color, 0.9f * flash);
        auto mark = [&](uint64_t a, uint64_t b) {
            for (uint64_t i = std::max(a, row_begin); i < std::min(b, row_end); ++i)
                m.written[static_cast<size_t>(i - row_begin)] = c;
        };
        if (w.pieces.empty()) mark(w.begin, w.end);
        for (const auto& p : w.pieces) mark(p.begin, p.end);
    }
    for (const auto& r : scene.reads) {
        if (r.block != block) continue;
        auto mark = [&](uint64_t a, uint64_t b) {
            for (uint64_t i = std::max(a, row_begin); i < std::min(b, row_end); ++i)
                m.read[static_cast<size_t>(i - row_begin)] = true;
        };
        if (r.pieces.empty()) mark(r.begin, r.end);
        for (const auto& p : r.pieces) mark(p.begin, p.end);
    }
    return m;
}

void draw_row(App& app, ImDrawList* dl, ImVec2 o, const BlockPlacement& b, const Scene& scene,
              uint64_t row, float flash) {
    const CanvasSettings& s = app.canvas;
    const auto bpr = static_cast<uint64_t>(app.bytes_per_row);
    const uint64_t row_begin = row * bpr;
    const float y = o.y + b.rows_top + static_cast<float>(row) * b.row_h;
    const float text_dy = (s.cell_h - ImGui::GetTextLineHeight()) * 0.5f;
    const engine::scene::SceneBlock* sb = scene.blocks.empty() ? nullptr : &scene.blocks.front();

    // The row's first offset (the address is in the block's header and the byte's tooltip).
    std::string addr = fmt::format("[{}]", row_begin);
    dl->AddText(ImVec2(o.x + 4, y + text_dy), kGutterText, addr.c_str());

    const RowMarks marks = row_marks(app, scene, b.block, row_begin, flash);
    for (int col = 0; col < app.bytes_per_row; ++col) {
        const uint64_t off = row_begin + static_cast<uint64_t>(col);
        if (off >= b.size) break;
        const ImVec2 a(o.x + hex_x(s, col), y);
        const ImVec2 z(a.x + s.cell_w - 2, y + s.cell_h - 1);
        dl->AddRectFilled(a, z, kCellBg, 2.0f);
        const bool selected = app.selection && app.selection->block == b.block && off >= app.selection->begin &&
                              off < app.selection->end;
        if (marks.shared[static_cast<size_t>(col)]) draw_pattern(dl, a, z, LanePattern::Stripes, kSharedHatch);
        if (ImU32 w = marks.written[static_cast<size_t>(col)]) {
            dl->AddRectFilled(a, z, w, 2.0f);
            dl->AddRectFilled(ImVec2(o.x + ascii_x(s, col), y), ImVec2(o.x + ascii_x(s, col) + s.char_w, z.y), w);
        }
        if (marks.read[static_cast<size_t>(col)]) {
            // Read this step: a bright bar over the cell and a thin outline.
            dl->AddRect(a, z, kReadMark, 2.0f, 0, 1.5f);
            dl->AddRectFilled(ImVec2(a.x + 1, a.y), ImVec2(z.x - 1, a.y + 3), kReadMark);
            probe_mark(app, "read", b.block, off, "", "", a, z);
        }
        if (selected) {
            dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(z.x + 1, z.y + 1), kSelection, 2.0f, 0, 2.0f);
            dl->AddRectFilled(ImVec2(o.x + ascii_x(s, col), y), ImVec2(o.x + ascii_x(s, col) + s.char_w, z.y),
                              kSelectionFill);
        }
        int value = -1;
        if (sb && off >= sb->window_begin && off < sb->window_end) value = sb->bytes[static_cast<size_t>(off - sb->window_begin)];
        if (app.probe) {
            ProbeItem p;
            p.kind = "cell";
            p.block = b.block;
            p.offset = off;
            p.shared = marks.shared[static_cast<size_t>(col)];
            p.written = marks.written[static_cast<size_t>(col)] != 0;
            p.x0 = a.x, p.y0 = a.y, p.x1 = z.x, p.y1 = z.y;
            app.probe->push_back(p);
        }
        if (value < 0) continue;
        char hex[3];
        std::snprintf(hex, sizeof hex, "%02x", value);
        const ImU32 tc = value == 0 ? kZeroText : kCellText;
        dl->AddText(ImVec2(a.x + (s.cell_w - 2 - s.char_w * 2) * 0.5f, y + text_dy), tc, hex);
        const char ch[2] = {static_cast<char>(value >= 32 && value < 127 ? value : '.'), 0};
        dl->AddText(ImVec2(o.x + ascii_x(s, col), y + text_dy), value >= 32 && value < 127 ? kCellText : kZeroText, ch);
    }

    // One lane per view: its elements under the bytes they cover.
    const float font = ImGui::GetFontSize();
    for (size_t lane = 0; lane < b.lanes.size(); ++lane) {
        const SceneView* v = view_in(scene, b.lanes[lane]);
        const SceneView* ov = find_view(app, b.lanes[lane]);
        if (!v || !ov) continue;
        const LaneLook look = lane_look(app, *ov);
        const bool tomb = look.kind == LaneLook::Tombstone;
        const bool temp = look.kind == LaneLook::Temporary;
        const float ly = y + s.cell_h + static_cast<float>(lane) * s.lane_h;
        const ImU32 colour = tomb ? kReleasedColour : view_colour(v->color);
        const bool hot = app.hovered_view == v->id || app.selected_view == v->id;
        // The view's name in the gutter, in its colour, at the UI font size when the lane has room.
        const float fs = std::min(font, s.lane_h);
        const std::string full = look.label;
        const float room = s.gutter_w - 12;
        std::string name = full;
        const float cw = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, "M").x;
        if (cw > 0) name = elide(full, static_cast<size_t>(std::max(3.0f, room / cw)));
        const float tw = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, name.c_str()).x;
        const ImVec2 na(o.x + s.gutter_w - tw - 8, ly + (s.lane_h - fs) * 0.5f);
        dl->AddText(nullptr, fs, na, colour, name.c_str());
        if (name != full && ImGui::IsWindowHovered() &&
            ImGui::IsMouseHoveringRect(na, ImVec2(na.x + tw, na.y + fs)))
            ImGui::SetTooltip("%s", full.c_str());
        float span0 = FLT_MAX, span1 = -FLT_MAX;
        for (const LaneCell& c : lane_cells(*v, row_begin, app.bytes_per_row)) {
            float x0 = o.x + hex_x(s, c.col), x1 = o.x + hex_x(s, c.col + c.len - 1) + s.cell_w - 2;
            if (c.starts_element) x0 += 1.5f;
            if (c.ends_element) x1 -= 1.5f;
            span0 = std::min(span0, x0);
            span1 = std::max(span1, x1);
            const float inset = std::max(1.0f, (s.lane_h - std::max(6.0f, font * 0.55f)) * 0.5f);
            const ImVec2 a(x0, ly + inset), z(x1, ly + s.lane_h - inset);
            if (app.probe) {
                for (int k = 0; k < c.len; ++k) {
                    ProbeItem p;
                    p.kind = "lane";
                    p.block = b.block;
                    p.offset = row_begin + static_cast<uint64_t>(c.col + k);
                    p.view = view_label(*ov);
                    p.state = engine::trace::view_state_name(v->state);
                    p.colour = colour;
                    p.x0 = a.x, p.y0 = a.y, p.x1 = z.x, p.y1 = z.y;
                    app.probe->push_back(p);
                }
            }
            const bool element_hot = hot && app.hovered_element >= 0 &&
                                     c.element == static_cast<uint64_t>(app.hovered_element);
            if (tomb) {
                draw_dashed_rect(dl, a, z, colour);
            } else if (temp) {
                // A temporary's window: its colour, outlined, dashed fill.
                dl->AddRect(a, z, colour, 1.5f, 0, 1.5f);
                draw_pattern(dl, a, z, LanePattern::Stripes, view_colour(v->color, 0.6f));
            } else {
                const LanePattern p = view_pattern(v->color);
                dl->AddRectFilled(a, z, view_colour(v->color, p == LanePattern::Solid ? 0.95f : 0.45f), 1.5f);
                draw_pattern(dl, a, z, p, view_colour(v->color));
            }
            if (hot || temp) {
                // Outline the covered bytes of the hovered/selected view (a temporary's always).
                const ImVec2 ca(x0 - 1, y), cz(x1 + 1, y + s.cell_h - 1);
                dl->AddRect(ca, cz, view_colour(v->color, element_hot ? 1.0f : 0.55f), 2.0f, 0,
                            element_hot || temp ? 2.5f : 1.0f);
            }
        }
        if (tomb && span1 > span0) {
            // The tombstone / temporary says what it is, inside its lane.
            const char* word = look.word.c_str();
            const float ww = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, word).x;
            const ImVec2 wa(span0 + 4, ly + (s.lane_h - fs) * 0.5f);
            if (ww + 8 < span1 - span0) {
                dl->AddRectFilled(ImVec2(wa.x - 2, ly + 1), ImVec2(wa.x + ww + 2, ly + s.lane_h - 1),
                                  IM_COL32(23, 25, 29, 230));
                dl->AddText(nullptr, fs, wa, kTombText, word);
            }
        }
        if ((tomb || temp) && span1 > span0) {
            probe_mark(app, temp ? "temporary" : "tombstone", b.block, row_begin, look.probe_label,
                       engine::trace::view_state_name(v->state), ImVec2(span0, ly), ImVec2(span1, ly + s.lane_h));
        }
    }

    draw_fields(app, dl, o, b, row_begin, y + b.fields_y);
    draw_carets(app, dl, o, b, row_begin, y + b.carets_y);
}

void draw_tooltip(App& app, const ByteHit& hit) {
    const Scene* scene = nullptr;
    auto it = app.block_scenes.find(hit.block);
    if (it != app.block_scenes.end()) scene = &it->second;
    if (!scene || scene->blocks.empty()) return;
    const auto& sb = scene->blocks.front();
    ImGui::BeginTooltip();
    int value = -1;
    if (hit.offset >= sb.window_begin && hit.offset < sb.window_end)
        value = sb.bytes[static_cast<size_t>(hit.offset - sb.window_begin)];
    ImGui::Text("0x%llx  %s[%llu]", static_cast<unsigned long long>(sb.address + hit.offset),
                block_label(sb).c_str(), static_cast<unsigned long long>(hit.offset));
    if (value >= 0)
        ImGui::Text("value %d  0x%02x  %s", value, value,
                    value >= 32 && value < 127 ? fmt::format("'{}'", static_cast<char>(value)).c_str() : "");
    int covering = 0;
    for (const auto& v : scene->views) {
        const auto elements = elements_at(v, hit.offset);
        if (elements.empty()) continue;
        const SceneView* ov = find_view(app, v.id);
        ++covering;
        std::string idx;
        for (size_t i = 0; i < elements.size() && i < 4; ++i) idx += (i ? ", " : "") + std::to_string(elements[i]);
        ImGui::PushStyleColor(ImGuiCol_Text, v.state == ViewState::Alive ? view_colour(v.color) : kReleasedColour);
        ImGui::Text("%s  element %s%s", ov ? view_label(*ov).c_str() : "view", idx.c_str(),
                    v.state == ViewState::Alive ? "" : "  (released)");
        ImGui::PopStyleColor();
    }
    if (covering == 0) ImGui::TextDisabled("no view covers this byte");
    else if (covering > 1) ImGui::TextDisabled("shared by %d views", covering);
    ImGui::EndTooltip();
}

void draw_toolbar(App& app) {
    // The legend first: always in sight, however narrow the panel.
    if (ImGui::SmallButton("?")) legend_open() = !legend_open();
    probe_last_item(app, "button", "?");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Legend: what each mark means");
    ImGui::SameLine();
    ImGui::TextDisabled("bytes/row");
    ImGui::SameLine();
    for (int n : {8, 16, 32}) {
        ImGui::SameLine();
        ImGui::PushID(n);
        if (ImGui::RadioButton(std::to_string(n).c_str(), app.bytes_per_row == n)) {
            app.bytes_per_row = n;
            app.block_scenes.clear();
        }
        ImGui::PopID();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("  zoom");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90 * app.ui_scale);
    ImGui::SliderFloat("##zoom", &app.zoom, 0.6f, 2.0f, "%.1fx");
    ImGui::SameLine();
    ImGui::Checkbox("temporaries", &app.show_unnamed);

    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Also show buffers that no name refers to and no view shows");
    if (app.session) {
        // The copy meter, always in sight.
        const auto& sc = app.overview;
        ImGui::TextDisabled("copied / allocated   this line: %s / %s    run: %s / %s",
                            byte_count(sc.step_meter.copied).c_str(), byte_count(sc.step_meter.allocated).c_str(),
                            byte_count(sc.run_meter.copied).c_str(), byte_count(sc.run_meter.allocated).c_str());
    }
}

// Drag over bytes to select them; right-click a selection for its menu (new
// view, set a byte), or a lane for its view's menu (release, slice, cast).
void handle_selection(App& app, bool hovering, const std::optional<LaneHit>& lane) {
    const auto& hit = app.hovered_byte;
    if (hovering && !lane && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        if (hit) app.selection = App::ByteSelection{hit->block, hit->offset, hit->offset + 1, hit->offset, true};
        else app.selection.reset();
    }
    if (app.selection && app.selection->dragging) {
        auto& sel = *app.selection;
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) sel.dragging = false;
        else if (hit && hit->block == sel.block) {
            sel.begin = std::min(sel.anchor, hit->offset);
            sel.end = std::max(sel.anchor, hit->offset) + 1;
        }
    }
    if (!hovering) return;
    const bool open_bytes = hit && !lane &&
                            (ImGui::IsMouseClicked(ImGuiMouseButton_Right) || ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left));
    if (lane && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        app.form.view = lane->view;
        ImGui::OpenPopup("view_menu");
    } else if (open_bytes) {
        const auto& sel = app.selection;
        if (!sel || sel->block != hit->block || hit->offset < sel->begin || hit->offset >= sel->end)
            app.selection = App::ByteSelection{hit->block, hit->offset, hit->offset + 1, hit->offset, false};
        app.selection->dragging = false;
        app.form.value[0] = 0;
        ImGui::OpenPopup("byte_menu");
    }
}

}  // namespace

void draw_memory_canvas(App& app) {
    if (app.session) draw_frames_strip(app);
    draw_toolbar(app);
    draw_legend(app);
    if (!app.session) {
        ImGui::TextDisabled("Run a program to see its buffers.");
        return;
    }
    ImGui::BeginChild("##canvas", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
    // Settings at the zoom, then scaled up so that a row fills the panel (small
    // buffers get big cells), and full-height lanes when there are few views.
    size_t max_lanes = 0;
    int cols = app.bytes_per_row;
    {
        ImGui::SetWindowFontScale(app.zoom);
        app.canvas = make_canvas_settings(app.bytes_per_row, ImGui::CalcTextSize("0").x, ImGui::GetTextLineHeight());
        app.canvas.show_unnamed = app.show_unnamed;
        std::vector<uint64_t> sizes;
        for (const BlockPlacement& b : place_blocks(app.overview, app.canvas)) {
            max_lanes = std::max(max_lanes, b.lanes.size());
            sizes.push_back(b.size);
        }
        cols = columns_needed(sizes, app.bytes_per_row);
        app.canvas.shown_cols = cols;
        const float avail = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize;
        const float fit = fit_scale(app.canvas, avail);
        if (fit > 1.01f) {
            ImGui::SetWindowFontScale(app.zoom * fit);
            app.canvas = make_canvas_settings(app.bytes_per_row, ImGui::CalcTextSize("0").x, ImGui::GetTextLineHeight());
            app.canvas.show_unnamed = app.show_unnamed;
            app.canvas.shown_cols = cols;
        }
    }
    if (max_lanes <= 8) app.canvas.lane_h = std::round(ImGui::GetTextLineHeight() + 2.0f);
    app.placements = place_blocks(app.overview, app.canvas);
    if (app.placements.empty()) ImGui::TextDisabled("No buffers at this step.");

    if (app.scroll_to) {
        for (const BlockPlacement& b : app.placements)
            if (b.block == app.scroll_to->block) {
                const uint64_t row = std::min(app.scroll_to->offset, b.size ? b.size - 1 : 0) /
                                     static_cast<uint64_t>(app.bytes_per_row);
                ImGui::SetScrollY(b.rows_top + static_cast<float>(row) * b.row_h - app.canvas.header_h);
            }
        app.scroll_to.reset();
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float y0 = ImGui::GetScrollY(), y1 = y0 + ImGui::GetWindowHeight();
    const float flash = std::max(0.45f, 1.0f - static_cast<float>(app.now - app.stepped_at) / 1.2f);

    const ImVec2 mouse = ImGui::GetMousePos();
    const float mx = mouse.x - origin.x, my = mouse.y - origin.y;
    const bool hovering = ImGui::IsWindowHovered();
    app.hovered_byte = hovering ? hit_byte(app.placements, app.canvas, mx, my) : std::nullopt;
    const auto lane = hovering ? hit_lane(app.placements, app.canvas, mx, my) : std::nullopt;
    if (hovering) app.hovered_view = lane ? lane->view : 0;
    if (lane && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) app.selected_view = lane->view;
    handle_selection(app, hovering, lane);

    for (const BlockPlacement& b : app.placements) {
        if (b.bottom() < y0 || b.top > y1) continue;
        draw_header(app, dl, origin, b);
        const RowSpan rows = visible_rows(b, y0, y1);
        if (rows.last <= rows.first) continue;
        const Scene& scene = block_scene(app, b.block, rows.first, rows.last - rows.first);
        for (uint64_t r = rows.first; r < rows.last; ++r) draw_row(app, dl, origin, b, scene, r, flash);
    }
    // Hovering a byte selects the element of the selected view under it (inspector highlight).
    if (app.hovered_byte) {
        app.hovered_element = -1;
        auto it = app.block_scenes.find(app.hovered_byte->block);
        if (it != app.block_scenes.end())
            if (const SceneView* v = view_in(it->second, app.selected_view)) {
                const auto e = elements_at(*v, app.hovered_byte->offset);
                if (!e.empty()) app.hovered_element = static_cast<int64_t>(e.front());
            }
        draw_tooltip(app, *app.hovered_byte);
    } else if (hovering) {
        app.hovered_element = -1;
    }
    ImGui::Dummy(ImVec2(canvas_width(app.canvas), canvas_height(app.placements)));
    draw_byte_menu(app);
    draw_view_menu(app);
    ImGui::EndChild();
}

}  // namespace app
