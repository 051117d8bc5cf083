// Lessons: the curriculum's lessons (embedded, lessons.hpp), grouped by track.
// Opening one puts its program in the code panel and runs it from step 1; its
// narrative stays here while the learner steps through and edits it.
#include <imgui.h>

#include <fmt/format.h>

#include "imgui_app/app.hpp"
#include "imgui_app/lessons.hpp"

namespace app {

namespace {

void open_lesson(App& app, const Lesson& l) {
    app.lesson = l.file;
    app.source = l.program;
    app.file_path.clear();
    app.saved_source.clear();
    app.selection.reset();
    app.step = 0;
    run_program(app);
    app.status = fmt::format("lesson {}{}: {}", l.track, l.order, l.title);
}

void draw_list(App& app) {
    std::string track;
    for (const Lesson& l : lessons()) {
        if (l.track != track) {
            track = l.track;
            ImGui::Spacing();
            ImGui::TextDisabled("Track %s: %s", l.track.c_str(), track_name(l.track));
        }
        const std::string label = fmt::format("{}{}  {}", l.track, l.order, l.title);
        if (ImGui::Selectable(label.c_str(), app.lesson == l.file)) open_lesson(app, l);
        probe_last_item(app, "button", label);
    }
}

}  // namespace

void draw_lessons(App& app) {
    const auto& all = lessons();
    size_t at = all.size();
    for (size_t i = 0; i < all.size(); ++i)
        if (all[i].file == app.lesson) at = i;
    if (at == all.size() || app.show_lesson_list) {
        ImGui::TextDisabled("Open a lesson to step through it:");
        draw_list(app);
        if (at != all.size() && ImGui::Button("Back to the lesson")) app.show_lesson_list = false;
        return;
    }
    const Lesson& l = all[at];
    ImGui::TextDisabled("%s%d  %zu of %zu", l.track.c_str(), l.order, at + 1, all.size());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Track %s: %s", l.track.c_str(), track_name(l.track));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(235, 238, 245, 255));
    ImGui::TextWrapped("%s", l.title.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::BeginDisabled(at == 0);
    if (ImGui::SmallButton("<")) open_lesson(app, all[at - 1]);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(at + 1 >= all.size());
    if (ImGui::SmallButton(">")) open_lesson(app, all[at + 1]);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::SmallButton("restart")) open_lesson(app, l);
    probe_last_item(app, "button", "restart");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Put the lesson's program back, undoing your edits");
    ImGui::SameLine();
    if (ImGui::SmallButton("list")) app.show_lesson_list = true;
    ImGui::Separator();
    ImGui::BeginChild("##narrative");
    ImGui::TextWrapped("%s", l.narrative.c_str());
    if (app.source != l.program) {
        ImGui::Spacing();
        ImGui::TextDisabled("(you have edited the program; restart brings the lesson's back)");
    }
    ImGui::EndChild();
}

}  // namespace app
