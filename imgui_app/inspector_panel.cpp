// Inspector - the selected view: format, shape, strides, its decoded elements.
#include <imgui.h>

#include "imgui_app/app.hpp"

namespace app {

void draw_inspector(App& app) {
    (void)app;
    ImGui::TextDisabled("Select a view on the canvas.");
}

}  // namespace app
