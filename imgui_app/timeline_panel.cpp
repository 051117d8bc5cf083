// Timeline: run, step through the recorded steps, the copy sparkline with the
// refusal and exception marks (click to go there), and what this step did in
// words.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "imgui_app/app.hpp"
#include "imgui_app/picture.hpp"
#include "imgui_app/scene_text.hpp"
#include "imgui_app/text_fit.hpp"

namespace app {

namespace {

// The whole run's marks, and this step's story, computed once per run / step.
struct TimelineCache {
    const void* session = nullptr;
    std::string source;
    int64_t steps = -1;
    engine::scene::TimelineMarks marks;
    uint64_t peak = 0;
    int64_t story_step = -1;
    std::string story;
    std::vector<std::string> sentences;
};

TimelineCache& cache(App& app) {
    static TimelineCache c;
    if (c.session != app.session.get() || c.steps != app.step_count || c.source != app.ran_source) {
        c.session = app.session.get();
        c.steps = app.step_count;
        c.source = app.ran_source;
        c.marks = engine::scene::timeline_marks(app.session->trace());
        c.peak = 0;
        for (const auto& m : c.marks.meters) c.peak = std::max(c.peak, m.copied + m.allocated);
        c.story_step = -1;
    }
    return c;
}

// The step's line of source, stripped of indentation and comment.
std::string code_line(const App& app, int line) {
    size_t at = 0;
    for (int l = 1; l < line && at != std::string::npos; ++l) {
        at = app.ran_source.find('\n', at);
        if (at != std::string::npos) ++at;
    }
    if (at == std::string::npos || line <= 0) return {};
    std::string text = app.ran_source.substr(at, app.ran_source.find('\n', at) - at);
    if (const size_t hash = text.find("  #"); hash != std::string::npos) text.resize(hash);
    const size_t b = text.find_first_not_of(" \t");
    const size_t e = text.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
}

// Bytes copied (amber) and allocated (blue) per step as bars along the step
// slider, each under the slider's grab position for its step; refusals (red)
// and exceptions (orange) as ticks. Clicking there moves the slider, and so
// seeks, to that step.
void draw_sparkline(App& app, TimelineCache& c, ImVec2 a, ImVec2 z, bool hovered) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int64_t n = std::max<int64_t>(1, app.step_count);
    // ImGui's slider: the grab (of grab_sz) travels over the frame less 2 px each side.
    const float frame_w = z.x - a.x;
    const float grab_sz = std::min(frame_w, std::max(frame_w / static_cast<float>(n), ImGui::GetStyle().GrabMinSize));
    const float travel = frame_w - 4.0f - grab_sz;
    auto x_of = [&](int64_t s) {
        const float t = n > 1 ? static_cast<float>(s - 1) / static_cast<float>(n - 1) : 0.0f;
        return a.x + 2.0f + grab_sz * 0.5f + t * travel;
    };
    const float bar = std::clamp(travel / static_cast<float>(n) - 1.0f, 1.0f, 6.0f);
    const float height = (z.y - a.y) * 0.45f;
    const double top = std::log1p(static_cast<double>(std::max<uint64_t>(c.peak, 1)));
    auto h_of = [&](uint64_t v) {
        return v == 0 ? 0.0f : std::max(2.0f, static_cast<float>(std::log1p(static_cast<double>(v)) / top) * height);
    };
    const float base = z.y - 1;
    for (int64_t s = 1; s <= app.step_count && s < static_cast<int64_t>(c.marks.meters.size()); ++s) {
        const auto& m = c.marks.meters[static_cast<size_t>(s)];
        if (m.copied + m.allocated == 0) continue;
        const float x = x_of(s) - bar * 0.5f;
        const float hc = h_of(m.copied), ht = h_of(m.copied + m.allocated);
        dl->AddRectFilled(ImVec2(x, base - ht), ImVec2(x + bar, base), IM_COL32(86, 180, 233, 220));
        if (hc > 0) dl->AddRectFilled(ImVec2(x, base - hc), ImVec2(x + bar, base), IM_COL32(230, 159, 0, 240));
        probe_mark(app, "spark", 0, static_cast<uint64_t>(s), fmt::format("copied {} allocated {}", m.copied, m.allocated),
                   "", ImVec2(x, base - ht), ImVec2(x + bar, base));
    }
    auto tick = [&](int64_t s, ImU32 col, const char* kind) {
        const float x = x_of(s);
        dl->AddTriangleFilled(ImVec2(x - 4, a.y + 1), ImVec2(x + 4, a.y + 1), ImVec2(x, a.y + 7), col);
        probe_mark(app, "mark", 0, static_cast<uint64_t>(s), kind, kind, ImVec2(x - 4, a.y), ImVec2(x + 4, a.y + 7));
    };
    for (int64_t s : c.marks.exceptions) tick(s, IM_COL32(255, 170, 60, 255), "exception");
    for (int64_t s : c.marks.refusals) tick(s, IM_COL32(255, 90, 80, 255), "refusal");
    if (!hovered) return;
    const float mx = ImGui::GetMousePos().x;
    const int64_t s = std::clamp<int64_t>(
        static_cast<int64_t>(std::lround((mx - a.x - 2.0f - grab_sz * 0.5f) / std::max(travel, 1.0f) *
                                         static_cast<float>(n - 1))) + 1, 1, n);
    if (s >= static_cast<int64_t>(c.marks.meters.size())) return;
    const auto& m = c.marks.meters[static_cast<size_t>(s)];
    const bool refused = std::find(c.marks.refusals.begin(), c.marks.refusals.end(), s) != c.marks.refusals.end();
    ImGui::SetTooltip("step %lld: copied %s, allocated %s%s", static_cast<long long>(s), byte_count(m.copied).c_str(),
                      byte_count(m.allocated).c_str(), refused ? "; an operation was refused" : "");
}

}  // namespace

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
    const ImVec2 slider_a = ImGui::GetItemRectMin(), slider_z = ImGui::GetItemRectMax();
    const bool slider_hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::EndDisabled();
    ImGui::SameLine();
    text_fit(app, label);

    std::string words;
    std::vector<std::string> sentences;
    if (app.session) {
        TimelineCache& c = cache(app);
        draw_sparkline(app, c, slider_a, slider_z, slider_hovered && !ImGui::IsMouseDown(ImGuiMouseButton_Left));
        if (c.story_step != app.step) {
            c.story_step = app.step;
            // describe_step reads byte values at the trace's position: the step's.
            if (app.session->trace().position() != app.step) (void)app.session->scene(app.step, app.overview.options);
            c.sentences = describe_step(app.session->trace(), app.step, app.overview, code_line(app, app.overview.line));
            c.story = step_story(code_line(app, app.overview.line), c.sentences);
        }
        words = c.story;
        sentences = c.sentences;
    }
    // The step's events, in words.
    if (app.overview.recording_stopped && app.step == app.step_count)
        words += "  (recording stopped at line " + std::to_string(app.overview.stopped_at_line) + ")";
    if (words.empty())
        words = app.session ? fmt::format("{}:  no buffer changed on this line", code_line(app, app.overview.line))
                            : app.status;
    const bool refused = !app.overview.refusals.empty();
    if (refused) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 150, 130, 255));
    else ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 205, 215, 255));
    ImGui::TextUnformatted(words.c_str());
    ImGui::PopStyleColor();
    probe_mark(app, "story", 0, static_cast<uint64_t>(app.step), words, refused ? "refused" : "",
               ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (ImGui::IsItemHovered() && !sentences.empty()) {
        ImGui::BeginTooltip();
        for (const std::string& w : sentences) ImGui::BulletText("%s", w.c_str());
        ImGui::EndTooltip();
    }
}

}  // namespace app
