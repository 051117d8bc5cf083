// Lessons - the lesson text, its steps and tasks.
#include <imgui.h>

#include "imgui_app/app.hpp"

namespace app {

void draw_lessons(App& app) {
    (void)app;
    ImGui::TextDisabled("Lessons appear here.");
}

}  // namespace app
