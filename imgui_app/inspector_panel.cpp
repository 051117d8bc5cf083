// Inspector: the selected view's attributes and a table of its decoded
// elements (rows and columns for 2-D). Hovering an element highlights its
// bytes on the canvas; hovering a byte there highlights its element here.
#include <imgui.h>

#include <algorithm>
#include <fmt/format.h>

#include "engine/buffer/struct_codec.hpp"
#include "imgui_app/app.hpp"
#include "imgui_app/palette.hpp"
#include "imgui_app/scene_text.hpp"
#include "imgui_app/text_fit.hpp"

namespace app {

using engine::scene::SceneView;

namespace {

std::string join(const std::vector<int64_t>& v) {
    std::string s = "(";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + (v.size() == 1 ? ",)" : ")");
}

// A property row; a value too long for its column is elided, whole on hover.
void row(App& app, const char* key, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", key);
    ImGui::TableNextColumn();
    text_fit(app, value);
}

// Decoded element `index` of the view, read from the trace's bytes at this step.
std::string element_text(const std::vector<engine::scene::ElementRun>& runs, const SceneView& v,
                         const std::vector<uint8_t>& bytes, uint64_t index) {
    auto it = std::upper_bound(runs.begin(), runs.end(), index,
                               [](uint64_t i, const engine::scene::ElementRun& r) { return i < r.index; });
    if (it == runs.begin()) return "?";
    --it;
    if (index >= it->index + it->count) return "?";
    const int64_t at = static_cast<int64_t>(it->first) + static_cast<int64_t>(index - it->index) * it->stride;
    if (at < 0 || static_cast<uint64_t>(at) + it->itemsize > bytes.size()) return "?";
    auto items = engine::unpack(v.format, std::string_view(reinterpret_cast<const char*>(bytes.data()) + at, it->itemsize));
    if (!items) return "?";
    std::string s;
    for (size_t i = 0; i < items->size(); ++i) s += (i ? ", " : "") + (*items)[i].repr();
    return items->size() == 1 ? s : "(" + s + ")";
}

}  // namespace

void draw_inspector(App& app) {
    const SceneView* v = app.session ? find_view(app, app.selected_view) : nullptr;
    if (!v) {
        ImGui::TextDisabled("Select a view on the canvas.");
        return;
    }
    const bool alive = v->state == engine::trace::ViewState::Alive;
    ImGui::PushStyleColor(ImGuiCol_Text, alive ? view_colour(v->color) : kReleasedColour);
    ImGui::TextUnformatted(view_label(*v).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", engine::trace::view_state_name(v->state));
    ImGui::SameLine();
    if (ImGui::SmallButton("show")) app.scroll_to = ByteHit{v->block, static_cast<uint64_t>(std::max<int64_t>(v->offset, 0))};
    probe_last_item(app, "button", "show");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Scroll the canvas to this view's first element");

    const auto& trace = app.session->trace();
    const auto* info = trace.view(v->id);
    std::string obj = "?";
    for (const auto& ex : app.overview.exporters)
        if (ex.id == v->exporter) obj = (ex.names.empty() ? "a " + ex.type : names_label(ex.names)) + " (" + ex.type + ")";
    bool c_contig = true;
    {
        int64_t expect = v->itemsize;
        for (int d = v->ndim - 1; d >= 0 && d < static_cast<int>(v->strides.size()); --d) {
            if (v->shape[d] > 1 && v->strides[d] != expect) c_contig = false;
            expect *= v->shape[d];
        }
    }
    if (ImGui::BeginTable("##attrs", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        // The names fit their column; the values take the rest, elided when longer.
        ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        row(app, "format", fmt::format("'{}'", v->format));
        row(app, "itemsize", std::to_string(v->itemsize));
        row(app, "ndim", std::to_string(v->ndim));
        row(app, "shape", join(v->shape));
        row(app, "strides", join(v->strides));
        row(app, "offset", std::to_string(v->offset));
        row(app, "nbytes", std::to_string(v->nbytes));
        row(app, "readonly", v->readonly ? "True" : "False");
        row(app, "c_contiguous", c_contig ? "True" : "False");
        row(app, "obj", obj);
        ImGui::EndTable();
    }
    if (!alive || !info) {
        ImGui::TextDisabled(alive ? "" : "Released: any use raises ValueError.");
        return;
    }
    app.session->seek(app.step);
    const auto& blocks = trace.state().blocks;
    auto bit = blocks.find(v->block);
    if (bit == blocks.end()) return;
    const std::vector<engine::scene::ElementRun> runs = engine::scene::element_runs(*info);
    const auto count = static_cast<int>(std::min<uint64_t>(v->elements, 1u << 20));
    const int cols = v->ndim == 2 && !v->shape.empty() ? static_cast<int>(std::clamp<int64_t>(v->shape[1], 1, 16)) : 1;
    const int rows = v->ndim == 2 ? static_cast<int>(v->shape[0]) : count;
    ImGui::Separator();
    ImGui::TextDisabled("%d element%s%s", count, count == 1 ? "" : "s",
                        v->readonly ? "" : "  (double-click: assign)");
    bool open_editor = false;  // opened outside the table, where draw_item_editor looks for it
    if (ImGui::BeginTable("##elements", cols + 1, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                                      ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("#");
        for (int c = 0; c < cols; ++c) ImGui::TableSetupColumn(cols == 1 ? "value" : std::to_string(c).c_str());
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(rows);
        bool any_hover = false;
        while (clipper.Step()) {
            for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%d", r);
                for (int c = 0; c < cols; ++c) {
                    ImGui::TableNextColumn();
                    const uint64_t index = static_cast<uint64_t>(r) * static_cast<uint64_t>(v->ndim == 2 ? v->shape[1] : 1) + static_cast<uint64_t>(c);
                    const bool hot = app.hovered_element == static_cast<int64_t>(index);
                    ImGui::PushID(static_cast<int>(index));
                    if (hot) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, view_colour(v->color, 0.35f));
                    ImGui::TextUnformatted(element_text(runs, *v, bit->second.bytes, index).c_str());
                    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
                        app.form.view = v->id;
                        app.form.element = index;
                        app.form.value[0] = 0;
                        open_editor = true;
                    }
                    if (ImGui::IsItemHovered()) {
                        app.hovered_view = v->id;
                        app.hovered_element = static_cast<int64_t>(index);
                        any_hover = true;
                    }
                    ImGui::PopID();
                }
            }
        }
        if (!any_hover && ImGui::IsWindowHovered() && !app.hovered_byte) app.hovered_element = -1;
        ImGui::EndTable();
    }
    if (open_editor) ImGui::OpenPopup("item_editor");
    draw_item_editor(app);
}

}  // namespace app
