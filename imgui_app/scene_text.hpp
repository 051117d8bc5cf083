// Words for what the scene shows: labels of views and blocks, and the events
// of a step in a sentence each ("mv[0:4] = ... wrote 4 bytes of ba through
// word; also seen by mv"). Pure, so the timeline's text is unit-tested.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/scene/scene.hpp"
#include "engine/trace/trace.hpp"

namespace app {

// "mv", "mv = alias", "f(): view" for a local; "view #7" when nothing names it.
std::string names_label(const std::vector<engine::scene::Name>& names);
std::string view_label(const engine::scene::SceneView& v);
std::string block_label(const engine::scene::SceneBlock& b);

// A few bytes as Python shows them: 1.2 KiB, 16 bytes.
std::string byte_count(uint64_t n);

// What the step did, in plain words with positions and values, one sentence
// per kind of thing in order: reads and struct fields, writes (all the writes
// through one view in one sentence: "wrote 'z' (0x7a) at data[0] and 'a'
// (0x61) at data[25] through mv; also seen by ..."), copies, views created,
// used for the line only, released or gone, refusals with their holders
// ("refused: data.append(33): BufferError, 1 export held by view") and
// exceptions. `code` is the step's line of source, stripped (for refusals).
// The trace must be at `step` (the scene's step) for byte values.
std::vector<std::string> describe_step(const engine::trace::Trace& trace, int64_t step,
                                       const engine::scene::Scene& scene, const std::string& code = {});

// The step's story in one line: "code: sentence; sentence" (a refusal leads).
std::string step_story(const std::string& code, const std::vector<std::string>& sentences);

// A byte as a learner reads it: 'z' (0x7a), or 0x00 when not printable.
std::string byte_words(uint8_t b);

}  // namespace app
