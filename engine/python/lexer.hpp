// The lexer: source text -> tokens with INDENT/DEDENT, as CPython's tokenizer.
//
// Owns: indentation, implicit line joining inside brackets, backslash
// continuation, comments, and every literal of the subset (ints in all bases
// with '_', floats, strings with the prefixes r/b/f/u and their mixes,
// triple quotes, escapes). Constructs outside the subset (imaginary numbers,
// \N{...} escapes) are refused with a NotImplementedError naming them.
// Never crashes on any input: bad text becomes a SyntaxError with its line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/token.hpp"

namespace engine::py {

Result<std::vector<Token>> tokenize(std::string_view source);

// CPython's message for a source that is not UTF-8 names the file, which the
// lexer does not know: it writes this marker, and the runner that knows the
// file name replaces it (name_source_file).
inline constexpr std::string_view kSourceFileMarker = "\x1f<source file>\x1f";
Error name_source_file(Error error, std::string_view filename);

// Applies the escapes of a string body (CPython's rules for str or bytes).
// `line` stamps any error. Used for plain literals and f-string pieces.
Result<std::string> decode_string_body(std::string_view body, bool bytes, bool raw, int line);

// Appends the UTF-8 encoding of `cp` (surrogates are encoded as-is, WTF-8).
void append_utf8(std::string& out, uint32_t cp);

}  // namespace engine::py
