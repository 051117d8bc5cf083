// Slice and index helpers shared by every sequence-like buffer object.
//
//     SliceArgs s{Item::integer(1), Item::none(), Item::integer(-1)};   // [1::-1]
//     BV_TRY(ix, adjust_slice(s, len));   // ix.start, ix.stop, ix.step, ix.length
//     BV_TRY(i, index_from_item(key, ExcType::IndexError));  // PyNumber_AsSsize_t
#pragma once

#include <cstdint>

#include "engine/buffer/item.hpp"
#include "engine/core/result.hpp"

namespace engine {

// A Python slice object's three fields; Item::none() means omitted.
struct SliceArgs {
    Item start, stop, step;
};

struct SliceIndices {
    int64_t start = 0, stop = 0, step = 1, length = 0;
};

// PySlice_Unpack + PySlice_AdjustIndices: "slice step cannot be zero",
// "slice indices must be integers or None or have an __index__ method";
// huge values are clamped as CPython does.
Result<SliceIndices> adjust_slice(const SliceArgs& slice, int64_t length);

// PyNumber_AsSsize_t(item, overflow_type): TypeError "'str' object cannot be
// interpreted as an integer"; out of Py_ssize_t range: overflow_type with
// "cannot fit 'int' into an index-sized integer".
Result<int64_t> index_from_item(const Item& item, ExcType overflow_type);

// Shared shape of Python's "x index out of range" handling: adds len to a
// negative index; false when still out of range.
bool normalize_index(int64_t& index, int64_t length);

}  // namespace engine
