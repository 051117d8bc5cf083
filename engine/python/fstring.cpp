#include "engine/python/fstring.hpp"

#include "engine/python/lexer.hpp"
#include "engine/python/parser.hpp"

namespace engine::py {
namespace {

Error fstring_error(std::string message, int line) {
    Error e = raise(ExcType::SyntaxError, "f-string: " + std::move(message));
    e.line = line;
    return e;
}

ExprPtr node(ExprKind kind, int line) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->line = line;
    return e;
}

Result<void> add_literal(std::string& pending, bool raw, int line, std::vector<ExprPtr>& out) {
    if (pending.empty()) return ok();
    BV_TRY(text, decode_string_body(pending, false, raw, line));
    pending.clear();
    auto c = node(ExprKind::Constant, line);
    c->const_kind = ConstKind::Str;
    c->text = std::move(text);
    out.push_back(std::move(c));
    return ok();
}

// The end of the expression that starts at `i`: the first top-level '!', ':',
// '=' (not part of == != <= >=) or '}' outside brackets and strings.
Result<size_t> expression_end(std::string_view s, size_t i, int line) {
    int depth = 0;
    char quote = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\\') {
            Error e =
                raise(ExcType::SyntaxError, "f-string expression part cannot include a backslash");
            e.line = line;
            return e;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '#') {
            Error e = raise(ExcType::SyntaxError, "f-string expression part cannot include '#'");
            e.line = line;
            return e;
        } else if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c == '}') return i;
                return fstring_error(std::string("unmatched '") + c + "'", line);
            }
            --depth;
        } else if (depth == 0) {
            char next = i + 1 < s.size() ? s[i + 1] : '\0';
            if (c == '!' && next != '=') return i;
            if (c == ':') return i;
            if (c == '=' && next != '=') {
                char prev = i > 0 ? s[i - 1] : '\0';
                if (prev != '=' && prev != '!' && prev != '<' && prev != '>') return i;
            }
            if ((c == '=' || c == '!' || c == '<' || c == '>') && next == '=') ++i;
        }
    }
    if (quote) return fstring_error("unterminated string", line);
    return fstring_error("expecting '}'", line);
}

}  // namespace

Result<void> parse_fstring(std::string_view s, bool raw, int line, int depth,
                           std::vector<ExprPtr>& out) {
    std::string pending;
    size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c == '\\' && !raw && i + 1 < s.size()) {
            // Escapes stay for decode; a backslash never starts a replacement field.
            pending += c;
            pending += s[i + 1];
            i += 2;
            continue;
        }
        if (c == '{' && depth == 0 && i + 1 < s.size() && s[i + 1] == '{') {
            pending += '{';
            i += 2;
            continue;
        }
        if (c == '}') {
            if (depth == 0 && i + 1 < s.size() && s[i + 1] == '}') {
                pending += '}';
                i += 2;
                continue;
            }
            return fstring_error("single '}' is not allowed", line);
        }
        if (c != '{') {
            pending += c;
            ++i;
            continue;
        }
        if (depth >= 2) return fstring_error("expressions nested too deeply", line);
        BV_CHECK(add_literal(pending, raw, line, out));
        size_t start = i + 1;
        BV_TRY(end, expression_end(s, start, line));
        std::string_view source = s.substr(start, end - start);
        if (source.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            return fstring_error("empty expression not allowed", line);
        }
        BV_TRY(value, parse_expression(source, line));
        auto fv = node(ExprKind::FormattedValue, line);
        fv->a = std::move(value);
        i = end;
        if (s[i] == '=') {
            // {x = } keeps the spaces around '=' in the text it prints.
            size_t after = i + 1;
            while (after < s.size() && (s[after] == ' ' || s[after] == '\t')) ++after;
            fv->text = std::string(s.substr(start, after - start));
            i = after;
        }
        if (i < s.size() && s[i] == '!') {
            char conv = i + 1 < s.size() ? s[i + 1] : '\0';
            if (conv != 's' && conv != 'r' && conv != 'a') {
                return fstring_error("invalid conversion character: expected 's', 'r', or 'a'",
                                     line);
            }
            fv->conversion = conv;
            i += 2;
        }
        if (i < s.size() && s[i] == ':') {
            // The spec runs to the matching '}' and may hold nested fields.
            size_t spec_start = ++i;
            int nest = 0;
            while (i < s.size() && !(s[i] == '}' && nest == 0)) {
                if (s[i] == '{') ++nest;
                if (s[i] == '}') --nest;
                ++i;
            }
            if (i >= s.size()) return fstring_error("expecting '}'", line);
            auto spec = node(ExprKind::FString, line);
            BV_CHECK(parse_fstring(s.substr(spec_start, i - spec_start), raw, line, depth + 1,
                                   spec->items));
            fv->c = std::move(spec);
        }
        if (i >= s.size() || s[i] != '}') return fstring_error("expecting '}'", line);
        ++i;
        if (!fv->text.empty() && fv->conversion == 0 && !fv->c) fv->conversion = 'r';
        if (!fv->text.empty()) {
            auto lit = node(ExprKind::Constant, line);
            lit->const_kind = ConstKind::Str;
            lit->text = fv->text;
            out.push_back(std::move(lit));
        }
        out.push_back(std::move(fv));
    }
    return add_literal(pending, raw, line, out);
}

}  // namespace engine::py
