// The App struct: all state of the UI lives here (and in the engine's
// Session), never inside widgets. Each panel is a function `void draw_<panel>(App&)`.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/scene/scene.hpp"
#include "engine/session/session.hpp"
#include "imgui_app/canvas_layout.hpp"
#include "imgui_app/code_edits.hpp"
#include "imgui_app/layout.hpp"
#include "imgui_app/tasks.hpp"

namespace app {

struct ConsoleLine {
    std::string text;
    int64_t step = 0;  // the step that printed it
    bool error = false;
};

// What the canvas drew where, kept when asked (screenshot tests assert pixels there).
struct ProbeItem {
    std::string kind;   // "lane" (a view's element under a byte) or "cell" (a byte)
    uint64_t block = 0, offset = 0;
    std::string view;   // lane: the view's label
    std::string state;  // lane: alive / released
    bool shared = false, written = false;  // cell
    uint32_t colour = 0;                   // lane: its view's colour (ImU32)
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // framebuffer pixels
    // Labels and buttons drawn through text_fit.hpp (kind "label" / "button"):
    std::string text;      // the whole text (what the tooltip shows when elided)
    float text_w = 0;      // the width of the text as drawn
    bool elided = false;   // cut to fit, with "..."
    bool clipped = false;  // part of the item lies outside its window's visible rect
    std::string panel;     // the window it was drawn in ("Timeline", "Code", ...)
    float px0 = 0, py0 = 0, px1 = 0, py1 = 0;  // that window's rect, same units as x0..y1
};

struct App {
    // ---- the program
    std::string source;       // what the code panel shows and edits
    std::string file_path;    // where it came from, if from a file
    std::string saved_source; // what the file holds (the title marks unsaved edits)
    bool files_enabled = false;  // open/save on the local disk (the desktop build)
    std::string lesson;          // the open lesson's file ("a3_slicing.py"), if any
    bool show_lesson_list = false;
    std::string task;            // the open task's file, if any (it wins over the lesson)
    std::optional<TaskResult> task_result;  // the last check of the open task
    bool show_solution = false;
    struct FileDialog {
        enum class Mode { None, Open, SaveAs } mode = Mode::None;
        std::string dir;      // the folder listed
        char name[512] = "";  // the file name typed or picked
        std::string error;
        bool confirm = false;
    } file_dialog;
    std::string ran_source;   // the source of the current run
    double edited_at = -1.0;  // time of the last edit not yet run (debounce)

    // ---- the run and the current step
    std::unique_ptr<engine::session::Session> session;
    int64_t step = 0;  // 1-based; 0 before the first line
    int64_t step_count = 0;
    engine::scene::Scene overview;  // current step, no bytes: blocks, views, locks
    std::vector<ConsoleLine> console;
    double stepped_at = 0.0;  // when the step last changed (write flash)

    // ---- canvas
    int bytes_per_row = 16;        // shown: the preference, capped by the memory panel's width
    int bytes_per_row_pref = 16;   // chosen (View menu, the canvas toolbar): 8, 16 or 32
    int bytes_per_row_shown = 16;  // what the last frame showed (a change means a new choice)
    float zoom = 1.0f;
    bool show_unnamed = false;  // temporaries and literals on the canvas too
    CanvasSettings canvas;
    std::vector<BlockPlacement> placements;
    std::map<uint64_t, engine::scene::Scene> block_scenes;  // visible rows, per block
    uint64_t selected_view = 0;
    uint64_t hovered_view = 0;           // from the canvas or the inspector
    std::optional<ByteHit> hovered_byte;
    int64_t hovered_element = -1;        // element of selected_view under the mouse
    std::optional<ByteHit> scroll_to;    // the canvas scrolls this byte's row to the top, once

    // ---- direct manipulation: every action inserts a statement (code_edits.hpp)
    struct ByteSelection {
        uint64_t block = 0, begin = 0, end = 0;  // bytes [begin, end) of block
        uint64_t anchor = 0;                     // where the drag started
        bool dragging = false;
    };
    std::optional<ByteSelection> selection;
    struct EditForm {  // what the menus' inputs hold while open
        uint64_t view = 0;      // the view whose menu or element is open
        uint64_t element = 0;   // the element being edited (inspector)
        char value[48] = "";
        char start[24] = "", stop[24] = "", step[24] = "";
        int format = 0;         // index into kCastFormats
        char shape[32] = "";
    } form;

    // ---- window
    PanelLayout layout;
    uint64_t frame = 0;
    double now = 0.0;        // seconds, set by the platform each frame
    float ui_scale = 1.0f;   // HiDPI content scale
    float menu_bar_reserved = 0.0f;  // right end of the menu bar kept free (the page's Share button)
    int code_followed_line = 0;      // the current line the code panel last scrolled to
    std::string code_body;           // what the code panel edits: the source without a lesson's header
    bool show_help = false;
    bool quit_requested = false;
    std::string status;      // one line under the timeline (file saved, ...)
    std::vector<ProbeItem>* probe = nullptr;  // when set, the canvas records what it draws
    bool keep_probe = false;                  // record every frame into last_probe (page tests)
    std::vector<ProbeItem> last_probe;
};

// The App the platform's main loop is driving (null before it starts). The
// browser's bindings (web/bindings.cpp) reach the running app through it.
App* running_app();

// Records the last ImGui item (a button) in the probe, when one is kept, so a
// scripted user (ui_script.hpp) can find it by its label.
void probe_last_item(App& app, const char* kind, const std::string& label);

// The probe items as JSON (an array of objects), for tests.
std::string probe_json(const std::vector<ProbeItem>& items);

// The program a new user sees first.
std::string default_program();

// Applies the bufview look (colours, rounding, spacing) scaled by `scale`.
void apply_style(float scale);

// Runs app.source from the start and keeps the step position where it can.
void run_program(App& app);
// Replaces the program (from a file at `file_path`, or from nowhere: a lesson,
// a task) and runs it from step 1.
void load_program(App& app, std::string source, const std::string& file_path = {});
// Shows step n (clamped), rebuilding what depends on the step.
void seek(App& app, int64_t n);
// Puts an edit's program in the code panel, runs it and shows the step where
// the inserted statement has just run.
void apply_edit(App& app, const CodeEdit& edit);
// Re-runs if the source changed and the user paused typing for `delay` seconds.
void rerun_if_edited(App& app, double delay = 0.45);

// One frame of UI: menu bar and every panel at its layout rect.
void draw_app(App& app, float width, float height);

void draw_code_panel(App& app);
void draw_timeline(App& app);
void draw_memory_canvas(App& app);
void draw_inspector(App& app);
void draw_console(App& app);
void draw_lessons(App& app);
// Direct manipulation menus (edit_menus.cpp). Call inside the window that opened them.
void draw_byte_menu(App& app);
void draw_view_menu(App& app);
void draw_item_editor(App& app);

// The view with `id` in the current overview, if any.
const engine::scene::SceneView* find_view(const App& app, uint64_t id);

}  // namespace app
