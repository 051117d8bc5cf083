// Names for the scene: which variables, function locals and container items
// refer to buffer objects and memoryviews at a step's end. While walking the
// program's values it also tells the recorder about the blocks and view
// geometries it meets (the buffer engine's events carry ids only).
#pragma once

#include <string>
#include <vector>

#include "engine/python/interpreter.hpp"
#include "engine/trace/recorder.hpp"

namespace engine::session {

// Identifiers of `source`, for interpreters without Interpreter::visit_frames
// (then only globals are found, through Interpreter::global).
std::vector<std::string> source_identifiers(std::string_view source);

std::vector<trace::NameRef> collect_names(const py::Interpreter& interp,
                                          const std::vector<std::string>& globals,
                                          trace::Recorder& recorder);

}  // namespace engine::session
