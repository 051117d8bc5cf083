// UTF-8 helpers, reprs of str/bytes, and float repr (CPython's
// float_repr_style 'short': repr -> format_float_short(x, 'r', 0, ...)).
#include "engine/python/runtime/text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <cmath>

namespace engine::py {

std::u32string utf8_decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp;
        int extra;
        if (c < 0x80) {
            cp = c;
            extra = 0;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            extra = 1;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            extra = 2;
        } else {
            cp = c & 0x07;
            extra = 3;
        }
        ++i;
        for (int k = 0; k < extra && i < s.size(); ++k, ++i)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
        out.push_back(cp);
    }
    return out;
}

std::string repeat_bytes(std::string_view s, uint64_t k) {
    std::string out;
    if (s.empty() || k == 0) return out;
    const size_t total = s.size() * static_cast<size_t>(k);  // the caller checked the product
    out.reserve(total);
    out.append(s);
    while (out.size() < total) out.append(out.data(), std::min(out.size(), total - out.size()));
    return out;
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string utf8_encode(std::u32string_view cps) {
    std::string out;
    out.reserve(cps.size());
    for (char32_t c : cps) utf8_append(out, c);
    return out;
}

bool cp_is_space(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 ||
           c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}
bool cp_is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool cp_is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F);
}
bool cp_is_lower(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x3B1 && c <= 0x3C9) || (c >= 0x430 && c <= 0x44F);
}
bool cp_is_alpha(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return cp_is_upper(c) || cp_is_lower(c) || c == 0xAA || c == 0xB5 || c == 0xBA ||
           (c >= 0x100 && c < 0x2000 && !cp_is_space(c)) || (c >= 0x3040 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7A3);
}
char32_t cp_to_upper(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    return c;
}
char32_t cp_to_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x391 && c <= 0x3A9) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    return c;
}
bool cp_is_printable(char32_t c) {
    if (c < 0x20 || c == 0x7F) return false;
    if (c < 0x7F) return true;
    if (c <= 0xA0 || c == 0xAD) return false;
    if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
        (c >= 0x205F && c <= 0x206F))
        return false;
    if (c == 0x3000 || c == 0xFEFF || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xE000 && c <= 0xF8FF))
        return false;
    if (c >= 0xFFF9 && c <= 0xFFFB) return false;
    if (c > 0x10FFFF || (c & 0xFFFE) == 0xFFFE) return false;
    return true;
}

std::string str_repr(std::string_view utf8) {
    bool has_single = utf8.find('\'') != std::string_view::npos;
    bool has_double = utf8.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out;
    out.reserve(utf8.size() + 2);
    out.push_back(quote);
    for (char32_t c : utf8_decode(utf8)) {
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (cp_is_printable(c)) {
            utf8_append(out, c);
        } else if (c <= 0xFF) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        } else if (c <= 0xFFFF) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
            out += fmt::format("\\U{:08x}", static_cast<unsigned>(c));
        }
    }
    out.push_back(quote);
    return out;
}

std::string bytes_repr(const uint8_t* data, size_t n) {
    bool has_single = false, has_double = false;
    for (size_t i = 0; i < n; ++i) {
        has_single |= data[i] == '\'';
        has_double |= data[i] == '"';
    }
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out = "b";
    out.push_back(quote);
    for (size_t i = 0; i < n; ++i) {
        uint8_t c = data[i];
        if (c == quote || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7F) {
            out += fmt::format("\\x{:02x}", c);
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    out.push_back(quote);
    return out;
}

std::string format_float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    // {fmt}'s "{}" gives the shortest round-trip digits; re-lay them out as
    // CPython does: exponent form when exp10 < -4 or >= 16.
    std::string s = fmt::format("{}", d);
    bool neg = false;
    size_t i = 0;
    if (s[0] == '-') {
        neg = true;
        i = 1;
    }
    std::string digits;
    int point = -1;  // digits before the decimal point
    int exp = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c == '.') {
            point = static_cast<int>(digits.size());
        } else if (c == 'e') {
            exp = std::atoi(s.c_str() + i + 1);
            break;
        }
    }
    if (point < 0) point = static_cast<int>(digits.size());
    // Strip leading zeros (0.001 -> digits "0001").
    size_t lead = 0;
    while (lead + 1 < digits.size() && digits[lead] == '0') ++lead;
    digits.erase(0, lead);
    point -= static_cast<int>(lead);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    if (digits == "0") {
        return neg ? "-0.0" : "0.0";
    }
    // value = 0.d1d2d3... * 10^(point + exp); decimal exponent of d1:
    int dexp = point + exp - 1;
    std::string out = neg ? "-" : "";
    int nd = static_cast<int>(digits.size());
    if (dexp < -4 || dexp >= 16) {
        out += digits[0];
        if (nd > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += fmt::format("e{}{:02d}", dexp < 0 ? '-' : '+', dexp < 0 ? -dexp : dexp);
        return out;
    }
    if (dexp < 0) {
        out += "0.";
        out.append(static_cast<size_t>(-dexp - 1), '0');
        out += digits;
        return out;
    }
    if (nd <= dexp + 1) {
        out += digits;
        out.append(static_cast<size_t>(dexp + 1 - nd), '0');
        out += ".0";
        return out;
    }
    out += digits.substr(0, static_cast<size_t>(dexp + 1));
    out += '.';
    out += digits.substr(static_cast<size_t>(dexp + 1));
    return out;
}

}  // namespace engine::py
