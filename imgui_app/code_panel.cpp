// Code panel: the program's source, editable.
#include <imgui.h>

#include "imgui_app/app.hpp"

namespace app {
namespace {

// Lets InputTextMultiline edit a std::string in place (grows it on demand).
int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

}  // namespace

void draw_code_panel(App& app) {
    ImGui::InputTextMultiline("##source", app.source.data(), app.source.capacity() + 1,
                              ImVec2(-1, -1),
                              ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize,
                              resize_callback, &app.source);
}

}  // namespace app
