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

// The k-th position of a slice, start + k*step, for 0 <= k < length. The
// result is in range by construction; it is computed in wrapping unsigned
// arithmetic so that no intermediate (a step near sys.maxsize, the position
// after the last one) is a signed overflow.
inline int64_t slice_at(const SliceIndices& ix, int64_t k) {
    return static_cast<int64_t>(static_cast<uint64_t>(ix.start) +
                                static_cast<uint64_t>(k) * static_cast<uint64_t>(ix.step));
}

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
