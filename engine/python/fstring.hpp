// f-string bodies -> pieces: literal text (Constant str) and FormattedValue
// nodes, as CPython 3.11's Parser/string_parser.c splits them. Messages
// ("f-string: expecting '}'", ...) are CPython's.
#pragma once

#include <string_view>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/ast.hpp"

namespace engine::py {

// Appends the pieces of one f-string body (the raw text between the quotes).
// `depth` is 0 for a literal, 1 inside a format spec (specs nest once).
Result<void> parse_fstring(std::string_view body, bool raw, int line, int depth,
                           std::vector<ExprPtr>& out);

}  // namespace engine::py
