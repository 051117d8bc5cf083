// Direct manipulation menus: a byte selection's menu (new view, set a byte), a
// view's menu (release, slice, cast) and the inspector's item editor. Each shows
// the statement it will insert before it is applied; the edit itself comes
// from code_edits (pure, tested), and apply_edit re-runs the program.
#include <imgui.h>

#include <fmt/format.h>

#include "imgui_app/app.hpp"
#include "imgui_app/palette.hpp"
#include "imgui_app/scene_text.hpp"

namespace app {
namespace {

constexpr const char* kCastFormats[] = {"B", "b", "c", "H", "h", "I", "i", "L", "l", "Q", "q", "f", "d", "?"};

// The statement an action would insert, or why it cannot, then its button.
void offer(App& app, const EditResult& r, const char* button) {
    if (r.edit) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 210, 255, 255));
        ImGui::TextUnformatted(r.edit->statement.c_str());
        ImGui::PopStyleColor();
        const bool pressed = ImGui::Button(button);
        probe_last_item(app, "button", button);
        if (pressed) {
            const CodeEdit edit = *r.edit;
            ImGui::CloseCurrentPopup();
            apply_edit(app, edit);
        }
    } else {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::TextDisabled("%s", r.reason.c_str());
        ImGui::PopTextWrapPos();
    }
}

const engine::scene::SceneBlock* overview_block(const App& app, uint64_t id) {
    for (const auto& b : app.overview.blocks)
        if (b.id == id) return &b;
    return nullptr;
}

}  // namespace

void draw_byte_menu(App& app) {
    if (!ImGui::BeginPopup("byte_menu")) return;
    const auto& sel = app.selection;
    const auto* block = sel ? overview_block(app, sel->block) : nullptr;
    if (!sel || !block || !app.session) {
        ImGui::TextDisabled("Select bytes on a grid first.");
        ImGui::EndPopup();
        return;
    }
    const int line = app.overview.line;
    const uint64_t n = sel->end - sel->begin;
    ImGui::Text("%s  bytes %llu..%llu  (%s)", block_label(*block).c_str(), static_cast<unsigned long long>(sel->begin),
                static_cast<unsigned long long>(sel->end - 1), byte_count(n).c_str());
    ImGui::Separator();
    ImGui::TextDisabled("A view of these bytes, after line %d:", line);
    offer(app, edit_new_view(app.source, app.overview, sel->block, sel->begin, sel->end, line), "Insert view");
    ImGui::Separator();
    ImGui::TextDisabled("Set byte %llu to", static_cast<unsigned long long>(sel->begin));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##value", "65", app.form.value, sizeof app.form.value);
    if (app.form.value[0])
        offer(app, edit_set_byte(app.source, app.overview, sel->block, sel->begin, app.form.value, line), "Assign");
    ImGui::EndPopup();
}

void draw_view_menu(App& app) {
    if (!ImGui::BeginPopup("view_menu")) return;
    const engine::scene::SceneView* v = find_view(app, app.form.view);
    if (!v || !app.session) {
        ImGui::TextDisabled("That view is gone at this step.");
        ImGui::EndPopup();
        return;
    }
    const int line = app.overview.line;
    ImGui::PushStyleColor(ImGuiCol_Text, v->state == engine::trace::ViewState::Alive ? view_colour(v->color) : kReleasedColour);
    ImGui::TextUnformatted(view_label(*v).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextDisabled("format '%s', %llu elements", v->format.c_str(), static_cast<unsigned long long>(v->elements));
    if (ImGui::MenuItem("Inspect")) app.selected_view = v->id;
    ImGui::Separator();
    if (ImGui::CollapsingHeader("Release", ImGuiTreeNodeFlags_DefaultOpen))
        offer(app, edit_release(app.source, *v, line), "Insert release");
    if (ImGui::CollapsingHeader("Slice")) {
        const float w = ImGui::GetFontSize() * 3.5f;
        ImGui::SetNextItemWidth(w);
        ImGui::InputTextWithHint("##start", "start", app.form.start, sizeof app.form.start);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        ImGui::InputTextWithHint("##stop", "stop", app.form.stop, sizeof app.form.stop);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        ImGui::InputTextWithHint("##step", "step", app.form.step, sizeof app.form.step);
        offer(app, edit_slice(app.source, *v, app.form.start, app.form.stop, app.form.step, line), "Insert slice");
    }
    if (ImGui::CollapsingHeader("Cast")) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4);
        ImGui::Combo("format", &app.form.format, kCastFormats, IM_ARRAYSIZE(kCastFormats));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        ImGui::InputTextWithHint("shape", "2, 8", app.form.shape, sizeof app.form.shape);
        offer(app, edit_cast(app.source, *v, kCastFormats[app.form.format], app.form.shape, line), "Insert cast");
    }
    ImGui::EndPopup();
}

void draw_item_editor(App& app) {
    if (!ImGui::BeginPopup("item_editor")) return;
    const engine::scene::SceneView* v = find_view(app, app.form.view);
    if (!v || !app.session) {
        ImGui::EndPopup();
        return;
    }
    ImGui::Text("%s  element %llu", view_label(*v).c_str(), static_cast<unsigned long long>(app.form.element));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextWithHint("##item", "new value", app.form.value, sizeof app.form.value);
    const EditResult r = edit_set_item(app.source, *v, app.form.element, app.form.value, app.overview.line);
    if (app.form.value[0] || !r.edit) offer(app, r, "Assign");
    ImGui::EndPopup();
}

}  // namespace app
