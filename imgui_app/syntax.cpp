#include "imgui_app/syntax.hpp"

#include <array>
#include <algorithm>
#include <cctype>
#include <cstring>

namespace app {
namespace {

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};

constexpr std::array<std::string_view, 40> kBuiltins = {
    "print", "len", "range", "enumerate", "zip", "reversed", "sorted", "min", "max", "sum",
    "abs", "all", "any", "isinstance", "type", "repr", "str", "int", "float", "bool", "bytes",
    "bytearray", "memoryview", "list", "tuple", "dict", "hex", "bin", "oct", "ord", "chr",
    "hash", "id", "iter", "next", "divmod", "round", "pow", "BufferError", "ValueError"};

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

template <size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view w) {
    for (std::string_view k : words)
        if (k == w) return true;
    return false;
}

}  // namespace

std::vector<Span> highlight_python(std::string_view s) {
    std::vector<Span> out;
    const auto n = static_cast<uint32_t>(s.size());
    uint32_t i = 0;
    bool after_def = false;
    while (i < n) {
        const char c = s[i];
        if (c == '#') {
            uint32_t e = i;
            while (e < n && s[e] != '\n') ++e;
            out.push_back({i, e, TokenKind::Comment});
            i = e;
            continue;
        }
        // String, with an optional prefix (b, r, f, rb, br, ...).
        uint32_t p = i;
        while (p < n && p - i < 2 && std::strchr("bBrRfFuU", s[p]) && s[p] != '\0') ++p;
        if (p < n && (s[p] == '\'' || s[p] == '"') && (p == i || !is_ident(i > 0 ? s[i - 1] : ' '))) {
            const char q = s[p];
            const bool triple = p + 2 < n && s[p + 1] == q && s[p + 2] == q;
            uint32_t e = p + (triple ? 3 : 1);
            while (e < n) {
                if (s[e] == '\\') {
                    e += 2;
                    continue;
                }
                if (!triple && s[e] == '\n') break;
                if (s[e] == q && (!triple || (e + 2 < n && s[e + 1] == q && s[e + 2] == q))) {
                    e += triple ? 3 : 1;
                    break;
                }
                ++e;
            }
            e = std::min(e, n);
            out.push_back({i, e, TokenKind::String});
            i = e;
            continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) && (i == 0 || !is_ident(s[i - 1]))) {
            uint32_t e = i;
            while (e < n && (is_ident(s[e]) || s[e] == '.')) ++e;
            out.push_back({i, e, TokenKind::Number});
            i = e;
            continue;
        }
        if (is_ident(c)) {
            uint32_t e = i;
            while (e < n && is_ident(s[e])) ++e;
            const std::string_view w = s.substr(i, e - i);
            const bool attr = i > 0 && s[i - 1] == '.';
            if (after_def) {
                out.push_back({i, e, TokenKind::Definition});
                after_def = false;
            } else if (contains(kKeywords, w)) {
                out.push_back({i, e, TokenKind::Keyword});
                after_def = w == "def";
            } else if (!attr && contains(kBuiltins, w)) {
                out.push_back({i, e, TokenKind::Builtin});
            }
            i = e;
            continue;
        }
        ++i;
    }
    return out;
}

}  // namespace app
