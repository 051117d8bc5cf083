// Argument binding for built-in functions and methods.
//
//     BV_TRY(a, bind_args(args, "split", {"sep", "maxsplit"}, 0));
//     const Value* sep = a.get(0);   // null when not given
//
// Arity and keyword errors follow CPython's common wording; the exact text of
// arity errors varies between CPython's built-ins, so only the usual forms are
// reproduced.
#pragma once

#include <fmt/format.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

struct BoundArgs {
    std::vector<std::optional<Value>> slots;
    const Value* get(size_t i) const { return i < slots.size() && slots[i] ? &*slots[i] : nullptr; }
    bool has(size_t i) const { return get(i) != nullptr; }
    // The value, or `fallback` when not given (or given as None when none_is_default).
    Value value_or(size_t i, Value fallback, bool none_is_default = false) const {
        const Value* v = get(i);
        if (!v || (none_is_default && v->is_none())) return fallback;
        return *v;
    }
};

// Positional-or-keyword parameters `names`, the first `required` mandatory.
// `positional_only`: the first n names cannot be given by keyword.
inline Result<BoundArgs> bind_args(const CallArgs& args, std::string_view fname,
                                   std::initializer_list<std::string_view> names, size_t required,
                                   size_t positional_only = 0) {
    BoundArgs out;
    out.slots.resize(names.size());
    std::vector<std::string_view> n(names);
    if (args.args.size() > n.size()) {
        if (n.empty())
            return raise(ExcType::TypeError, fmt::format("{}() takes no arguments ({} given)",
                                                         fname, args.args.size()));
        if (required == n.size())
            return raise(ExcType::TypeError,
                         fmt::format("{}() takes exactly {} argument{} ({} given)", fname, n.size(),
                                     n.size() == 1 ? "" : "s", args.args.size()));
        return raise(ExcType::TypeError,
                     fmt::format("{} expected at most {} argument{}, got {}", fname, n.size(),
                                 n.size() == 1 ? "" : "s", args.args.size()));
    }
    for (size_t i = 0; i < args.args.size(); ++i) out.slots[i] = args.args[i];
    for (const auto& [key, value] : args.kwargs) {
        size_t k = 0;
        while (k < n.size() && n[k] != key) ++k;
        if (k == n.size() || k < positional_only) {
            if (n.empty() || positional_only >= n.size())
                return raise(ExcType::TypeError,
                             fmt::format("{}() takes no keyword arguments", fname));
            return raise(ExcType::TypeError,
                         fmt::format("{}() got an unexpected keyword argument '{}'", fname, key));
        }
        if (out.slots[k])
            return raise(ExcType::TypeError,
                         fmt::format("argument for {}() given by name ('{}') and position ({})",
                                     fname, key, k + 1));
        out.slots[k] = value;
    }
    for (size_t i = 0; i < required; ++i) {
        if (!out.slots[i]) {
            if (i < args.args.size() || args.kwargs.empty()) {
                if (required == n.size())
                    return raise(ExcType::TypeError,
                                 fmt::format("{}() takes exactly {} argument{} ({} given)", fname,
                                             required, required == 1 ? "" : "s", args.args.size()));
                return raise(ExcType::TypeError,
                             fmt::format("{} expected at least {} argument{}, got {}", fname,
                                         required, required == 1 ? "" : "s", args.args.size()));
            }
            return raise(
                ExcType::TypeError,
                fmt::format("{}() missing required argument '{}' (pos {})", fname, n[i], i + 1));
        }
    }
    return out;
}

// No keyword arguments allowed; between min and max positional ones.
inline Result<void> check_positional(const CallArgs& args, std::string_view fname, size_t min,
                                     size_t max) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, fmt::format("{}() takes no keyword arguments", fname));
    size_t n = args.args.size();
    if (n >= min && n <= max) return ok();
    if (min == max) {
        if (min == 0)
            return raise(ExcType::TypeError,
                         fmt::format("{}() takes no arguments ({} given)", fname, n));
        if (min == 1)
            return raise(ExcType::TypeError,
                         fmt::format("{}() takes exactly one argument ({} given)", fname, n));
        return raise(ExcType::TypeError,
                     fmt::format("{} expected {} arguments, got {}", fname, min, n));
    }
    if (n < min)
        return raise(ExcType::TypeError, fmt::format("{} expected at least {} argument{}, got {}",
                                                     fname, min, min == 1 ? "" : "s", n));
    return raise(ExcType::TypeError, fmt::format("{} expected at most {} argument{}, got {}", fname,
                                                 max, max == 1 ? "" : "s", n));
}

// A METH_VARARGS method refuses keywords before it runs: "mmap.read() takes no
// keyword arguments" (qualname: the type's name and the method's).
inline Result<void> check_no_keywords(const CallArgs& args, std::string_view qualname) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, fmt::format("{}() takes no keyword arguments", qualname));
    return ok();
}

// PyArg_ParseTuple's arity check (getargs.c): "read() takes at most 1 argument
// (3 given)", "write() takes exactly 1 argument (0 given)", "seek() takes at
// least 1 argument (0 given)". Methods that check their object first (mmap's
// CHECK_VALID) call it after that check.
inline Result<void> check_parse_tuple(const CallArgs& args, std::string_view fname, size_t min,
                                      size_t max) {
    const size_t n = args.args.size();
    if (n >= min && n <= max) return ok();
    const size_t bound = n < min ? min : max;
    return raise(ExcType::TypeError,
                 fmt::format("{}() takes {} {} argument{} ({} given)", fname,
                             min == max ? "exactly" : n < min ? "at least" : "at most", bound,
                             bound == 1 ? "" : "s", n));
}

// Argument Clinic's binding (_PyArg_UnpackKeywords, CPython 3.11) for methods
// whose parameters are all positional-or-keyword, the first `required`
// mandatory: "cast() takes at most 2 arguments (3 given)", "cast() missing
// required argument 'format' (pos 1)", "'x' is an invalid keyword argument for
// cast()", "argument for cast() given by name ('format') and position (1)".
// `skipped`: positional-only parameters before `names` that the caller took
// already (struct.unpack_from's format): they count in the positions and totals.
inline Result<BoundArgs> bind_clinic_args(const CallArgs& args, std::string_view fname,
                                          std::initializer_list<std::string_view> names,
                                          size_t required, size_t skipped = 0) {
    std::vector<std::string_view> n(names);
    const size_t nargs = args.args.size(), total = nargs + args.kwargs.size();
    if (total > n.size())
        return raise(ExcType::TypeError,
                     fmt::format("{}() takes at most {} {}argument{} ({} given)", fname,
                                 n.size() + skipped, nargs + skipped == 0 ? "keyword " : "",
                                 n.size() + skipped == 1 ? "" : "s", total + skipped));
    BoundArgs out;
    out.slots.resize(n.size());
    for (size_t i = 0; i < nargs; ++i) out.slots[i] = args.args[i];
    size_t by_name = 0;
    for (size_t i = nargs; i < n.size(); ++i) {
        for (const auto& [key, value] : args.kwargs)
            if (key == n[i]) out.slots[i] = value;
        if (out.slots[i])
            ++by_name;
        else if (i < required)
            return raise(ExcType::TypeError, fmt::format("{}() missing required argument '{}' (pos {})",
                                                         fname, n[i], i + 1 + skipped));
    }
    if (by_name == args.kwargs.size()) return out;
    for (size_t i = 0; i < nargs; ++i)
        for (const auto& kw : args.kwargs)
            if (kw.first == n[i])
                return raise(ExcType::TypeError,
                             fmt::format("argument for {}() given by name ('{}') and position ({})",
                                         fname, n[i], i + 1 + skipped));
    for (const auto& kw : args.kwargs) {
        bool known = false;
        for (auto name : n) known = known || kw.first == name;
        if (!known)
            return raise(ExcType::TypeError,
                         fmt::format("'{}' is an invalid keyword argument for {}()", kw.first, fname));
    }
    return out;
}

}  // namespace engine::py
