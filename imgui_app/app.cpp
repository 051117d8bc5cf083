#include "imgui_app/app.hpp"

#include <imgui.h>

#include "imgui_app/files.hpp"
#include "imgui_app/picture.hpp"
#include "imgui_app/text_fit.hpp"

namespace app {
namespace {

// Function keys by their GLFW codes, which both ImGui backends use here.
constexpr int kKeyF1 = 290;
constexpr int kKeyF5 = 294;
constexpr int kKeyO = 79;
constexpr int kKeyS = 83;

void start_file_dialog(App& app, App::FileDialog::Mode mode) {
    if (!app.files_enabled) return;
    app.file_dialog.mode = mode;
    app.file_dialog.dir.clear();
    app.file_dialog.error.clear();
    const std::string name = app.file_path.substr(app.file_path.find_last_of('/') + 1);
    std::snprintf(app.file_dialog.name, sizeof app.file_dialog.name, "%s",
                  mode == App::FileDialog::Mode::Open ? "" : name.empty() ? "program.py" : name.c_str());
}

void save(App& app) {
    if (!app.files_enabled) return;
    if (app.file_path.empty()) start_file_dialog(app, App::FileDialog::Mode::SaveAs);
    else save_program(app, app.file_path);
}

// Places the next window exactly at `r` each frame: the layout is computed, not
// dragged, so both builds look the same and screenshots are reproducible.
bool begin_panel(const char* title, const Rect& r, ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    return ImGui::Begin(title, nullptr, flags | extra);
}

constexpr const char* kShortcuts[][2] = {
    {"Ctrl+Enter / F5", "run the program"},
    {"Ctrl+O / Ctrl+S", "open / save a .py file (desktop)"},
    {"Ctrl+Shift+S", "save as (desktop)"},
    {"Right / Left", "next / previous step (when not typing)"},
    {"Home / End", "first / last step"},
    {"Page Down / Up", "ten steps forward / back"},
    {"F1", "this help"},
    {"Esc", "close this help"},
};

void handle_keys(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    if (ImGui::IsKeyPressed(kKeyF1, false)) app.show_help = !app.show_help;
    if (pressed(ImGuiKey_Escape)) app.show_help = false;
    if (ImGui::IsKeyPressed(kKeyF5, false)) run_program(app);
    if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyO, false)) start_file_dialog(app, App::FileDialog::Mode::Open);
    if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyS, false)) {
        if (io.KeyShift) start_file_dialog(app, App::FileDialog::Mode::SaveAs);
        else save(app);
    }
    if (io.WantTextInput || !app.session) return;
    if (pressed(ImGuiKey_RightArrow)) seek(app, app.step + 1);
    if (pressed(ImGuiKey_LeftArrow)) seek(app, app.step - 1);
    if (pressed(ImGuiKey_Home)) seek(app, 1);
    if (pressed(ImGuiKey_End)) seek(app, app.step_count);
    if (pressed(ImGuiKey_PageDown)) seek(app, app.step + 10);
    if (pressed(ImGuiKey_PageUp)) seek(app, app.step - 10);
}

void draw_help(App& app, float width, float height) {
    if (!app.show_help) return;
    ImGui::SetNextWindowPos(ImVec2(width * 0.5f, height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::Begin("Keyboard shortcuts", &app.show_help,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoCollapse);
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (const auto& k : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k[0]);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", k[1]);
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Hover a byte for its address, value and views;\nclick a view's lane to inspect it.\n"
                        "Drag over bytes and right-click: a new view of them, or set a byte.\n"
                        "Right-click a lane: release, slice or cast its view.\n"
                        "Double-click an element in the inspector to assign it.\n"
                        "Each action inserts a line of code after the current one.");
    ImGui::End();
}

// The canvas shows the chosen bytes per row when a row fits the memory panel,
// fewer when not. A change since the last frame (the canvas toolbar) is a new choice.
void fit_bytes_per_row(App& app) {
    if (app.bytes_per_row != app.bytes_per_row_shown) app.bytes_per_row_pref = app.bytes_per_row;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = app.layout.canvas.w - 2 * style.WindowPadding.x - style.ScrollbarSize - 2 * style.WindowBorderSize;
    const float char_w = ImGui::CalcTextSize("0").x * app.zoom;
    const float line_h = ImGui::GetTextLineHeight() * app.zoom;
    const int n = fitting_bytes_per_row(app.bytes_per_row_pref, avail, char_w, line_h);
    if (n != app.bytes_per_row) app.block_scenes.clear();
    app.bytes_per_row = app.bytes_per_row_shown = n;
}

void draw_menu_bar(App& app) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Run", "Ctrl+Enter")) run_program(app);
        if (app.files_enabled) {
            ImGui::Separator();
            if (ImGui::MenuItem("Open...", "Ctrl+O")) start_file_dialog(app, App::FileDialog::Mode::Open);
            if (ImGui::MenuItem("Save", "Ctrl+S")) save(app);
            if (ImGui::MenuItem("Save as...", "Ctrl+Shift+S")) start_file_dialog(app, App::FileDialog::Mode::SaveAs);
            ImGui::Separator();
        }
        if (ImGui::MenuItem("Quit")) app.quit_requested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (int n : {8, 16, 32}) {
            if (ImGui::MenuItem(n == 8 ? "8 bytes per row" : n == 16 ? "16 bytes per row" : "32 bytes per row",
                                nullptr, app.bytes_per_row_pref == n)) {
                app.bytes_per_row_pref = n;
                app.block_scenes.clear();
            }
        }
        ImGui::Separator();
        ImGui::MenuItem("Legend", nullptr, &legend_open());
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Keyboard shortcuts", "F1", &app.show_help);
        ImGui::EndMenu();
    }
    // One line of words after the menus, cut to what is left of the bar.
    std::string words = "bufview - see how Python's buffer protocol really works";
    if (!app.file_path.empty())
        words += "  |  " + app.file_path + (app.source != app.saved_source ? " *" : "");
    if (!app.status.empty()) words += "  |  " + app.status;
    const float room = ImGui::GetContentRegionAvail().x - app.menu_bar_reserved - ImGui::GetStyle().ItemSpacing.x;
    text_fit(app, words, room, true);
    ImGui::EndMainMenuBar();
}

}  // namespace

void probe_last_item(App& app, const char* kind, const std::string& label) {
    if (!ImGui::IsItemVisible()) return;  // scrolled out of its window: not clickable
    probe_text_item(app, kind, label, text_width(label), false);
}

std::string default_program() {
    return "ba = bytearray(b\"hello world\")\n"
           "mv = memoryview(ba)\n"
           "word = mv[6:11]\n"
           "word[0] = ord(\"W\")\n"
           "print(ba)\n"
           "mv.release()\n"
           "word.release()\n"
           "ba.append(33)\n"
           "print(ba)\n";
}

void apply_style(float scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    ImGui::StyleColorsDark(&s);
    s.WindowRounding = 0.0f;
    s.FrameRounding = 3.0f;
    s.GrabRounding = 3.0f;
    s.WindowBorderSize = 1.0f;
    s.WindowPadding = ImVec2(10, 8);
    s.ItemSpacing = ImVec2(8, 6);
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.105f, 0.114f, 0.133f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.090f, 0.098f, 0.114f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.141f, 0.153f, 0.180f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.172f, 0.196f, 0.243f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.141f, 0.153f, 0.180f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.235f, 0.255f, 0.294f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.160f, 0.172f, 0.200f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.200f, 0.270f, 0.380f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.260f, 0.360f, 0.500f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.300f, 0.420f, 0.600f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.200f, 0.270f, 0.380f, 1.0f);
    s.ScaleAllSizes(scale);
}

void draw_app(App& app, float width, float height) {
    ++app.frame;
    rerun_if_edited(app);
    handle_keys(app);
    draw_menu_bar(app);
    const float top = ImGui::GetFrameHeight();
    app.layout = layout_panels(width, height, top, app.ui_scale);
    fit_bytes_per_row(app);

    if (begin_panel("Timeline", app.layout.timeline, ImGuiWindowFlags_NoScrollbar)) draw_timeline(app);
    ImGui::End();
    if (begin_panel("Code", app.layout.code)) draw_code_panel(app);
    ImGui::End();
    if (begin_panel("Console", app.layout.console)) draw_console(app);
    ImGui::End();
    if (begin_panel("Memory", app.layout.canvas)) draw_memory_canvas(app);
    ImGui::End();
    if (begin_panel("Inspector", app.layout.inspector)) draw_inspector(app);
    ImGui::End();
    if (begin_panel("Lessons", app.layout.lessons)) draw_lessons(app);
    ImGui::End();

    draw_help(app, width, height);
    draw_file_dialog(app, width, height);
}

}  // namespace app
