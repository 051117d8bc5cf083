// Tokens of the playground's Python, as the lexer hands them to the parser.
//
// Every token carries its 1-based line and column. String tokens are already
// decoded (escapes applied; str as UTF-8, bytes as raw bytes), except f-strings,
// whose body stays raw so that the parser can split it into literal pieces and
// embedded expressions.
#pragma once

#include <string>

namespace engine::py {

enum class Tok {
    Name,     // identifier or keyword (the parser tells them apart)
    Int,      // text: the digits without prefix or underscores; base: 2, 8, 10 or 16
    Float,    // text: the literal without underscores ("1.5e3")
    String,   // text: the decoded value (see StrKind)
    Op,       // text: the operator or delimiter ("**=", "(", ":")
    Newline,  // end of a logical line
    Indent,
    Dedent,
    End,
};

enum class StrKind { Str, Bytes, FString };

struct Token {
    Tok kind = Tok::End;
    std::string text;
    int line = 1;
    int col = 1;
    int end_line = 0, end_col = 0;    // where the token ends (end_col: 1-based column just past it)
    int base = 10;                    // Tok::Int
    StrKind str_kind = StrKind::Str;  // Tok::String
    bool raw = false;                 // Tok::String with an r prefix (f-strings decode later)

    bool is_op(const char* op) const { return kind == Tok::Op && text == op; }
    bool is_name(const char* name) const { return kind == Tok::Name && text == name; }
};

}  // namespace engine::py
