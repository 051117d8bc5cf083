// A scripted user: mouse and keys fed to ImGui frame by frame, aimed at what
// the app drew in the previous frame (its probe), so a test or a docs
// screenshot can drag over bytes, open a menu and press its button exactly as
// a person would, in the real app. `bufview-app --input SCRIPT`.
//
//     # one action per line; '#' starts a comment
//     drag cell data 4 9          # press on byte 4 of data's grid, release on byte 9
//     rclick cell data 6          # right-click byte 6 (opens the byte menu)
//     wait 2                      # let the popup appear
//     shot menu.png               # screenshot now (PNG, framebuffer pixels)
//     click button Insert view    # the button the app labelled so in its probe
//     key ctrl+s                  # keys: ctrl+, shift+, then a letter, f1..f12,
//                                 #   right, left, home, end, escape, enter
//     type 0x41                   # text typed into the focused widget
//     wheel -5                    # mouse wheel notches where the mouse is (negative: down)
//
// Targets: `cell BLOCK OFFSET` (BLOCK: a name of the block, e.g. data),
// `lane VIEW OFFSET` (a view's lane under byte OFFSET), `button LABEL`.
// Verbs: move, click, rclick, dclick, down, up, drag (cells A to B), key,
// type, wheel N, wait N, shot PATH. A target not drawn stops the script with an error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "imgui_app/app.hpp"

struct ImGuiIO;

namespace app {

struct UiAction {
    int line = 0;
    std::string verb;               // move, click, rclick, dclick, down, up, drag, key, type, wheel, wait, shot
    std::vector<std::string> args;  // target words, or the key / text / count / path
};

// The actions of a script, or nullopt with `error` ("line 3: unknown verb 'clik'").
std::optional<std::vector<UiAction>> parse_ui_script(const std::string& text, std::string& error);

// Where a target is, in ImGui coordinates, from the probe items of a frame.
std::optional<std::pair<float, float>> find_target(const App& app, const std::vector<ProbeItem>& probe,
                                                   const std::vector<std::string>& target);

class UiScript {
public:
    explicit UiScript(std::vector<UiAction> actions) : actions_(std::move(actions)) {}

    // Between the backend's NewFrame and ImGui::NewFrame: sets this frame's
    // mouse and keys from the previous frame's probe.
    void before_frame(const App& app, ImGuiIO& io, const std::vector<ProbeItem>& probe);
    // A screenshot the script asked for in this frame (take it after rendering).
    std::optional<std::string> take_shot();
    bool finished() const { return next_ >= actions_.size() && phase_ == 0; }
    const std::string& error() const { return error_; }

private:
    bool aim(const App& app, const std::vector<ProbeItem>& probe, const std::vector<std::string>& target);

    std::vector<UiAction> actions_;
    size_t next_ = 0;
    int phase_ = 0;  // frames into the current action
    float x_ = -1, y_ = -1;
    bool down_ = false;
    std::vector<int> held_keys_;
    std::optional<std::string> shot_;
    std::string error_;
};

}  // namespace app
