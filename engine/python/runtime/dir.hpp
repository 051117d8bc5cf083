// dir(obj): the attribute names of a value, sorted, as CPython 3.11 lists them.
// Built-in types and modules list CPython's names (type_dirs.cpp, generated
// from CPython); a user class lists its namespace and its bases' with object's
// (or its built-in exception base's) names; an instance adds its own attributes.
// "Did you mean" hints on an AttributeError choose among these names.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

using NameList = std::shared_ptr<const std::vector<std::string>>;

// dir(obj). Built-in types share one list per type; never null (empty for a
// value whose type has no table).
NameList dir_names(const Value& obj);

// CPython's builtins module's names in its dict's order (NameError hints).
const std::vector<std::string>& builtin_names();

// The builtin dir(obj); dir() without an argument is refused by name.
Result<Value> builtin_dir(Interp& interp, const Value& self, CallArgs& args);

}  // namespace engine::py
