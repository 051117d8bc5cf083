// The lexer. Follows CPython 3.11's Parser/tokenizer.c where the subset needs
// it: messages such as "unterminated string literal (detected at line N)" and
// "unindent does not match any outer indentation level" are copied from there.
#include "engine/python/lexer.hpp"

#include <cstdint>
#include <string>

namespace engine::py {
namespace {

Error syntax_error(std::string message, int line, ExcType type = ExcType::SyntaxError) {
    Error e = raise(type, std::move(message));
    e.line = line;
    return e;
}

bool is_ident_start(unsigned char c) { return c == '_' || std::isalpha(c) || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 99;
}

// Length of a valid UTF-8 sequence at s[i], or 0 when invalid.
size_t utf8_length(std::string_view s, size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) {
        auto d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

constexpr size_t kMaxStrDigits = 4300;

const char* const kOps3[] = {"**=", "//=", ">>=", "<<=", "...", nullptr};
const char* const kOps2[] = {"->", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=",
                             "-=", "*=", "/=", "%=", "&=", "|=", "^=", ":=", "@=", nullptr};
const char kOps1[] = "+-*/%@&|^~<>()[]{},:.;=";

class Lexer {
public:
    explicit Lexer(std::string_view src) : s_(src) {}

    Result<std::vector<Token>> run() {
        // CPython 3.11 skips a UTF-8 byte order mark at the very start.
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_begin_ = 3;
        // CPython reads the file line by line: the first line holding a NUL
        // byte or a byte that is not UTF-8 stops it, with these messages.
        int line = 1;
        for (size_t i = pos_; i < s_.size();) {
            if (s_[i] == '\0') return syntax_error("source code cannot contain null bytes", line);
            size_t n = utf8_length(s_, i);
            if (n == 0) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s_[i]));
                // No line of its own: CPython prints no source line for it.
                return syntax_error(std::string("Non-UTF-8 code starting with '") + buf +
                                        "' in file " + std::string(kSourceFileMarker) +
                                        " on line " + std::to_string(line) +
                                        ", but no encoding declared; see "
                                        "https://peps.python.org/pep-0263/ for details",
                                    0);
            }
            line += s_[i] == '\n';
            i += n;
        }
        indents_.push_back(0);
        alt_indents_.push_back(0);
        while (pos_ < s_.size() || !at_line_start_) {
            if (at_line_start_) {
                auto r = line_start();
                if (!r) return std::move(r).error();
                if (pos_ >= s_.size()) break;
                continue;
            }
            const size_t before = out_.size();
            auto r = next();
            if (!r) return std::move(r).error();
            for (size_t k = before; k < out_.size(); ++k) {  // the token(s) just scanned end here
                out_[k].end_line = line_;
                out_[k].end_col = col();
            }
        }
        if (!brackets_.empty()) {
            return syntax_error("'" + std::string(1, brackets_.back().ch) + "' was never closed",
                                brackets_.back().line);
        }
        if (!out_.empty() && out_.back().kind != Tok::Newline && out_.back().kind != Tok::Dedent) {
            push(Tok::Newline, "", line_, col());
        }
        while (indents_.size() > 1) {
            indents_.pop_back();
            push(Tok::Dedent, "", line_, 1);
        }
        push(Tok::End, "", line_, 1);
        return std::move(out_);
    }

private:
    struct Bracket {
        char ch;
        int line;
    };

    int col() const { return static_cast<int>(pos_ - line_begin_) + 1; }
    char peek(size_t k = 0) const { return pos_ + k < s_.size() ? s_[pos_ + k] : '\0'; }

    void push(Tok kind, std::string text, int line, int column) {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.line = line;
        t.col = column;
        out_.push_back(std::move(t));
    }

    void newline_char() {
        ++pos_;
        ++line_;
        line_begin_ = pos_;
    }

    // At the start of a logical line: measure indentation, skip blank lines.
    Result<void> line_start() {
        // `width` counts a tab to the next multiple of 8, `alt` as 1 column
        // (CPython's col and altcol): indentation must compare the same way
        // under both, or it depends on the tab size (TabError).
        int width = 0, alt = 0;
        while (pos_ < s_.size()) {
            char c = s_[pos_];
            if (c == ' ') {
                ++width;
                ++alt;
            } else if (c == '\t') {
                width = (width / 8 + 1) * 8;
                ++alt;
            } else if (c == '\f') {
                width = alt = 0;
            } else {
                break;
            }
            ++pos_;
        }
        char c = peek();
        if (c == '#') {
            while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
            c = peek();
        }
        if (c == '\r' && peek(1) == '\n') {
            ++pos_;
            c = '\n';
        }
        if (c == '\n') {
            newline_char();
            return ok();
        }
        if (c == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
            // A backslash continuation on an otherwise empty line: keep going.
            pos_ += peek(1) == '\r' ? 2 : 1;
            newline_char();
            return ok();
        }
        if (pos_ >= s_.size()) return ok();
        at_line_start_ = false;
        if (width == indents_.back()) {
            if (alt != alt_indents_.back()) return tab_error();
        } else if (width > indents_.back()) {
            // CPython's tokenizer: MAXINDENT 100.
            if (indents_.size() >= 100) {
                return syntax_error("too many levels of indentation", line_,
                                    ExcType::IndentationError);
            }
            if (alt <= alt_indents_.back()) return tab_error();
            indents_.push_back(width);
            alt_indents_.push_back(alt);
            push(Tok::Indent, "", line_, col());
        } else {
            while (width < indents_.back()) {
                indents_.pop_back();
                alt_indents_.pop_back();
                push(Tok::Dedent, "", line_, col());
            }
            if (width != indents_.back()) {
                return syntax_error("unindent does not match any outer indentation level", line_,
                                    ExcType::IndentationError);
            }
            if (alt != alt_indents_.back()) return tab_error();
        }
        return ok();
    }

    Error tab_error() const {
        // CPython raises TabError, a subclass of IndentationError; ExcType has no
        // TabError yet (adding one rebuilds the whole engine), so this is its base.
        return syntax_error("inconsistent use of tabs and spaces in indentation", line_,
                            ExcType::IndentationError);
    }

    Result<void> next() {
        char c = peek();
        if (pos_ >= s_.size()) {
            // End of text inside a line: close it.
            at_line_start_ = true;
            if (brackets_.empty()) push(Tok::Newline, "", line_, col());
            return ok();
        }
        if (c == ' ' || c == '\t' || c == '\f') {
            ++pos_;
            return ok();
        }
        if (c == '#') {
            while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
            return ok();
        }
        if (c == '\r' && peek(1) == '\n') {
            ++pos_;
            c = '\n';
        }
        if (c == '\r') c = '\n';
        if (c == '\n') {
            if (brackets_.empty()) {
                push(Tok::Newline, "", line_, col());
                at_line_start_ = true;
            }
            newline_char();
            return ok();
        }
        if (c == '\\') {
            size_t k = 1;
            if (peek(k) == '\r') ++k;
            if (peek(k) == '\n') {
                pos_ += k;
                newline_char();
                if (pos_ >= s_.size()) return syntax_error("unexpected EOF while parsing", line_);
                return ok();
            }
            return syntax_error("unexpected character after line continuation character", line_);
        }
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number();
        if (is_ident_start(static_cast<unsigned char>(c))) return name_or_string();
        if (c == '"' || c == '\'') return string(pos_, "");
        return op();
    }

    Result<void> op() {
        int column = col();
        for (const char* const* table : {kOps3, kOps2}) {
            for (int k = 0; table[k]; ++k) {
                std::string_view o(table[k]);
                if (s_.substr(pos_, o.size()) == o) {
                    push(Tok::Op, std::string(o), line_, column);
                    pos_ += o.size();
                    return ok();
                }
            }
        }
        char c = peek();
        if (c != '\0' && std::string_view(kOps1).find(c) != std::string_view::npos) {
            if (c == '(' || c == '[' || c == '{') {
                // CPython's tokenizer: MAXLEVEL 200.
                if (brackets_.size() >= 200)
                    return syntax_error("too many nested parentheses", line_);
                brackets_.push_back({c, line_});
            } else if (c == ')' || c == ']' || c == '}') {
                if (brackets_.empty()) {
                    return syntax_error(std::string("unmatched '") + c + "'", line_);
                }
                char open = brackets_.back().ch;
                char want = open == '(' ? ')' : open == '[' ? ']' : '}';
                if (c != want) {
                    std::string msg = std::string("closing parenthesis '") + c +
                                      "' does not match opening parenthesis '" + open + "'";
                    if (brackets_.back().line != line_) {
                        msg += " on line " + std::to_string(brackets_.back().line);
                    }
                    return syntax_error(msg, line_);
                }
                brackets_.pop_back();
            }
            push(Tok::Op, std::string(1, c), line_, column);
            ++pos_;
            return ok();
        }
        auto uc = static_cast<unsigned char>(c);
        if (uc >= 0x80 || c == '$' || c == '?' || c == '`' || c == '!') {
            return syntax_error("invalid syntax", line_);
        }
        char buf[64];
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", uc);
        return syntax_error(buf, line_);
    }

    Result<void> name_or_string() {
        size_t start = pos_;
        int column = col();
        while (pos_ < s_.size() && is_ident_char(static_cast<unsigned char>(s_[pos_]))) ++pos_;
        std::string word(s_.substr(start, pos_ - start));
        char q = peek();
        if ((q == '"' || q == '\'') && word.size() <= 2) {
            std::string lower;
            for (char ch : word) lower += static_cast<char>(std::tolower(ch));
            if (lower == "r" || lower == "u" || lower == "b" || lower == "f" || lower == "br" ||
                lower == "rb" || lower == "fr" || lower == "rf") {
                return string(start, lower);
            }
        }
        push(Tok::Name, std::move(word), line_, column);
        return ok();
    }

    Result<void> string(size_t start, const std::string& prefix) {
        int line = line_;
        int column = static_cast<int>(start - line_begin_) + 1;
        bool raw = prefix.find('r') != std::string::npos;
        bool bytes = prefix.find('b') != std::string::npos;
        bool fstr = prefix.find('f') != std::string::npos;
        char q = peek();
        bool triple = peek(1) == q && peek(2) == q;
        pos_ += triple ? 3 : 1;
        size_t body_start = pos_;
        size_t body_end = 0;
        for (;;) {
            if (pos_ >= s_.size()) {
                if (triple) {
                    // CPython names the line of the text's last character.
                    const int last = line_ - (!s_.empty() && s_.back() == '\n' ? 1 : 0);
                    return syntax_error(
                        "unterminated triple-quoted string literal (detected at line " +
                            std::to_string(last) + ")",
                        line);
                }
                return syntax_error(
                    "unterminated string literal (detected at line " + std::to_string(line_) + ")",
                    line);
            }
            char c = s_[pos_];
            if (c == '\\' && pos_ + 1 < s_.size()) {
                pos_ += 1;
                if (s_[pos_] == '\n') {
                    newline_char();
                } else {
                    ++pos_;
                }
                continue;
            }
            if (c == '\n') {
                if (!triple) {
                    return syntax_error("unterminated string literal (detected at line " +
                                            std::to_string(line_) + ")",
                                        line);
                }
                newline_char();
                continue;
            }
            if (c == q && (!triple || (peek(1) == q && peek(2) == q))) {
                body_end = pos_;
                pos_ += triple ? 3 : 1;
                break;
            }
            ++pos_;
        }
        std::string_view body = s_.substr(body_start, body_end - body_start);
        Token t;
        t.kind = Tok::String;
        t.line = line;
        t.col = column;
        t.raw = raw;
        if (fstr) {
            t.str_kind = StrKind::FString;
            t.text = std::string(body);
        } else {
            t.str_kind = bytes ? StrKind::Bytes : StrKind::Str;
            auto decoded = decode_string_body(body, bytes, raw, line);
            if (!decoded) return std::move(decoded).error();
            t.text = std::move(*decoded);
        }
        out_.push_back(std::move(t));
        return ok();
    }

    // Digits of `base` with single underscores between them; returns false on a bad '_'.
    bool digits(int base, std::string& out) {
        bool any = false;
        while (pos_ < s_.size()) {
            char c = s_[pos_];
            if (c == '_') {
                if (!any || digit_value(peek(1)) >= base) return false;
                ++pos_;
                continue;
            }
            if (digit_value(c) >= base) break;
            out += c;
            any = true;
            ++pos_;
        }
        return true;
    }

    Result<void> number() {
        int column = col();
        char c = peek();
        char p = static_cast<char>(std::tolower(peek(1)));
        if (c == '0' && (p == 'x' || p == 'o' || p == 'b')) {
            int base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
            const char* kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
            pos_ += 2;
            if (peek() == '_') ++pos_;
            std::string text;
            bool good = digits(base, text);
            char after = peek();
            if (good && is_digit(after) && digit_value(after) >= base) {
                return syntax_error(
                    std::string("invalid digit '") + after + "' in " + kind + " literal", line_);
            }
            if (!good || text.empty() || is_ident_char(static_cast<unsigned char>(after))) {
                return syntax_error(std::string("invalid ") + kind + " literal", line_);
            }
            Token t;
            t.kind = Tok::Int;
            t.text = std::move(text);
            t.base = base;
            t.line = line_;
            t.col = column;
            out_.push_back(std::move(t));
            return ok();
        }
        std::string text;
        bool good = digits(10, text);
        bool is_float = false;
        if (good && peek() == '.') {
            is_float = true;
            text += '.';
            ++pos_;
            if (is_digit(peek())) good = digits(10, text);
        }
        if (good && (peek() == 'e' || peek() == 'E')) {
            char sign = peek(1);
            size_t k = (sign == '+' || sign == '-') ? 2 : 1;
            if (is_digit(peek(k))) {
                is_float = true;
                text += 'e';
                if (k == 2) text += sign;
                pos_ += k;
                good = digits(10, text);
            } else {
                good = false;
            }
        }
        if (good && (peek() == 'j' || peek() == 'J')) {
            Error e = raise(ExcType::NotImplementedError, "complex numbers are not supported");
            e.line = line_;
            return e;
        }
        if (!good || is_ident_char(static_cast<unsigned char>(peek()))) {
            return syntax_error("invalid decimal literal", line_);
        }
        if (!is_float && text.size() > 1 && text[0] == '0' &&
            text.find_first_not_of('0') != std::string::npos) {
            return syntax_error(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                "for octal integers",
                line_);
        }
        // CPython 3.11: sys.int_info.default_max_str_digits for decimal literals.
        if (!is_float && text.size() > kMaxStrDigits) {
            return syntax_error(
                "Exceeds the limit (4300 digits) for integer string conversion: value has " +
                    std::to_string(text.size()) +
                    " digits; use sys.set_int_max_str_digits() to increase the limit - Consider "
                    "hexadecimal for huge integer literals to avoid decimal conversion limits.",
                line_);
        }
        Token t;
        t.kind = is_float ? Tok::Float : Tok::Int;
        t.text = std::move(text);
        t.line = line_;
        t.col = column;
        out_.push_back(std::move(t));
        return ok();
    }

    std::string_view s_;
    size_t pos_ = 0;
    size_t line_begin_ = 0;
    int line_ = 1;
    bool at_line_start_ = true;
    std::vector<int> indents_;
    std::vector<int> alt_indents_;  // the same levels with a tab as 1 column
    std::vector<Bracket> brackets_;
    std::vector<Token> out_;
};

}  // namespace

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

Result<std::string> decode_string_body(std::string_view body, bool bytes, bool raw, int line) {
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (bytes && static_cast<unsigned char>(c) >= 0x80) {
            return syntax_error("bytes can only contain ASCII literal characters", line);
        }
        if (c == '\r' && i + 1 < body.size() && body[i + 1] == '\n') continue;  // CRLF -> LF
        if (c != '\\' || raw) {
            out += c;
            if (raw && c == '\\' && i + 1 < body.size()) {
                out += body[++i];  // r'\'' keeps both characters
            }
            continue;
        }
        if (i + 1 >= body.size()) {
            out += c;
            break;
        }
        char e = body[++i];
        switch (e) {
            case '\n':
                break;
            case '\\':
                out += '\\';
                break;
            case '\'':
                out += '\'';
                break;
            case '"':
                out += '"';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'v':
                out += '\v';
                break;
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7': {
                uint32_t v = 0;
                int n = 0;
                while (n < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7') {
                    v = v * 8 + static_cast<uint32_t>(body[i] - '0');
                    ++i;
                    ++n;
                }
                --i;
                if (bytes) {
                    out += static_cast<char>(v & 0xFF);
                } else {
                    append_utf8(out, v);
                }
                break;
            }
            case 'x':
            case 'u':
            case 'U': {
                if (bytes && e != 'x') {
                    out += '\\';
                    out += e;
                    break;
                }
                int want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                uint32_t v = 0;
                for (int k = 0; k < want; ++k) {
                    size_t j = i + 1 + static_cast<size_t>(k);
                    int d = j < body.size() ? digit_value(body[j]) : 99;
                    if (d >= 16) {
                        const char* what = e == 'x'   ? "\\xXX"
                                           : e == 'u' ? "\\uXXXX"
                                                      : "\\UXXXXXXXX";
                        std::string codec = bytes ? "(value error) invalid \\x escape at position "
                                                  : "(unicode error) 'unicodeescape' codec can't "
                                                    "decode bytes: truncated ";
                        return syntax_error(
                            bytes ? codec + std::to_string(i - 1) : codec + what + " escape", line);
                    }
                    v = v * 16 + static_cast<uint32_t>(d);
                }
                i += static_cast<size_t>(want);
                if (bytes) {
                    out += static_cast<char>(v);
                } else if (v > 0x10FFFF) {
                    return syntax_error(
                        "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode "
                        "character",
                        line);
                } else {
                    append_utf8(out, v);
                }
                break;
            }
            case 'N':
                if (!bytes) {
                    Error err =
                        raise(ExcType::NotImplementedError, "\\N{...} escapes are not supported");
                    err.line = line;
                    return err;
                }
                [[fallthrough]];
            default:
                // Unknown escapes keep their backslash (CPython: a DeprecationWarning only).
                out += '\\';
                out += e;
                if (bytes && static_cast<unsigned char>(e) >= 0x80) {
                    return syntax_error("bytes can only contain ASCII literal characters", line);
                }
        }
    }
    return out;
}

Result<std::vector<Token>> tokenize(std::string_view source) { return Lexer(source).run(); }

Error name_source_file(Error error, std::string_view filename) {
    const size_t at = error.message.find(kSourceFileMarker);
    if (at != std::string::npos) error.message.replace(at, kSourceFileMarker.size(), filename);
    return error;
}

}  // namespace engine::py
