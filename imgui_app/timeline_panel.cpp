// Timeline: run and step through the recorded steps.
#include <imgui.h>

#include "imgui_app/app.hpp"

namespace app {

void draw_timeline(App& app) {
    ImGui::Button("Run");
    ImGui::SameLine();
    ImGui::BeginDisabled(app.step_count == 0);
    ImGui::Button("|<");
    ImGui::SameLine();
    ImGui::Button("<");
    ImGui::SameLine();
    ImGui::Button(">");
    ImGui::SameLine();
    ImGui::Button(">|");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    int step = app.step;
    ImGui::SliderInt("##step", &step, 0, app.step_count, app.step_count == 0 ? "no run yet" : "step %d");
    ImGui::EndDisabled();

}

}  // namespace app
