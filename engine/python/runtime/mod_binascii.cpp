// The binascii module (CPython 3.11's Modules/binascii.c results and
// messages): hexlify / b2a_hex (with sep and bytes_per_sep, as bytes.hex),
// unhexlify / a2b_hex, b2a_base64 / a2b_base64 (strict_mode), crc32, and the
// exception classes Error (a ValueError) and Incomplete.
//
// The a2b_* functions take what binascii's ascii_buffer_converter takes: an
// ASCII str, or any object exporting a C-contiguous buffer (anything else,
// also a strided or released memoryview, is TypeError "argument should be
// bytes, buffer or ASCII string, not 'memoryview'"). The b2a_* functions take
// any buffer (PyBUF_SIMPLE: a strided memoryview is BufferError).
#include <fmt/format.h>

#include "engine/python/runtime/mod_binascii.hpp"

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

// mod_zlib.cpp
std::vector<std::pair<std::string, Value>> zlib_module_attrs();

namespace {

Error binascii_error(std::string msg) { return raise(ExcType::BinasciiError, std::move(msg)); }

template <const char* kName>
Result<Value> binascii_hexlify(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_clinic_args(args, kName, {"data", "sep", "bytes_per_sep"}, 1));
    BV_TRY(data, require_bytes_like(*a.get(0)));
    BV_TRY(hex, hex_with_sep(data, a.get(1), a.get(2)));
    return make_bytes(interp, hex);
}

// binascii.crc32 is zlib's CRC-32 (same polynomial, same start-value rules);
// only the keyword message names its own module.
Result<Value> binascii_crc32(Interp& interp, const Value&, CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, "binascii.crc32() takes no keyword arguments");
    for (auto& [k, v] : zlib_module_attrs())
        if (k == "crc32") return call(interp, v, std::move(args));
    return raise(ExcType::RuntimeError, "zlib.crc32 missing");
}

// ascii_buffer_converter: an ASCII str or a C-contiguous buffer.
Result<std::string> ascii_data(const Value& v) {
    if (v.is_str()) {
        if (!v.as_str().ascii)
            return raise(ExcType::ValueError,
                         "string argument should contain only ASCII characters");
        return v.str_utf8();
    }
    auto b = bytes_like(v);
    if (!b || !*b)
        return raise(ExcType::TypeError,
                     "argument should be bytes, buffer or ASCII string, not '" + type_name(v) +
                         "'");
    return std::move(**b);
}

// _PyArg_UnpackKeywords for `(data, /, *, flag=default)`: the data buffer and
// the flag.
Result<std::pair<Value, bool>> data_and_flag(const CallArgs& args, std::string_view fname,
                                             std::string_view flag, bool flag_default) {
    const size_t nargs = args.args.size(), total = nargs + args.kwargs.size();
    if (total > 2)
        return raise(ExcType::TypeError,
                     fmt::format("{}() takes at most 2 arguments ({} given)", fname, total));
    if (nargs != 1)
        return raise(ExcType::TypeError,
                     fmt::format("{}() takes exactly 1 positional argument ({} given)", fname,
                                 nargs));
    bool value = flag_default;
    for (const auto& [k, v] : args.kwargs) {
        if (k != flag)
            return raise(ExcType::TypeError,
                         fmt::format("'{}' is an invalid keyword argument for {}()", k, fname));
        BV_TRY(b, clinic_int_flag(v));
        value = b;
    }
    return std::pair<Value, bool>(args.args[0], value);
}

// METH_O functions: "binascii.unhexlify() takes exactly one argument (2 given)".
Result<void> check_meth_o(const CallArgs& args, std::string_view fname) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError,
                     fmt::format("binascii.{}() takes no keyword arguments", fname));
    if (args.args.size() != 1)
        return raise(ExcType::TypeError,
                     fmt::format("binascii.{}() takes exactly one argument ({} given)", fname,
                                 args.args.size()));
    return ok();
}

int hex_digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

template <const char* kName>
Result<Value> binascii_unhexlify(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_meth_o(args, kName));
    BV_TRY(s, ascii_data(args.args[0]));
    BV_TRY(out, hex_decode(s));
    return make_bytes(interp, out);
}

constexpr char kBase64Chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Result<Value> binascii_b2a_base64(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, data_and_flag(args, "b2a_base64", "newline", true));
    BV_TRY(data, require_bytes_like(a.first));
    BV_TRY(out, base64_encode(data, a.second));
    return make_bytes(interp, out);
}

int base64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

Result<Value> binascii_a2b_base64(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, data_and_flag(args, "a2b_base64", "strict_mode", false));
    BV_TRY(s, ascii_data(a.first));
    BV_TRY(out, base64_decode(s, a.second));
    return make_bytes(interp, out);
}

constexpr char kHexlify[] = "hexlify";
constexpr char kB2aHex[] = "b2a_hex";
constexpr char kUnhexlify[] = "unhexlify";
constexpr char kA2bHex[] = "a2b_hex";

}  // namespace

// Argument Clinic's `bool(accept={int})` in 3.11: _PyLong_AsInt.
Result<bool> clinic_int_flag(const Value& v) {
    if (v.is_big_int())
        return raise(ExcType::OverflowError, "Python int too large to convert to C int");
    BV_TRY(n, to_index(v));
    if (n > INT32_MAX || n < INT32_MIN)
        return raise(ExcType::OverflowError, "Python int too large to convert to C int");
    return n != 0;
}

Result<std::string> hex_decode(std::string_view s) {
    if (s.size() % 2 != 0) return binascii_error("Odd-length string");
    std::string out(s.size() / 2, '\0');
    for (size_t i = 0; i < out.size(); ++i) {
        int hi = hex_digit(static_cast<unsigned char>(s[2 * i]));
        int lo = hex_digit(static_cast<unsigned char>(s[2 * i + 1]));
        if (hi < 0 || lo < 0) return binascii_error("Non-hexadecimal digit found");
        out[i] = static_cast<char>(hi * 16 + lo);
    }
    return out;
}

Result<std::string> base64_encode(std::string_view data, bool newline) {
    // (n + 2) / 3 * 4 + 1 cannot overflow 64 bits: n is a buffer in memory.
    const uint64_t n = data.size();
    const uint64_t out_len = (n + 2) / 3 * 4 + (newline ? 1 : 0);
    BV_CHECK(heap_reserve(out_len));
    std::string out;
    out.reserve(static_cast<size_t>(out_len));
    size_t i = 0;
    for (; i + 3 <= data.size(); i += 3) {
        uint32_t v = (static_cast<unsigned char>(data[i]) << 16) |
                     (static_cast<unsigned char>(data[i + 1]) << 8) |
                     static_cast<unsigned char>(data[i + 2]);
        out += kBase64Chars[v >> 18];
        out += kBase64Chars[(v >> 12) & 63];
        out += kBase64Chars[(v >> 6) & 63];
        out += kBase64Chars[v & 63];
    }
    if (const size_t rest = data.size() - i; rest > 0) {
        uint32_t v = static_cast<unsigned char>(data[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(data[i + 1]) << 8;
        out += kBase64Chars[v >> 18];
        out += kBase64Chars[(v >> 12) & 63];
        out += rest == 2 ? kBase64Chars[(v >> 6) & 63] : '=';
        out += '=';
    }
    if (newline) out += '\n';
    return out;
}

// binascii_a2b_base64_impl of 3.11, step by step: characters outside the
// alphabet are skipped (strict_mode: refused), a quad ends at its padding.
Result<std::string> base64_decode(std::string_view s, bool strict) {
    std::string out;
    out.reserve((s.size() + 3) / 4 * 3);
    if (strict && !s.empty() && s[0] == '=') return binascii_error("Leading padding not allowed");
    int quad_pos = 0, pads = 0;
    bool padding_started = false;
    unsigned leftchar = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(s[i]);
        if (ch == '=') {
            padding_started = true;
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                if (strict && i + 1 < s.size()) return binascii_error("Excess data after padding");
                return out;
            }
            continue;
        }
        const int v = base64_value(ch);
        if (v < 0) {
            if (strict) return binascii_error("Only base64 data is allowed");
            continue;
        }
        if (strict && padding_started) return binascii_error("Discontinuous padding not allowed");
        pads = 0;
        const unsigned u = static_cast<unsigned>(v);
        switch (quad_pos) {
            case 0:
                quad_pos = 1;
                leftchar = u;
                break;
            case 1:
                quad_pos = 2;
                out += static_cast<char>(((leftchar << 2) | (u >> 4)) & 0xFF);
                leftchar = u & 0x0F;
                break;
            case 2:
                quad_pos = 3;
                out += static_cast<char>(((leftchar << 4) | (u >> 2)) & 0xFF);
                leftchar = u & 0x03;
                break;
            default:
                quad_pos = 0;
                out += static_cast<char>(((leftchar << 6) | u) & 0xFF);
                leftchar = 0;
                break;
        }
    }
    if (quad_pos == 1)
        return binascii_error(fmt::format(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more "
            "than a multiple of 4",
            out.size() / 3 * 4 + 1));
    if (quad_pos != 0) return binascii_error("Incorrect padding");
    return out;
}

std::vector<std::pair<std::string, Value>> binascii_module_attrs() {
    return {{"hexlify", make_builtin("hexlify", binascii_hexlify<kHexlify>)},
            {"b2a_hex", make_builtin("b2a_hex", binascii_hexlify<kB2aHex>)},
            {"unhexlify", make_builtin("unhexlify", binascii_unhexlify<kUnhexlify>)},
            {"a2b_hex", make_builtin("a2b_hex", binascii_unhexlify<kA2bHex>)},
            {"b2a_base64", make_builtin("b2a_base64", binascii_b2a_base64)},
            {"a2b_base64", make_builtin("a2b_base64", binascii_a2b_base64)},
            {"crc32", make_builtin("crc32", binascii_crc32)},
            {"Error", exc_type_value(ExcType::BinasciiError)},
            {"Incomplete", exc_type_value(ExcType::BinasciiIncomplete)}};
}

}  // namespace engine::py
