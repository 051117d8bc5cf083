// The built-in namespace: functions (print, len, sorted, ...), types (int,
// str, list, ...: callable to construct), exception classes, and helpers
// shared with methods (sorting, constructors).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

// The value a builtin name refers to, nullopt for unknown names (the
// evaluator then raises NameError). Covers the functions of SUBSET.md, the
// type names and the exception classes (ValueError, ...).
std::optional<Value> lookup_builtin(std::string_view name);

// Calling a type object: int("ff", 16), bytes(3), ValueError("x"), ...
Result<Value> construct(Interp& interp, const TypeObject& type, CallArgs& args);

// Stable sort by `<` (CPython's list.sort); key may be null or None.
Result<void> sort_values(Interp& interp, std::vector<Value>& items, const Value* key, bool reverse);

// Helpers shared with methods and modules.
Value make_builtin(std::string_view name, BuiltinFn fn);
Value bind_method(const Value& self, std::string_view name, BuiltinFn fn);
Value type_value(TypeId id);
Value exc_type_value(ExcType type);

}  // namespace engine::py
