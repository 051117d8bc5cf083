// Memory canvas - each buffer as a grid of bytes, each view as a lane over the bytes it covers.
#include <imgui.h>

#include "imgui_app/app.hpp"

namespace app {

void draw_memory_canvas(App& app) {
    (void)app;
    ImGui::TextDisabled("Run a program to see its buffers.");
}

}  // namespace app
