// The parser: tokens -> Module (ast.hpp), by recursive descent over CPython
// 3.11's grammar restricted to SUBSET.md.
//
// Valid Python outside the subset (class, yield, async, :=, match, decorators,
// set literals, star-unpacking, **kwargs, ...) is refused with a
// NotImplementedError naming the construct; invalid Python gets a SyntaxError
// (or IndentationError) with CPython's message where it is cheap to match.
// Every error carries the line it was found on. Scope analysis (the names a
// function binds, its `global` names, whether it reads an enclosing
// function's names) is done here as well.
#pragma once

#include <string_view>

#include "engine/core/result.hpp"
#include "engine/python/ast.hpp"

namespace engine::py {

Result<Module> parse(std::string_view source);

// Parses one expression (used for f-string pieces); `line` is the line of
// the enclosing string.
Result<ExprPtr> parse_expression(std::string_view source, int line);

}  // namespace engine::py
