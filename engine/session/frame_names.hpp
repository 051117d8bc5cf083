// Names for the scene: which variables, function locals and container items
// refer to buffer objects and memoryviews at a step's end. Only names and ids:
// the trace learns about blocks and views from the buffer engine's observer.
#pragma once

#include <vector>

#include "engine/python/interpreter.hpp"
#include "engine/trace/trace.hpp"

namespace engine::session {

std::vector<trace::NameRef> collect_names(const py::Interpreter& interp);

}  // namespace engine::session
