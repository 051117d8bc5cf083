// format(value, spec) / f-string specs, and printf-style `%` formatting of str
// and bytes, with CPython 3.11's results and error messages.
#pragma once

#include <string>
#include <string_view>

#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

// format(v, spec): the f-string `{v:spec}` after conversion (!r/!s are the
// evaluator's: it applies repr/str first and formats the resulting str).
Result<std::string> format_value(const Value& v, std::string_view spec);
// fmt % args for a str format: the formatted str.
Result<std::string> percent_format(std::string_view fmt, const Value& args);
// fmt % args for a bytes/bytearray format: the formatted bytes.
Result<std::string> percent_format_bytes(std::string_view fmt, const Value& args);

}  // namespace engine::py
