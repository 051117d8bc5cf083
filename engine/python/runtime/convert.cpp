// Values <-> buffer-layer items and byte strings.
#include "engine/python/runtime/convert.hpp"

#include <cmath>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

Item to_item(const Value& v) {
    switch (v.kind()) {
        case Kind::None:
            return Item::none();
        case Kind::Bool:
            return Item::boolean(v.as_bool());
        case Kind::Int: {
            if (v.is_small_int()) return Item::integer(v.small_int());
            const BigInt& b = v.big_int();
            if (b.bit_length() <= 64) {
                BigInt m = b.abs();
                uint64_t mag = static_cast<uint64_t>(m.shr(32).to_int64()) << 32 |
                               static_cast<uint64_t>((m & BigInt(0xFFFFFFFFLL)).to_int64());
                return Item::int_from(b.negative(), mag);
            }
            auto d = b.to_double();
            return Item::big_int(b.negative(), d ? *d : (b.negative() ? -HUGE_VAL : HUGE_VAL));
        }
        case Kind::Float:
            return Item::floating(v.as_float());
        case Kind::Bytes:
            return Item::bytes(std::string(v.obj<BytesObject>().view()));
        case Kind::ByteArray:
            return Item::bytes(std::string(v.obj<ByteArrayObject>().view()));
        default: {
            auto t = truthy(v);
            return Item::other(type_name(v), t ? *t : true);
        }
    }
}

Result<Value> from_item(Interp& interp, const Item& item) {
    switch (item.kind()) {
        case Item::Kind::None:
            return Value();
        case Item::Kind::Bool:
            return Value::boolean(item.bool_value());
        case Item::Kind::Int: {
            if (auto i = item.as_int64()) return Value::integer(*i);
            return Value::integer(BigInt::from_u64(item.magnitude(), item.negative()));
        }
        case Item::Kind::Float:
            return Value::floating(item.float_value());
        case Item::Kind::Bytes:
            return make_bytes(interp, item.bytes_value());
        case Item::Kind::Other:
            break;
    }
    return raise(ExcType::TypeError, "unsupported item type '" + item.type_name() + "'");
}

Result<Value> from_items_tuple(Interp& interp, const std::vector<Item>& items) {
    std::vector<Value> out;
    out.reserve(items.size());
    for (const auto& it : items) {
        BV_TRY(v, from_item(interp, it));
        out.push_back(std::move(v));
    }
    return Value::tuple(std::move(out));
}

Result<Value> from_nested(Interp& interp, const NestedItem& n) {
    if (!n.is_list) return from_item(interp, n.item);
    std::vector<Value> out;
    out.reserve(n.elements.size());
    for (const auto& e : n.elements) {
        BV_TRY(v, from_nested(interp, e));
        out.push_back(std::move(v));
    }
    return Value::list(std::move(out));
}

Result<Value> make_bytes(Interp& interp, std::string_view data) {
    BV_TRY(b, BytesObject::create(interp.buffer_context(), data));
    return Value::wrap(std::move(b));
}

Result<Value> make_bytearray(Interp& interp, std::string_view data) {
    BV_TRY(b, ByteArrayObject::create(interp.buffer_context(), data));
    return Value::wrap(std::move(b));
}

std::shared_ptr<Exporter> as_exporter(const Value& v) {
    switch (v.kind()) {
        case Kind::Bytes:
            return v.shared<BytesObject>();
        case Kind::ByteArray:
            return v.shared<ByteArrayObject>();
        case Kind::MemoryView:
            return v.shared<MemoryView>();
        case Kind::Array:
            return v.shared<ArrayObject>();
        case Kind::Mmap:
            return v.shared<MmapObject>();
        case Kind::Exporter:
            return v.shared<Exporter>();
        default:
            return nullptr;
    }
}

std::optional<std::string_view> bytes_view(const Value& v) {
    if (v.is(Kind::Bytes)) return v.obj<BytesObject>().view();
    if (v.is(Kind::ByteArray)) return v.obj<ByteArrayObject>().view();
    return std::nullopt;
}

Result<std::optional<BufferBytes>> buffer_bytes_of(const Value& v, std::string_view what) {
    if (v.is(Kind::Bytes)) {
        const auto& b = v.obj<BytesObject>();
        if (!what.empty()) b.block().report_read(0, b.block().size(), b.id(), what);
        return std::optional<BufferBytes>(BufferBytes{std::string(b.view()), b.block().id()});
    }
    if (v.is(Kind::ByteArray)) {
        const auto& b = v.obj<ByteArrayObject>();
        if (!what.empty()) b.block().report_read(0, b.block().size(), b.id(), what);
        return std::optional<BufferBytes>(BufferBytes{std::string(b.view()), b.block().id()});
    }
    auto exp = as_exporter(v);
    if (!exp) return std::optional<BufferBytes>();
    // PyObject_GetBuffer(PyBUF_SIMPLE): a non-contiguous memoryview refuses
    // ("memoryview: underlying buffer is not C-contiguous").
    BV_TRY(buf, exp->get_buffer(kBufSimple));
    if (!what.empty()) report_read(buf.info(), exp->id(), what);
    return std::optional<BufferBytes>(BufferBytes{std::string(buf.bytes()), buf.info().block_id()});
}

Result<std::optional<std::string>> bytes_like(const Value& v, std::string_view what) {
    BV_TRY(b, buffer_bytes_of(v, what));
    if (!b) return std::optional<std::string>();
    return std::optional<std::string>(std::move(b->data));
}

Result<std::optional<std::string>> bytes_like_any(const Value& v) {
    if (v.is(Kind::MemoryView)) {
        BV_TRY(s, v.obj<MemoryView>().tobytes_string());
        return std::optional<std::string>(std::move(s));
    }
    return bytes_like(v);
}

Result<std::string> require_bytes_like(const Value& v) {
    BV_TRY(b, bytes_like(v));
    if (!b)
        return raise(ExcType::TypeError,
                     "a bytes-like object is required, not '" + type_name(v) + "'");
    return std::move(*b);
}

SliceArgs to_slice_args(const Value& slice) {
    const auto& s = slice.obj<SliceObject>();
    return SliceArgs{to_item(s.start), to_item(s.stop), to_item(s.step)};
}

Result<int64_t> to_ssize(const Value& v) {
    if (v.is_big_int())
        return raise(ExcType::OverflowError, "Python int too large to convert to C ssize_t");
    return to_index(v);
}

Result<std::optional<int64_t>> to_optional_ssize(const Value& v) {
    if (v.is_none()) return std::optional<int64_t>();
    if (v.is(Kind::Instance) && current_interp()) {  // _PyIndex_Check: an __index__ method
        BV_TRY(r, call_slot(*current_interp(), v, Slot::Index, {}));
        if (r) {
            if (!r->is_int())
                return raise(ExcType::TypeError,
                             "__index__ returned non-int (type " + type_name(*r) + ")");
            BV_TRY(n, to_index(*r));
            return std::optional<int64_t>(n);
        }
    }
    if (!is_intlike(v))
        return raise(ExcType::TypeError,
                     "argument should be integer or None, not '" + type_name(v) + "'");
    BV_TRY(n, to_index(v));
    return std::optional<int64_t>(n);
}

}  // namespace engine::py
