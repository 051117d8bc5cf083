// Timeline: run, step through the recorded steps, and what this step did in words.
#include <imgui.h>

#include <string>

#include "imgui_app/app.hpp"

namespace app {

void draw_timeline(App& app) {
    if (ImGui::Button("Run")) run_program(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run from the start (Ctrl+Enter)");
    ImGui::SameLine();
    ImGui::BeginDisabled(app.step_count == 0);
    if (ImGui::Button("|<")) seek(app, 1);
    ImGui::SameLine();
    if (ImGui::Button("<")) seek(app, app.step - 1);
    ImGui::SameLine();
    if (ImGui::Button(">")) seek(app, app.step + 1);
    ImGui::SameLine();
    if (ImGui::Button(">|")) seek(app, app.step_count);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    int step = static_cast<int>(app.step);
    std::string label = app.step_count == 0 ? std::string("no run yet")
                                            : "step %d of " + std::to_string(app.step_count) +
                                                  "   line " + std::to_string(app.overview.line);
    if (ImGui::SliderInt("##step", &step, 1, static_cast<int>(std::max<int64_t>(1, app.step_count)), label.c_str()))
        seek(app, step);
    ImGui::EndDisabled();

    // The step's events, in words.
    std::string words;
    for (const std::string& w : app.step_words) words += (words.empty() ? "" : ";  ") + w;
    if (app.overview.recording_stopped && app.step == app.step_count)
        words += "  (recording stopped at line " + std::to_string(app.overview.stopped_at_line) + ")";
    if (words.empty()) words = app.session ? "nothing happened to any buffer on this line" : app.status;
    ImGui::TextDisabled("%s", words.c_str());
    if (ImGui::IsItemHovered() && !app.step_words.empty()) {
        ImGui::BeginTooltip();
        for (const std::string& w : app.step_words) ImGui::BulletText("%s", w.c_str());
        ImGui::EndTooltip();
    }
}

}  // namespace app
