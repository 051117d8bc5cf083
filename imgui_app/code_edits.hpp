// Code edits: what direct manipulation on the canvas writes into the program.
//
// Selecting bytes, a view's menu (release, slice, cast) and editing a cell never
// change memory behind the program's back: each becomes one Python statement,
// inserted after the statement of the current step, so the code always tells
// the story and the re-run shows its effect at the next step.
//
//     auto e = edit_new_view(source, scene, block, 2, 8, line);   // "view = memoryview(data)[2:8]"
//     if (e.edit) { source = e.edit->source; ...re-run, then step_after_edit(...) }
//     else show(e.reason);                                         // why it cannot be written
//
// Pure functions of the source text and the scene: unit-tested without a window.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/scene/scene.hpp"

namespace app {

struct CodeEdit {
    std::string source;      // the whole program after the edit
    std::string statement;   // the inserted statement, without indentation
    int anchor_line = 0;     // the current step's line, in the old program
    int inserted_line = 0;   // the statement's line in the new program
    bool before = false;     // inserted before the anchor (after return/raise/break/continue)
};

// An edit, or the reason none can be written ("bytes are read-only ...").
struct EditResult {
    std::optional<CodeEdit> edit;
    std::string reason;
};

// Inserts `statement` as its own line after the statement at `line` (1-based):
// into the body after a block header (for/while/if/with), after the whole block
// for def/class, before the statement when it leaves the block (return, raise,
// break, continue). Multi-line statements are skipped to their end.
CodeEdit insert_statement(std::string_view source, int line, std::string_view statement);

// `base`, or base2, base3, ... : the first identifier the source does not use.
std::string fresh_name(std::string_view source, std::string_view base);

// "<module>", or the name of the function whose body holds `line`.
std::string enclosing_function(std::string_view source, int line);

// A name of `names` that code at `line` can use: a global, or a local of the
// function around `line`. Empty when none.
std::string usable_name(const std::vector<engine::scene::Name>& names, std::string_view source, int line);

// "[2:8]", "[::2]", "[1:-1:3]" from the three parts as typed (empty = omitted).
std::string slice_text(std::string_view start, std::string_view stop, std::string_view step);

// The actions. `line` is the current step's line.
// Bytes [begin, end) of `block` as a new view: memoryview(owner)[begin:end].
EditResult edit_new_view(std::string_view source, const engine::scene::Scene& scene, uint64_t block,
                         uint64_t begin, uint64_t end, int line);
// One byte of `block` set to `value` (a Python expression as typed), through its owner.
EditResult edit_set_byte(std::string_view source, const engine::scene::Scene& scene, uint64_t block,
                         uint64_t offset, std::string_view value, int line);
EditResult edit_release(std::string_view source, const engine::scene::SceneView& view, int line);
EditResult edit_slice(std::string_view source, const engine::scene::SceneView& view, std::string_view start,
                      std::string_view stop, std::string_view step, int line);
// view.cast(format) or view.cast(format, [shape]); `shape` as typed ("2, 8") or empty.
EditResult edit_cast(std::string_view source, const engine::scene::SceneView& view, std::string_view format,
                     std::string_view shape, int line);
// Element `flat` (C order) of the view set to `value`: view[i] = value, view[i, j] = value.
EditResult edit_set_item(std::string_view source, const engine::scene::SceneView& view, uint64_t flat,
                         std::string_view value, int line);

// The step to show after an edit: the first run of the inserted statement that
// belongs to the old step's pass over the anchor line. `old_lines[i]` / `new_lines[i]`:
// the line of step i + 1. Falls back to old_step (clamped) when the statement never ran.
int64_t step_after_edit(const std::vector<int>& old_lines, int64_t old_step, const std::vector<int>& new_lines,
                        const CodeEdit& edit);

}  // namespace app
