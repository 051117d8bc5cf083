// Lessons: the curriculum's lessons and tasks (embedded: lessons.hpp,
// tasks.hpp). Opening a lesson puts its program in the code panel and runs it
// from step 1; its narrative stays here while the learner steps and edits.
// Opening a task loads its starter; Check runs it with the task's check and
// the copy meter decides against the budget; after an attempt the solution
// can be shown beside the learner's code.
#include <imgui.h>

#include <fmt/format.h>

#include "imgui_app/app.hpp"
#include "imgui_app/lessons.hpp"
#include "imgui_app/tasks.hpp"
#include "imgui_app/text_fit.hpp"

namespace app {

namespace {

constexpr const char* kRanks[] = {"", "beginner", "easy", "intermediate", "advanced", "professional"};
constexpr ImU32 kPassColour = IM_COL32(120, 200, 140, 255);
constexpr ImU32 kFailColour = IM_COL32(255, 170, 90, 255);

// A lesson's or a task's program in the code panel, run from step 1.
void open_program_text(App& app, const std::string& source, std::string status) {
    load_program(app, source);
    app.status = std::move(status);
}

void open_lesson(App& app, const Lesson& l) {
    app.lesson = l.file;
    app.task.clear();
    app.show_lesson_list = false;
    open_program_text(app, l.program, fmt::format("lesson {}{}: {}", l.track, l.order, l.title));
}

void open_task(App& app, const Task& t) {
    app.task = t.file;
    app.task_result.reset();
    app.show_solution = false;
    app.show_lesson_list = false;
    open_program_text(app, task_program(t), fmt::format("task: {}", t.title));
}

std::string lesson_code(const Lesson& l) { return fmt::format("{}{}", l.track, l.order); }

void task_entry(App& app, const Task& t) {
    const std::string label = fmt::format("rank {}  {}", t.rank, t.title);
    if (selectable_fit(app, label, app.task == t.file)) open_task(app, t);
}

void draw_list(App& app) {
    std::string track;
    for (const Lesson& l : lessons()) {
        if (l.track != track) {
            track = l.track;
            ImGui::Spacing();
            text_fit(app, fmt::format("Track {}: {}", l.track, track_name(l.track)), -1.0f, true);
        }
        const std::string label = fmt::format("{}  {}", lesson_code(l), l.title);
        if (selectable_fit(app, label, app.lesson == l.file && app.task.empty())) open_lesson(app, l);
    }
    ImGui::Spacing();
    text_fit(app, "Tasks, checked with the copy meter", -1.0f, true);
    for (const Task& t : tasks()) task_entry(app, t);
}

void draw_solution_window(App& app, const Task& t) {
    if (!app.show_solution) return;
    ImGui::SetNextWindowSize(ImVec2(760 * app.ui_scale, 420 * app.ui_scale), ImGuiCond_Appearing);
    if (!ImGui::Begin(fmt::format("Solution: {}###solution", t.title).c_str(), &app.show_solution,
                      ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return;
    }
    const TaskResult sol = check_task(t, solution_program(t));
    if (ImGui::BeginTable("##compare", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("Your code");
        if (app.task_result)
            ImGui::TextDisabled("copied %llu, allocated %llu bytes", static_cast<unsigned long long>(app.task_result->copied),
                                static_cast<unsigned long long>(app.task_result->allocated));
        ImGui::TextUnformatted(app.source.c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled("Solution");
        ImGui::TextDisabled("copied %llu, allocated %llu bytes", static_cast<unsigned long long>(sol.copied),
                            static_cast<unsigned long long>(sol.allocated));
        ImGui::TextUnformatted(solution_program(t).c_str());
        ImGui::EndTable();
    }
    if (ImGui::Button("Use the solution")) {
        open_program_text(app, solution_program(t), "task: the solution is in the code panel");
        app.task_result.reset();
    }
    ImGui::End();
}

void draw_task(App& app, const Task& t) {
    ImGui::TextDisabled("Task  rank %d (%s)  practises %s", t.rank, kRanks[t.rank], t.lesson.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(235, 238, 245, 255));
    ImGui::TextWrapped("%s", t.title.c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", t.goal.c_str());
    ImGui::TextDisabled("budget: copy %llu, allocate %llu bytes", static_cast<unsigned long long>(t.budget_copied),
                        static_cast<unsigned long long>(t.budget_allocated));
    if (ImGui::Button("Check")) app.task_result = check_task(t, app.source);
    probe_last_item(app, "button", "Check");
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.task_result);
    if (ImGui::Button("Solution")) app.show_solution = true;
    probe_last_item(app, "button", "Solution");
    ImGui::EndDisabled();
    if (!app.task_result && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Check an attempt first");
    ImGui::SameLine();
    if (ImGui::SmallButton("restart")) open_task(app, t);
    ImGui::SameLine();
    if (ImGui::SmallButton("list")) app.show_lesson_list = true;
    if (app.task_result) {
        ImGui::PushStyleColor(ImGuiCol_Text, app.task_result->passed ? kPassColour : kFailColour);
        ImGui::TextWrapped("%s", app.task_result->message.c_str());
        ImGui::PopStyleColor();
    }
    draw_solution_window(app, t);
}

void draw_lesson(App& app, const std::vector<Lesson>& all, size_t at) {
    const Lesson& l = all[at];
    ImGui::TextDisabled("%s  %zu of %zu", lesson_code(l).c_str(), at + 1, all.size());
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
    bool first = true;
    for (const Task& t : tasks()) {
        if (t.lesson != lesson_code(l)) continue;
        if (first) {
            ImGui::Spacing();
            ImGui::TextDisabled("Try it:");
            first = false;
        }
        task_entry(app, t);
    }
    ImGui::EndChild();
}

}  // namespace

void draw_lessons(App& app) {
    const auto& all = lessons();
    if (app.lesson.empty() && app.task.empty()) {
        // A lesson that arrived another way (a shared link, File > Open) is still that lesson.
        for (const Lesson& l : all)
            if (l.program == app.source) app.lesson = l.file;
    }
    const Task* task = nullptr;
    for (const Task& t : tasks())
        if (t.file == app.task) task = &t;
    size_t at = all.size();
    for (size_t i = 0; i < all.size(); ++i)
        if (all[i].file == app.lesson) at = i;
    if (app.show_lesson_list || (!task && at == all.size())) {
        ImGui::TextDisabled("Open a lesson to step through it:");
        draw_list(app);
        if ((task || at != all.size()) && ImGui::Button("Back")) app.show_lesson_list = false;
        return;
    }
    if (task) draw_task(app, *task);
    else draw_lesson(app, all, at);
}

}  // namespace app
