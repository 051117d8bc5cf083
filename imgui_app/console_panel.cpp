// Console: printed output and the exception, each line linked to its step.
#include <imgui.h>

#include "imgui_app/app.hpp"

namespace app {

void draw_console(App& app) {
    if (app.console.empty()) {
        ImGui::TextDisabled(app.session ? "The program printed nothing." : "Output appears here.");
        return;
    }
    for (size_t i = 0; i < app.console.size(); ++i) {
        const ConsoleLine& line = app.console[i];
        ImGui::PushID(static_cast<int>(i));
        const bool current = line.step == app.step;
        if (line.error) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 100, 255));
        else if (line.step > app.step) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(120, 126, 138, 255));
        else ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(214, 218, 226, 255));
        // Clicking a line goes to the step that printed it.
        if (ImGui::Selectable(line.text.c_str(), current)) seek(app, line.step);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("step %lld", static_cast<long long>(line.step));
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

}  // namespace app
