// Types, repr/str, truth, hashing, equality and ordering of Values.
#include "engine/python/runtime/ops.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_io.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/buffer/temp_file.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/iter.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/modules.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/set.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

// ---- types ------------------------------------------------------------------

TypeObject type_of(const Value& v) {
    switch (v.kind()) {
        case Kind::None:
            return {TypeId::NoneType};
        case Kind::Bool:
            return {TypeId::Bool};
        case Kind::Int:
            return {TypeId::Int};
        case Kind::Float:
            return {TypeId::Float};
        case Kind::Ellipsis:
            return {TypeId::Ellipsis};
        case Kind::NotImplemented:
            return {TypeId::NotImplementedType};
        case Kind::Str:
            return {TypeId::Str};
        case Kind::Bytes:
            return {TypeId::Bytes};
        case Kind::ByteArray:
            return {TypeId::ByteArray};
        case Kind::MemoryView:
            return {TypeId::MemoryView};
        case Kind::List:
            return {TypeId::List};
        case Kind::Tuple:
            return {TypeId::Tuple};
        case Kind::Dict:
            return {TypeId::Dict};
        case Kind::Range:
            return {TypeId::Range};
        case Kind::Slice:
            return {TypeId::Slice};
        case Kind::Function:
            return {TypeId::Function};
        case Kind::Builtin:
            return {TypeId::BuiltinFunction};
        case Kind::Exception:
            return {TypeId::Exception, v.obj<ExceptionObject>().type};
        case Kind::Type:
            return {TypeId::Type};
        case Kind::Iterator: {
            const auto& it = v.obj<IteratorObject>();
            return {it.type_id(), ExcType::Exception, it.type_name()};
        }
        case Kind::Module:
            return {TypeId::Module};
        case Kind::Array:
            return {TypeId::Array};
        case Kind::Mmap:
            return {TypeId::Mmap};
        case Kind::BytesIO:
            return {TypeId::BytesIO};
        case Kind::TempFile:
            return {TypeId::TempFile};
        case Kind::Struct:
            return {TypeId::Struct};
        case Kind::Exporter:  // named by the exporter ("_io._BytesIOBuffer")
            return {TypeId::Iterator, ExcType::Exception, v.obj<engine::Exporter>().type_name().data()};
        case Kind::Set:
            return {TypeId::Set};
        case Kind::FrozenSet:
            return {TypeId::FrozenSet};
        case Kind::Instance: {
            TypeObject t;
            t.id = TypeId::Class;
            t.cls = v.obj<InstanceObject>().cls;
            return t;
        }
    }
    return {TypeId::NoneType};
}

std::string type_name(const TypeObject& t) {
    switch (t.id) {
        case TypeId::NoneType:
            return "NoneType";
        case TypeId::Bool:
            return "bool";
        case TypeId::Int:
            return "int";
        case TypeId::Float:
            return "float";
        case TypeId::Str:
            return "str";
        case TypeId::Bytes:
            return "bytes";
        case TypeId::ByteArray:
            return "bytearray";
        case TypeId::MemoryView:
            return "memoryview";
        case TypeId::List:
            return "list";
        case TypeId::Tuple:
            return "tuple";
        case TypeId::Dict:
            return "dict";
        case TypeId::Set:
            return "set";
        case TypeId::FrozenSet:
            return "frozenset";
        case TypeId::Range:
            return "range";
        case TypeId::Slice:
            return "slice";
        case TypeId::Ellipsis:
            return "ellipsis";
        case TypeId::NotImplementedType:
            return "NotImplementedType";
        case TypeId::Function:
            return "function";
        case TypeId::BuiltinFunction:
            return "builtin_function_or_method";
        case TypeId::Exception:
            return std::string(exc_qualified_name(t.exc));
        case TypeId::Type:
            return "type";
        case TypeId::Module:
            return "module";
        case TypeId::Array:
            return "array.array";
        case TypeId::Mmap:
            return "mmap.mmap";
        case TypeId::BytesIO:
            return "_io.BytesIO";
        case TypeId::TempFile:
            return "_io.BufferedRandom";
        case TypeId::Struct:
            return "_struct.Struct";
        case TypeId::ListIterator:
            return "list_iterator";
        case TypeId::TupleIterator:
            return "tuple_iterator";
        case TypeId::StrIterator:
            return "str_ascii_iterator";
        case TypeId::BytesIterator:
            return "bytes_iterator";
        case TypeId::RangeIterator:
            return "range_iterator";
        case TypeId::DictKeyIterator:
            return "dict_keyiterator";
        case TypeId::DictValueIterator:
            return "dict_valueiterator";
        case TypeId::DictItemIterator:
            return "dict_itemiterator";
        case TypeId::Enumerate:
            return "enumerate";
        case TypeId::Zip:
            return "zip";
        case TypeId::Reversed:
            return "reversed";
        case TypeId::Generator:
            return "generator";
        case TypeId::DictKeys:
            return "dict_keys";
        case TypeId::DictValues:
            return "dict_values";
        case TypeId::DictItems:
            return "dict_items";
        case TypeId::Iterator:
            return t.iter_name ? t.iter_name : "iterator";
        case TypeId::Class:
            return t.cls ? t.cls->name : "object";
        case TypeId::Object:
            return "object";
    }
    return "object";
}

std::string type_name(const Value& v) { return type_name(type_of(v)); }

std::string type_short_name(const TypeObject& t) {
    std::string full = type_name(t);
    auto dot = full.rfind('.');
    return dot == std::string::npos ? full : full.substr(dot + 1);
}

namespace {
bool type_is_subclass(const TypeObject& t, const TypeObject& base) {
    if (t == base) return true;
    if (base.id == TypeId::Object) return true;
    if (t.id == TypeId::Class) {
        if (base.id == TypeId::Class) return t.cls->is_subclass_of(*base.cls);
        return t.cls->exc_base && base.id == TypeId::Exception &&
               exc_is_subclass(*t.cls->exc_base, base.exc);
    }
    if (t.id == TypeId::Bool && base.id == TypeId::Int) return true;
    if (t.id == TypeId::Exception && base.id == TypeId::Exception)
        return exc_is_subclass(t.exc, base.exc);
    return false;
}

Result<bool> isinstance_inner(const TypeObject& t, const Value& spec, int depth) {
    if (spec.is(Kind::Type)) return type_is_subclass(t, spec.obj<TypeObject>());
    if (spec.is(Kind::Tuple) && depth < 50) {
        for (const auto& s : spec.obj<TupleObject>().items) {
            BV_TRY(r, isinstance_inner(t, s, depth + 1));
            if (r) return true;
        }
        return false;
    }
    return raise(ExcType::TypeError,
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
}
}  // namespace

Result<bool> isinstance(const Value& v, const Value& spec) {
    return isinstance_inner(type_of(v), spec, 0);
}

// ---- repr / str ---------------------------------------------------------------

namespace {
// Containers being repr'd right now, to print [...] for self-reference.
thread_local std::vector<const void*> g_repr_stack;

// Nesting depth of repr/eq/compare on containers; past CPython's recursion
// limit they raise RecursionError instead of exhausting the C++ stack.
constexpr int kMaxNesting = 1000;
thread_local int g_nesting = 0;
struct NestGuard {
    NestGuard() { ++g_nesting; }
    ~NestGuard() { --g_nesting; }
    bool too_deep() const { return g_nesting > kMaxNesting; }
};

struct ReprGuard {
    const void* p;
    bool active;
    explicit ReprGuard(const void* ptr) : p(ptr) {
        active = true;
        for (auto* q : g_repr_stack)
            if (q == p) active = false;
        if (active) g_repr_stack.push_back(p);
    }
    ~ReprGuard() {
        if (active) g_repr_stack.pop_back();
    }
};

std::string addr(const Value& v) {
    return fmt::format("0x{:x}", reinterpret_cast<uintptr_t>(v.identity()) | 0x7f0000000000ULL);
}

Result<std::string> repr_seq(const std::vector<Value>& items, const char* open, const char* close,
                             bool tuple) {
    NestGuard nest;
    if (nest.too_deep())
        return raise(ExcType::RecursionError,
                     "maximum recursion depth exceeded while getting the repr of an object");
    std::string out = open;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        BV_TRY(r, repr(items[i]));
        out += r;
    }
    if (tuple && items.size() == 1) out += ",";
    out += close;
    return out;
}

[[gnu::noinline]] Result<std::string> repr_list_value(const Value& v) {
    ReprGuard g(v.identity());
    if (!g.active) return std::string("[...]");
    return repr_seq(v.obj<ListObject>().items, "[", "]", false);
}

[[gnu::noinline]] Result<std::string> repr_tuple_value(const Value& v) {
    ReprGuard g(v.identity());
    if (!g.active) return std::string("(...)");
    return repr_seq(v.obj<TupleObject>().items, "(", ")", true);
}

std::string exception_args_repr(const ExceptionObject& e) {
    std::string out;
    for (size_t i = 0; i < e.args.size(); ++i) {
        if (i) out += ", ";
        auto r = repr(e.args[i]);
        out += r ? *r : "?";
    }
    return out;
}
}  // namespace

Result<std::string> exception_str(const ExceptionObject& e) {
    if (e.text) return *e.text;
    if (e.args.empty()) return std::string();
    if (e.args.size() == 1) {
        if (e.type == ExcType::KeyError) return repr(e.args[0]);
        return to_str(e.args[0]);
    }
    return repr(Value::tuple(e.args));
}

namespace {
[[gnu::noinline]] Result<std::string> repr_impl(const Value& v) {
    switch (v.kind()) {
        case Kind::None:
            return std::string("None");
        case Kind::Bool:
            return std::string(v.as_bool() ? "True" : "False");
        case Kind::Int:
            return int_to_decimal(v);
        case Kind::Float:
            return format_float_repr(v.as_float());
        case Kind::Ellipsis:
            return std::string("Ellipsis");
        case Kind::NotImplemented:
            return std::string("NotImplemented");
        case Kind::Str:
            return str_repr(v.str_utf8());
        case Kind::Bytes:
            return bytes_repr(v.obj<BytesObject>().view());
        case Kind::ByteArray:
            return "bytearray(" + bytes_repr(v.obj<ByteArrayObject>().view()) + ")";
        case Kind::MemoryView:
            return v.obj<MemoryView>().repr();
        case Kind::List: {
            ReprGuard g(v.identity());
            if (!g.active) return std::string("[...]");
            return repr_seq(v.obj<ListObject>().items, "[", "]", false);
        }
        case Kind::Tuple: {
            ReprGuard g(v.identity());
            if (!g.active) return std::string("(...)");
            return repr_seq(v.obj<TupleObject>().items, "(", ")", true);
        }
        case Kind::Dict: {
            ReprGuard g(v.identity());
            if (!g.active) return std::string("{...}");
            NestGuard nest;
            if (nest.too_deep())
                return raise(
                    ExcType::RecursionError,
                    "maximum recursion depth exceeded while getting the repr of an object");
            std::string out = "{";
            bool first = true;
            for (const auto& e : v.obj<DictObject>().entries()) {
                if (!e.live) continue;
                if (!first) out += ", ";
                first = false;
                BV_TRY(k, repr(e.key));
                BV_TRY(val, repr(e.value));
                out += k + ": " + val;
            }
            return out + "}";
        }
        case Kind::Range: {
            const auto& r = v.obj<RangeObject>();
            if (r.step == 1) return fmt::format("range({}, {})", r.start, r.stop);
            return fmt::format("range({}, {}, {})", r.start, r.stop, r.step);
        }
        case Kind::Slice: {
            const auto& s = v.obj<SliceObject>();
            BV_TRY(a, repr(s.start));
            BV_TRY(b, repr(s.stop));
            BV_TRY(c, repr(s.step));
            return "slice(" + a + ", " + b + ", " + c + ")";
        }
        case Kind::Function:
            return fmt::format("<function {} at {}>", v.obj<Callable>().name(), addr(v));
        case Kind::Builtin: {
            const auto& b = v.obj<BuiltinFunction>();
            if (b.is_method()) {
                if (b.self().is(Kind::Module))
                    return fmt::format("<built-in function {}>", b.name());
                if (b.self().is(Kind::Type))
                    return fmt::format("<built-in method {} of type object at {}>", b.name(),
                                       addr(b.self()));
                return fmt::format("<built-in method {} of {} object at {}>", b.name(),
                                   type_short_name(type_of(b.self())), addr(b.self()));
            }
            return fmt::format("<built-in function {}>", b.name());
        }
        case Kind::Exception: {
            const auto& e = v.obj<ExceptionObject>();
            std::string args = exception_args_repr(e);
            if (e.args.empty() && e.text && !e.text->empty()) args = str_repr(*e.text);
            return fmt::format("{}({})", exc_name(e.type), args);
        }
        case Kind::Type:
            if (const auto& t = v.obj<TypeObject>(); t.id == TypeId::Class && t.cls)
                return "<class '__main__." + t.cls->qualname + "'>";
            return "<class '" + type_name(v.obj<TypeObject>()) + "'>";
        case Kind::Iterator: {
            if (auto* view = as_dict_view(v)) {
                ReprGuard g(view->dict().identity());
                if (!g.active) return std::string("...");
                const auto& d = view->dict().obj<DictObject>();
                std::vector<Value> items;
                for (const auto& e : d.entries()) {
                    if (!e.live) continue;
                    items.push_back(view->view_kind() == DictViewKind::Keys ? e.key
                                    : view->view_kind() == DictViewKind::Values
                                        ? e.value
                                        : Value::tuple({e.key, e.value}));
                }
                BV_TRY(inner, repr_seq(items, "[", "]", false));
                return type_name(v) + "(" + inner + ")";
            }
            if (std::string n = v.obj<IteratorObject>().repr_name(); !n.empty())
                return fmt::format("<{} object {} at {}>", type_name(v), n, addr(v));
            return fmt::format("<{} object at {}>", type_name(v), addr(v));
        }
        case Kind::Module:
            return fmt::format("<module '{}' (built-in)>", v.obj<ModuleObject>().name);
        case Kind::Array: {
            auto& a = v.obj<ArrayObject>();
            if (a.size() == 0) return fmt::format("array('{}')", a.typecode());
            BV_TRY(items, a.tolist());
            return fmt::format("array('{}', {})", a.typecode(), repr_list(items));
        }
        case Kind::Mmap: {
            auto& m = v.obj<MmapObject>();
            if (m.closed())
                return fmt::format("<mmap.mmap closed=True, access={}, length={}, pos=0, offset=0>",
                                   "ACCESS_WRITE", 0);
            return fmt::format("<mmap.mmap object at {}>", addr(v));
        }
        case Kind::BytesIO:
            return fmt::format("<_io.BytesIO object at {}>", addr(v));
        case Kind::TempFile:
            return fmt::format("<_io.BufferedRandom name={}>", v.obj<TempFile>().fileno());
        case Kind::Struct:
            return fmt::format("Struct({})", str_repr(struct_format(v)));
        case Kind::Exporter:
            return fmt::format("<{} object at {}>", v.obj<engine::Exporter>().type_name(), addr(v));
        case Kind::Instance:  // repr() below dispatches these before the big switch
            return instance_repr(v);
        case Kind::Set:
        case Kind::FrozenSet:
            return set_repr(v);
    }
    return std::string("<object>");
}

}  // namespace

// A thin frame on purpose: containers recurse through here, and the big
// switch lives in repr_impl's frame only for the element being printed.
Result<std::string> repr(const Value& v) {
    switch (v.kind()) {
        case Kind::List:
            return repr_list_value(v);
        case Kind::Tuple:
            return repr_tuple_value(v);
        case Kind::Instance:
            return instance_repr(v);
        case Kind::Set:
        case Kind::FrozenSet:
            return set_repr(v);
        default:
            return repr_impl(v);
    }
}

Result<std::string> to_str(const Value& v) {
    switch (v.kind()) {
        case Kind::Str:
            return v.str_utf8();
        case Kind::Exception:
            return exception_str(v.obj<ExceptionObject>());
        case Kind::Instance:
            return instance_str(v);
        default:
            return repr(v);
    }
}

std::string float_repr(double d) { return format_float_repr(d); }

// ---- truth --------------------------------------------------------------------

Result<bool> truthy(const Value& v) {
    switch (v.kind()) {
        case Kind::None:
            return false;
        case Kind::Instance:
            return instance_truthy(v);
        case Kind::Bool:
            return v.as_bool();
        case Kind::Int:
            return v.is_big_int() || v.small_int() != 0;
        case Kind::Float:
            return v.as_float() != 0.0;
        case Kind::Str:
            return !v.str_utf8().empty();
        case Kind::List:
            return !v.obj<ListObject>().items.empty();
        case Kind::Tuple:
            return !v.obj<TupleObject>().items.empty();
        case Kind::Dict:
            return v.obj<DictObject>().size() != 0;
        case Kind::Set:
        case Kind::FrozenSet:
            return v.obj<SetObject>().size() != 0;
        case Kind::Range:
            return v.obj<RangeObject>().length() != 0;
        case Kind::Bytes:
        case Kind::ByteArray:
        case Kind::MemoryView:
        case Kind::Array:
        case Kind::Mmap: {
            BV_TRY(n, len(v));
            return n != 0;
        }
        default:
            return true;
    }
}

// ---- hashing -------------------------------------------------------------------

namespace {
// Deterministic stand-in for CPython's (randomised) siphash of str/bytes.
int64_t hash_bytes(std::string_view s) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    int64_t r = static_cast<int64_t>(h >> 1);
    return r == -1 ? -2 : r;
}

int64_t hash_identity(const Value& v) {
    return static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.identity()) >> 4);
}

// CPython 3.11 tuplehash (xxHash-based).
Result<int64_t> hash_tuple(const std::vector<Value>& items) {
    NestGuard nest;
    if (nest.too_deep()) return raise(ExcType::RecursionError, "maximum recursion depth exceeded");
    constexpr uint64_t kPrime1 = 11400714785074694791ULL;
    constexpr uint64_t kPrime2 = 14029467366897019727ULL;
    constexpr uint64_t kPrime5 = 2870177450012600261ULL;
    uint64_t acc = kPrime5;
    for (const auto& item : items) {
        BV_TRY(h, hash_value(item));
        acc += static_cast<uint64_t>(h) * kPrime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= kPrime1;
    }
    acc += items.size() ^ (kPrime5 ^ 3527539UL);
    if (acc == static_cast<uint64_t>(-1)) return static_cast<int64_t>(1546275796);
    return static_cast<int64_t>(acc);
}
}  // namespace

Result<int64_t> hash_value(const Value& v) {
    auto unhashable = [&]() -> Error {
        return raise(ExcType::TypeError, "unhashable type: '" + type_name(v) + "'");
    };
    if (v.is(Kind::Instance)) {
        const ClassObject* cls = instance_class(v);
        if (cls->slot(Slot::Hash) && current_interp()) {
            BV_TRY(h, call_slot(*current_interp(), v, Slot::Hash, {}));
            if (h && !h->is_none()) return to_index(*h);
            if (h && h->is_none()) return unhashable();
        }
        if (cls->slot(Slot::Eq) && !cls->slot(Slot::Hash)) return unhashable();  // __eq__ sets __hash__ = None
        return static_cast<int64_t>(reinterpret_cast<uintptr_t>(v.identity()) >> 4);
    }
    switch (v.kind()) {
        case Kind::None:
            return int64_t{-1152921504606846976LL} >> 4;  // stable, like CPython's address hash
        case Kind::Bool:
        case Kind::Int:
            return hash_int(v);
        case Kind::Float: {
            double d = v.as_float();
            if (std::isnan(d)) return hash_identity(v);
            return hash_float(d);
        }
        case Kind::Str:
            return hash_bytes(v.str_utf8());
        case Kind::Bytes:
            return hash_bytes(v.obj<BytesObject>().view());
        case Kind::Tuple:
            return hash_tuple(v.obj<TupleObject>().items);
        case Kind::MemoryView:
            return v.obj<MemoryView>().hash([](std::string_view s) { return hash_bytes(s); });
        case Kind::Range: {
            const auto& r = v.obj<RangeObject>();
            int64_t n = r.length();
            std::vector<Value> t{Value::integer(n), n ? Value::integer(r.start) : Value(),
                                 n > 1 ? Value::integer(r.step) : Value()};
            return hash_tuple(t);
        }
        case Kind::List:
        case Kind::Dict:
        case Kind::Set:
        case Kind::ByteArray:
        case Kind::Slice:
        case Kind::Array:
            return unhashable();
        case Kind::FrozenSet:
            return frozenset_hash(v);
        case Kind::Type: {
            const auto& t = v.obj<TypeObject>();
            return static_cast<int64_t>(t.id) * 1000003 + static_cast<int64_t>(t.exc);
        }
        default:
            return hash_identity(v);
    }
}

// ---- equality and ordering ----------------------------------------------------

namespace {
Result<bool> seq_eq(const std::vector<Value>& a, const std::vector<Value>& b) {
    if (a.size() != b.size()) return false;
    NestGuard nest;
    if (nest.too_deep())
        return raise(ExcType::RecursionError, "maximum recursion depth exceeded in comparison");
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].same_as(b[i])) continue;
        BV_TRY(e, eq(a[i], b[i]));
        if (!e) return false;
    }
    return true;
}

bool is_buffer_kind(const Value& v) {
    return v.is(Kind::Bytes) || v.is(Kind::ByteArray) || v.is(Kind::MemoryView) ||
           v.is(Kind::Array) || v.is(Kind::Mmap);
}

// PyObject_GetBuffer(PyBUF_SIMPLE) as bytearray_richcompare uses it: a failure
// (released, not contiguous, closed) is cleared and means NotImplemented.
std::optional<std::string> simple_buffer(const Value& v) {
    auto r = bytes_like(v);
    if (!r) return std::nullopt;
    return std::move(*r);
}
}  // namespace

namespace {
[[gnu::noinline]] Result<bool> eq_impl(const Value& a, const Value& b) {
    if (is_number(a) && is_number(b)) {
        auto c = compare_numbers(a, b);
        return c.has_value() && *c == 0;
    }
    switch (a.kind()) {
        case Kind::Str:
            return b.is_str() && a.str_utf8() == b.str_utf8();
        case Kind::List:
            if (!b.is(Kind::List)) return false;
            if (a.same_as(b)) return true;
            return seq_eq(a.obj<ListObject>().items, b.obj<ListObject>().items);
        case Kind::Tuple:
            if (!b.is(Kind::Tuple)) return false;
            if (a.same_as(b)) return true;
            return seq_eq(a.obj<TupleObject>().items, b.obj<TupleObject>().items);
        case Kind::Dict: {
            if (!b.is(Kind::Dict)) return false;
            const auto& x = a.obj<DictObject>();
            const auto& y = b.obj<DictObject>();
            if (x.size() != y.size()) return false;
            for (const auto& e : x.entries()) {
                if (!e.live) continue;
                BV_TRY(other, y.get(e.key));
                if (!other) return false;
                if (e.value.same_as(*other)) continue;
                BV_TRY(same, eq(e.value, *other));
                if (!same) return false;
            }
            return true;
        }
        case Kind::Range: {
            if (!b.is(Kind::Range)) return false;
            const auto& x = a.obj<RangeObject>();
            const auto& y = b.obj<RangeObject>();
            int64_t n = x.length();
            if (n != y.length()) return false;
            if (n == 0) return true;
            if (x.start != y.start) return false;
            return n == 1 || x.step == y.step;
        }
        case Kind::Slice: {
            if (!b.is(Kind::Slice)) return false;
            const auto& x = a.obj<SliceObject>();
            const auto& y = b.obj<SliceObject>();
            return seq_eq({x.start, x.stop, x.step}, {y.start, y.stop, y.step});
        }
        case Kind::Type:
            return b.is(Kind::Type) && a.obj<TypeObject>() == b.obj<TypeObject>();
        case Kind::Bytes:
        case Kind::ByteArray: {
            if (a.is(Kind::Bytes) && b.is(Kind::MemoryView)) return eq(b, a);  // reflected
            if (!(b.is(Kind::Bytes) || b.is(Kind::ByteArray))) {
                if (a.is(Kind::ByteArray) && is_buffer_kind(b)) {
                    // bytearray compares with any buffer
                    if (auto other = simple_buffer(b)) return *other == *bytes_view(a);
                    if (b.is(Kind::MemoryView)) return eq(b, a);  // reflected memory_richcompare
                }
                return false;
            }
            return *bytes_view(a) == *bytes_view(b);
        }
        case Kind::MemoryView: {
            auto other = as_exporter(b);
            if (!other) return a.same_as(b);
            BV_TRY(r, a.obj<MemoryView>().equals(other));
            if (!r) return a.same_as(b);
            return *r;
        }
        case Kind::Array: {
            if (b.is(Kind::MemoryView) || b.is(Kind::ByteArray)) return eq(b, a);  // reflected
            if (!b.is(Kind::Array)) return false;
            BV_TRY(x, a.obj<ArrayObject>().tolist());
            BV_TRY(y, b.obj<ArrayObject>().tolist());
            if (x.size() != y.size()) return false;
            for (size_t i = 0; i < x.size(); ++i)
                if (!(x[i] == y[i])) return false;
            return true;
        }
        case Kind::Exception:
        default:
            if ((b.is(Kind::MemoryView) || b.is(Kind::ByteArray)) && is_buffer_kind(a))
                return eq(b, a);  // reflected
            return a.same_as(b);
    }
}

}  // namespace

Result<bool> eq(const Value& a, const Value& b) {
    if ((a.is(Kind::Instance) || b.is(Kind::Instance)) && current_interp()) {
        // a.__eq__(b), then the reflected b.__eq__(a); identity when both decline.
        for (int side = 0; side < 2; ++side) {
            const Value& x = side == 0 ? a : b;
            const Value& y = side == 0 ? b : a;
            if (!x.is(Kind::Instance)) continue;
            BV_TRY(r, call_slot(*current_interp(), x, Slot::Eq, {y}));
            if (r && !r->is(Kind::NotImplemented)) return truthy(*r);
        }
        return a.same_as(b);
    }
    if (is_anyset(a) || is_anyset(b)) {
        if (!is_anyset(a) || !is_anyset(b)) return a.same_as(b);
        if (a.same_as(b)) return true;
        return set_eq(a, b);
    }
    if (a.kind() == b.kind()) {
        if (a.is(Kind::List)) {
            if (a.same_as(b)) return true;
            return seq_eq(a.obj<ListObject>().items, b.obj<ListObject>().items);
        }
        if (a.is(Kind::Tuple)) {
            if (a.same_as(b)) return true;
            return seq_eq(a.obj<TupleObject>().items, b.obj<TupleObject>().items);
        }
    }
    return eq_impl(a, b);
}

std::string_view binop_symbol(BinOp op) {
    switch (op) {
        case BinOp::Add:
            return "+";
        case BinOp::Sub:
            return "-";
        case BinOp::Mul:
            return "*";
        case BinOp::TrueDiv:
            return "/";
        case BinOp::FloorDiv:
            return "//";
        case BinOp::Mod:
            return "%";
        case BinOp::Pow:
            return "**";
        case BinOp::LShift:
            return "<<";
        case BinOp::RShift:
            return ">>";
        case BinOp::And:
            return "&";
        case BinOp::Or:
            return "|";
        case BinOp::Xor:
            return "^";
        case BinOp::MatMul:
            return "@";
    }
    return "?";
}

namespace {
const char* cmp_symbol(CmpOp op) {
    switch (op) {
        case CmpOp::Lt:
            return "<";
        case CmpOp::Le:
            return "<=";
        case CmpOp::Gt:
            return ">";
        case CmpOp::Ge:
            return ">=";
        case CmpOp::Eq:
            return "==";
        case CmpOp::Ne:
            return "!=";
    }
    return "?";
}

bool apply_cmp(CmpOp op, int c) {
    switch (op) {
        case CmpOp::Lt:
            return c < 0;
        case CmpOp::Le:
            return c <= 0;
        case CmpOp::Gt:
            return c > 0;
        case CmpOp::Ge:
            return c >= 0;
        case CmpOp::Eq:
            return c == 0;
        case CmpOp::Ne:
            return c != 0;
    }
    return false;
}

int cmp_bytes(std::string_view a, std::string_view b) {
    int c = a.compare(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

Result<bool> seq_order(CmpOp op, const std::vector<Value>& a, const std::vector<Value>& b) {
    NestGuard nest;
    if (nest.too_deep())
        return raise(ExcType::RecursionError, "maximum recursion depth exceeded in comparison");
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (a[i].same_as(b[i])) continue;
        BV_TRY(e, eq(a[i], b[i]));
        if (!e) {
            BV_TRY(r, compare(op, a[i], b[i]));
            return r.as_bool();
        }
    }
    int c = a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
    return apply_cmp(op, c);
}
}  // namespace

namespace {
// tp_name as the comparison TypeError prints it: the full name of a static
// type ('array.array', 'mmap.mmap', '_io.BytesIO'); an exception's own name
// (struct.error is a heap type: 'error').
std::string cmp_type_name(const Value& v) {
    return v.is(Kind::Exception) ? type_short_name(type_of(v)) : type_name(v);
}
}  // namespace

Result<Value> compare(CmpOp op, const Value& a, const Value& b) {
    if ((a.is(Kind::Instance) || b.is(Kind::Instance)) && current_interp()) {
        static const Slot kSlot[] = {Slot::Lt, Slot::Le, Slot::Eq, Slot::Ne, Slot::Gt, Slot::Ge};
        static const Slot kReflected[] = {Slot::Gt, Slot::Ge, Slot::Eq, Slot::Ne, Slot::Lt, Slot::Le};
        const int k = static_cast<int>(op);
        if (a.is(Kind::Instance)) {
            BV_TRY(r, call_slot(*current_interp(), a, kSlot[k], {b}));
            if (r && !r->is(Kind::NotImplemented)) return std::move(*r);
        }
        if (b.is(Kind::Instance)) {
            BV_TRY(r, call_slot(*current_interp(), b, kReflected[k], {a}));
            if (r && !r->is(Kind::NotImplemented)) return std::move(*r);
        }
        if (op == CmpOp::Ne) {
            BV_TRY(e, eq(a, b));
            return Value::boolean(!e);
        }
        if (op == CmpOp::Eq) return Value::boolean(a.same_as(b));
    }
    if (op == CmpOp::Eq || op == CmpOp::Ne) {
        BV_TRY(e, eq(a, b));
        return Value::boolean(op == CmpOp::Eq ? e : !e);
    }
    if (is_number(a) && is_number(b)) {
        auto c = compare_numbers(a, b);
        return Value::boolean(c.has_value() && apply_cmp(op, *c));
    }
    if (a.is_str() && b.is_str())
        return Value::boolean(apply_cmp(op, cmp_bytes(a.str_utf8(), b.str_utf8())));
    if (a.is(Kind::List) && b.is(Kind::List)) {
        // Copy: a key function or comparison must not see the list change under it.
        auto x = a.obj<ListObject>().items;
        auto y = b.obj<ListObject>().items;
        BV_TRY(r, seq_order(op, x, y));
        return Value::boolean(r);
    }
    if (a.is(Kind::Tuple) && b.is(Kind::Tuple)) {
        BV_TRY(r, seq_order(op, a.obj<TupleObject>().items, b.obj<TupleObject>().items));
        return Value::boolean(r);
    }
    if (is_anyset(a) && is_anyset(b)) {
        BV_TRY(r, set_compare(op, a, b));
        return Value::boolean(r);
    }
    if (a.is(Kind::Slice) && b.is(Kind::Slice)) {  // slice_richcompare: as (start, stop, step)
        const auto& x = a.obj<SliceObject>();
        const auto& y = b.obj<SliceObject>();
        BV_TRY(r, seq_order(op, {x.start, x.stop, x.step}, {y.start, y.stop, y.step}));
        return Value::boolean(r);
    }
    auto av = bytes_view(a), bv = bytes_view(b);
    if (av && bv) return Value::boolean(apply_cmp(op, cmp_bytes(*av, *bv)));
    // bytearray_richcompare orders against any simple buffer, also reflected
    // (array, memoryview and mmap have no ordering of their own).
    if (a.is(Kind::ByteArray) && is_buffer_kind(b)) {
        if (auto other = simple_buffer(b)) return Value::boolean(apply_cmp(op, cmp_bytes(*av, *other)));
    }
    if (b.is(Kind::ByteArray) && is_buffer_kind(a) && !a.is(Kind::Bytes)) {
        if (auto other = simple_buffer(a)) return Value::boolean(apply_cmp(op, cmp_bytes(*other, *bv)));
    }
    if (a.is(Kind::Array) && b.is(Kind::Array)) {
        BV_TRY(x, a.obj<ArrayObject>().tolist());
        BV_TRY(y, b.obj<ArrayObject>().tolist());
        size_t n = std::min(x.size(), y.size());
        for (size_t i = 0; i < n; ++i) {
            if (!(x[i] == y[i])) {
                auto dx = x[i].as_double(), dy = y[i].as_double();
                if (!(x[i].is_int() && y[i].is_int())) {
                    // array_richcompare: the first differing items compared with op
                    // itself (IEEE: a NaN is neither less nor greater).
                    switch (op) {
                        case CmpOp::Lt: return Value::boolean(*dx < *dy);
                        case CmpOp::Le: return Value::boolean(*dx <= *dy);
                        case CmpOp::Gt: return Value::boolean(*dx > *dy);
                        default: return Value::boolean(*dx >= *dy);
                    }
                }
                int c = *dx < *dy ? -1 : *dx > *dy ? 1 : 0;
                if (x[i].is_int() && y[i].is_int() && !x[i].too_big() && !y[i].too_big()) {
                    // exact for 64-bit values
                    bool xn = x[i].negative(), yn = y[i].negative();
                    uint64_t xm = x[i].magnitude(), ym = y[i].magnitude();
                    if (xn != yn)
                        c = xn ? -1 : 1;
                    else
                        c = (xm < ym ? -1 : xm > ym ? 1 : 0) * (xn ? -1 : 1);
                }
                return Value::boolean(apply_cmp(op, c));
            }
        }
        int c = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
        return Value::boolean(apply_cmp(op, c));
    }
    return raise(
        ExcType::TypeError,
        fmt::format("'{}' not supported between instances of '{}' and '{}'", cmp_symbol(op),
                    cmp_type_name(a), cmp_type_name(b)));
}

// ---- len / index ------------------------------------------------------------------

Result<int64_t> len(const Value& v) {
    switch (v.kind()) {
        case Kind::Instance:
            return instance_len(v);
        case Kind::Str:
            return v.as_str().length;
        case Kind::List:
            return static_cast<int64_t>(v.obj<ListObject>().items.size());
        case Kind::Tuple:
            return static_cast<int64_t>(v.obj<TupleObject>().items.size());
        case Kind::Dict:
            return v.obj<DictObject>().size();
        case Kind::Set:
        case Kind::FrozenSet:
            return v.obj<SetObject>().size();
        case Kind::Range:
            return v.obj<RangeObject>().length();
        case Kind::Bytes:
            return v.obj<BytesObject>().size();
        case Kind::ByteArray:
            return v.obj<ByteArrayObject>().size();
        case Kind::MemoryView:
            return v.obj<MemoryView>().len();
        case Kind::Array:
            return v.obj<ArrayObject>().size();
        case Kind::Mmap:
            return v.obj<MmapObject>().len();
        case Kind::Iterator: {
            auto n = iterator_view_len(v);
            if (n) return *n;
            break;
        }
        default:
            break;
    }
    return raise(ExcType::TypeError, "object of type '" + type_name(v) + "' has no len()");
}

Result<int64_t> to_index(const Value& v) {
    if (v.is_bool() || v.is_small_int()) return v.small_int();
    if (v.is(Kind::Instance) && current_interp()) {
        BV_TRY(r, call_slot(*current_interp(), v, Slot::Index, {}));
        if (r) {
            if (!r->is_int()) {
                return raise(ExcType::TypeError,
                             "__index__ returned non-int (type " + type_name(*r) + ")");
            }
            return to_index(*r);
        }
    }
    if (v.is_big_int())
        return raise(ExcType::OverflowError, "cannot fit 'int' into an index-sized integer");
    return raise(ExcType::TypeError,
                 "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

// ---- exceptions ------------------------------------------------------------------

namespace {
// The key of the last KeyError raised by key_error(), so that `except
// KeyError as e` sees e.args == (key,), not (repr(key),).
thread_local std::optional<std::pair<std::string, Value>> g_last_key_error;
}  // namespace

Error key_error(const Value& key) {
    auto r = repr(key);
    std::string msg = r ? *r : std::string("?");
    if (!key.is(Kind::MemoryView)) g_last_key_error = std::make_pair(msg, key);
    return raise(ExcType::KeyError, msg);
}

Value exception_from_error(const Error& error) {
    if (error.type == ExcType::KeyError && g_last_key_error &&
        g_last_key_error->first == error.message) {
        Value key = std::move(g_last_key_error->second);
        g_last_key_error.reset();
        return Value::exception(ExcType::KeyError, {std::move(key)});
    }
    std::vector<Value> args;
    if (!error.message.empty()) args.push_back(Value::str(error.message));
    Value v = Value::exception(error.type, std::move(args));
    v.obj<ExceptionObject>().text = error.message;
    return v;
}

Error error_from_raise(const Value& exc) {
    if (exc.is(Kind::Exception)) {
        const auto& e = exc.obj<ExceptionObject>();
        auto text = exception_str(e);
        if (!text) return text.error();
        return Error{e.type, *text, 0};
    }
    if (exc.is(Kind::Type) && exc.obj<TypeObject>().id == TypeId::Exception) {
        return Error{exc.obj<TypeObject>().exc, "", 0};
    }
    if (const ClassObject* cls = instance_class(exc); cls && cls->exc_base) {
        // A user exception travels as its built-in base with str(instance);
        // the evaluator keeps the instance for `except C as e`.
        auto text = instance_str(exc);
        if (!text) return text.error();
        return Error{*cls->exc_base, *text, 0};
    }
    return raise(ExcType::TypeError, "exceptions must derive from BaseException");
}

Result<bool> exception_matches(ExcType raised, const Value& spec) {
    if (spec.is(Kind::Type) && spec.obj<TypeObject>().id == TypeId::Exception)
        return exc_is_subclass(raised, spec.obj<TypeObject>().exc);
    // A user exception class matches only its own instances (the evaluator
    // checks those against the instance in flight).
    if (const ClassObject* cls = as_class(spec); cls && cls->exc_base) return false;
    if (spec.is(Kind::Tuple)) {
        bool hit = false;
        for (const auto& s : spec.obj<TupleObject>().items) {
            BV_TRY(m, exception_matches(raised, s));
            hit = hit || m;
        }
        return hit;
    }
    return raise(ExcType::TypeError,
                 "catching classes that do not inherit from BaseException is not allowed");
}

}  // namespace engine::py
