// Lane looks, struct field brackets and index carets: the canvas's marks for
// what a step read, where an index points and what a view has become.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <fmt/format.h>

#include "imgui_app/palette.hpp"
#include "imgui_app/picture.hpp"
#include "imgui_app/scene_text.hpp"

namespace app {

using engine::scene::Scene;
using engine::scene::SceneView;
using engine::trace::ViewState;

namespace {

constexpr ImU32 kFieldColour = IM_COL32(255, 214, 120, 255);
constexpr ImU32 kFieldWrite = IM_COL32(255, 150, 110, 255);
constexpr ImU32 kCaretColour = IM_COL32(250, 250, 250, 255);
constexpr ImU32 kCaretDim = IM_COL32(160, 166, 178, 255);

std::string bare_names(const SceneView& v) {
    return v.names.empty() ? fmt::format("view #{}", v.id) : bare_label(v.names);
}

const SceneView* view_of(const Scene& s, uint64_t id) {
    for (const auto& v : s.views)
        if (v.id == id) return &v;
    return nullptr;
}

}  // namespace

std::string bare_label(const std::vector<engine::scene::Name>& names) {
    std::vector<std::string> seen;
    std::string out;
    for (const auto& n : names) {
        if (std::find(seen.begin(), seen.end(), n.name) != seen.end()) continue;
        seen.push_back(n.name);
        out += (out.empty() ? "" : " = ") + n.name;
    }
    return out;
}

LaneLook lane_look(const SceneView& v, const Scene& overview) {
    LaneLook look;
    if (v.temporary) {
        look.kind = LaneLook::Temporary;
        // The window as its parent's slice when both are flat byte views: mv[4:8].
        const SceneView* p = view_of(overview, v.parent);
        if (p && p->itemsize > 0 && v.ndim == 1 && p->ndim == 1 && v.itemsize == p->itemsize &&
            v.offset >= p->offset) {
            const int64_t a = (v.offset - p->offset) / p->itemsize;
            look.probe_label = fmt::format("{}[{}:{}]", bare_names(*p), a, a + v.nbytes / std::max<int64_t>(1, v.itemsize));
        } else {
            look.probe_label = fmt::format("view ({} bytes)", v.nbytes);
        }
        look.label = look.probe_label;  // the window; its outlined, striped lane says "temporary" (legend)
        look.word = "temporary";
        return look;
    }
    look.label = bare_names(v);
    look.probe_label = look.label;
    if (v.state == ViewState::Alive) return look;
    look.kind = LaneLook::Tombstone;
    look.word = v.released_here ? "released here" : v.state == ViewState::Released ? "released" : "destroyed";
    look.label += v.state == ViewState::Destroyed && !v.released_here ? " (gone)" : " (released)";
    return look;
}

LaneLook lane_look(const App& app, const SceneView& v) {
    if (!v.names.empty() || v.temporary || !app.session || app.step <= 1) return lane_look(v, app.overview);
    // A view that lost its last name in this step (released as its function
    // returned) is still known by the name it had a moment ago.
    SceneView named = v;
    for (const auto& ref : app.session->trace().names(app.step - 1))
        if (ref.target == v.id) named.names.push_back({ref.function, ref.depth, ref.name});
    return lane_look(named, app.overview);
}

void probe_mark(App& app, const char* kind, uint64_t block, uint64_t offset, const std::string& label,
                const std::string& state, ImVec2 a, ImVec2 z) {
    if (!app.probe) return;
    ProbeItem p;
    p.kind = kind;
    p.block = block;
    p.offset = offset;
    // probe_json writes labels as they are: keep them valid JSON strings.
    for (char c : label) p.view += (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 32) ? '\'' : c;
    for (char c : state) p.state += (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 32) ? '\'' : c;
    p.x0 = a.x, p.y0 = a.y, p.x1 = z.x, p.y1 = z.y;
    app.probe->push_back(std::move(p));
}

std::string field_words(char code, char order) {
    const char* o = order == '>' || order == '!' ? "big-endian"
                    : order == '<'              ? "little-endian"
                                                : "native order";
    return fmt::format("{}, {}", code, o);
}

void draw_fields(App& app, ImDrawList* dl, ImVec2 origin, const BlockPlacement& b, uint64_t row_begin, float y) {
    const CanvasSettings& s = app.canvas;
    const uint64_t row_end = row_begin + static_cast<uint64_t>(app.bytes_per_row);
    const float line = ImGui::GetTextLineHeight();
    for (const auto& f : app.overview.fields) {
        if (f.block != b.block || f.end <= row_begin || f.begin >= row_end || f.end <= f.begin) continue;
        const uint64_t a = std::max(f.begin, row_begin), e = std::min(f.end, row_end);
        const float x0 = origin.x + hex_x(s, static_cast<int>(a - row_begin)) + 1;
        const float x1 = origin.x + hex_x(s, static_cast<int>(e - 1 - row_begin)) + s.cell_w - 3;
        const ImU32 c = f.write ? kFieldWrite : kFieldColour;
        // A bracket under the field's bytes: |____|
        dl->AddLine(ImVec2(x0, y), ImVec2(x0, y + 5), c, 1.5f);
        dl->AddLine(ImVec2(x1, y), ImVec2(x1, y + 5), c, 1.5f);
        dl->AddLine(ImVec2(x0, y + 5), ImVec2(x1, y + 5), c, 1.5f);
        const std::string label = fmt::format("{}{} {}", f.order == '@' ? "" : std::string(1, f.order), f.code, f.value);
        float fs = ImGui::GetFontSize();
        float tw = ImGui::CalcTextSize(label.c_str()).x;
        if (tw > x1 - x0 + s.char_w) {
            fs *= std::max(0.7f, (x1 - x0 + s.char_w) / tw);
            tw = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, label.c_str()).x;
        }
        const ImVec2 ta(std::max(x0, (x0 + x1 - tw) * 0.5f), y + 6);
        dl->AddText(nullptr, fs, ta, c, label.c_str());
        const ImVec2 ra(x0, y), rz(std::max(x1, ta.x + tw), y + 6 + line);
        probe_mark(app, "field", b.block, f.begin, label, f.value, ra, rz);
        if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(ra, rz)) {
            ImGui::BeginTooltip();
            ImGui::Text("struct field %d: %s", f.index, field_words(f.code, f.order).c_str());
            ImGui::Text("bytes %llu..%llu %s value %s", static_cast<unsigned long long>(f.begin),
                        static_cast<unsigned long long>(f.end - 1), f.write ? "written with" : "read as",
                        f.value.c_str());
            ImGui::EndTooltip();
        }
    }
}

void draw_carets(App& app, ImDrawList* dl, ImVec2 origin, const BlockPlacement& b, uint64_t row_begin, float y) {
    const CanvasSettings& s = app.canvas;
    const auto bpr = static_cast<uint64_t>(app.bytes_per_row);
    // Carets that share a byte share one label: "left = right".
    struct At {
        uint64_t byte;
        bool past_end, used;
        std::string label;
    };
    std::vector<At> here;
    for (const auto& c : app.overview.carets) {
        if (c.block != b.block) continue;
        // An end bound sits after the last byte, in that byte's row.
        const uint64_t cell = c.past_end && c.byte > 0 ? c.byte - 1 : c.byte;
        if (cell < row_begin || cell >= row_begin + bpr) continue;
        auto it = std::find_if(here.begin(), here.end(),
                               [&](const At& a) { return a.byte == c.byte && a.past_end == c.past_end; });
        const std::string one = fmt::format("{}={}", c.name, c.value);
        if (it == here.end()) here.push_back({c.byte, c.past_end, c.used_here, one});
        else {
            it->label += ", " + one;
            it->used |= c.used_here;
        }
    }
    std::sort(here.begin(), here.end(), [](const At& x, const At& z) { return x.byte < z.byte; });
    float last_end = -FLT_MAX;  // labels never overlap: a close one moves right
    for (const At& a : here) {
        const uint64_t cell = a.past_end && a.byte > 0 ? a.byte - 1 : a.byte;
        const int col = static_cast<int>(cell - row_begin);
        const float cx = a.past_end ? origin.x + hex_x(s, col) + s.cell_w - 1
                                    : origin.x + hex_x(s, col) + (s.cell_w - 2) * 0.5f;
        const ImU32 c = a.used ? kCaretColour : kCaretDim;
        const float h = std::min(8.0f, s.carets_h * 0.35f);
        dl->AddTriangleFilled(ImVec2(cx, y), ImVec2(cx - h * 0.7f, y + h), ImVec2(cx + h * 0.7f, y + h), c);
        const float tw = ImGui::CalcTextSize(a.label.c_str()).x;
        const float tx = std::max({origin.x + s.gutter_w, cx - tw * 0.5f, last_end + s.char_w});
        last_end = tx + tw;
        dl->AddText(ImVec2(tx, y + h), c, a.label.c_str());
        probe_mark(app, "caret", b.block, a.byte, a.label, a.used ? "used" : "", ImVec2(cx - h, y),
                   ImVec2(std::max(cx + h, tx + tw), y + h + ImGui::GetTextLineHeight()));
    }
}

}  // namespace app
