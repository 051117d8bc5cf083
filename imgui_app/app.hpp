// The App struct: all state of the UI lives here (and in the engine), never
// inside widgets. Each panel is a function `void draw_<panel>(App&)`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "imgui_app/layout.hpp"

namespace app {

struct App {
    std::string source;     // the program shown in the code panel
    std::string file_path;  // where it came from, if from a file
    int step = 0;           // current step, 1-based; 0 before any run
    int step_count = 0;
    std::vector<std::string> console_lines;
    PanelLayout layout;
    uint64_t frame = 0;
    float ui_scale = 1.0f;  // HiDPI content scale
    bool show_help = false;
    bool quit_requested = false;
};

// The program a new user sees first.
std::string default_program();

// Applies the bufview look (colours, rounding, spacing) scaled by `scale`.
void apply_style(float scale);

// One frame of UI: menu bar and every panel at its layout rect.
void draw_app(App& app, float width, float height);

void draw_code_panel(App& app);
void draw_timeline(App& app);
void draw_memory_canvas(App& app);
void draw_inspector(App& app);
void draw_console(App& app);
void draw_lessons(App& app);

}  // namespace app
