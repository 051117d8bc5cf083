// Frames strip: the module's variables and the current function's, with short
// values, at the top of the memory panel (Python Tutor's frames, in one or two
// lines each). A buffer or a view is shown by name in its lane's colour, and
// hovering it highlights its lane on the canvas.
#include <imgui.h>

#include <fmt/format.h>

#include "imgui_app/canvas_layout.hpp"
#include "imgui_app/palette.hpp"
#include "imgui_app/picture.hpp"
#include "imgui_app/scene_text.hpp"

namespace app {

namespace {

constexpr ImU32 kFrameName = IM_COL32(150, 158, 172, 255);
constexpr ImU32 kVarText = IM_COL32(214, 218, 226, 255);
constexpr ImU32 kChanged = IM_COL32(255, 214, 120, 255);
constexpr int kLinesPerFrame = 2;

void draw_frame(App& app, const engine::scene::SceneFrame& f) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const std::string title = f.depth == 0 ? std::string("module:") : f.function + "():";
    ImGui::PushStyleColor(ImGuiCol_Text, kFrameName);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    if (f.variables.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(no variables yet)");
        return;
    }
    int lines = 1;
    size_t shown = 0;
    for (const auto& v : f.variables) {
        const std::string value = elide(v.value, 24);
        const std::string chip = v.name + " = " + value;
        const float w = ImGui::CalcTextSize(chip.c_str()).x;
        ImGui::SameLine(0, ImGui::GetFontSize() * 0.9f);
        if (ImGui::GetCursorScreenPos().x + w > right) {
            if (lines == kLinesPerFrame) break;
            ++lines;
            ImGui::NewLine();
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetFontSize());
        }
        ImU32 colour = v.changed ? kChanged : kVarText;
        const engine::scene::SceneView* view = v.is_view ? find_view(app, v.target) : nullptr;
        if (view) colour = view->state == engine::trace::ViewState::Alive ? view_colour(view->color) : kReleasedColour;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(chip.c_str());
        ImGui::PopStyleColor();
        const ImVec2 z = ImGui::GetItemRectMax();
        if (v.changed) ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, z.y), z, kChanged, 1.0f);
        probe_mark(app, "variable", 0, v.target, v.name + " = " + v.value, v.changed ? "changed" : "", a, z);
        ++shown;
        if (ImGui::IsItemHovered()) {
            if (v.target) app.hovered_view = v.target;
            ImGui::BeginTooltip();
            ImGui::Text("%s (%s) = %s", v.name.c_str(), v.type.c_str(), v.value.c_str());
            if (view) ImGui::TextDisabled("a view: its lane is outlined on the canvas");
            if (v.changed) ImGui::TextDisabled("changed on this line");
            ImGui::EndTooltip();
        }
    }
    if (shown < f.variables.size()) {
        ImGui::SameLine();
        ImGui::TextDisabled("+%zu more", f.variables.size() - shown);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (size_t i = shown; i < f.variables.size(); ++i)
                ImGui::Text("%s = %s", f.variables[i].name.c_str(), f.variables[i].value.c_str());
            ImGui::EndTooltip();
        }
    }
    (void)line_h;
}

}  // namespace

void draw_frames_strip(App& app) {
    const auto& frames = app.overview.frames;
    if (frames.empty()) return;
    // The module, and the function running now (the innermost frame).
    draw_frame(app, frames.front());
    if (frames.size() > 1) draw_frame(app, frames.back());
    ImGui::Separator();
}

}  // namespace app
