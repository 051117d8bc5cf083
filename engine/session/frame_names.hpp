// Names for the scene: which variables, function locals and container items
// refer to buffer objects and memoryviews at a step's end. Only names and ids:
// the trace learns about blocks and views from the buffer engine's observer.
#pragma once

#include <vector>

#include "engine/python/interpreter.hpp"
#include "engine/trace/trace.hpp"

namespace engine::session {

std::vector<trace::NameRef> collect_names(const py::Interpreter& interp);

// The id of the view or buffer object `v` is (bytes, bytearray, array, BytesIO,
// mmap, temporary file), else 0; *is_view when it is a memoryview.
uint64_t buffer_target(const py::Value& v, bool* is_view = nullptr);

}  // namespace engine::session
