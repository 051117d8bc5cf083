// Slice normalisation (CPython's PySlice_Unpack + PySlice_AdjustIndices) and
// str code-point access.
#include "engine/python/runtime/seq.hpp"

#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

namespace {
// _PyEval_SliceIndex: ints clamp to the int64 range.
Result<int64_t> slice_index(const Value& v) {
    if (v.is_small_int() || v.is_bool()) return v.small_int();
    if (v.is_big_int()) return v.big_int().negative() ? INT64_MIN : INT64_MAX;
    return raise(ExcType::TypeError,
                 "slice indices must be integers or None or have an __index__ method");
}
}  // namespace

Result<SliceBounds> slice_bounds(const SliceObject& s, int64_t length) {
    SliceBounds b;
    if (s.step.is_none()) {
        b.step = 1;
    } else {
        BV_TRY(st, slice_index(s.step));
        if (st == 0) return raise(ExcType::ValueError, "slice step cannot be zero");
        b.step = st < -INT64_MAX ? -INT64_MAX : st;
    }
    int64_t start, stop;
    if (s.start.is_none()) {
        start = b.step < 0 ? INT64_MAX : 0;
    } else {
        BV_TRY(x, slice_index(s.start));
        start = x;
    }
    if (s.stop.is_none()) {
        stop = b.step < 0 ? INT64_MIN : INT64_MAX;
    } else {
        BV_TRY(x, slice_index(s.stop));
        stop = x;
    }
    auto adjust = [&](int64_t& i) {
        if (i < 0) {
            i += length;
            if (i < 0) i = b.step < 0 ? -1 : 0;
        } else if (i >= length) {
            i = b.step < 0 ? length - 1 : length;
        }
    };
    adjust(start);
    adjust(stop);
    b.start = start;
    b.stop = stop;
    if (b.step < 0) {
        b.length = stop < start ? (start - stop - 1) / (-b.step) + 1 : 0;
    } else {
        b.length = start < stop ? (stop - start - 1) / b.step + 1 : 0;
    }
    return b;
}

std::u32string str_code_points(const Value& s) {
    const auto& str = s.as_str();
    if (str.ascii) return std::u32string(str.utf8.begin(), str.utf8.end());
    return utf8_decode(str.utf8);
}

Value str_substr(const Value& s, int64_t start, int64_t count) {
    const auto& str = s.as_str();
    if (str.ascii)
        return Value::str(str.utf8.substr(static_cast<size_t>(start), static_cast<size_t>(count)));
    auto cps = utf8_decode(str.utf8);
    return Value::str(utf8_encode(
        std::u32string_view(cps).substr(static_cast<size_t>(start), static_cast<size_t>(count))));
}

Value str_char(char32_t cp) {
    std::string out;
    utf8_append(out, cp);
    return Value::str(std::move(out));
}

}  // namespace engine::py
