// Built-in functions and type constructors.
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/dir.hpp"

#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/format.hpp"
#include "engine/python/runtime/iter.hpp"
#include "engine/python/runtime/lazy_iters.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/modules.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/set.hpp"
#include "engine/python/runtime/seq.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

Value make_builtin(std::string_view name, BuiltinFn fn) {
    return Value::wrap(std::make_shared<BuiltinFunction>(std::string(name), fn));
}

Value bind_method(const Value& self, std::string_view name, BuiltinFn fn) {
    return Value::wrap(std::make_shared<BuiltinFunction>(std::string(name), fn, self, true));
}

Value type_value(TypeId id) { return Value::type(TypeObject{id}); }
Value exc_type_value(ExcType type) { return Value::type(TypeObject{TypeId::Exception, type}); }

// ---- sorting ------------------------------------------------------------------

namespace {

Result<bool> less_than(const Value& a, const Value& b) {
    BV_TRY(r, compare(CmpOp::Lt, a, b));
    return r.as_bool();
}

// Merge sort on (key, value) pairs; stable; stops at the first error.
Result<void> merge_sort(std::vector<std::pair<Value, Value>>& v,
                        std::vector<std::pair<Value, Value>>& tmp, size_t lo, size_t hi,
                        bool reverse, Interp& interp) {
    if (hi - lo < 2) return ok();
    size_t mid = lo + (hi - lo) / 2;
    BV_CHECK(merge_sort(v, tmp, lo, mid, reverse, interp));
    BV_CHECK(merge_sort(v, tmp, mid, hi, reverse, interp));
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        BV_CHECK(interp.tick());
        // Take from the right only when strictly before the left (stability).
        bool right_first;
        if (reverse) {
            BV_TRY(lt, less_than(v[i].first, v[j].first));
            right_first = lt;
        } else {
            BV_TRY(lt, less_than(v[j].first, v[i].first));
            right_first = lt;
        }
        if (right_first)
            tmp[k++] = std::move(v[j++]);
        else
            tmp[k++] = std::move(v[i++]);
    }
    while (i < mid) tmp[k++] = std::move(v[i++]);
    while (j < hi) tmp[k++] = std::move(v[j++]);
    for (size_t x = lo; x < hi; ++x) v[x] = std::move(tmp[x]);
    return ok();
}

}  // namespace

Result<void> sort_values(Interp& interp, std::vector<Value>& items, const Value* key,
                         bool reverse) {
    std::vector<std::pair<Value, Value>> pairs;
    pairs.reserve(items.size());
    for (auto& it : items) {
        if (key && !key->is_none()) {
            BV_TRY(k, call(interp, *key, std::vector<Value>{it}));
            pairs.emplace_back(std::move(k), it);
        } else {
            pairs.emplace_back(it, it);
        }
    }
    std::vector<std::pair<Value, Value>> tmp(pairs.size());
    BV_CHECK(merge_sort(pairs, tmp, 0, pairs.size(), reverse, interp));
    for (size_t i = 0; i < pairs.size(); ++i) items[i] = std::move(pairs[i].second);
    return ok();
}

// ---- builtin functions ------------------------------------------------------------

namespace {

using Fn = Result<Value> (*)(Interp&, const Value&, CallArgs&);

Result<Value> bi_print(Interp& interp, const Value&, CallArgs& args) {
    for (const auto& [k, v] : args.kwargs) {
        if (k != "sep" && k != "end" && k != "file" && k != "flush")
            return raise(ExcType::TypeError,
                         "'" + k + "' is an invalid keyword argument for print()");
    }
    std::string sep = " ", end = "\n";
    for (const auto& [k, v] : args.kwargs) {
        if (k == "sep" || k == "end") {
            if (v.is_none()) continue;
            if (!v.is_str())
                return raise(ExcType::TypeError,
                             fmt::format("{} must be None or a string, not {}", k, type_name(v)));
            (k == "sep" ? sep : end) = v.str_utf8();
        } else if (k == "file" && !v.is_none()) {
            return raise(ExcType::NotImplementedError, "print(file=...) is not supported");
        }
    }
    std::string out;
    for (size_t i = 0; i < args.args.size(); ++i) {
        if (i) out += sep;
        BV_TRY(s, to_str(args.args[i]));
        out += s;
    }
    out += end;
    interp.write_output(out);
    return Value();
}

Result<Value> bi_len(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "len", 1, 1));
    BV_TRY(n, len(args.args[0]));
    return Value::integer(n);
}

Result<Value> bi_repr(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "repr", 1, 1));
    BV_TRY(s, repr(args.args[0]));
    return Value::str(std::move(s));
}

Result<Value> bi_abs(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "abs", 1, 1));
    const Value& x = args.args[0];
    if (x.is_float()) return Value::floating(std::fabs(x.as_float()));
    if (is_intlike(x)) {
        bool neg = x.is_big_int() ? x.big_int().negative() : x.small_int() < 0;
        if (neg) return unary_op(UnaryOp::Neg, x);
        return x.is_bool() ? Value::integer(x.small_int()) : x;
    }
    return raise(ExcType::TypeError, "bad operand type for abs(): '" + type_name(x) + "'");
}

Result<Value> bi_all_any(Interp& interp, CallArgs& args, bool all) {
    BV_CHECK(check_positional(args, all ? "all" : "any", 1, 1));
    BV_TRY(it, get_iter(interp, args.args[0]));
    while (true) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) return Value::boolean(all);
        BV_CHECK(interp.tick());
        BV_TRY(t, truthy(*x));
        if (t != all) return Value::boolean(!all);
    }
}
Result<Value> bi_all(Interp& i, const Value&, CallArgs& a) { return bi_all_any(i, a, true); }
Result<Value> bi_any(Interp& i, const Value&, CallArgs& a) { return bi_all_any(i, a, false); }

Result<Value> bi_sum(Interp& interp, const Value&, CallArgs& args) {
    if (args.args.empty())
        return raise(ExcType::TypeError, "sum() takes at least 1 positional argument (0 given)");
    BV_TRY(a, bind_args(args, "sum", {"iterable", "start"}, 1, 1));
    Value acc = a.value_or(1, Value::integer(0));
    if (acc.is_str())
        return raise(ExcType::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (acc.is(Kind::Bytes))
        return raise(ExcType::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (acc.is(Kind::ByteArray))
        return raise(ExcType::TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    BV_TRY(it, get_iter(interp, *a.get(0)));
    while (true) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) return acc;
        BV_CHECK(interp.tick());
        BV_TRY(r, binary_op(interp, BinOp::Add, acc, *x));
        acc = std::move(r);
    }
}

Result<Value> min_max(Interp& interp, CallArgs& args, bool is_min) {
    const char* name = is_min ? "min" : "max";
    const Value* key = nullptr;
    const Value* dflt = nullptr;
    for (const auto& [k, v] : args.kwargs) {
        if (k == "key")
            key = &v;
        else if (k == "default")
            dflt = &v;
        else
            return raise(ExcType::TypeError,
                         fmt::format("'{}' is an invalid keyword argument for {}()", k, name));
    }
    if (args.args.empty())
        return raise(ExcType::TypeError,
                     fmt::format("{} expected at least 1 argument, got 0", name));
    std::vector<Value> items;
    if (args.args.size() == 1) {
        BV_TRY(v, collect(interp, args.args[0]));
        items = std::move(v);
    } else {
        if (dflt)
            return raise(
                ExcType::TypeError,
                fmt::format("Cannot specify a default for {}() with multiple positional arguments",
                            name));
        items = args.args;
    }
    if (items.empty()) {
        if (dflt) return *dflt;
        return raise(ExcType::ValueError, fmt::format("{}() arg is an empty sequence", name));
    }
    if (key && key->is_none()) key = nullptr;
    Value best = items[0], best_key = items[0];
    if (key) {
        BV_TRY(k, call(interp, *key, std::vector<Value>{best}));
        best_key = k;
    }
    for (size_t i = 1; i < items.size(); ++i) {
        BV_CHECK(interp.tick());
        Value k = items[i];
        if (key) {
            BV_TRY(kk, call(interp, *key, std::vector<Value>{items[i]}));
            k = kk;
        }
        BV_TRY(better, compare(is_min ? CmpOp::Lt : CmpOp::Gt, k, best_key));
        if (better.as_bool()) {
            best = items[i];
            best_key = k;
        }
    }
    return best;
}
Result<Value> bi_min(Interp& i, const Value&, CallArgs& a) { return min_max(i, a, true); }
Result<Value> bi_max(Interp& i, const Value&, CallArgs& a) { return min_max(i, a, false); }

Result<Value> bi_sorted(Interp& interp, const Value&, CallArgs& args) {
    if (args.args.size() != 1)
        return raise(ExcType::TypeError,
                     fmt::format("sorted expected 1 argument, got {}", args.args.size()));
    const Value* key = nullptr;
    bool reverse = false;
    for (const auto& [k, v] : args.kwargs) {
        if (k == "key") {
            key = &v;
        } else if (k == "reverse") {
            BV_TRY(r, to_index(v.is_float() ? Value::integer(0) : v));
            if (v.is_float())
                return raise(ExcType::TypeError,
                             "'float' object cannot be interpreted as an integer");
            reverse = r != 0;
        } else {
            return raise(ExcType::TypeError,
                         "'" + k + "' is an invalid keyword argument for sort()");
        }
    }
    BV_TRY(items, collect(interp, args.args[0]));
    BV_CHECK(sort_values(interp, items, key, reverse));
    return Value::list(std::move(items));
}

Result<Value> bi_isinstance(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "isinstance", 2, 2));
    BV_TRY(r, isinstance(args.args[0], args.args[1]));
    return Value::boolean(r);
}

Result<Value> bi_hex_oct_bin(CallArgs& args, const char* name, int base, const char* prefix) {
    BV_CHECK(check_positional(args, name, 1, 1));
    Value x = args.args[0];
    if (x.is(Kind::Instance) && current_interp()) {  // __index__
        BV_TRY(r, call_slot(*current_interp(), x, Slot::Index, {}));
        if (r && !r->is_int())
            return raise(ExcType::TypeError,
                         "__index__ returned non-int (type " + type_name(*r) + ")");
        if (r) x = std::move(*r);
    }
    if (!is_intlike(x))
        return raise(ExcType::TypeError,
                     "'" + type_name(x) + "' object cannot be interpreted as an integer");
    std::string digits = int_to_string(x, base);
    if (digits[0] == '-') return Value::str("-" + std::string(prefix) + digits.substr(1));
    return Value::str(prefix + digits);
}
Result<Value> bi_hex(Interp&, const Value&, CallArgs& a) {
    return bi_hex_oct_bin(a, "hex", 16, "0x");
}
Result<Value> bi_oct(Interp&, const Value&, CallArgs& a) {
    return bi_hex_oct_bin(a, "oct", 8, "0o");
}
Result<Value> bi_bin(Interp&, const Value&, CallArgs& a) {
    return bi_hex_oct_bin(a, "bin", 2, "0b");
}

Result<Value> bi_ord(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "ord", 1, 1));
    const Value& x = args.args[0];
    if (x.is_str()) {
        auto cps = str_code_points(x);
        if (cps.size() != 1)
            return raise(ExcType::TypeError,
                         fmt::format("ord() expected a character, but string of length {} found",
                                     cps.size()));
        return Value::integer(static_cast<int64_t>(cps[0]));
    }
    if (auto b = bytes_view(x)) {
        if (b->size() != 1)
            return raise(ExcType::TypeError,
                         fmt::format("ord() expected a character, but string of length {} found",
                                     b->size()));
        return Value::integer(static_cast<uint8_t>((*b)[0]));
    }
    return raise(ExcType::TypeError,
                 "ord() expected string of length 1, but " + type_name(x) + " found");
}

Result<Value> bi_chr(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "chr", 1, 1));
    const Value& x = args.args[0];
    if (x.is_float()) return raise(ExcType::TypeError, "integer argument expected, got float");
    if (x.is_big_int())
        return raise(ExcType::OverflowError, "Python int too large to convert to C int");
    BV_TRY(i, to_index(x));
    if (i < 0 || i > 0x10FFFF)
        return raise(ExcType::ValueError, "chr() arg not in range(0x110000)");
    return str_char(static_cast<char32_t>(i));
}

Result<Value> bi_hash(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "hash", 1, 1));
    BV_TRY(h, hash_value(args.args[0]));
    return Value::integer(h);
}

Result<Value> bi_id(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "id", 1, 1));
    const Value& x = args.args[0];
    if (x.identity())
        return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(x.identity())));
    // Inline values: a stable number per value (None, True, small ints).
    return Value::integer(0x10000 + static_cast<int64_t>(x.kind()) * 0x1000 +
                          (x.is_float() ? 0 : x.small_int()));
}

Result<Value> bi_next(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "next", 1, 2));
    BV_TRY(x, iter_next(interp, args.args[0]));
    if (x) return std::move(*x);
    if (args.args.size() == 2) return args.args[1];
    if (args.args[0].is(Kind::Iterator)) {
        if (auto e = args.args[0].obj<IteratorObject>().stop_error(interp)) return std::move(*e);
    }
    return raise(ExcType::StopIteration, "");
}

Result<Value> bi_divmod(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "divmod", 2, 2));
    const Value &a = args.args[0], &b = args.args[1];
    if (!is_number(a) || !is_number(b))
        return raise(ExcType::TypeError,
                     fmt::format("unsupported operand type(s) for divmod(): '{}' and '{}'",
                                 type_name(a), type_name(b)));
    return number_divmod(a, b);
}

Result<Value> bi_round(Interp&, const Value&, CallArgs& args) {
    BV_TRY(a, bind_args(args, "round", {"number", "ndigits"}, 1));
    const Value& x = *a.get(0);
    if (!is_number(x))
        return raise(ExcType::TypeError,
                     "type " + type_name(x) + " doesn't define __round__ method");
    return round_number(x, a.get(1));
}

Result<Value> bi_pow(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_args(args, "pow", {"base", "exp", "mod"}, 2));
    const Value* m = a.get(2);
    if (m && !m->is_none()) {
        if (!is_intlike(*a.get(0)) || !is_intlike(*a.get(1)) || !is_intlike(*m))
            return raise(ExcType::TypeError,
                         "pow() 3rd argument not allowed unless all arguments are integers");
        return int_pow_mod(*a.get(0), *a.get(1), *m);
    }
    return binary_op(interp, BinOp::Pow, *a.get(0), *a.get(1));
}

Result<Value> bi_enumerate(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_args(args, "enumerate", {"iterable", "start"}, 1));
    Value start = a.value_or(1, Value::integer(0));
    if (!is_intlike(start))
        return raise(ExcType::TypeError,
                     "'" + type_name(start) + "' object cannot be interpreted as an integer");
    if (start.is_bool()) start = Value::integer(start.small_int());
    BV_TRY(it, get_iter(interp, *a.get(0)));
    return make_enumerate(std::move(it), std::move(start));
}

Result<Value> bi_zip(Interp& interp, const Value&, CallArgs& args) {
    bool strict = false;
    for (const auto& [k, v] : args.kwargs) {
        if (k != "strict")
            return raise(ExcType::TypeError,
                         "'" + k + "' is an invalid keyword argument for zip()");
        BV_TRY(t, truthy(v));
        strict = t;
    }
    std::vector<Value> its;
    for (size_t i = 0; i < args.args.size(); ++i) {
        auto it = get_iter(interp, args.args[i]);
        if (!it) {
            if (it.error().type == ExcType::TypeError)
                return raise(ExcType::TypeError,
                             fmt::format("zip argument #{} must support iteration", i + 1));
            return it.error();
        }
        its.push_back(std::move(*it));
    }
    return make_zip(std::move(its), strict);
}

Result<Value> bi_reversed(Interp& interp, const Value&, CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, "reversed() takes no keyword arguments");
    if (args.args.size() != 1)
        return raise(ExcType::TypeError,
                     fmt::format("reversed expected 1 argument, got {}", args.args.size()));
    return make_reversed(interp, args.args[0]);
}

Result<Value> bi_format(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "format", 1, 2));
    std::string spec;
    if (args.args.size() == 2) {
        if (!args.args[1].is_str())
            return raise(ExcType::TypeError,
                         "format() argument 2 must be str, not " + type_name(args.args[1]));
        spec = args.args[1].str_utf8();
    }
    BV_TRY(s, format_value(args.args[0], spec));
    return Value::str(std::move(s));
}

Result<Value> bi_callable(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "callable", 1, 1));
    Kind k = args.args[0].kind();
    if (const ClassObject* cls = instance_class(args.args[0]))
        return Value::boolean(cls->slot(Slot::Call) != nullptr);
    return Value::boolean(k == Kind::Function || k == Kind::Builtin || k == Kind::Type);
}

Result<Value> bi_getattr(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "getattr", 2, 3));
    if (!args.args[1].is_str())
        return raise(ExcType::TypeError,
                     "attribute name must be string, not '" + type_name(args.args[1]) + "'");
    auto r = getattr(interp, args.args[0], args.args[1].str_utf8());
    if (!r && args.args.size() == 2) interp.attribute_missing(r.error(), args.args[0], args.args[1].str_utf8());
    if (!r && args.args.size() == 3 && r.error().type == ExcType::AttributeError) {
        interp.exception_swallowed();
        return args.args[2];
    }
    return r;
}

Result<Value> bi_hasattr(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "hasattr", 2, 2));
    if (!args.args[1].is_str())
        return raise(ExcType::TypeError,
                     "attribute name must be string, not '" + type_name(args.args[1]) + "'");
    auto r = getattr(interp, args.args[0], args.args[1].str_utf8());
    if (!r && r.error().type == ExcType::AttributeError) {
        interp.exception_swallowed();
        return Value::boolean(false);
    }
    if (!r) return r.error();
    return Value::boolean(true);
}

struct BuiltinEntry {
    const char* name;
    Fn fn;
};

const BuiltinEntry kFunctions[] = {
    {"print", bi_print},
    {"len", bi_len},
    {"repr", bi_repr},
    {"abs", bi_abs},
    {"all", bi_all},
    {"any", bi_any},
    {"sum", bi_sum},
    {"min", bi_min},
    {"max", bi_max},
    {"sorted", bi_sorted},
    {"isinstance", bi_isinstance},
    {"hex", bi_hex},
    {"oct", bi_oct},
    {"bin", bi_bin},
    {"ord", bi_ord},
    {"chr", bi_chr},
    {"hash", bi_hash},
    {"id", bi_id},
    {"iter", builtin_iter},
    {"map", builtin_map},
    {"filter", builtin_filter},
    {"staticmethod", builtin_staticmethod},
    {"classmethod", builtin_classmethod},
    {"property", builtin_property},
    {"issubclass", builtin_issubclass},
    {"next", bi_next},
    {"divmod", bi_divmod},
    {"round", bi_round},
    {"pow", bi_pow},
    {"enumerate", bi_enumerate},
    {"zip", bi_zip},
    {"reversed", bi_reversed},
    {"format", bi_format},
    {"callable", bi_callable},
    {"getattr", bi_getattr},
    {"hasattr", bi_hasattr},
    {"dir", builtin_dir},
};

struct TypeEntry {
    const char* name;
    TypeId id;
};

const TypeEntry kTypes[] = {
    {"int", TypeId::Int},
    {"object", TypeId::Object},
    {"float", TypeId::Float},
    {"bool", TypeId::Bool},
    {"str", TypeId::Str},
    {"bytes", TypeId::Bytes},
    {"bytearray", TypeId::ByteArray},
    {"memoryview", TypeId::MemoryView},
    {"list", TypeId::List},
    {"tuple", TypeId::Tuple},
    {"dict", TypeId::Dict},
    {"set", TypeId::Set},
    {"frozenset", TypeId::FrozenSet},
    {"range", TypeId::Range},
    {"slice", TypeId::Slice},
    {"type", TypeId::Type},
};

const ExcType kExceptionNames[] = {
    ExcType::BaseException,      ExcType::Exception,
    ExcType::ArithmeticError,    ExcType::OverflowError,
    ExcType::ZeroDivisionError,  ExcType::AssertionError,
    ExcType::AttributeError,     ExcType::BufferError,
    ExcType::EOFError,           ExcType::LookupError,
    ExcType::IndexError,         ExcType::KeyError,
    ExcType::MemoryError,        ExcType::NameError,
    ExcType::UnboundLocalError,  ExcType::OSError,
    ExcType::FileNotFoundError,  ExcType::TimeoutError,
    ExcType::RuntimeError,       ExcType::NotImplementedError,
    ExcType::RecursionError,     ExcType::StopIteration,
    ExcType::SyntaxError,        ExcType::IndentationError,
    ExcType::TypeError,          ExcType::ValueError,
    ExcType::UnicodeError,       ExcType::UnicodeDecodeError,
    ExcType::UnicodeEncodeError, ExcType::SystemExit,
    ExcType::KeyboardInterrupt,  ExcType::GeneratorExit,
    ExcType::ImportError,        ExcType::ModuleNotFoundError,
};

}  // namespace

std::optional<Value> lookup_builtin(std::string_view name) {
    for (const auto& f : kFunctions)
        if (name == f.name) return make_builtin(f.name, f.fn);
    for (const auto& t : kTypes)
        if (name == t.name) return type_value(t.id);
    for (ExcType e : kExceptionNames)
        if (name == exc_name(e)) return exc_type_value(e);
    if (name == "IOError" || name == "EnvironmentError") return exc_type_value(ExcType::OSError);
    if (name == "Ellipsis") return Value::ellipsis();
    if (name == "NotImplemented") return Value::not_implemented();
    return std::nullopt;
}

// ---- constructors ---------------------------------------------------------------

namespace {

Result<Value> new_int(Interp&, CallArgs& args) {
    BV_TRY(a, bind_args(args, "int", {"x", "base"}, 0, 1));
    if (!a.has(0)) {
        if (a.has(1)) return raise(ExcType::TypeError, "int() missing string argument");
        return Value::integer(0);
    }
    const Value& x = *a.get(0);
    if (a.has(1)) {
        BV_TRY(base, to_index(*a.get(1)));
        if (x.is_str())
            return int_from_string(x.str_utf8(),
                                   static_cast<int>(base < -1 || base > 37 ? 99 : base));
        if (auto b = bytes_view(x))
            return int_from_string(*b, static_cast<int>(base < -1 || base > 37 ? 99 : base), true);
        return raise(ExcType::TypeError, "int() can't convert non-string with explicit base");
    }
    if (x.is_int()) return x;
    if (x.is_bool()) return Value::integer(x.small_int());
    if (x.is_float()) return float_to_int(x.as_float());
    if (x.is_str()) return int_from_string(x.str_utf8(), 10);
    if (auto b = bytes_view(x)) return int_from_string(*b, 10, true);
    // PyNumber_Long: any other buffer whose PyBUF_SIMPLE export succeeds (a released or
    // non-contiguous view falls through to the TypeError).
    if (auto got = buffer_bytes_of(x, "int"); got && *got) return int_from_string((*got)->data, 10, true);
    return raise(ExcType::TypeError,
                 "int() argument must be a string, a bytes-like object or a real number, not '" +
                     type_name(x) + "'");
}

Result<Value> new_float(Interp&, CallArgs& args) {
    BV_CHECK(check_positional(args, "float", 0, 1));
    if (args.args.empty()) return Value::floating(0.0);
    const Value& x = args.args[0];
    if (x.is_float()) return x;
    if (is_intlike(x)) {
        BV_TRY(d, int_to_double(x));
        return Value::floating(d);
    }
    if (x.is_str()) return float_from_string(x.str_utf8());
    if (auto b = bytes_view(x)) {
        BV_TRY(shown, repr(x));
        return float_from_string(*b, shown);
    }
    if (auto got = buffer_bytes_of(x, "float"); got && *got) {  // PyFloat_FromString's buffer
        BV_TRY(shown, repr(x));
        return float_from_string((*got)->data, shown);
    }
    return raise(ExcType::TypeError,
                 "float() argument must be a string or a real number, not '" + type_name(x) + "'");
}

Result<Value> new_str(Interp&, CallArgs& args) {
    BV_TRY(a, bind_args(args, "str", {"object", "encoding", "errors"}, 0));
    if (!a.has(0)) return Value::str("");
    const Value& x = *a.get(0);
    if (!a.has(1) && !a.has(2)) {
        BV_TRY(s, to_str(x));
        return Value::str(std::move(s));
    }
    // PyUnicode_FromEncodedObject: any failing PyBUF_SIMPLE export (released,
    // non-contiguous) is this TypeError.
    auto got = bytes_like(x);
    if (!got || !*got)
        return raise(ExcType::TypeError,
                     "decoding to str: need a bytes-like object, " + type_name(x) + " found");
    std::string data = std::move(**got);
    std::string enc = "utf-8", errors = "strict";
    if (a.has(1)) {
        if (!a.get(1)->is_str())
            return raise(ExcType::TypeError,
                         "str() argument 'encoding' must be str, not " + type_name(*a.get(1)));
        enc = a.get(1)->str_utf8();
    }
    if (a.has(2)) {
        if (!a.get(2)->is_str())
            return raise(ExcType::TypeError,
                         "str() argument 'errors' must be str, not " + type_name(*a.get(2)));
        errors = a.get(2)->str_utf8();
    }
    return decode_bytes(data, enc, errors);
}

// The bytes for bytes(x) / bytearray(x): int count, str+encoding, buffer, iterable of ints.
Result<std::string> bytes_source(Interp& interp, CallArgs& args, const char* type) {
    BV_TRY(a, bind_args(args, type, {"source", "encoding", "errors"}, 0));
    if (!a.has(0)) {
        if (a.has(1) || a.has(2))
            return raise(ExcType::TypeError, a.has(1) ? "encoding without a string argument"
                                                       : "errors without a string argument");
        return std::string();
    }
    const Value& x = *a.get(0);
    if (x.is_str()) {
        if (!a.has(1)) return raise(ExcType::TypeError, "string argument without an encoding");
        if (!a.get(1)->is_str())
            return raise(ExcType::TypeError,
                         fmt::format("{}() argument 'encoding' must be str, not {}", type,
                                     type_name(*a.get(1))));
        std::string errors = "strict";
        if (a.has(2) && a.get(2)->is_str()) errors = a.get(2)->str_utf8();
        return encode_text(x, a.get(1)->str_utf8(), errors);
    }
    if (a.has(1)) return raise(ExcType::TypeError, "encoding without a string argument");
    if (a.has(2)) return raise(ExcType::TypeError, "errors without a string argument");
    if (is_intlike(x)) {
        if (x.is_big_int())
            return raise(ExcType::OverflowError, "cannot fit 'int' into an index-sized integer");
        int64_t n = x.small_int();
        if (n < 0) return raise(ExcType::ValueError, "negative count");
        BV_CHECK(interp.buffer_context().charge(0));
        if (static_cast<uint64_t>(n) > interp.buffer_context().memory_budget())
            return raise(ExcType::MemoryError, "");
        return std::string(static_cast<size_t>(n), '\0');
    }
    if (x.is(Kind::MemoryView)) return x.obj<MemoryView>().tobytes_string(std::nullopt, type);  // meters its copy
    BV_TRY(buf, buffer_bytes_of(x, type));
    if (buf) {
        // bytes(obj) / bytearray(obj) copy the exporter's bytes (the copy meter shows it).
        interp.buffer_context().note_copy(buf->data.size(), buf->block, 0, as_exporter(x) ? as_exporter(x)->id() : 0);
        return std::move(buf->data);
    }
    if (x.is_none() || x.is_float() || x.is(Kind::Function) || x.is(Kind::Builtin) ||
        x.is(Kind::Type) || x.is(Kind::Exception) || x.is(Kind::Slice) || x.is(Kind::Module))
        return raise(ExcType::TypeError,
                     fmt::format("cannot convert '{}' object to {}", type_name(x), type));
    // CPython 3.11 is lazy here: bytes(range(10**9)) fails at the first bad
    // item without building the list first.
    auto it = get_iter(interp, x);
    if (!it) {
        if (it.error().type == ExcType::TypeError && !x.is(Kind::Iterator))
            return raise(ExcType::TypeError,
                         fmt::format("cannot convert '{}' object to {}", type_name(x), type));
        return it.error();
    }
    std::string out;
    while (true) {
        BV_TRY(next, iter_next(interp, *it));
        if (!next) break;
        BV_CHECK(interp.tick());
        const Value& v = *next;
        if (out.size() == out.capacity()) BV_CHECK(heap_reserve(out.size() + 1));  // doubling
        if (!is_intlike(v))
            return raise(ExcType::TypeError,
                         "'" + type_name(v) + "' object cannot be interpreted as an integer");
        int64_t b = v.is_big_int() ? -1 : v.small_int();
        if (b < 0 || b > 255)
            return raise(ExcType::ValueError, std::string_view(type) == "bytes"
                                                  ? "bytes must be in range(0, 256)"
                                                  : "byte must be in range(0, 256)");
        out.push_back(static_cast<char>(b));
    }
    return out;
}

Result<Value> new_dict(Interp& interp, CallArgs& args) {
    Value d = Value::dict();
    BV_CHECK(dict_merge_args(interp, d.obj<DictObject>(), args, "dict"));
    return d;
}

Result<int64_t> range_arg(const Value& v) {
    if (v.is_big_int())
        return raise(ExcType::OverflowError, "Python int too large to convert to C ssize_t");
    return to_index(v);
}

Result<Value> new_range(CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, "range() takes no keyword arguments");
    size_t n = args.args.size();
    if (n == 0) return raise(ExcType::TypeError, "range expected at least 1 argument, got 0");
    if (n > 3)
        return raise(ExcType::TypeError,
                     fmt::format("range expected at most 3 arguments, got {}", n));
    int64_t start = 0, stop = 0, step = 1;
    if (n == 1) {
        BV_TRY(s, range_arg(args.args[0]));
        stop = s;
    } else {
        BV_TRY(a, range_arg(args.args[0]));
        BV_TRY(b, range_arg(args.args[1]));
        start = a;
        stop = b;
        if (n == 3) {
            BV_TRY(c, range_arg(args.args[2]));
            if (c == 0) return raise(ExcType::ValueError, "range() arg 3 must not be zero");
            step = c;
        }
    }
    return Value::range(start, stop, step);
}

Result<Value> new_memoryview(CallArgs& args) {
    BV_TRY(a, bind_clinic_args(args, "memoryview", {"object"}, 1));  // memoryview_impl's clinic
    const Value* obj = a.get(0);
    const Value& x = *obj;
    auto exp = as_exporter(x);
    if (!exp)
        return raise(ExcType::TypeError,
                     "memoryview: a bytes-like object is required, not '" + type_name(x) + "'");
    BV_TRY(mv, MemoryView::from_object(exp));
    return Value::wrap(std::move(mv));
}

Result<Value> new_exception(ExcType type, CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError,
                     std::string(exc_name(type)) + "() takes no keyword arguments");
    return Value::exception(type, args.args);
}

}  // namespace

Result<Value> construct(Interp& interp, const TypeObject& type, CallArgs& args) {
    switch (type.id) {
        case TypeId::Int:
            return new_int(interp, args);
        case TypeId::Float:
            return new_float(interp, args);
        case TypeId::Bool: {
            if (!args.kwargs.empty())
                return raise(ExcType::TypeError, "bool() takes no keyword arguments");
            BV_CHECK(check_positional(args, "bool", 0, 1));
            if (args.args.empty()) return Value::boolean(false);
            BV_TRY(t, truthy(args.args[0]));
            return Value::boolean(t);
        }
        case TypeId::Str:
            return new_str(interp, args);
        case TypeId::Bytes: {
            // bytes(b) is b for a bytes object: immutable, so CPython shares it.
            if (args.args.size() == 1 && args.kwargs.empty() && args.args[0].is(Kind::Bytes)) return args.args[0];
            BV_TRY(data, bytes_source(interp, args, "bytes"));
            return make_bytes(interp, data);
        }
        case TypeId::ByteArray: {
            BV_TRY(data, bytes_source(interp, args, "bytearray"));
            return make_bytearray(interp, data);
        }
        case TypeId::MemoryView:
            return new_memoryview(args);
        case TypeId::List:
        case TypeId::Tuple: {
            bool list = type.id == TypeId::List;
            if (!args.kwargs.empty())
                return raise(ExcType::TypeError, std::string(list ? "list" : "tuple") +
                                                     "() takes no keyword arguments");
            BV_CHECK(check_positional(args, list ? "list" : "tuple", 0, 1));
            std::vector<Value> items;
            if (!args.args.empty()) {
                BV_TRY(v, collect(interp, args.args[0]));
                items = std::move(v);
            }
            return list ? Value::list(std::move(items)) : Value::tuple(std::move(items));
        }
        case TypeId::Dict:
            return new_dict(interp, args);
        case TypeId::Set:
        case TypeId::FrozenSet:
            return new_set(interp, type.id == TypeId::FrozenSet, args);
        case TypeId::Range:
            return new_range(args);
        case TypeId::Slice: {
            BV_CHECK(check_positional(args, "slice", 1, 3));
            const auto& v = args.args;
            if (v.size() == 1) return Value::slice(Value(), v[0], Value());
            return Value::slice(v[0], v[1], v.size() == 3 ? v[2] : Value());
        }
        case TypeId::Type: {
            if (args.args.size() == 1 && args.kwargs.empty())
                return Value::type(type_of(args.args[0]));
            if (args.args.size() == 3)
                return raise(ExcType::NotImplementedError, "classes are not supported");
            return raise(ExcType::TypeError, "type() takes 1 or 3 arguments");
        }
        case TypeId::Exception:
            return new_exception(type.exc, args);
        case TypeId::NoneType:
            if (!args.args.empty() || !args.kwargs.empty())
                return raise(ExcType::TypeError, "NoneType takes no arguments");
            return Value();
        case TypeId::Array:
        case TypeId::Mmap:
        case TypeId::BytesIO:
        case TypeId::Struct:
            return construct_module_object(interp, type, args);
        case TypeId::Object:
            return raise(ExcType::NotImplementedError,
                         "object() instances are not supported in the playground");
        default:
            break;
    }
    return raise(ExcType::TypeError, "cannot create '" + type_name(type) + "' instances");
}

Result<Value> call(Interp& interp, const Value& callee, CallArgs args) {
    switch (callee.kind()) {
        case Kind::Builtin: {
            // Keep the function (and its bound self) alive for the call.
            auto fn = callee.shared<BuiltinFunction>();
            return fn->call(interp, args);
        }
        case Kind::Function: {
            auto fn = callee.shared<Callable>();
            return fn->call(interp, std::move(args));
        }
        case Kind::Type: {
            if (as_class(callee)) return call_class(interp, callee, std::move(args));
            TypeObject t = callee.obj<TypeObject>();
            return construct(interp, t, args);
        }
        case Kind::Instance:
            return instance_call(interp, callee, std::move(args));
        default:
            return raise(ExcType::TypeError, "'" + type_name(callee) + "' object is not callable");
    }
}

}  // namespace engine::py
