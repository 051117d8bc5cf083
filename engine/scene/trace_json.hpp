// JSON of a whole trace (steps, events, copy meter) and of one step; see SCHEMA.md.
#pragma once

#include <cstdint>
#include <string>

#include "engine/trace/trace.hpp"

namespace engine::scene {

std::string trace_json(const trace::Trace& trace);
std::string step_json(const trace::Trace& trace, int64_t step);  // step 0: the prologue

}  // namespace engine::scene
