// A small Python highlighter for the code panel: splits source into spans of
// one kind each. Pure, so it is unit-tested; strings may span lines.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace app {

enum class TokenKind : uint8_t { Plain, Keyword, Builtin, String, Number, Comment, Definition };

struct Span {
    uint32_t begin = 0, end = 0;  // byte offsets into the source
    TokenKind kind = TokenKind::Plain;
};

// Spans in order, covering only the non-plain parts.
std::vector<Span> highlight_python(std::string_view source);

}  // namespace app
