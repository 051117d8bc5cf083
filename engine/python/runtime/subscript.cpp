// x[key], x[key] = value, del x[key] for every subscriptable kind.
#include <fmt/format.h>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/seq.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

namespace {

bool is_index(const Value& v) { return v.is_int() || v.is_bool(); }

// Normalised index for item access; IndexError `msg` when out of range.
Result<int64_t> seq_index(const Value& key, int64_t length, const char* msg) {
    if (key.is_big_int())
        return raise(ExcType::IndexError, "cannot fit 'int' into an index-sized integer");
    int64_t i = key.small_int();
    if (i < 0) i += length;
    if (i < 0 || i >= length) return raise(ExcType::IndexError, msg);
    return i;
}

// The k-th position of a slice, start + k*step, for 0 <= k < length: in range
// by construction, but computed in wrapping unsigned arithmetic so that no
// intermediate (such as the position after the last one) can overflow.
int64_t slice_pos(const SliceBounds& b, int64_t k) {
    return static_cast<int64_t>(static_cast<uint64_t>(b.start) +
                                static_cast<uint64_t>(k) * static_cast<uint64_t>(b.step));
}

// PyNumber_AsSsize_t(key, PyExc_IndexError): the key conversion of every
// sequence's item access (bytearray, array, mmap, memoryview, list...).
Result<int64_t> index_key(const Value& key) {
    if (key.is_big_int())
        return raise(ExcType::IndexError, "cannot fit 'int' into an index-sized integer");
    return to_index(key);
}

// Types with a sequence protocol but no item assignment (str, bytes, tuple,
// range): PyObject_SetItem / PyObject_DelItem convert an index key first.
bool immutable_sequence(const Value& obj) {
    return obj.is_str() || obj.is(Kind::Bytes) || obj.is(Kind::Tuple) || obj.is(Kind::Range);
}

Error bad_key(const std::string& what, const Value& key) {
    return raise(ExcType::TypeError,
                 what + " indices must be integers or slices, not " + type_name(key));
}

template <class F>
std::vector<Value> take(const std::vector<Value>& items, const SliceBounds& b, F&&) {
    std::vector<Value> out;
    out.reserve(static_cast<size_t>(b.length));
    for (int64_t k = 0; k < b.length; ++k) out.push_back(items[static_cast<size_t>(slice_pos(b, k))]);
    return out;
}

std::string take_bytes(std::string_view s, const SliceBounds& b) {
    if (b.step == 1)
        return std::string(s.substr(static_cast<size_t>(b.start), static_cast<size_t>(b.length)));
    std::string out;
    out.reserve(static_cast<size_t>(b.length));
    for (int64_t k = 0; k < b.length; ++k) out.push_back(s[static_cast<size_t>(slice_pos(b, k))]);
    return out;
}

// A user object with __index__ used as a sequence index: its int (CPython's
// PyNumber_AsSsize_t on the key); nullopt when the key is not such an object.
Result<std::optional<Value>> user_index_key(Interp& interp, const Value& obj, const Value& key) {
    if (!key.is(Kind::Instance) || obj.is(Kind::Dict) || obj.is(Kind::Instance))
        return std::optional<Value>();
    BV_TRY(r, call_slot(interp, key, Slot::Index, {}));
    if (r && !r->is_int())
        return raise(ExcType::TypeError, "__index__ returned non-int (type " + type_name(*r) + ")");
    return r;
}

Result<Subscript> to_subscript(const Value& key) {
    if (is_index(key)) return Subscript::of_index(to_item(key));
    if (key.is(Kind::Slice)) return Subscript::of_slice(to_slice_args(key));
    if (key.is(Kind::Ellipsis)) return Subscript::ellipsis();
    if (key.is(Kind::Tuple)) {
        std::vector<Subscript> items;
        for (const auto& k : key.obj<TupleObject>().items) {
            BV_TRY(s, to_subscript(k));
            items.push_back(std::move(s));
        }
        return Subscript::tuple(std::move(items));
    }
    return Subscript::other(type_name(key));
}

Result<Value> from_item_or_view(Interp& interp, ItemOrView r) {
    if (auto* item = std::get_if<Item>(&r)) return from_item(interp, *item);
    return Value::wrap(std::get<ViewPtr>(std::move(r)));
}

// The bytes of a slice assignment's value and the block they are copied in
// from. CPython 3.11 (bytearray_ass_subscript) first turns any value that is
// not another bytearray into a new bytearray (PyByteArray_FromObject), so the
// bytes of a buffer are copied twice: into that temporary (metered here, any
// memoryview will do), then from it (block 0). An iterable's ints are only
// copied from the temporary.
Result<BufferBytes> bytes_from_value(Interp& interp, const Value& target, const Value& value) {
    const auto& self = target.obj<ByteArrayObject>();
    if (value.is(Kind::ByteArray) && &value.obj<ByteArrayObject>() != &self) {
        const auto& b = value.obj<ByteArrayObject>();
        return BufferBytes{std::string(b.view()), b.block().id()};
    }
    if (is_index(value) || value.is_str() || value.is_float())  // PyNumber_Check, PyUnicode_Check
        return raise(ExcType::TypeError,
                     "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    if (value.is(Kind::MemoryView)) {
        BV_TRY(data, value.obj<MemoryView>().tobytes_string());
        return BufferBytes{std::move(data), 0};
    }
    BV_TRY(direct, buffer_bytes_of(value));
    if (direct) {
        if (!direct->data.empty()) {
            interp.buffer_context().note_copy(direct->data.size(), direct->block, 0, self.id());
        }
        return BufferBytes{std::move(direct->data), 0};
    }
    // PyByteArray_FromObject(value): a non-iterable is "cannot convert 'T' object to bytearray".
    auto items = collect(interp, value);
    if (!items) {
        if (items.error().type == ExcType::TypeError && value.kind() != Kind::Iterator &&
            !value.is(Kind::Instance))
            return raise(ExcType::TypeError,
                         "cannot convert '" + type_name(value) + "' object to bytearray");
        return items.error();
    }
    std::string out;
    for (const auto& v : *items) {
        BV_TRY(b, byte_from_item(to_item(v)));
        out.push_back(static_cast<char>(b));
    }
    return BufferBytes{std::move(out), 0};
}

}  // namespace

Result<Value> getitem(Interp& interp, const Value& obj, const Value& key) {
    BV_TRY(user_key, user_index_key(interp, obj, key));
    if (user_key) return getitem(interp, obj, *user_key);
    switch (obj.kind()) {
        case Kind::Instance:
            return instance_getitem(interp, obj, key);
        case Kind::List:
        case Kind::Tuple: {
            bool list = obj.is(Kind::List);
            const auto& items = list ? obj.obj<ListObject>().items : obj.obj<TupleObject>().items;
            if (key.is(Kind::Slice)) {
                BV_TRY(b, slice_bounds(key.obj<SliceObject>(), static_cast<int64_t>(items.size())));
                auto out = take(items, b, 0);
                return list ? Value::list(std::move(out)) : Value::tuple(std::move(out));
            }
            if (!is_index(key)) return bad_key(list ? "list" : "tuple", key);
            BV_TRY(i, seq_index(key, static_cast<int64_t>(items.size()),
                                list ? "list index out of range" : "tuple index out of range"));
            return items[static_cast<size_t>(i)];
        }
        case Kind::Str: {
            const auto& s = obj.as_str();
            if (key.is(Kind::Slice)) {
                BV_TRY(b, slice_bounds(key.obj<SliceObject>(), s.length));
                if (b.step == 1) return str_substr(obj, b.start, b.length);
                auto cps = str_code_points(obj);
                std::u32string out;
                for (int64_t k = 0; k < b.length; ++k)
                    out.push_back(cps[static_cast<size_t>(slice_pos(b, k))]);
                return Value::str(utf8_encode(out));
            }
            if (!is_index(key))
                return raise(ExcType::TypeError,
                             "string indices must be integers, not '" + type_name(key) + "'");
            BV_TRY(i, seq_index(key, s.length, "string index out of range"));
            return str_substr(obj, i, 1);
        }
        case Kind::Dict: {
            BV_TRY(v, obj.obj<DictObject>().get(key));
            if (!v) return key_error(key);
            return std::move(*v);
        }
        case Kind::Range: {
            const auto& r = obj.obj<RangeObject>();
            int64_t n = r.length();
            if (key.is(Kind::Slice)) {
                BV_TRY(b, slice_bounds(key.obj<SliceObject>(), n));
                // compute_slice: r.start + i*r.step for the slice's start and stop,
                // and the product of the steps, checked: the playground's ranges
                // hold int64s (CPython's would grow into big ints).
                int64_t start = 0, stop = 0, step = 0, t = 0;
                bool overflow = __builtin_mul_overflow(b.start, r.step, &t) ||
                                __builtin_add_overflow(r.start, t, &start) ||
                                __builtin_mul_overflow(b.stop, r.step, &t) ||
                                __builtin_add_overflow(r.start, t, &stop) ||
                                __builtin_mul_overflow(r.step, b.step, &step);
                if (overflow)
                    return raise(ExcType::OverflowError,
                                 "Python int too large to convert to C ssize_t");
                return Value::range(start, stop, step);
            }
            if (!is_index(key)) return bad_key("range", key);
            // compute_range_item works on big ints: any such index is out of range.
            if (key.is_big_int()) return raise(ExcType::IndexError, "range object index out of range");
            BV_TRY(i, seq_index(key, n, "range object index out of range"));
            return Value::integer(
                static_cast<int64_t>(static_cast<uint64_t>(r.start) +
                                     static_cast<uint64_t>(i) * static_cast<uint64_t>(r.step)));
        }
        case Kind::Bytes: {
            const auto& bytes = obj.obj<BytesObject>();
            std::string_view s = bytes.view();
            if (key.is(Kind::Slice)) {
                BV_TRY(b, slice_bounds(key.obj<SliceObject>(), static_cast<int64_t>(s.size())));
                // The whole of an immutable bytes is the object itself, as in CPython.
                if (b.step == 1 && b.length == static_cast<int64_t>(s.size())) return obj;
                bytes.block().report_strided_read(b.start, b.length, b.step, 1, bytes.id(), "slice");
                BV_TRY(part, BytesObject::create_copy(interp.buffer_context(), take_bytes(s, b), bytes.block().id(),
                                                      bytes.id()));
                return Value::wrap(std::move(part));
            }
            if (!is_index(key)) return bad_key("byte", key);
            BV_TRY(i, seq_index(key, static_cast<int64_t>(s.size()), "index out of range"));
            bytes.block().report_read(static_cast<uint64_t>(i), static_cast<uint64_t>(i) + 1, bytes.id(), "item");
            return Value::integer(static_cast<uint8_t>(s[static_cast<size_t>(i)]));
        }
        case Kind::ByteArray: {
            auto& ba = obj.obj<ByteArrayObject>();
            if (key.is(Kind::Slice)) {
                BV_TRY(r, ba.get_slice(to_slice_args(key)));
                return Value::wrap(std::move(r));
            }
            if (!is_index(key)) return bad_key("bytearray", key);
            BV_TRY(i, index_key(key));
            BV_TRY(b, ba.get(i));
            return Value::integer(b);
        }
        case Kind::MemoryView: {
            BV_TRY(sub, to_subscript(key));
            BV_TRY(r, obj.obj<MemoryView>().get(sub));
            return from_item_or_view(interp, std::move(r));
        }
        case Kind::Array: {
            auto& a = obj.obj<ArrayObject>();
            if (key.is(Kind::Slice)) {
                BV_TRY(r, a.get_slice(to_slice_args(key)));
                return Value::wrap(std::move(r));
            }
            if (!is_index(key)) return raise(ExcType::TypeError, "array indices must be integers");
            BV_TRY(i, index_key(key));
            BV_TRY(item, a.get(i));
            return from_item(interp, item);
        }
        case Kind::Mmap: {
            auto& m = obj.obj<MmapObject>();
            BV_CHECK(m.len());  // mmap_subscript: CHECK_VALID before the key's type
            if (key.is(Kind::Slice)) {
                BV_TRY(s, m.get_slice(to_slice_args(key)));
                return make_bytes(interp, s);
            }
            if (!is_index(key)) return raise(ExcType::TypeError, "mmap indices must be integers");
            BV_TRY(i, index_key(key));
            BV_TRY(b, m.get(i));
            return Value::integer(b);
        }
        default:
            break;
    }
    if (obj.is(Kind::Type))
        return raise(ExcType::NotImplementedError,
                     "generic aliases such as list[int] are not supported");
    return raise(ExcType::TypeError, "'" + type_name(obj) + "' object is not subscriptable");
}

Result<void> setitem(Interp& interp, const Value& obj, const Value& key, const Value& value) {
    BV_TRY(user_key, user_index_key(interp, obj, key));
    if (user_key) return setitem(interp, obj, *user_key, value);
    switch (obj.kind()) {
        case Kind::Instance:
            return instance_setitem(interp, obj, key, value);
        case Kind::List: {
            auto& items = obj.obj<ListObject>().items;
            if (key.is(Kind::Slice)) {
                // list_ass_subscript: the slice first, then the value as a sequence
                // (collected before any change: `a[:] = a` sees the old list).
                BV_TRY(b, slice_bounds(key.obj<SliceObject>(), static_cast<int64_t>(items.size())));
                auto src = collect(interp, value);
                if (!src) {
                    if (src.error().type == ExcType::TypeError && value.kind() != Kind::Iterator)
                        return raise(ExcType::TypeError, b.step == 1 ? "can only assign an iterable"
                                                                     : "must assign iterable to extended slice");
                    return src.error();
                }
                if (b.step == 1) {
                    int64_t stop = std::max(b.stop, b.start);
                    std::vector<Value> removed(items.begin() + b.start, items.begin() + stop);
                    items.erase(items.begin() + b.start, items.begin() + stop);
                    items.insert(items.begin() + b.start, src->begin(), src->end());
                    return ok();
                }
                if (static_cast<int64_t>(src->size()) != b.length)
                    return raise(
                        ExcType::ValueError,
                        fmt::format(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            src->size(), b.length));
                std::vector<Value> old;
                for (int64_t k = 0; k < b.length; ++k) {
                    int64_t i = slice_pos(b, k);
                    old.push_back(std::move(items[static_cast<size_t>(i)]));
                    items[static_cast<size_t>(i)] = (*src)[static_cast<size_t>(k)];
                }
                return ok();
            }
            if (!is_index(key)) return bad_key("list", key);
            BV_TRY(i, seq_index(key, static_cast<int64_t>(items.size()),
                                "list assignment index out of range"));
            Value old = std::move(items[static_cast<size_t>(i)]);
            items[static_cast<size_t>(i)] = value;
            return ok();
        }
        case Kind::Dict:
            return obj.obj<DictObject>().set(key, value);
        case Kind::ByteArray: {
            auto& ba = obj.obj<ByteArrayObject>();
            if (key.is(Kind::Slice)) {
                // bytearray_ass_subscript: PySlice_Unpack before the value is converted
                BV_CHECK(adjust_slice(to_slice_args(key), ba.size()));
                BV_TRY(data, bytes_from_value(interp, obj, value));
                return ba.set_slice(to_slice_args(key), data.data, data.block);
            }
            if (!is_index(key)) return bad_key("bytearray", key);
            BV_TRY(i, index_key(key));
            return ba.set(i, to_item(value));
        }
        case Kind::MemoryView: {
            BV_TRY(sub, to_subscript(key));
            AssignValue av = AssignValue::of(to_item(value));
            if (auto exp = as_exporter(value)) av.buffer = exp;
            return obj.obj<MemoryView>().set(sub, av);
        }
        case Kind::Array: {
            auto& a = obj.obj<ArrayObject>();
            if (key.is(Kind::Slice)) {
                BV_CHECK(adjust_slice(to_slice_args(key), a.size()));  // array_ass_subscr: slice first
                if (!value.is(Kind::Array))
                    return raise(ExcType::TypeError, "can only assign array (not \"" +
                                                         type_name(value) + "\") to array slice");
                return a.set_slice(to_slice_args(key), value.obj<ArrayObject>());
            }
            if (!is_index(key)) return raise(ExcType::TypeError, "array indices must be integers");
            BV_TRY(i, index_key(key));
            return a.set(i, to_item(value));
        }
        case Kind::Mmap: {
            auto& m = obj.obj<MmapObject>();
            BV_CHECK(m.check_assignable());
            if (key.is(Kind::Slice)) {
                BV_TRY(n, m.len());
                BV_CHECK(adjust_slice(to_slice_args(key), n));  // PySlice_Unpack before the buffer
                BV_TRY(data, require_bytes_like(value));
                return m.set_slice(to_slice_args(key), data);
            }
            if (!is_index(key)) return raise(ExcType::TypeError, "mmap indices must be integer");
            BV_TRY(i, index_key(key));
            return m.set(i, to_item(value));
        }
        default:
            if (immutable_sequence(obj) && is_index(key)) BV_CHECK(index_key(key));
            return raise(ExcType::TypeError,
                         "'" + type_name(obj) + "' object does not support item assignment");
    }
}

Result<void> delitem(Interp& interp, const Value& obj, const Value& key) {
    BV_TRY(user_key, user_index_key(interp, obj, key));
    if (user_key) return delitem(interp, obj, *user_key);
    switch (obj.kind()) {
        case Kind::Instance:
            return instance_delitem(interp, obj, key);
        case Kind::List: {
            auto& items = obj.obj<ListObject>().items;
            if (key.is(Kind::Slice)) {
                BV_TRY(b, slice_bounds(key.obj<SliceObject>(), static_cast<int64_t>(items.size())));
                if (b.length == 0) return ok();
                std::vector<Value> removed;
                if (b.step < 0) {
                    // walk forwards over the same positions
                    b.start = b.start + (b.length - 1) * b.step;
                    b.step = -b.step;
                }
                std::vector<Value> kept;
                kept.reserve(items.size() - static_cast<size_t>(b.length));
                int64_t next = b.start, taken = 0;
                for (int64_t i = 0; i < static_cast<int64_t>(items.size()); ++i) {
                    if (taken < b.length && i == next) {
                        removed.push_back(std::move(items[static_cast<size_t>(i)]));
                        ++taken;
                        if (taken < b.length) next += b.step;
                    } else {
                        kept.push_back(std::move(items[static_cast<size_t>(i)]));
                    }
                }
                items = std::move(kept);
                return ok();
            }
            if (!is_index(key)) return bad_key("list", key);
            BV_TRY(i, seq_index(key, static_cast<int64_t>(items.size()),
                                "list assignment index out of range"));
            Value old = std::move(items[static_cast<size_t>(i)]);
            items.erase(items.begin() + i);
            return ok();
        }
        case Kind::Dict: {
            BV_TRY(old, obj.obj<DictObject>().erase(key));
            if (!old) return key_error(key);
            return ok();
        }
        case Kind::ByteArray: {
            auto& ba = obj.obj<ByteArrayObject>();
            if (key.is(Kind::Slice)) return ba.del_slice(to_slice_args(key));
            if (!is_index(key)) return bad_key("bytearray", key);
            BV_TRY(i, index_key(key));
            return ba.del_item(i);
        }
        case Kind::Array: {
            auto& a = obj.obj<ArrayObject>();
            if (key.is(Kind::Slice)) return a.del_slice(to_slice_args(key));
            if (!is_index(key)) return raise(ExcType::TypeError, "array indices must be integers");
            BV_TRY(i, index_key(key));
            return a.del_item(i);
        }
        case Kind::MemoryView: {
            BV_TRY(sub, to_subscript(key));
            return obj.obj<MemoryView>().del(sub);
        }
        case Kind::Mmap: {
            auto& m = obj.obj<MmapObject>();
            if (key.is(Kind::Slice)) return m.del_slice(to_slice_args(key));
            BV_CHECK(m.check_assignable());
            if (!is_index(key)) return raise(ExcType::TypeError, "mmap indices must be integer");
            BV_TRY(i, index_key(key));
            return m.del_item(i);
        }
        default:
            // PySequence_DelItem's message for a sequence without item deletion,
            // PyObject_DelItem's for anything else (or a key that is no index).
            if (immutable_sequence(obj) && is_index(key)) {
                BV_CHECK(index_key(key));
                return raise(ExcType::TypeError,
                             "'" + type_name(obj) + "' object doesn't support item deletion");
            }
            return raise(ExcType::TypeError,
                         "'" + type_name(obj) + "' object does not support item deletion");
    }
}

}  // namespace engine::py
