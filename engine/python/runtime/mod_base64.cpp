// The base64 module: b64encode/b64decode (altchars, validate),
// standard_b64*, urlsafe_b64*, b16encode/b16decode (casefold) and
// b32encode/b32decode (casefold, map01). CPython's Lib/base64.py is Python
// code over binascii; this file follows it step by step, so the results, the
// messages and the order of the checks are its own: its functions bind their
// arguments as a `def` does (mod_pyargs.hpp), `assert len(altchars) == 2`
// raises AssertionError(repr(altchars)), and binascii's errors come through.
#include <fmt/format.h>

#include <array>

#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/mod_binascii.hpp"
#include "engine/python/runtime/mod_pyargs.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {
namespace {

Error binascii_error(std::string msg) { return raise(ExcType::BinasciiError, std::move(msg)); }

// _bytes_from_decode_data: an ASCII str, bytes, bytearray, or anything
// memoryview() takes (its tobytes(): a strided view is fine).
Result<std::string> bytes_from_decode_data(const Value& v) {
    if (v.is_str()) {
        if (!v.as_str().ascii)
            return raise(ExcType::ValueError,
                         "string argument should contain only ASCII characters");
        return v.str_utf8();
    }
    if (auto b = bytes_view(v)) return std::string(*b);
    if (!as_exporter(v))
        return raise(ExcType::TypeError,
                     "argument should be a bytes-like object or ASCII string, not '" +
                         type_name(v) + "'");
    BV_TRY(b, bytes_like_any(v));
    return std::move(*b);
}

// `assert len(x) == n, repr(x)`
Result<void> assert_len(const Value& x, int64_t n) {
    BV_TRY(l, len(x));
    if (l == n) return ok();
    BV_TRY(r, repr(x));
    return raise(ExcType::AssertionError, r);
}
Result<void> assert_len(const std::string& x, size_t n, Interp& interp) {
    if (x.size() == n) return ok();
    BV_TRY(b, make_bytes(interp, x));
    BV_TRY(r, repr(b));
    return raise(ExcType::AssertionError, r);
}

// s.translate(bytes.maketrans(from, to))
void translate(std::string& s, std::string_view from, std::string_view to) {
    std::array<unsigned char, 256> table{};
    for (int i = 0; i < 256; ++i) table[i] = static_cast<unsigned char>(i);
    for (size_t i = 0; i < from.size(); ++i)
        table[static_cast<unsigned char>(from[i])] = static_cast<unsigned char>(to[i]);
    for (char& c : s) c = static_cast<char>(table[static_cast<unsigned char>(c)]);
}

Result<std::string> b64encode_impl(const Value& s, const Value* altchars) {
    BV_TRY(data, require_bytes_like(s));
    BV_TRY(encoded, base64_encode(data, false));
    if (altchars && !altchars->is_none()) {
        BV_CHECK(assert_len(*altchars, 2));
        BV_TRY(to, require_bytes_like(*altchars));  // bytes.maketrans(b'+/', altchars)
        if (to.size() != 2)
            return raise(ExcType::ValueError, "maketrans arguments must have same length");
        translate(encoded, "+/", to);
    }
    return encoded;
}

Result<std::string> b64decode_impl(Interp& interp, const Value& s, const Value* altchars,
                                   const Value* validate) {
    BV_TRY(data, bytes_from_decode_data(s));
    if (altchars && !altchars->is_none()) {
        BV_TRY(alt, bytes_from_decode_data(*altchars));
        BV_CHECK(assert_len(alt, 2, interp));
        translate(data, alt, "+/");
    }
    bool strict = false;
    if (validate) {
        BV_TRY(b, clinic_int_flag(*validate));
        strict = b;
    }
    return base64_decode(data, strict);
}

Result<Value> m_b64encode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "b64encode", {"s", "altchars"}, 1));
    BV_TRY(out, b64encode_impl(*a.get(0), a.get(1)));
    return make_bytes(interp, out);
}

Result<Value> m_b64decode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "b64decode", {"s", "altchars", "validate"}, 1));
    BV_TRY(out, b64decode_impl(interp, *a.get(0), a.get(1), a.get(2)));
    return make_bytes(interp, out);
}

Result<Value> m_standard_b64encode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "standard_b64encode", {"s"}, 1));
    BV_TRY(out, b64encode_impl(*a.get(0), nullptr));
    return make_bytes(interp, out);
}

Result<Value> m_standard_b64decode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "standard_b64decode", {"s"}, 1));
    BV_TRY(out, b64decode_impl(interp, *a.get(0), nullptr, nullptr));
    return make_bytes(interp, out);
}

Result<Value> m_urlsafe_b64encode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "urlsafe_b64encode", {"s"}, 1));
    BV_TRY(out, b64encode_impl(*a.get(0), nullptr));
    translate(out, "+/", "-_");
    return make_bytes(interp, out);
}

Result<Value> m_urlsafe_b64decode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "urlsafe_b64decode", {"s"}, 1));
    BV_TRY(data, bytes_from_decode_data(*a.get(0)));
    translate(data, "-_", "+/");
    BV_TRY(out, base64_decode(data, false));
    return make_bytes(interp, out);
}

Result<Value> m_b16encode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "b16encode", {"s"}, 1));
    BV_TRY(data, require_bytes_like(*a.get(0)));  // binascii.hexlify(s).upper()
    static const char kHex[] = "0123456789ABCDEF";
    BV_CHECK(heap_reserve(data.size(), 2));
    std::string out;
    out.reserve(data.size() * 2);
    for (unsigned char c : data) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return make_bytes(interp, out);
}

void ascii_upper(std::string& s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
}

Result<Value> m_b16decode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "b16decode", {"s", "casefold"}, 1));
    BV_TRY(s, bytes_from_decode_data(*a.get(0)));
    if (const Value* casefold = a.get(1)) {
        BV_TRY(t, truthy(*casefold));
        if (t) ascii_upper(s);
    }
    for (char c : s)  // re.search(b'[^0-9A-F]', s)
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')))
            return binascii_error("Non-base16 digit found");
    BV_TRY(out, hex_decode(s));
    return make_bytes(interp, out);
}

constexpr char kB32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

Result<Value> m_b32encode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "b32encode", {"s"}, 1));
    const Value& s = *a.get(0);
    std::string data;
    if (auto b = bytes_view(s)) {
        data = std::string(*b);
    } else {  // memoryview(s).tobytes()
        if (!as_exporter(s))
            return raise(ExcType::TypeError,
                         "memoryview: a bytes-like object is required, not '" + type_name(s) + "'");
        BV_TRY(b2, bytes_like_any(s));
        data = std::move(*b2);
    }
    // 8 output bytes per 5 input bytes, rounded up: no overflow for a buffer in memory.
    const uint64_t quanta = (static_cast<uint64_t>(data.size()) + 4) / 5;
    BV_CHECK(heap_reserve(quanta, 8));
    const size_t leftover = data.size() % 5;
    if (leftover) data.append(5 - leftover, '\0');
    std::string out;
    out.reserve(static_cast<size_t>(quanta * 8));
    for (size_t i = 0; i < data.size(); i += 5) {
        uint64_t c = 0;
        for (size_t j = 0; j < 5; ++j) c = (c << 8) | static_cast<unsigned char>(data[i + j]);
        for (int shift = 35; shift >= 0; shift -= 5) out += kB32Alphabet[(c >> shift) & 31];
    }
    static constexpr size_t kPads[5] = {0, 6, 4, 3, 1};
    if (leftover) out.replace(out.size() - kPads[leftover], kPads[leftover], kPads[leftover], '=');
    return make_bytes(interp, out);
}

int b32_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

Result<Value> m_b32decode(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_py_args(args, "b32decode", {"s", "casefold", "map01"}, 1));
    BV_TRY(s, bytes_from_decode_data(*a.get(0)));
    if (s.size() % 8 != 0) return binascii_error("Incorrect padding");
    if (const Value* map01 = a.get(2); map01 && !map01->is_none()) {
        BV_TRY(m, bytes_from_decode_data(*map01));
        BV_CHECK(assert_len(m, 1, interp));
        translate(s, "01", std::string("O") + m);
    }
    if (const Value* casefold = a.get(1)) {
        BV_TRY(t, truthy(*casefold));
        if (t) ascii_upper(s);
    }
    const size_t l = s.size();
    size_t end = l;
    while (end > 0 && s[end - 1] == '=') --end;  // s.rstrip(b'=')
    const size_t padchars = l - end;
    std::string decoded;
    decoded.reserve(l / 8 * 5);
    uint64_t acc = 0;
    for (size_t i = 0; i < end; i += 8) {
        acc = 0;
        for (size_t j = i; j < end && j < i + 8; ++j) {
            const int v = b32_value(static_cast<unsigned char>(s[j]));
            if (v < 0) return binascii_error("Non-base32 digit found");
            acc = (acc << 5) + static_cast<uint64_t>(v);
        }
        // acc.to_bytes(5): a partial quantum has fewer than 40 bits, so it fits.
        for (int shift = 32; shift >= 0; shift -= 8)
            decoded += static_cast<char>((acc >> shift) & 0xFF);
    }
    if (l % 8 != 0 || !(padchars == 0 || padchars == 1 || padchars == 3 || padchars == 4 ||
                        padchars == 6))
        return binascii_error("Incorrect padding");
    if (padchars != 0 && !decoded.empty()) {
        acc <<= 5 * padchars;
        const size_t leftover = (43 - 5 * padchars) / 8;
        decoded.resize(decoded.size() - 5);
        for (size_t k = 0; k < leftover; ++k)
            decoded += static_cast<char>((acc >> (32 - 8 * k)) & 0xFF);
    }
    return make_bytes(interp, decoded);
}

Value fn(const char* name, BuiltinFn f) { return make_builtin(name, f); }

}  // namespace

std::vector<std::pair<std::string, Value>> base64_module_attrs() {
    return {{"b64encode", fn("b64encode", m_b64encode)},
            {"b64decode", fn("b64decode", m_b64decode)},
            {"standard_b64encode", fn("standard_b64encode", m_standard_b64encode)},
            {"standard_b64decode", fn("standard_b64decode", m_standard_b64decode)},
            {"urlsafe_b64encode", fn("urlsafe_b64encode", m_urlsafe_b64encode)},
            {"urlsafe_b64decode", fn("urlsafe_b64decode", m_urlsafe_b64decode)},
            {"b16encode", fn("b16encode", m_b16encode)},
            {"b16decode", fn("b16decode", m_b16decode)},
            {"b32encode", fn("b32encode", m_b32encode)},
            {"b32decode", fn("b32decode", m_b32decode)}};
}

}  // namespace engine::py
