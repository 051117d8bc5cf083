// The marks of issue 11 that tell a step's story on the canvas and around it:
// lane looks (tombstones, temporaries), struct fields, index carets, the
// frames strip, the legend, and the probe records of each (tests assert on
// them). Everything here draws what the scene says; nothing is worked out
// from the program.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

#include "imgui_app/app.hpp"

namespace app {

// How a view's lane is drawn this step.
struct LaneLook {
    enum Kind { Live, Tombstone, Temporary } kind = Live;
    std::string label;  // gutter text: "mv", "mv (released)", "mv[4:8]"
    std::string word;   // inside a tombstone: "released here", "released", "destroyed"
    std::string probe_label;  // the view's names ("mv"), or a temporary's window ("mv[4:8]")
};

// "ba = data": the bare names, each once.
std::string bare_label(const std::vector<engine::scene::Name>& names);
LaneLook lane_look(const engine::scene::SceneView& v, const engine::scene::Scene& overview);
LaneLook lane_look(const App& app, const engine::scene::SceneView& v);

// Records a mark in the probe when one is kept (`label` is cleaned for JSON).
void probe_mark(App& app, const char* kind, uint64_t block, uint64_t offset, const std::string& label,
                const std::string& state, ImVec2 a, ImVec2 z);

// The field brackets and the carets of block `b` in the row starting at
// `row_begin`, in the strips at y (screen coordinates).
void draw_fields(App& app, ImDrawList* dl, ImVec2 origin, const BlockPlacement& b, uint64_t row_begin, float y);
void draw_carets(App& app, ImDrawList* dl, ImVec2 origin, const BlockPlacement& b, uint64_t row_begin, float y);

// "I, big-endian" for a struct field's code and byte order.
std::string field_words(char code, char order);

// The frames strip (module and current function variables), at the top of the
// memory panel; returns its height.
void draw_frames_strip(App& app);

// The legend window (View > Legend, the "?" on the canvas).
bool& legend_open();
void draw_legend(App& app);

}  // namespace app
