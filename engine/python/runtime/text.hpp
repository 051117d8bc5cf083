// Text helpers: UTF-8 <-> code points, str and bytes reprs, float repr.
//
// A str is stored as UTF-8 (see StrObject). Code-point indexing of non-ASCII
// text decodes on demand; lessons are nearly all ASCII, where byte index and
// code point index coincide.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace engine::py {

std::u32string utf8_decode(std::string_view utf8);  // input assumed valid (WTF-8 tolerated)
std::string utf8_encode(std::u32string_view cps);
void utf8_append(std::string& out, char32_t cp);
// `s` repeated k times, built by doubling (memcpy of what is already built),
// so b'a' * 10**8 is a few dozen copies, not 10**8 appends. k >= 0.
std::string repeat_bytes(std::string_view s, uint64_t k);

// Python's str repr with its quote choice: 'a', "it's", '\n', '\x00'.
std::string str_repr(std::string_view utf8);
// b'...' repr of raw bytes; prefix "bytearray(" etc. is the caller's.
std::string bytes_repr(const uint8_t* data, size_t n);
inline std::string bytes_repr(std::string_view s) {
    return bytes_repr(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// repr(float) == str(float): shortest round trip, CPython's layout
// (1.0, 0.1, 1e+16, 1e-05, inf, nan, -0.0).
std::string format_float_repr(double d);

// Unicode-ish character classes (ASCII exact; beyond ASCII a small table).
bool cp_is_space(char32_t c);
bool cp_is_digit(char32_t c);
bool cp_is_alpha(char32_t c);
bool cp_is_upper(char32_t c);
bool cp_is_lower(char32_t c);
bool cp_is_printable(char32_t c);
char32_t cp_to_upper(char32_t c);
char32_t cp_to_lower(char32_t c);

}  // namespace engine::py
