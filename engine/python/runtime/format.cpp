// format(value, spec) after CPython 3.11's Python/formatter_unicode.c, and
// printf-style % formatting after Objects/unicodeobject.c / bytesobject.c.
// Float digits come from {fmt} (correctly rounded); the layout is CPython's.
#include "engine/python/runtime/format.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

#include "engine/buffer/bytes_object.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/seq.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

namespace {

struct Spec {
    char32_t fill = ' ';
    bool fill_given = false;
    char align = 0;  // '<' '>' '^' '=' or 0
    char sign = 0;   // '+' '-' ' ' or 0
    bool z = false;
    bool alt = false;
    bool zero = false;
    int64_t width = -1;
    char grouping = 0;  // ',' '_' or 0
    int64_t precision = -1;
    char type = 0;
};

Result<Spec> parse_spec(std::string_view text) {
    Spec s;
    std::u32string sp = utf8_decode(text);
    size_t i = 0, n = sp.size();
    auto is_align = [](char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; };
    if (n >= 2 && is_align(sp[1])) {
        s.fill = sp[0];
        s.fill_given = true;
        s.align = static_cast<char>(sp[1]);
        i = 2;
    } else if (n >= 1 && is_align(sp[0])) {
        s.align = static_cast<char>(sp[0]);
        i = 1;
    }
    if (i < n && (sp[i] == '+' || sp[i] == '-' || sp[i] == ' '))
        s.sign = static_cast<char>(sp[i++]);
    if (i < n && sp[i] == 'z') {
        s.z = true;
        ++i;
    }
    if (i < n && sp[i] == '#') {
        s.alt = true;
        ++i;
    }
    if (i < n && sp[i] == '0') {
        s.zero = true;
        ++i;
    }
    auto read_int = [&](int64_t& out) -> Result<bool> {
        size_t start = i;
        int64_t v = 0;
        while (i < n && sp[i] >= '0' && sp[i] <= '9') {
            if (v > (int64_t{1} << 40))
                return raise(ExcType::ValueError, "Too many decimal digits in format string");
            v = v * 10 + (sp[i] - '0');
            ++i;
        }
        if (i == start) return false;
        out = v;
        return true;
    };
    BV_TRY(has_width, read_int(s.width));
    (void)has_width;
    if (i < n && (sp[i] == ',' || sp[i] == '_')) {
        s.grouping = static_cast<char>(sp[i++]);
        if (i < n && (sp[i] == ',' || sp[i] == '_')) {
            if (sp[i] != static_cast<char32_t>(s.grouping) || true)
                return raise(ExcType::ValueError, "Cannot specify both ',' and '_'.");
        }
    }
    if (i < n && sp[i] == '.') {
        ++i;
        BV_TRY(has_prec, read_int(s.precision));
        if (!has_prec) return raise(ExcType::ValueError, "Format specifier missing precision");
    }
    if (i < n) {
        s.type = static_cast<char>(sp[i] < 128 ? sp[i] : '?');
        ++i;
    }
    if (i < n) return raise(ExcType::ValueError, "Invalid format specifier");
    if (s.grouping) {
        // CPython's parser: ',' only with d e f g E F G % and no type; '_' also with b o x X.
        const char* ok = s.grouping == ',' ? "defgEFG%" : "defgEFG%boxX";
        if (s.type && !std::strchr(ok, s.type))
            return raise(ExcType::ValueError,
                         fmt::format("Cannot specify '{}' with '{}'.", s.grouping, s.type));
    }
    if (s.width > 0) BV_CHECK(heap_reserve(static_cast<uint64_t>(s.width)));  // the padded result
    if (s.precision > (int64_t{1} << 24)) return raise(ExcType::ValueError, "precision too big");
    return s;
}

Error unknown_code(char type, const char* tname) {
    return raise(ExcType::ValueError,
                 fmt::format("Unknown format code '{}' for object of type '{}'", type, tname));
}

// Inserts `sep` every `group` digits into the digit run; with zero padding,
// grows the run with leading zeros until it fills `min_width` characters.
std::string group_digits(std::string digits, char sep, int group, int64_t min_width) {
    auto grouped_len = [&](int64_t nd) { return nd + (nd - 1) / group; };
    if (min_width > 0) {
        int64_t nd = static_cast<int64_t>(digits.size());
        while (grouped_len(nd) < min_width) ++nd;
        digits.insert(0, static_cast<size_t>(nd) - digits.size(), '0');
    }
    std::string out;
    int64_t n = static_cast<int64_t>(digits.size());
    for (int64_t k = 0; k < n; ++k) {
        if (k > 0 && (n - k) % group == 0) out += sep;
        out += digits[static_cast<size_t>(k)];
    }
    return out;
}

// Lays out sign + prefix + body with fill/align/width.
std::string pad_number(const Spec& s, const std::string& sign, const std::string& prefix,
                       std::string body, char default_align) {
    char align = s.align ? s.align : (s.zero ? '=' : default_align);
    char32_t fill = s.fill_given ? s.fill : (s.zero ? U'0' : U' ');
    int64_t len = static_cast<int64_t>(sign.size() + prefix.size()) +
                  static_cast<int64_t>(utf8_decode(body).size());
    std::string fill_s;
    utf8_append(fill_s, fill);
    auto fills = [&](int64_t k) {
        std::string out;
        for (int64_t i = 0; i < k; ++i) out += fill_s;
        return out;
    };
    int64_t pad = s.width > len ? s.width - len : 0;
    switch (align) {
        case '<':
            return sign + prefix + body + fills(pad);
        case '^':
            return fills(pad / 2) + sign + prefix + body + fills(pad - pad / 2);
        case '=':
            return sign + prefix + fills(pad) + body;
        default:
            return fills(pad) + sign + prefix + body;
    }
}

std::string sign_for(bool negative, char sign) {
    if (negative) return "-";
    if (sign == '+') return "+";
    if (sign == ' ') return " ";
    return "";
}

// ---- floats -------------------------------------------------------------------------

// Digits and exponent of |d| rounded to `sig` significant digits.
void sig_digits(double d, int sig, std::string& digits, int& exp10) {
    std::string e = fmt::format("{:.{}e}", d, sig - 1);
    size_t epos = e.find('e');
    exp10 = std::atoi(e.c_str() + epos + 1);
    digits.clear();
    for (size_t i = 0; i < epos; ++i)
        if (e[i] >= '0' && e[i] <= '9') digits += e[i];
}

std::string exp_suffix(int exp10, bool upper) {
    return fmt::format("{}{}{:02d}", upper ? 'E' : 'e', exp10 < 0 ? '-' : '+',
                       exp10 < 0 ? -exp10 : exp10);
}

// |d| (finite) in the style of `type` ('e','f','g','%', or 'r' for the
// no-type form) with `prec` (-1: default). Upper-case types handled by caller.
std::string float_body(double d, char type, int64_t prec_in, bool alt) {
    d = std::fabs(d);
    int prec = static_cast<int>(prec_in);
    switch (type) {
        case 'f':
        case '%': {
            if (prec < 0) prec = 6;
            std::string out = fmt::format("{:.{}f}", type == '%' ? d * 100 : d, prec);
            if (alt && prec == 0) out += '.';
            return out;
        }
        case 'e': {
            if (prec < 0) prec = 6;
            std::string digits;
            int exp10;
            sig_digits(d, prec + 1, digits, exp10);
            std::string out = digits.substr(0, 1);
            if (prec > 0 || alt) out += '.';
            out += digits.substr(1);
            return out + exp_suffix(exp10, false);
        }
        case 'g':
        case 'r': {
            bool repr_mode = type == 'r' && prec < 0;
            std::string digits;
            int exp10;
            int p;
            if (repr_mode) {
                // Shortest round-trip digits.
                std::string r = format_float_repr(d);
                if (r.find('e') == std::string::npos && r.find("inf") == std::string::npos)
                    return r;
                return r;
            }
            p = prec < 0 ? 6 : (prec == 0 ? 1 : prec);
            sig_digits(d, p, digits, exp10);
            if (d == 0.0) exp10 = 0;
            int decpt = exp10 + 1;
            bool use_exp = decpt <= -4 || decpt > (type == 'r' ? p - 1 : p);
            if (!alt) {
                while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
            } else {
                while (static_cast<int>(digits.size()) < p) digits += '0';
            }
            std::string out;
            if (use_exp) {
                out = digits.substr(0, 1);
                if (digits.size() > 1 || alt) out += '.';
                out += digits.substr(1);
                if (type == 'r' && digits.size() == 1 && !alt) {
                    // '' type: no ".0" in exponent form (1e+16)
                }
                return out + exp_suffix(exp10, false);
            }
            if (decpt <= 0) {
                out = "0.";
                out.append(static_cast<size_t>(-decpt), '0');
                out += digits;
            } else if (static_cast<int>(digits.size()) <= decpt) {
                out = digits;
                out.append(static_cast<size_t>(decpt) - digits.size(), '0');
                if (type == 'r')
                    out += ".0";
                else if (alt)
                    out += '.';
            } else {
                out = digits.substr(0, static_cast<size_t>(decpt)) + "." +
                      digits.substr(static_cast<size_t>(decpt));
            }
            return out;
        }
        default:
            return fmt::format("{}", d);
    }
}

Result<std::string> format_float(double d, const Spec& s_in, bool from_int) {
    Spec s = s_in;
    char type = s.type;
    if (type == 0) type = 'r';
    if (type == 'n') type = 'g';
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char t = static_cast<char>(std::tolower(type));
    if (t != 'e' && t != 'f' && t != 'g' && t != '%' && t != 'r')
        return unknown_code(s.type, "float");
    (void)from_int;
    bool neg = std::signbit(d) && !std::isnan(d);
    std::string body;
    if (std::isnan(d) || std::isinf(d)) {
        body = std::isnan(d) ? "nan" : "inf";
        if (upper) body = std::isnan(d) ? "NAN" : "INF";
        if (t == '%') body += '%';
    } else {
        body = float_body(d, t, s.precision, s.alt);
        if (s.z && neg) {
            // 'z': negative zero after rounding becomes positive
            bool all_zero = true;
            for (char c : body)
                if (c >= '1' && c <= '9') all_zero = false;
            if (all_zero) neg = false;
        }
        if (upper)
            for (auto& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (t == '%') body += '%';
        if (s.grouping) {
            size_t end = body.find_first_not_of("0123456789");
            std::string intpart = body.substr(0, end);
            std::string rest = end == std::string::npos ? "" : body.substr(end);
            int64_t min_w = 0;
            if ((s.zero && !s.fill_given && (!s.align || s.align == '=')) ||
                (s.align == '=' && s.fill == '0')) {
                min_w = s.width - static_cast<int64_t>(rest.size()) -
                        (neg || s.sign == '+' || s.sign == ' ' ? 1 : 0);
            }
            body = group_digits(intpart, s.grouping, 3, min_w) + rest;
        }
    }
    return pad_number(s, sign_for(neg, s.sign), "", body, '>');
}

// ---- ints ---------------------------------------------------------------------------

Result<std::string> format_int(const Value& v, const Spec& s) {
    char type = s.type ? s.type : 'd';
    switch (type) {
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%': {
            BV_TRY(d, int_to_double(v));
            return format_float(d, s, true);
        }
        case 'b':
        case 'o':
        case 'x':
        case 'X':
        case 'd':
        case 'n':
        case 'c':
            break;
        default:
            return unknown_code(type, v.is_bool() ? "bool" : "int");
    }
    if (s.precision >= 0)
        return raise(ExcType::ValueError, "Precision not allowed in integer format specifier");
    if (s.z)
        return raise(ExcType::ValueError,
                     "Negative zero coercion (z) not allowed in integer format specifier");
    if (s.grouping == ',' && type != 'd' && type != 'n')
        return raise(ExcType::ValueError, fmt::format("Cannot specify ',' with '{}'.", type));
    if (s.grouping && type == 'n')
        return raise(ExcType::ValueError, fmt::format("Cannot specify '{}' with 'n'.", s.grouping));
    if (type == 'c') {
        if (s.sign)
            return raise(ExcType::ValueError, "Sign not allowed with integer format specifier 'c'");
        if (s.alt)
            return raise(ExcType::ValueError,
                         "Alternate form (#) not allowed with integer format specifier 'c'");
        BigInt b = to_big(v);
        if (b.negative() || b.compare(BigInt(0x10FFFF)) > 0)
            return raise(ExcType::OverflowError, "%c arg not in range(0x110000)");
        std::string ch;
        utf8_append(ch, static_cast<char32_t>(b.to_int64()));
        return pad_number(s, "", "", ch, '<');
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    std::string digits;
    if (base == 10) {
        BV_TRY(dec, int_to_decimal(v));
        digits = std::move(dec);
    } else {
        digits = int_to_string(v, base);
    }
    bool neg = digits[0] == '-';
    if (neg) digits.erase(0, 1);
    if (type == 'X')
        for (auto& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string prefix;
    if (s.alt && base != 10)
        prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
    std::string sign = sign_for(neg, s.sign);
    if (s.grouping) {
        int64_t min_w = 0;
        if ((s.zero && !s.fill_given && (!s.align || s.align == '=')) ||
            (s.align == '=' && s.fill == '0'))
            min_w = s.width - static_cast<int64_t>(sign.size() + prefix.size());
        digits = group_digits(digits, s.grouping, base == 10 ? 3 : 4, min_w);
    }
    return pad_number(s, sign, prefix, digits, '>');
}

Result<std::string> format_str(const std::string& text, const Spec& s) {
    if (s.type && s.type != 's') return unknown_code(s.type, "str");
    if (s.sign) return raise(ExcType::ValueError, "Sign not allowed in string format specifier");
    if (s.alt)
        return raise(ExcType::ValueError,
                     "Alternate form (#) not allowed in string format specifier");
    if (s.z)
        return raise(ExcType::ValueError,
                     "Negative zero coercion (z) not allowed in string format specifier");
    if (s.grouping)
        return raise(ExcType::ValueError, fmt::format("Cannot specify '{}' with 's'.", s.grouping));
    if (s.align == '=')
        return raise(ExcType::ValueError, "'=' alignment not allowed in string format specifier");
    std::string body = text;
    if (s.precision >= 0) {
        auto cps = utf8_decode(text);
        if (static_cast<int64_t>(cps.size()) > s.precision)
            body = utf8_encode(cps.substr(0, static_cast<size_t>(s.precision)));
    }
    Spec t = s;
    if (!t.align && t.zero) t.align = '<';
    return pad_number(t, "", "", body, '<');
}

}  // namespace

Result<std::string> format_value(const Value& v, std::string_view spec) {
    if (spec.empty()) return to_str(v);
    switch (v.kind()) {
        case Kind::Bool:
        case Kind::Int: {
            BV_TRY(s, parse_spec(spec));
            return format_int(v, s);
        }
        case Kind::Float: {
            BV_TRY(s, parse_spec(spec));
            return format_float(v.as_float(), s, false);
        }
        case Kind::Str: {
            BV_TRY(s, parse_spec(spec));
            return format_str(v.str_utf8(), s);
        }
        default:
            return raise(ExcType::TypeError, "unsupported format string passed to " +
                                                 type_short_name(type_of(v)) + ".__format__");
    }
}

// ---- printf-style % -----------------------------------------------------------------

namespace {

struct PercentState {
    std::vector<Value> args;
    size_t next = 0;
    bool is_tuple = false;
    const Value* mapping = nullptr;
};

Result<Value> next_arg(PercentState& st) {
    if (st.next >= st.args.size())
        return raise(ExcType::TypeError, "not enough arguments for format string");
    return st.args[st.next++];
}

// One conversion of a number for %d %i %u %o %x %X %e %f %g %c.
Result<std::string> percent_number(const Value& v, char type, const Spec& s, bool bytes_mode) {
    (void)bytes_mode;
    Spec t = s;
    switch (type) {
        case 'd':
        case 'i':
        case 'u': {
            Value iv = v;
            if (v.is_float()) {
                BV_TRY(i, float_to_int(v.as_float()));
                iv = i;
            } else if (!is_intlike(v)) {
                return raise(ExcType::TypeError,
                             fmt::format("%{} format: a real number is required, not {}", type,
                                         type_name(v)));
            }
            BV_TRY(digits, int_to_decimal(iv));
            bool neg = digits[0] == '-';
            if (neg) digits.erase(0, 1);
            if (s.precision >= 0 && static_cast<int64_t>(digits.size()) < s.precision)
                digits.insert(0, static_cast<size_t>(s.precision) - digits.size(), '0');
            t.type = 'd';
            return pad_number(t, sign_for(neg, s.sign), "", digits, '>');
        }
        case 'o':
        case 'x':
        case 'X': {
            if (!is_intlike(v))
                return raise(
                    ExcType::TypeError,
                    fmt::format("%{} format: an integer is required, not {}", type, type_name(v)));
            std::string digits = int_to_string(v, type == 'o' ? 8 : 16);
            bool neg = digits[0] == '-';
            if (neg) digits.erase(0, 1);
            if (type == 'X')
                for (auto& c : digits)
                    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (s.precision >= 0 && static_cast<int64_t>(digits.size()) < s.precision)
                digits.insert(0, static_cast<size_t>(s.precision) - digits.size(), '0');
            std::string prefix;
            if (s.alt) prefix = type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
            return pad_number(t, sign_for(neg, s.sign), prefix, digits, '>');
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            if (!is_number(v))
                return raise(ExcType::TypeError, "must be real number, not " + type_name(v));
            BV_TRY(d, number_to_double(v));
            t.type = type;
            if (t.precision < 0) t.precision = 6;
            return format_float(d, t, false);
        }
        default:
            return std::string();
    }
}

Result<std::string> percent_common(std::string_view fmt_text, const Value& args, bool bytes_mode) {
    PercentState st;
    if (args.is(Kind::Tuple)) {
        st.args = args.obj<TupleObject>().items;
        st.is_tuple = true;
    } else {
        st.args = {args};
    }
    bool is_mapping = args.is(Kind::Dict);
    if (is_mapping) st.mapping = &args;
    std::string out;
    bool used_mapping = false;
    size_t n = fmt_text.size();
    for (size_t i = 0; i < n; ++i) {
        char c = fmt_text[i];
        if (c != '%') {
            out += c;
            continue;
        }
        size_t start = i;
        ++i;
        if (i >= n) return raise(ExcType::ValueError, "incomplete format");
        Value mapped;
        bool have_mapped = false;
        if (fmt_text[i] == '(') {
            if (!is_mapping) return raise(ExcType::TypeError, "format requires a mapping");
            size_t depth = 1, k = i + 1;
            while (k < n && depth) {
                if (fmt_text[k] == '(') ++depth;
                if (fmt_text[k] == ')') --depth;
                if (depth) ++k;
            }
            if (k >= n) return raise(ExcType::ValueError, "incomplete format key");
            std::string key(fmt_text.substr(i + 1, k - i - 1));
            std::optional<Value> got;
            if (bytes_mode) {
                // CPython 3.11 bytes % looks the key up as bytes: the dict's bytes key with
                // these bytes (a bytes hash is its content's), else KeyError: b'k'.
                for (const auto& e : args.obj<DictObject>().entries())
                    if (e.live && e.key.is(Kind::Bytes) && e.key.obj<BytesObject>().view() == key)
                        got = e.value;
                if (!got) return raise(ExcType::KeyError, bytes_repr(key));
            } else {
                BV_TRY(g, args.obj<DictObject>().get(Value::str(key)));
                if (!g) return raise(ExcType::KeyError, str_repr(key));
                got = std::move(g);
            }
            mapped = *got;
            have_mapped = true;
            used_mapping = true;
            i = k + 1;
        }
        Spec s;
        for (; i < n; ++i) {
            char f = fmt_text[i];
            if (f == '-')
                s.align = '<';
            else if (f == '+')
                s.sign = '+';
            else if (f == ' ') {
                if (s.sign != '+') s.sign = ' ';
            } else if (f == '#')
                s.alt = true;
            else if (f == '0')
                s.zero = true;
            else
                break;
        }
        if (i < n && fmt_text[i] == '*') {
            BV_TRY(w, next_arg(st));
            if (!is_intlike(w)) return raise(ExcType::TypeError, "* wants int");
            if (w.is_big_int())
                return raise(ExcType::OverflowError, "Python int too large to convert to C ssize_t");
            BV_TRY(wi, to_index(w));
            if (wi < 0) {
                s.align = '<';
                wi = wi == INT64_MIN ? 0 : -wi;  // CPython leaves -2**63 unpadded
            }
            BV_CHECK(heap_reserve(static_cast<uint64_t>(wi)));  // the padded result
            s.width = wi;
            ++i;
        } else {
            int64_t w = -1;
            while (i < n && fmt_text[i] >= '0' && fmt_text[i] <= '9') {
                w = (w < 0 ? 0 : w) * 10 + (fmt_text[i] - '0');
                if (w > INT64_MAX / 10) return raise(ExcType::ValueError, "width too big");
                ++i;
            }
            if (w > 0) BV_CHECK(heap_reserve(static_cast<uint64_t>(w)));  // the padded result
            s.width = w;
        }
        if (i < n && fmt_text[i] == '.') {
            ++i;
            if (i < n && fmt_text[i] == '*') {
                BV_TRY(p, next_arg(st));
                if (!is_intlike(p)) return raise(ExcType::TypeError, "* wants int");
                BV_TRY(pi, to_index(p));
                s.precision = pi < 0 ? 0 : pi;
                ++i;
            } else {
                int64_t p = 0;
                while (i < n && fmt_text[i] >= '0' && fmt_text[i] <= '9') {
                    p = p * 10 + (fmt_text[i] - '0');
                    if (p > (1 << 24)) return raise(ExcType::ValueError, "precision too big");
                    ++i;
                }
                s.precision = p;
            }
        }
        while (i < n && (fmt_text[i] == 'l' || fmt_text[i] == 'h' || fmt_text[i] == 'L')) ++i;
        if (i >= n) return raise(ExcType::ValueError, "incomplete format");
        char type = fmt_text[i];
        if (type == '%') {
            out += '%';
            continue;
        }
        if (s.align == '<') s.zero = false;
        Value arg;
        if (have_mapped) {
            arg = mapped;
        } else if (is_mapping && !st.is_tuple) {
            // CPython 3.11: after a %(key) conversion no positional argument is left.
            if (used_mapping || st.next > 0)
                return raise(ExcType::TypeError, "not enough arguments for format string");
            arg = args;  // '%s' % {...} formats the dict itself, once
            st.next = 1;
        } else {
            BV_TRY(a, next_arg(st));
            arg = a;
        }
        std::string piece;
        switch (type) {
            case 's':
            case 'r':
            case 'a': {
                std::string text;
                if (bytes_mode && type != 'r' && type != 'a') {
                    BV_TRY(b, bytes_like_any(arg));  // PyBytes_FromObject: any view, in C order
                    if (!b)
                        return raise(ExcType::TypeError,
                                     "%b requires a bytes-like object, or an object that "
                                     "implements __bytes__, not '" +
                                         type_name(arg) + "'");
                    text = std::move(*b);
                } else if (type == 's') {
                    BV_TRY(t, to_str(arg));
                    text = std::move(t);
                } else {
                    BV_TRY(t, repr(arg));
                    text = std::move(t);
                    if (type == 'a' || bytes_mode) {
                        std::string ascii;
                        for (char32_t cp : utf8_decode(text)) {
                            if (cp < 0x80)
                                ascii += static_cast<char>(cp);
                            else if (cp <= 0xFF)
                                ascii += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
                            else if (cp <= 0xFFFF)
                                ascii += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
                            else
                                ascii += fmt::format("\\U{:08x}", static_cast<unsigned>(cp));
                        }
                        text = std::move(ascii);
                    }
                }
                if (s.precision >= 0) {
                    if (bytes_mode) {
                        if (static_cast<int64_t>(text.size()) > s.precision)
                            text.resize(static_cast<size_t>(s.precision));
                    } else {
                        auto cps = utf8_decode(text);
                        if (static_cast<int64_t>(cps.size()) > s.precision)
                            text = utf8_encode(cps.substr(0, static_cast<size_t>(s.precision)));
                    }
                }
                Spec t;
                t.width = s.width;
                t.align = s.align == '<' ? '<' : '>';
                piece = pad_number(t, "", "", text, '>');
                break;
            }
            case 'b':
                if (!bytes_mode) goto unsupported;
                {
                    BV_TRY(b, bytes_like_any(arg));  // PyBytes_FromObject: any view, in C order
                    if (!b)
                        return raise(ExcType::TypeError,
                                     "%b requires a bytes-like object, or an object that "
                                     "implements __bytes__, not '" +
                                         type_name(arg) + "'");
                    Spec t;
                    t.width = s.width;
                    t.align = s.align == '<' ? '<' : '>';
                    std::string text = std::move(*b);
                    if (s.precision >= 0 && static_cast<int64_t>(text.size()) > s.precision)
                        text.resize(static_cast<size_t>(s.precision));
                    piece = pad_number(t, "", "", text, '>');
                }
                break;
            case 'c': {
                std::string ch;
                if (is_intlike(arg)) {
                    BigInt b = to_big(arg);
                    if (bytes_mode) {
                        if (b.negative() || b.compare(BigInt(255)) > 0)
                            return raise(ExcType::OverflowError, "%c arg not in range(256)");
                        ch.push_back(static_cast<char>(b.to_int64()));
                    } else {
                        if (b.negative() || b.compare(BigInt(0x10FFFF)) > 0)
                            return raise(ExcType::OverflowError, "%c arg not in range(0x110000)");
                        utf8_append(ch, static_cast<char32_t>(b.to_int64()));
                    }
                } else if (!bytes_mode && arg.is_str() && arg.as_str().length == 1) {
                    ch = arg.str_utf8();
                } else if (bytes_mode && bytes_view(arg) && bytes_view(arg)->size() == 1) {
                    ch = std::string(*bytes_view(arg));
                } else {
                    return raise(ExcType::TypeError,
                                 bytes_mode
                                     ? "%c requires an integer in range(256) or a single byte"
                                     : "%c requires int or char");
                }
                Spec t;
                t.width = s.width;
                t.align = s.align == '<' ? '<' : '>';
                piece = pad_number(t, "", "", ch, '>');
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X':
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                if (!s.align) s.align = s.zero ? '=' : '>';
                if (s.zero && s.align == '=') {
                    s.fill = '0';
                    s.fill_given = true;
                }
                BV_TRY(p, percent_number(arg, type, s, bytes_mode));
                piece = std::move(p);
                break;
            }
            default:
            unsupported : {
                unsigned char uc = static_cast<unsigned char>(type);
                std::string shown;
                if (uc < 0x80)
                    shown = std::string(1, type);
                else
                    shown = "?";
                return raise(ExcType::ValueError,
                             fmt::format("unsupported format character '{}' (0x{:x}) at index {}",
                                         shown, uc, i));
            }
        }
        (void)start;
        out += piece;
    }
    if (!is_mapping && st.next < st.args.size())
        return raise(ExcType::TypeError,
                     bytes_mode ? "not all arguments converted during bytes formatting"
                                : "not all arguments converted during string formatting");
    (void)used_mapping;
    return out;
}

}  // namespace

Result<std::string> percent_format(std::string_view fmt_text, const Value& args) {
    return percent_common(fmt_text, args, false);
}

Result<std::string> percent_format_bytes(std::string_view fmt_text, const Value& args) {
    return percent_common(fmt_text, args, true);
}

}  // namespace engine::py
