// Argument binding with the messages of a Python-level function (def), for
// the modules whose CPython implementation is Python code (base64.py,
// collections.namedtuple): "b64decode() missing 1 required positional
// argument: 's'", "b64encode() takes from 1 to 2 positional arguments but 3
// were given", "got an unexpected keyword argument 'x'", "got multiple values
// for argument 's'" (the checks in ceval.c's order: positional count, keywords,
// missing ones).
#pragma once

#include <fmt/format.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/python/runtime/args.hpp"

namespace engine::py {

// `names`: positional-or-keyword parameters, the first `required` without a
// default; `kwonly`: keyword-only parameters (all with defaults). The slots of
// the result are names then kwonly.
inline Result<BoundArgs> bind_py_args(const CallArgs& args, std::string_view fname,
                                      std::initializer_list<std::string_view> names,
                                      size_t required,
                                      std::initializer_list<std::string_view> kwonly = {}) {
    std::vector<std::string_view> n(names);
    std::vector<std::string_view> k(kwonly);
    const size_t given = args.args.size();
    if (given > n.size()) {
        std::string takes =
            required == n.size()
                ? fmt::format("{} positional argument{}", n.size(), n.size() == 1 ? "" : "s")
                : fmt::format("from {} to {} positional arguments", required, n.size());
        return raise(ExcType::TypeError, fmt::format("{}() takes {} but {} {} given", fname, takes,
                                                     given, given == 1 ? "was" : "were"));
    }
    BoundArgs out;
    out.slots.resize(n.size() + k.size());
    for (size_t i = 0; i < given; ++i) out.slots[i] = args.args[i];
    for (const auto& [key, value] : args.kwargs) {
        size_t i = 0;
        while (i < n.size() && n[i] != key) ++i;
        if (i == n.size()) {
            size_t j = 0;
            while (j < k.size() && k[j] != key) ++j;
            if (j == k.size())
                return raise(ExcType::TypeError,
                             fmt::format("{}() got an unexpected keyword argument '{}'", fname, key));
            i = n.size() + j;
        }
        if (out.slots[i])
            return raise(ExcType::TypeError,
                         fmt::format("{}() got multiple values for argument '{}'", fname, key));
        out.slots[i] = value;
    }
    std::vector<std::string_view> absent;
    for (size_t i = 0; i < required; ++i)
        if (!out.slots[i]) absent.push_back(n[i]);
    if (!absent.empty()) {
        std::string list;
        for (size_t i = 0; i < absent.size(); ++i) {
            if (i > 0) list += absent.size() == 2 ? " and " : i + 1 == absent.size() ? ", and " : ", ";
            list += fmt::format("'{}'", absent[i]);
        }
        return raise(ExcType::TypeError,
                     fmt::format("{}() missing {} required positional argument{}: {}", fname,
                                 absent.size(), absent.size() == 1 ? "" : "s", list));
    }
    return out;
}

}  // namespace engine::py
