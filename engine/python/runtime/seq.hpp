// Sequence helpers shared by subscripting, methods and builtins: index and
// slice normalisation as CPython's PySlice_AdjustIndices, str code-point access.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

struct SliceBounds {
    int64_t start = 0, stop = 0, step = 1, length = 0;
};
// slice.indices(length) semantics; ValueError "slice step cannot be zero",
// TypeError "slice indices must be integers or None or have an __index__ method".
Result<SliceBounds> slice_bounds(const SliceObject& s, int64_t length);

// Code points of a str value (ASCII fast path: bytes widened).
std::u32string str_code_points(const Value& s);
// Substring [start, start+count) in code points, as a new str Value.
Value str_substr(const Value& s, int64_t start, int64_t count);
// A one-character str.
Value str_char(char32_t cp);

}  // namespace engine::py
