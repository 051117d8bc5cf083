// Binary and unary operators, in-place operators, and `in`.
#include <fmt/format.h>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/format.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/set.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

namespace {

constexpr int64_t kMaxSeqBytes = int64_t{1} << 30;

Error unsupported(BinOp op, const Value& a, const Value& b) {
    if (op == BinOp::Pow)
        return raise(ExcType::TypeError,
                     fmt::format("unsupported operand type(s) for ** or pow(): '{}' and '{}'",
                                 type_name(a), type_name(b)));
    return raise(ExcType::TypeError,
                 fmt::format("unsupported operand type(s) for {}: '{}' and '{}'", binop_symbol(op),
                             type_name(a), type_name(b)));
}

// Repeat count of seq * n; n is int or bool.
Result<int64_t> repeat_count(const Value& n, int64_t item_size, int64_t len) {
    if (n.is_big_int()) {
        if (n.big_int().negative() || len == 0) return int64_t{0};
        return raise(ExcType::OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    int64_t k = n.small_int();
    if (k <= 0 || len == 0) return int64_t{0};
    if (k > kMaxSeqBytes / (len * item_size)) return raise(ExcType::MemoryError, "");
    // The whole-heap budget (a list/tuple item is a Value slot there).
    BV_CHECK(heap_reserve(static_cast<uint64_t>(len) * static_cast<uint64_t>(k),
                          item_size == 16 ? kValueSlot : static_cast<uint64_t>(item_size)));
    return k;
}

// CPython 3.11 bytes_repeat / unicode_repeat: a size past PY_SSIZE_T_MAX is this
// OverflowError (bytearray and list say MemoryError); below, the memory budget decides.
Result<void> check_repeat_size(const Value& n, int64_t len, const char* message) {
    if (n.is_big_int() || len == 0) return ok();
    const int64_t k = n.small_int();
    if (k > 0 && len > INT64_MAX / k) return raise(ExcType::OverflowError, message);
    return ok();
}

Result<Value> repeat(Interp& interp, const Value& seq, const Value& n) {
    switch (seq.kind()) {
        case Kind::Str: {
            const std::string& s = seq.str_utf8();
            BV_CHECK(check_repeat_size(n, static_cast<int64_t>(s.size()), "repeated string is too long"));
            BV_TRY(k, repeat_count(n, 1, static_cast<int64_t>(s.size())));
            const auto& so = seq.as_str();
            return Value::str_known(repeat_bytes(s, static_cast<uint64_t>(k)), so.length * k,
                                    so.ascii);
        }
        case Kind::List:
        case Kind::Tuple: {
            const auto& items =
                seq.is(Kind::List) ? seq.obj<ListObject>().items : seq.obj<TupleObject>().items;
            BV_TRY(k, repeat_count(n, 16, static_cast<int64_t>(items.size())));
            std::vector<Value> out;
            out.reserve(items.size() * k);
            for (int64_t i = 0; i < k; ++i) out.insert(out.end(), items.begin(), items.end());
            return seq.is(Kind::List) ? Value::list(std::move(out)) : Value::tuple(std::move(out));
        }
        case Kind::Bytes:
        case Kind::ByteArray: {
            std::string_view s = *bytes_view(seq);
            if (seq.is(Kind::Bytes))
                BV_CHECK(check_repeat_size(n, static_cast<int64_t>(s.size()), "repeated bytes are too long"));
            BV_TRY(k, repeat_count(n, 1, static_cast<int64_t>(s.size())));
            std::string out = repeat_bytes(s, static_cast<uint64_t>(k));
            return seq.is(Kind::Bytes) ? make_bytes(interp, out) : make_bytearray(interp, out);
        }
        default:
            return Value::not_implemented();
    }
}

bool is_sequence_kind(const Value& v) {
    return v.is_str() || v.is(Kind::List) || v.is(Kind::Tuple) || v.is(Kind::Bytes) ||
           v.is(Kind::ByteArray);
}

Result<Value> array_repeat(Interp& interp, const Value& a, const Value& n) {
    auto& arr = a.obj<ArrayObject>();
    BV_TRY(k, repeat_count(n, arr.itemsize(), arr.size()));
    BV_TRY(out, ArrayObject::create(interp.buffer_context(), arr.typecode()));
    for (int64_t i = 0; i < k; ++i) BV_CHECK(out->extend_array(arr));
    return Value::wrap(std::move(out));
}

Result<Value> concat(Interp& interp, const Value& a, const Value& b) {
    switch (a.kind()) {
        case Kind::Array: {
            if (!b.is(Kind::Array))
                return raise(ExcType::TypeError,
                             "can only append array (not \"" + type_name(b) + "\") to array");
            auto& x = a.obj<ArrayObject>();
            auto& y = b.obj<ArrayObject>();
            if (x.typecode() != y.typecode())
                return raise(ExcType::TypeError, "bad argument type for built-in operation");
            BV_TRY(out, ArrayObject::create(interp.buffer_context(), x.typecode()));
            BV_CHECK(out->extend_array(x));
            BV_CHECK(out->extend_array(y));
            return Value::wrap(std::move(out));
        }
        case Kind::Str:
            if (!b.is_str())
                return raise(ExcType::TypeError,
                             "can only concatenate str (not \"" + type_name(b) + "\") to str");
            BV_CHECK(heap_reserve(a.str_utf8().size() + b.str_utf8().size()));
            return Value::str_known(a.str_utf8() + b.str_utf8(),
                                    a.as_str().length + b.as_str().length,
                                    a.as_str().ascii && b.as_str().ascii);
        case Kind::List: {
            if (!b.is(Kind::List))
                return raise(ExcType::TypeError,
                             "can only concatenate list (not \"" + type_name(b) + "\") to list");
            BV_CHECK(heap_reserve(
                a.obj<ListObject>().items.size() + b.obj<ListObject>().items.size(), kValueSlot));
            auto items = a.obj<ListObject>().items;
            const auto& more = b.obj<ListObject>().items;
            items.insert(items.end(), more.begin(), more.end());
            return Value::list(std::move(items));
        }
        case Kind::Tuple: {
            if (!b.is(Kind::Tuple))
                return raise(ExcType::TypeError,
                             "can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
            BV_CHECK(heap_reserve(
                a.obj<TupleObject>().items.size() + b.obj<TupleObject>().items.size(), kValueSlot));
            auto items = a.obj<TupleObject>().items;
            const auto& more = b.obj<TupleObject>().items;
            items.insert(items.end(), more.begin(), more.end());
            return Value::tuple(std::move(items));
        }
        case Kind::Bytes:
        case Kind::ByteArray: {
            auto other = buffer_bytes_of(b);
            if (!other || !*other)
                return raise(ExcType::TypeError,
                             "can't concat " + type_name(b) + " to " + type_name(a));
            // CPython 3.11 bytes_concat: an empty side gives the other bytes object itself.
            if (a.is(Kind::Bytes) && (*other)->data.empty()) return a;
            if (a.is(Kind::Bytes) && b.is(Kind::Bytes) && bytes_view(a)->empty()) return b;
            BV_CHECK(heap_reserve(bytes_view(a)->size() + (*other)->data.size()));
            std::string out(*bytes_view(a));
            out += (*other)->data;
            BV_TRY(r, a.is(Kind::Bytes) ? make_bytes(interp, out) : make_bytearray(interp, out));
            // CPython memcpy's both operands into the new object.
            const uint64_t from_a = a.is(Kind::Bytes) ? a.obj<BytesObject>().block().id()
                                                      : a.obj<ByteArrayObject>().block().id();
            const uint64_t to = r.is(Kind::Bytes) ? r.obj<BytesObject>().block().id()
                                                  : r.obj<ByteArrayObject>().block().id();
            const uint64_t through =
                a.is(Kind::Bytes) ? a.obj<BytesObject>().id() : a.obj<ByteArrayObject>().id();
            auto& ctx = interp.buffer_context();
            const size_t na = out.size() - (*other)->data.size();
            if (na > 0) ctx.note_copy(na, from_a, to, through);
            if (!(*other)->data.empty())
                ctx.note_copy((*other)->data.size(), (*other)->block, to, through);
            return r;
        }
        default:
            return Value::not_implemented();
    }
}

}  // namespace

Result<Value> binary_op(Interp& interp, BinOp op, const Value& a, const Value& b) {
    if (is_anyset(a) && is_anyset(b)) {
        BV_TRY(r, set_binary(op, a, b, false));
        if (r) return std::move(*r);
    }
    if (is_number(a) && is_number(b)) {
        if (is_intlike(a) && is_intlike(b)) {
            if (a.is_bool() && b.is_bool() &&
                (op == BinOp::And || op == BinOp::Or || op == BinOp::Xor)) {
                bool x = a.as_bool(), y = b.as_bool();
                return Value::boolean(op == BinOp::And  ? (x && y)
                                      : op == BinOp::Or ? (x || y)
                                                        : (x != y));
            }
            BV_TRY(r, int_binary(op, a, b));
            if (!r.is(Kind::NotImplemented)) return r;
            return unsupported(op, a, b);
        }
        switch (op) {
            case BinOp::Add:
            case BinOp::Sub:
            case BinOp::Mul:
            case BinOp::TrueDiv:
            case BinOp::FloorDiv:
            case BinOp::Mod:
            case BinOp::Pow: {
                BV_TRY(x, number_to_double(a));
                BV_TRY(y, number_to_double(b));
                return float_binary(op, x, y);
            }
            default:
                return unsupported(op, a, b);
        }
    }
    switch (op) {
        case BinOp::Add: {
            BV_TRY(r, concat(interp, a, b));
            if (!r.is(Kind::NotImplemented)) return r;
            if (b.is(Kind::Bytes) || b.is(Kind::ByteArray)) {
                // memoryview + bytes etc.: bytes' __radd__ does not exist; fall through
            }
            return unsupported(op, a, b);
        }
        case BinOp::Mul: {
            if (a.is(Kind::Array) || b.is(Kind::Array)) {
                const Value& arr = a.is(Kind::Array) ? a : b;
                const Value& n = a.is(Kind::Array) ? b : a;
                if (!is_intlike(n))
                    return raise(
                        ExcType::TypeError,
                        "can't multiply sequence by non-int of type '" + type_name(n) + "'");
                return array_repeat(interp, arr, n);
            }
            if (is_sequence_kind(a)) {
                if (!is_intlike(b))
                    return raise(
                        ExcType::TypeError,
                        "can't multiply sequence by non-int of type '" + type_name(b) + "'");
                return repeat(interp, a, b);
            }
            if (is_sequence_kind(b)) {
                if (!is_intlike(a))
                    return raise(
                        ExcType::TypeError,
                        "can't multiply sequence by non-int of type '" + type_name(a) + "'");
                return repeat(interp, b, a);
            }
            return unsupported(op, a, b);
        }
        case BinOp::Mod: {
            if (a.is_str()) {
                BV_TRY(s, percent_format(a.str_utf8(), b));
                return Value::str(std::move(s));
            }
            if (a.is(Kind::Bytes) || a.is(Kind::ByteArray)) {
                BV_TRY(s, percent_format_bytes(*bytes_view(a), b));
                return a.is(Kind::Bytes) ? make_bytes(interp, s) : make_bytearray(interp, s);
            }
            return unsupported(op, a, b);
        }
        case BinOp::Or:
            if (a.is(Kind::Dict) && b.is(Kind::Dict)) {
                Value out = Value::dict();
                auto& d = out.obj<DictObject>();
                for (const auto* src : {&a.obj<DictObject>(), &b.obj<DictObject>()})
                    for (const auto& e : src->entries())
                        if (e.live) BV_CHECK(d.set(e.key, e.value));
                return out;
            }
            return unsupported(op, a, b);
        default:
            return unsupported(op, a, b);
    }
}

Result<Value> inplace_op(Interp& interp, BinOp op, const Value& a, const Value& b) {
    if (a.is(Kind::List)) {
        if (op == BinOp::Add) {
            BV_TRY(items, collect(interp, b));
            BV_CHECK(a.obj<ListObject>().grow(items.size()));
            auto& l = a.obj<ListObject>().items;
            l.insert(l.end(), items.begin(), items.end());
            return a;
        }
        if (op == BinOp::Mul && is_intlike(b)) {
            auto& l = a.obj<ListObject>().items;
            BV_TRY(k, repeat_count(b, 16, static_cast<int64_t>(l.size())));
            if (k == 0) {
                std::vector<Value> old = std::move(l);
                l.clear();
                return a;
            }
            BV_CHECK(a.obj<ListObject>().grow(l.size() * static_cast<uint64_t>(k - 1)));
            std::vector<Value> copy = l;
            for (int64_t i = 1; i < k; ++i) l.insert(l.end(), copy.begin(), copy.end());
            return a;
        }
    }
    if (a.is(Kind::ByteArray)) {
        auto& ba = a.obj<ByteArrayObject>();
        if (op == BinOp::Add) {
            // CPython 3.11 bytearray_iconcat holds the operand's export over the resize, so
            // `ba += ba` (a non-empty ba) is refused with BufferError, unlike ba.extend(ba).
            if (b.identity() == a.identity()) {
                auto held = ba.get_buffer(kBufSimple, ba.id());
                if (!held) return held.error();
                BV_CHECK(ba.iadd(std::string(held->bytes()), ba.block().id()));
                return a;
            }
            // CPython 3.11 bytearray_iconcat: any failure to get the buffer is this TypeError.
            auto other = buffer_bytes_of(b);
            if (!other || !*other)
                return raise(ExcType::TypeError, "can't concat " + type_name(b) + " to bytearray");
            BV_CHECK(ba.iadd((*other)->data, (*other)->block));
            return a;
        }
        if (op == BinOp::Mul && is_intlike(b)) {
            BV_TRY(k, repeat_count(b, 1, ba.size()));
            BV_CHECK(ba.imul(k));
            return a;
        }
    }
    if (a.is(Kind::Array) && (op == BinOp::Add || op == BinOp::Mul)) {
        auto& arr = a.obj<ArrayObject>();
        if (op == BinOp::Add) {
            if (!b.is(Kind::Array))
                return raise(ExcType::TypeError,
                             "can only extend array with array (not \"" + type_name(b) + "\")");
            BV_CHECK(arr.extend_array(b.obj<ArrayObject>()));  // a += a too: it reads before it grows
            return a;
        }
        if (!is_intlike(b))
            return raise(ExcType::TypeError,
                         "can't multiply sequence by non-int of type '" + type_name(b) + "'");
        BV_TRY(k, repeat_count(b, arr.itemsize(), arr.size()));
        if (k == 1 || arr.size() == 0) return a;
        if (k == 0) {
            BV_CHECK(arr.del_slice(SliceArgs{Item::none(), Item::none(), Item::none()}));
            return a;
        }
        // CPython copies the items k - 1 times after themselves.
        const std::string copy(arr.block().view());
        for (int64_t i = 1; i < k; ++i) BV_CHECK(arr.frombytes(copy, arr.block().id()));
        return a;
    }
    if (a.is(Kind::Set) && is_anyset(b)) {
        BV_TRY(r, set_binary(op, a, b, true));
        if (r) return std::move(*r);
    }
    if (a.is(Kind::Dict) && op == BinOp::Or) {
        if (!b.is(Kind::Dict)) return unsupported(op, a, b);
        auto& d = a.obj<DictObject>();
        for (const auto& e : b.obj<DictObject>().entries())
            if (e.live) BV_CHECK(d.set(e.key, e.value));
        return a;
    }
    auto r = binary_op(interp, op, a, b);
    if (!r) {
        // CPython names the augmented operator: "unsupported operand type(s) for +=: ..."
        Error e = std::move(r).error();
        std::string prefix = fmt::format("unsupported operand type(s) for {}:", binop_symbol(op));
        if (e.type == ExcType::TypeError && e.message.rfind(prefix, 0) == 0) {
            e.message = fmt::format("unsupported operand type(s) for {}=:", binop_symbol(op)) +
                        e.message.substr(prefix.size());
        } else if (op == BinOp::Pow &&
                   e.message.rfind("unsupported operand type(s) for ** or pow():", 0) == 0) {
            e.message = "unsupported operand type(s) for **=:" + e.message.substr(44);
        }
        return e;
    }
    return r;
}

Result<Value> unary_op(UnaryOp op, const Value& v) {
    if (op == UnaryOp::Not) {
        BV_TRY(t, truthy(v));
        return Value::boolean(!t);
    }
    const char* sym = op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~";
    if (is_intlike(v)) {
        Value x = v.is_bool() ? Value::integer(v.small_int()) : v;
        switch (op) {
            case UnaryOp::Pos:
                return x;
            case UnaryOp::Neg:
                return int_binary(BinOp::Sub, Value::integer(0), x);
            case UnaryOp::Invert:
                return int_binary(BinOp::Sub, Value::integer(-1), x);
            default:
                break;
        }
    }
    if (v.is_float()) {
        if (op == UnaryOp::Neg) return Value::floating(-v.as_float());
        if (op == UnaryOp::Pos) return v;
    }
    return raise(ExcType::TypeError,
                 fmt::format("bad operand type for unary {}: '{}'", sym, type_name(v)));
}

Result<bool> contains(Interp& interp, const Value& container, const Value& item) {
    switch (container.kind()) {
        case Kind::Instance:
            return instance_contains(interp, container, item);
        case Kind::Str:
            if (!item.is_str())
                return raise(
                    ExcType::TypeError,
                    "'in <string>' requires string as left operand, not " + type_name(item));
            return container.str_utf8().find(item.str_utf8()) != std::string::npos;
        case Kind::List:
        case Kind::Tuple: {
            const auto& items = container.is(Kind::List) ? container.obj<ListObject>().items
                                                         : container.obj<TupleObject>().items;
            for (size_t i = 0; i < items.size(); ++i) {
                Value x = items[i];  // the list may change during eq
                if (x.same_as(item)) return true;
                BV_TRY(e, eq(x, item));
                if (e) return true;
            }
            return false;
        }
        case Kind::Dict:
            return container.obj<DictObject>().contains(item);
        case Kind::Set:
        case Kind::FrozenSet:
            return set_contains(container, item);
        case Kind::Range: {
            const auto& r = container.obj<RangeObject>();
            if (item.is_small_int() || item.is_bool()) {
                int64_t x = item.small_int();
                if (r.step > 0 ? (x < r.start || x >= r.stop) : (x > r.start || x <= r.stop))
                    return false;
                uint64_t off = r.step > 0
                                   ? static_cast<uint64_t>(x) - static_cast<uint64_t>(r.start)
                                   : static_cast<uint64_t>(r.start) - static_cast<uint64_t>(x);
                uint64_t st =
                    r.step > 0 ? static_cast<uint64_t>(r.step) : 0 - static_cast<uint64_t>(r.step);
                return off % st == 0;
            }
            if (item.is_big_int()) return false;
            break;  // generic scan below
        }
        case Kind::Bytes:
        case Kind::ByteArray: {
            std::string_view s = *bytes_view(container);
            if (is_intlike(item)) {
                int64_t b = item.is_big_int() ? -1 : item.small_int();
                if (b < 0 || b > 255)
                    return raise(ExcType::ValueError, "byte must be in range(0, 256)");
                return s.find(static_cast<char>(b)) != std::string_view::npos;
            }
            BV_TRY(sub, bytes_like(item));
            if (!sub)
                return raise(ExcType::TypeError,
                             "a bytes-like object is required, not '" + type_name(item) + "'");
            return s.find(*sub) != std::string_view::npos;
        }
        case Kind::MemoryView:
            return container.obj<MemoryView>().contains(to_item(item));
        default:
            break;
    }
    // Generic: iterate.
    auto it = get_iter(interp, container);
    if (!it) {
        if (it.error().type == ExcType::TypeError)
            return raise(ExcType::TypeError,
                         "argument of type '" + type_name(container) + "' is not iterable");
        return it.error();
    }
    while (true) {
        BV_TRY(x, iter_next(interp, *it));
        if (!x) return false;
        BV_CHECK(interp.tick());
        if (x->same_as(item)) return true;
        BV_TRY(e, eq(*x, item));
        if (e) return true;
    }
}

}  // namespace engine::py
