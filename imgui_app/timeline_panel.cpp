// Timeline: run, step through the recorded steps, and what this step did in words.
#include <imgui.h>

#include <string>

#include "imgui_app/app.hpp"
#include "imgui_app/text_fit.hpp"

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
    // The slider carries no text (its handle covered it); the words go after it.
    int step = static_cast<int>(app.step);
    const std::string label = app.step_count == 0 ? std::string("no run yet")
                                                  : "step " + std::to_string(app.step) + " of " +
                                                        std::to_string(app.step_count) + "   line " +
                                                        std::to_string(app.overview.line);
    const float label_w = text_width(label) + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 4, ImGui::GetContentRegionAvail().x - label_w));
    if (ImGui::SliderInt("##step", &step, 1, static_cast<int>(std::max<int64_t>(1, app.step_count)), ""))
        seek(app, step);
    ImGui::EndDisabled();
    ImGui::SameLine();
    text_fit(app, label);

    // The step's events, in words.
    std::string words;
    for (const std::string& w : app.step_words) words += (words.empty() ? "" : ";  ") + w;
    if (app.overview.recording_stopped && app.step == app.step_count)
        words += "  (recording stopped at line " + std::to_string(app.overview.stopped_at_line) + ")";
    if (words.empty()) words = app.session ? "nothing happened to any buffer on this line" : app.status;
    const bool cut = text_fit(app, words, -1.0f, true);  // elided words show whole on hover
    if (!cut && ImGui::IsItemHovered() && !app.step_words.empty()) {
        ImGui::BeginTooltip();
        for (const std::string& w : app.step_words) ImGui::BulletText("%s", w.c_str());
        ImGui::EndTooltip();
    }
}

}  // namespace app
