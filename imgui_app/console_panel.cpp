// Console - printed output and exceptions.
#include <imgui.h>

#include "imgui_app/app.hpp"

namespace app {

void draw_console(App& app) {
    if (app.console_lines.empty()) ImGui::TextDisabled("Output appears here.");
    for (const std::string& line : app.console_lines) ImGui::TextUnformatted(line.c_str());
}

}  // namespace app
