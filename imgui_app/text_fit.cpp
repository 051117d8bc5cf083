#include "imgui_app/text_fit.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "imgui_app/app.hpp"

namespace app {

std::string elide(std::string_view text, float max_width, const std::function<float(std::string_view)>& measure) {
    if (measure(text) <= max_width) return std::string(text);
    constexpr std::string_view dots = "...";
    if (measure(dots) > max_width) return {};
    // Character boundaries (UTF-8: not a continuation byte 10xxxxxx); binary search the longest fit.
    std::vector<size_t> cuts;
    for (size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
    size_t lo = 0, hi = cuts.size();  // cuts[lo] fits (cut 0 = "" + dots fits); find the last that fits
    while (hi - lo > 1) {
        const size_t mid = (lo + hi) / 2;
        std::string candidate(text.substr(0, cuts[mid]));
        candidate += dots;
        if (measure(candidate) <= max_width) lo = mid;
        else hi = mid;
    }
    std::string out(text.substr(0, cuts[lo]));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(dots);
}

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

void probe_text_item(App& app, const char* kind, std::string_view text, float drawn_width, bool elided) {
    if (!app.probe) return;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ProbeItem p;
    p.kind = kind;
    p.view = std::string(text);  // where older probe readers look for a label
    p.text = std::string(text);
    p.elided = elided;
    p.text_w = drawn_width;
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    p.x0 = a.x, p.y0 = a.y, p.x1 = b.x, p.y1 = b.y;
    const ImRect clip = window->ClipRect;
    p.panel = window->RootWindow ? window->RootWindow->Name : window->Name;
    const ImGuiWindow* root = window->RootWindow ? window->RootWindow : window;
    p.px0 = root->Pos.x, p.py0 = root->Pos.y, p.px1 = root->Pos.x + root->Size.x, p.py1 = root->Pos.y + root->Size.y;
    // Scrolled wholly out of view: not drawn, nothing to check.
    if (b.y <= clip.Min.y || a.y >= clip.Max.y || b.x <= clip.Min.x || a.x >= clip.Max.x) return;
    constexpr float slack = 0.5f;
    p.clipped = a.x < clip.Min.x - slack || b.x > clip.Max.x + slack || a.y < clip.Min.y - slack ||
                b.y > clip.Max.y + slack;
    app.probe->push_back(std::move(p));
}

bool text_fit(App& app, std::string_view text, float max_width, bool disabled) {
    if (max_width < 0) max_width = ImGui::GetContentRegionAvail().x;
    const std::string shown = elide(text, std::max(0.0f, max_width), text_width);
    const bool elided = shown.size() != text.size();
    if (disabled) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
    if (disabled) ImGui::PopStyleColor();
    if (elided && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
        ImGui::TextUnformatted(text.data(), text.data() + text.size());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    probe_text_item(app, "label", text, text_width(shown), elided);
    return elided;
}

bool button_fit(App& app, std::string_view label, float max_width, const char* id) {
    const ImGuiStyle& style = ImGui::GetStyle();
    if (max_width < 0) max_width = ImGui::GetContentRegionAvail().x;
    const std::string shown = elide(label, std::max(0.0f, max_width - 2 * style.FramePadding.x), text_width);
    const bool elided = shown.size() != label.size();
    const std::string full = shown + "##" + (id ? std::string(id) : std::string(label));
    const bool clicked = ImGui::Button(full.c_str());
    if (elided && ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(label.size()), label.data());
    probe_text_item(app, "button", label, text_width(shown), elided);
    return clicked;
}

}  // namespace app
