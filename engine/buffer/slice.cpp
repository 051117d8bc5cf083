// Slice unpacking and index conversion, as CPython's sliceobject.c and abstract.c.
#include "engine/buffer/slice.hpp"

namespace engine {

namespace {

// _PyEval_SliceIndex: ints clamp to [PY_SSIZE_T_MIN, PY_SSIZE_T_MAX].
Result<int64_t> slice_index(const Item& v) {
    if (!v.is_int()) {
        return raise(ExcType::TypeError,
                     "slice indices must be integers or None or have an __index__ method");
    }
    if (auto x = v.as_int64()) return *x;
    return v.negative() ? INT64_MIN : INT64_MAX;
}

}  // namespace

Result<SliceIndices> adjust_slice(const SliceArgs& slice, int64_t length) {
    SliceIndices r;
    if (slice.step.is_none()) {
        r.step = 1;
    } else {
        BV_TRY(step, slice_index(slice.step));
        if (step == 0) return raise(ExcType::ValueError, "slice step cannot be zero");
        if (step < -INT64_MAX) step = -INT64_MAX;  // so that -step cannot overflow
        r.step = step;
    }
    if (slice.start.is_none()) {
        r.start = r.step < 0 ? INT64_MAX : 0;
    } else {
        BV_TRY(start, slice_index(slice.start));
        r.start = start;
    }
    if (slice.stop.is_none()) {
        r.stop = r.step < 0 ? INT64_MIN : INT64_MAX;
    } else {
        BV_TRY(stop, slice_index(slice.stop));
        r.stop = stop;
    }
    // PySlice_AdjustIndices
    auto adjust = [&](int64_t& v) {
        if (v < 0) {
            v += length;
            if (v < 0) v = r.step < 0 ? -1 : 0;
        } else if (v >= length) {
            v = r.step < 0 ? length - 1 : length;
        }
    };
    adjust(r.start);
    adjust(r.stop);
    r.length = 0;
    if (r.step < 0) {
        if (r.stop < r.start) r.length = (r.start - r.stop - 1) / (-r.step) + 1;
    } else if (r.start < r.stop) {
        r.length = (r.stop - r.start - 1) / r.step + 1;
    }
    return r;
}

Result<int64_t> index_from_item(const Item& item, ExcType overflow_type) {
    if (!item.is_int()) {
        return raise(ExcType::TypeError,
                     "'" + item.type_name() + "' object cannot be interpreted as an integer");
    }
    if (auto v = item.as_int64()) return *v;
    return raise(overflow_type, "cannot fit 'int' into an index-sized integer");
}

bool normalize_index(int64_t& index, int64_t length) {
    if (index < 0) index += length;
    return index >= 0 && index < length;
}

}  // namespace engine
