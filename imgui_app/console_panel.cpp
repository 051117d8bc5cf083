// Console: what the program has printed up to the current step (and the
// exception once its step is reached), each line linked to its step.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "imgui_app/app.hpp"
#include "imgui_app/text_fit.hpp"

namespace app {

void draw_console(App& app) {
    if (app.console.empty()) {
        ImGui::TextDisabled(app.session ? "The program printed nothing." : "Output appears here.");
        return;
    }
    bool any = false;
    for (size_t i = 0; i < app.console.size(); ++i) {
        const ConsoleLine& line = app.console[i];
        if (line.step > app.step) break;  // not printed yet (lines are in step order)
        any = true;
        ImGui::PushID(static_cast<int>(i));
        const bool current = line.step == app.step;
        if (line.error) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 100, 255));
        else ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(214, 218, 226, 255));
        // Clicking a line goes to the step that printed it. A line wider than the
        // panel is elided; the tooltip has it whole.
        const float room = ImGui::GetContentRegionAvail().x;
        const std::string shown = elide(line.text, std::max(0.0f, room), text_width);
        const std::string id = shown + "##line";
        if (ImGui::Selectable(id.c_str(), current)) seek(app, line.step);
        const bool elided = shown.size() != line.text.size();
        if (ImGui::IsItemHovered()) {
            if (elided) ImGui::SetTooltip("%s\n(step %lld)", line.text.c_str(), static_cast<long long>(line.step));
            else ImGui::SetTooltip("step %lld", static_cast<long long>(line.step));
        }
        probe_text_item(app, "label", line.text, text_width(shown), elided);
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (!any) ImGui::TextDisabled("Nothing printed yet at this step.");
}

}  // namespace app
