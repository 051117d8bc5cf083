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

// One sentence per event of the scene's step, in order.
std::vector<std::string> describe_step(const engine::trace::Trace& trace, int64_t step,
                                       const engine::scene::Scene& scene);

}  // namespace app
