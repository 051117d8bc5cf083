// The lazy iterator builtins over user callables: map(f, *iterables),
// filter(f or None, iterable) and iter(callable, sentinel) (CPython's
// callable_iterator). Each item is computed on next(), as in CPython.
#pragma once

#include "engine/python/runtime/value.hpp"

namespace engine::py {

Result<Value> builtin_map(Interp& interp, const Value& self, CallArgs& args);
Result<Value> builtin_filter(Interp& interp, const Value& self, CallArgs& args);
// iter(x) and iter(callable, sentinel).
Result<Value> builtin_iter(Interp& interp, const Value& self, CallArgs& args);

}  // namespace engine::py
