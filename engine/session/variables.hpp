// The frames strip: every live frame's variables at a step's end with their
// CPython type names and short reprs, for the trace (trace::FrameSet).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/python/interpreter.hpp"
#include "engine/trace/recorder.hpp"
#include "engine/trace/trace.hpp"

namespace engine::session {

// repr(v) as CPython prints it for None, bools, ints, floats, strs, bytes,
// bytearrays, tuples, lists, dicts and ranges, cut after `limit` characters
// with "…" (a long value's repr is never built in full: a 1 MiB bytearray
// costs as much as a short one). Views: "<memory>" / "<released memory>";
// functions "<function f>", modules "<module 'struct'>"; others their repr.
std::string short_repr(const py::Value& v, size_t limit = 40);

// The frames at this moment, module first, with their variables in binding
// order. lines[d]: the last line run at depth d (0 when unknown).
trace::FrameSet collect_frames(const py::Interpreter& interp, trace::Recorder& rec,
                               const std::vector<int>& lines);

}  // namespace engine::session
