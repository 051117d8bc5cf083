// The legend: what every mark on the canvas means, each drawn as it is drawn
// there. Opened from View > Legend or the "?" on the canvas.
#include <imgui.h>

#include "imgui_app/palette.hpp"
#include "imgui_app/picture.hpp"

namespace app {

namespace {

using Sample = void (*)(ImDrawList*, ImVec2, ImVec2);

void solid(ImDrawList* dl, ImVec2 a, ImVec2 z) { dl->AddRectFilled(a, z, view_colour(0), 1.5f); }
void hatched(ImDrawList* dl, ImVec2 a, ImVec2 z) {
    dl->AddRectFilled(a, z, IM_COL32(34, 37, 44, 255), 2.0f);
    dl->PushClipRect(a, z, true);
    for (float x = a.x - (z.y - a.y); x < z.x; x += 4.0f) dl->AddLine(ImVec2(x, z.y), ImVec2(x + z.y - a.y, a.y), IM_COL32(255, 255, 255, 110));
    dl->PopClipRect();
}
void dashed(ImDrawList* dl, ImVec2 a, ImVec2 z) {
    for (float x = a.x; x < z.x; x += 6.0f) {
        dl->AddLine(ImVec2(x, a.y), ImVec2(std::min(x + 3, z.x), a.y), kReleasedColour);
        dl->AddLine(ImVec2(x, z.y), ImVec2(std::min(x + 3, z.x), z.y), kReleasedColour);
    }
}
void flashing(ImDrawList* dl, ImVec2 a, ImVec2 z) { dl->AddRectFilled(a, z, view_colour(1, 0.9f), 2.0f); }
void temporary(ImDrawList* dl, ImVec2 a, ImVec2 z) {
    dl->AddRect(a, z, view_colour(2), 1.5f, 0, 1.5f);
    dl->PushClipRect(a, z, true);
    for (float x = a.x - (z.y - a.y); x < z.x; x += 4.0f) dl->AddLine(ImVec2(x, z.y), ImVec2(x + z.y - a.y, a.y), view_colour(2, 0.6f));
    dl->PopClipRect();
}
void read(ImDrawList* dl, ImVec2 a, ImVec2 z) {
    dl->AddRectFilled(a, z, IM_COL32(34, 37, 44, 255), 2.0f);
    dl->AddRect(a, z, IM_COL32(110, 220, 255, 255), 2.0f, 0, 1.5f);
    dl->AddRectFilled(ImVec2(a.x + 1, a.y), ImVec2(z.x - 1, a.y + 3), IM_COL32(110, 220, 255, 255));
}
void field(ImDrawList* dl, ImVec2 a, ImVec2 z) {
    const ImU32 c = IM_COL32(255, 214, 120, 255);
    dl->AddLine(ImVec2(a.x, a.y), ImVec2(a.x, z.y), c, 1.5f);
    dl->AddLine(ImVec2(z.x, a.y), ImVec2(z.x, z.y), c, 1.5f);
    dl->AddLine(ImVec2(a.x, z.y), z, c, 1.5f);
}
void caret(ImDrawList* dl, ImVec2 a, ImVec2 z) {
    const float cx = (a.x + z.x) * 0.5f;
    dl->AddTriangleFilled(ImVec2(cx, a.y), ImVec2(cx - 5, z.y), ImVec2(cx + 5, z.y), IM_COL32(250, 250, 250, 255));
}
void locked(ImDrawList* dl, ImVec2 a, ImVec2 z) { dl->AddRect(a, z, IM_COL32(255, 120, 100, 255), 3.0f); }
void refused(ImDrawList* dl, ImVec2 a, ImVec2 z) {
    dl->AddRectFilled(a, z, IM_COL32(255, 80, 60, 160), 3.0f);
    dl->AddRect(a, z, IM_COL32(255, 120, 100, 255), 3.0f, 0, 2.0f);
}

struct Entry {
    Sample sample;
    const char* text;
};
constexpr Entry kEntries[] = {
    {solid, "a view's lane: the bytes it shows (each view its own colour and texture)"},
    {hatched, "hatched byte: two or more live views see it (a write through one shows in all)"},
    {flashing, "flashing byte: written on this line, in the colour of the view written through"},
    {read, "blue bar: read on this line (item, slice, tobytes, struct.unpack...)"},
    {field, "bracket: one struct field, with its format code, byte order (> big, < little) and value"},
    {caret, "caret: an int variable used as an index, under the byte it points at"},
    {dashed, "dashed grey lane: a tombstone, a released view (it can no longer be used)"},
    {temporary, "outlined lane: a temporary view or slice, used on this line only"},
    {locked, "badge: LOCKED while views hold exports (resize/close raise BufferError)"},
    {refused, "flashing badge: an operation was refused on this line"},
};

}  // namespace

bool& legend_open() {
    static bool open = false;
    return open;
}

void draw_legend(App& app) {
    if (!legend_open()) return;
    ImGui::SetNextWindowSize(ImVec2(0, 0));
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Legend", &legend_open(), ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                                   ImGuiWindowFlags_NoCollapse)) {
        const float h = ImGui::GetTextLineHeight(), w = h * 2.4f;
        for (const Entry& e : kEntries) {
            const ImVec2 a = ImGui::GetCursorScreenPos();
            e.sample(ImGui::GetWindowDrawList(), ImVec2(a.x + 1, a.y + 2), ImVec2(a.x + w, a.y + h - 1));
            ImGui::Dummy(ImVec2(w, h));
            ImGui::SameLine();
            ImGui::TextUnformatted(e.text);
            probe_mark(app, "legend", 0, 0, e.text, "", a, ImVec2(a.x + w, a.y + h));
        }
        ImGui::Separator();
        ImGui::TextDisabled("Above the bytes: each frame's variables (yellow: changed on this line).");
        ImGui::TextDisabled("The timeline's sparkline: bytes copied and allocated per step; click to go there.");
    }
    ImGui::End();
}

}  // namespace app
