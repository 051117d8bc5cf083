// Methods of bytes and bytearray (the shared, non-mutating ones return the
// receiver's type), bytearray's mutators (through ByteArrayObject, so an
// exported bytearray refuses to resize), codecs, hex/fromhex.
#include <fmt/format.h>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/format.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/seq.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

// ---- codecs -------------------------------------------------------------------

namespace {

enum class Codec { Utf8, Ascii, Latin1 };

Result<Codec> lookup_codec(std::string_view name) {
    std::string n;
    for (char c : name)
        n += (c == '_' || c == ' ')
                 ? '-'
                 : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (n == "utf-8" || n == "utf8" || n == "u8") return Codec::Utf8;
    if (n == "ascii" || n == "us-ascii") return Codec::Ascii;
    if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1")
        return Codec::Latin1;
    return raise(ExcType::LookupError, "unknown encoding: " + std::string(name));
}

const char* codec_name(Codec c) {
    return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1";
}

Result<int> errors_mode(std::string_view errors) {  // 0 strict, 1 ignore, 2 replace
    if (errors == "strict") return 0;
    if (errors == "ignore") return 1;
    if (errors == "replace") return 2;
    return raise(ExcType::LookupError, "unknown error handler name '" + std::string(errors) + "'");
}

}  // namespace

Result<std::string> encode_text(const Value& str, std::string_view encoding,
                                std::string_view errors) {
    BV_TRY(codec, lookup_codec(encoding));
    BV_TRY(mode, errors_mode(errors));
    std::u32string cps = str_code_points(str);
    std::string out;
    uint32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
    for (size_t i = 0; i < cps.size(); ++i) {
        char32_t c = cps[i];
        bool surrogate = c >= 0xD800 && c <= 0xDFFF;
        if (c < limit && !(codec == Codec::Utf8 && surrogate)) {
            if (codec == Codec::Utf8)
                utf8_append(out, c);
            else
                out.push_back(static_cast<char>(c));
            continue;
        }
        if (mode == 1) continue;
        if (mode == 2) {
            out.push_back('?');
            continue;
        }
        std::string ch = c <= 0xFF     ? fmt::format("'\\x{:02x}'", static_cast<unsigned>(c))
                         : c <= 0xFFFF ? fmt::format("'\\u{:04x}'", static_cast<unsigned>(c))
                                       : fmt::format("'\\U{:08x}'", static_cast<unsigned>(c));
        return raise(
            ExcType::UnicodeEncodeError,
            fmt::format("'{}' codec can't encode character {} in position {}: {}",
                        codec_name(codec), ch, i,
                        codec == Codec::Utf8 ? "surrogates not allowed"
                                             : fmt::format("ordinal not in range({})", limit)));
    }
    return out;
}

Result<Value> decode_bytes(std::string_view data, std::string_view encoding,
                           std::string_view errors) {
    BV_TRY(codec, lookup_codec(encoding));
    BV_TRY(mode, errors_mode(errors));
    std::string out;
    const auto* p = reinterpret_cast<const uint8_t*>(data.data());
    size_t n = data.size();
    auto fail = [&](size_t pos, size_t count, const char* why) -> std::optional<Error> {
        if (mode == 1) return std::nullopt;
        if (mode == 2) {
            utf8_append(out, 0xFFFD);
            return std::nullopt;
        }
        std::string where = count <= 1
                                ? fmt::format("byte 0x{:02x} in position {}", p[pos], pos)
                                : fmt::format("bytes in position {}-{}", pos, pos + count - 1);
        return raise(ExcType::UnicodeDecodeError,
                     fmt::format("'{}' codec can't decode {}: {}", codec_name(codec), where, why));
    };
    for (size_t i = 0; i < n;) {
        uint8_t c = p[i];
        if (codec == Codec::Latin1) {
            utf8_append(out, c);
            ++i;
            continue;
        }
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        if (codec == Codec::Ascii) {
            if (auto e = fail(i, 1, "ordinal not in range(128)")) return *e;
            ++i;
            continue;
        }
        int len = c >= 0xC2 && c <= 0xDF   ? 2
                  : c >= 0xE0 && c <= 0xEF ? 3
                  : c >= 0xF0 && c <= 0xF4 ? 4
                                           : 0;
        if (!len) {
            if (auto e = fail(i, 1, "invalid start byte")) return *e;
            ++i;
            continue;
        }
        uint8_t lo = 0x80, hi = 0xBF;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
        int k = 1;
        bool bad = false;
        for (; k < len; ++k) {
            if (i + k >= n) break;
            uint8_t b = p[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
                bad = true;
                break;
            }
        }
        if (bad || k < len) {
            const char* why = bad ? "invalid continuation byte" : "unexpected end of data";
            if (auto e = fail(i, static_cast<size_t>(k), why)) return *e;
            i += static_cast<size_t>(k);
            continue;
        }
        out.append(reinterpret_cast<const char*>(p + i), static_cast<size_t>(len));
        i += static_cast<size_t>(len);
    }
    return Value::str(std::move(out));
}

Result<std::string> parse_fromhex(const Value& arg) {
    if (!arg.is_str())
        return raise(ExcType::TypeError, "fromhex() argument must be str, not " + type_name(arg));
    const std::string& s = arg.str_utf8();
    std::string out;
    auto hexval = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    auto is_ws = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    };
    size_t i = 0;
    while (i < s.size()) {
        if (is_ws(s[i])) {
            ++i;
            continue;
        }
        int hi = hexval(s[i]);
        if (hi < 0 || i + 1 >= s.size() || hexval(s[i + 1]) < 0) {
            size_t pos = hi < 0 ? i : i + 1;
            return raise(
                ExcType::ValueError,
                fmt::format("non-hexadecimal number found in fromhex() arg at position {}", pos));
        }
        out.push_back(static_cast<char>(hi * 16 + hexval(s[i + 1])));
        i += 2;
    }
    return out;
}

Result<int64_t> hex_bytes_per_sep(const Value* bytes_per_sep) {
    if (!bytes_per_sep) return 1;
    // Argument Clinic's `int bytes_per_sep`: a C int.
    if (bytes_per_sep->is_big_int())
        return raise(ExcType::OverflowError, "Python int too large to convert to C int");
    BV_TRY(g, to_index(*bytes_per_sep));
    if (g > INT32_MAX || g < INT32_MIN)
        return raise(ExcType::OverflowError, "Python int too large to convert to C int");
    return g;
}

// _Py_strhex_impl's checks of sep: its length (len() of any object) first,
// then its type, then that it is ASCII. nullopt when no separator is given; an
// explicit None is checked like any object ("object of type 'NoneType' has no len()"),
// and b'\x00' is a separator like any other.
Result<std::optional<char>> hex_sep_char(const Value* sep) {
    if (!sep) return std::optional<char>();
    BV_TRY(n, len(*sep));
    if (n != 1) return raise(ExcType::ValueError, "sep must be length 1.");
    uint32_t c = 0;
    if (sep->is_str()) {
        c = str_code_points(*sep)[0];
    } else if (sep->is(Kind::Bytes)) {
        c = static_cast<unsigned char>((*bytes_view(*sep))[0]);
    } else {
        return raise(ExcType::TypeError, "sep must be str or bytes.");
    }
    if (c > 127) return raise(ExcType::ValueError, "sep must be ASCII.");
    return std::optional<char>(static_cast<char>(c));
}

std::string hex_grouped(std::string_view data, std::optional<char> sep, int64_t bytes_per_sep) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    const size_t n = data.size();
    // |bytes_per_sep| fits: it is a C int, widened to 64 bits.
    const uint64_t g = static_cast<uint64_t>(bytes_per_sep < 0 ? -bytes_per_sep : bytes_per_sep);
    const bool grouped = sep && g != 0 && g < n;
    for (size_t i = 0; i < n; ++i) {
        // Groups are counted from the right for positive bytes_per_sep, from the left for negative.
        if (grouped && i > 0) {
            bool boundary = bytes_per_sep > 0 ? (n - i) % g == 0 : i % g == 0;
            if (boundary) out += *sep;
        }
        unsigned char c = static_cast<unsigned char>(data[i]);
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

Result<std::string> hex_with_sep(std::string_view data, const Value* sep,
                                 const Value* bytes_per_sep) {
    BV_TRY(per, hex_bytes_per_sep(bytes_per_sep));
    BV_TRY(c, hex_sep_char(sep));
    return hex_grouped(data, c, per);
}

namespace {

std::string_view data_of(const Value& v) { return *bytes_view(v); }

// A result of the receiver's type.
Result<Value> same_type(Interp& interp, const Value& self, std::string_view data) {
    return self.is(Kind::ByteArray) ? make_bytearray(interp, data) : make_bytes(interp, data);
}

// The needle of find/count/index/in: an int 0..255 or a bytes-like object.
Result<std::string> needle(const Value& v) {
    if (is_intlike(v)) {
        int64_t b = v.is_big_int() ? -1 : v.small_int();
        if (b < 0 || b > 255) return raise(ExcType::ValueError, "byte must be in range(0, 256)");
        return std::string(1, static_cast<char>(b));
    }
    BV_TRY(b, bytes_like(v));
    if (!b)
        return raise(ExcType::TypeError,
                     "argument should be integer or bytes-like object, not '" + type_name(v) + "'");
    return std::move(*b);
}

Result<std::pair<int64_t, int64_t>> span_args(const CallArgs& args, size_t first, int64_t len) {
    int64_t start = 0, end = len;
    for (size_t k = 0; k < 2; ++k) {
        size_t i = first + k;
        if (i >= args.args.size() || args.args[i].is_none()) continue;
        const Value& v = args.args[i];
        if (!is_intlike(v))
            return raise(ExcType::TypeError,
                         "slice indices must be integers or None or have an __index__ method");
        int64_t x = v.is_big_int() ? (v.big_int().negative() ? INT64_MIN / 2 : INT64_MAX / 2)
                                   : v.small_int();
        (k == 0 ? start : end) = x;
    }
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (end < 0) end = std::max<int64_t>(0, end + len);
    end = std::min(end, len);
    return std::make_pair(start, end);
}

Result<Value> find_common(const Value& self, CallArgs& args, const char* name, bool reverse,
                          bool must) {
    BV_CHECK(check_positional(args, name, 1, 3));
    std::string_view s = data_of(self);
    BV_TRY(sub, needle(args.args[0]));
    BV_TRY(r, span_args(args, 1, static_cast<int64_t>(s.size())));
    int64_t pos = -1;
    if (r.first <= r.second && static_cast<int64_t>(sub.size()) <= r.second - r.first) {
        std::string_view hay =
            s.substr(static_cast<size_t>(r.first), static_cast<size_t>(r.second - r.first));
        size_t p = reverse ? hay.rfind(sub) : hay.find(sub);
        if (p != std::string_view::npos) pos = static_cast<int64_t>(p) + r.first;
    }
    if (pos < 0 && must) return raise(ExcType::ValueError, "subsection not found");
    return Value::integer(pos);
}
Result<Value> b_find(Interp&, const Value& s, CallArgs& a) {
    return find_common(s, a, "find", false, false);
}
Result<Value> b_rfind(Interp&, const Value& s, CallArgs& a) {
    return find_common(s, a, "rfind", true, false);
}
Result<Value> b_index(Interp&, const Value& s, CallArgs& a) {
    return find_common(s, a, "index", false, true);
}
Result<Value> b_rindex(Interp&, const Value& s, CallArgs& a) {
    return find_common(s, a, "rindex", true, true);
}

Result<Value> b_count(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "count", 1, 3));
    std::string_view s = data_of(self);
    BV_TRY(sub, needle(args.args[0]));
    BV_TRY(r, span_args(args, 1, static_cast<int64_t>(s.size())));
    if (r.first > r.second) return Value::integer(0);
    if (sub.empty()) return Value::integer(r.second - r.first + 1);
    std::string_view hay =
        s.substr(static_cast<size_t>(r.first), static_cast<size_t>(r.second - r.first));
    int64_t n = 0;
    for (size_t p = hay.find(sub); p != std::string_view::npos; p = hay.find(sub, p + sub.size()))
        ++n;
    return Value::integer(n);
}

Result<Value> starts_ends(const Value& self, CallArgs& args, bool starts) {
    const char* name = starts ? "startswith" : "endswith";
    BV_CHECK(check_positional(args, name, 1, 3));
    std::string_view s = data_of(self);
    BV_TRY(r, span_args(args, 1, static_cast<int64_t>(s.size())));
    std::vector<Value> cands;
    if (args.args[0].is(Kind::Tuple))
        cands = args.args[0].obj<TupleObject>().items;
    else
        cands.push_back(args.args[0]);
    for (const auto& c : cands) {
        BV_TRY(b, bytes_like(c));
        if (!b) {
            if (args.args[0].is(Kind::Tuple))
                return raise(
                    ExcType::TypeError,
                    fmt::format("a bytes-like object is required, not '{}'", type_name(c)));
            return raise(ExcType::TypeError,
                         fmt::format("{} first arg must be bytes or a tuple of bytes, not {}", name,
                                     type_name(c)));
        }
        if (r.first > static_cast<int64_t>(s.size())) continue;
        int64_t len = r.second - r.first;
        if (static_cast<int64_t>(b->size()) > len) continue;
        size_t at =
            starts ? static_cast<size_t>(r.first) : static_cast<size_t>(r.second) - b->size();
        if (s.compare(at, b->size(), *b) == 0) return Value::boolean(true);
    }
    return Value::boolean(false);
}
Result<Value> b_startswith(Interp&, const Value& s, CallArgs& a) { return starts_ends(s, a, true); }
Result<Value> b_endswith(Interp&, const Value& s, CallArgs& a) { return starts_ends(s, a, false); }

bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

Result<Value> split_common(Interp& interp, const Value& self, CallArgs& args, bool right) {
    BV_TRY(a, bind_args(args, right ? "rsplit" : "split", {"sep", "maxsplit"}, 0));
    int64_t maxsplit = -1;
    if (a.has(1)) {
        BV_TRY(m, to_index(*a.get(1)));
        maxsplit = m;
    }
    std::string_view s = data_of(self);
    std::vector<std::string_view> parts;
    if (!a.has(0) || a.get(0)->is_none()) {
        if (!right) {
            size_t i = 0, n = s.size();
            while (true) {
                while (i < n && is_ws(s[i])) ++i;
                if (i >= n) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                    size_t end = n;
                    while (end > i && is_ws(s[end - 1])) --end;
                    parts.push_back(s.substr(i, end - i));
                    break;
                }
                size_t j = i;
                while (j < n && !is_ws(s[j])) ++j;
                parts.push_back(s.substr(i, j - i));
                i = j;
            }
        } else {
            int64_t i = static_cast<int64_t>(s.size()) - 1;
            while (true) {
                while (i >= 0 && is_ws(s[static_cast<size_t>(i)])) --i;
                if (i < 0) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                    size_t b = 0;
                    while (b < static_cast<size_t>(i) && is_ws(s[b])) ++b;
                    parts.push_back(s.substr(b, static_cast<size_t>(i) + 1 - b));
                    break;
                }
                int64_t j = i;
                while (j >= 0 && !is_ws(s[static_cast<size_t>(j)])) --j;
                parts.push_back(s.substr(static_cast<size_t>(j + 1), static_cast<size_t>(i - j)));
                i = j;
            }
            std::reverse(parts.begin(), parts.end());
        }
    } else {
        BV_TRY(sep_v, require_bytes_like(*a.get(0)));
        std::string sep = sep_v;
        if (sep.empty()) return raise(ExcType::ValueError, "empty separator");
        if (!right) {
            size_t pos = 0;
            while (!(maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit)) {
                size_t p = s.find(sep, pos);
                if (p == std::string_view::npos) break;
                parts.push_back(s.substr(pos, p - pos));
                pos = p + sep.size();
            }
            parts.push_back(s.substr(pos));
        } else {
            size_t end = s.size();
            while (!(maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit)) {
                if (end < sep.size()) break;
                size_t p = s.rfind(sep, end - sep.size());
                if (p == std::string_view::npos) break;
                parts.push_back(s.substr(p + sep.size(), end - p - sep.size()));
                end = p;
            }
            parts.push_back(s.substr(0, end));
            std::reverse(parts.begin(), parts.end());
        }
    }
    std::vector<Value> out;
    for (auto p : parts) {
        BV_TRY(v, same_type(interp, self, p));
        out.push_back(std::move(v));
    }
    return Value::list(std::move(out));
}
Result<Value> b_split(Interp& i, const Value& s, CallArgs& a) {
    return split_common(i, s, a, false);
}
Result<Value> b_rsplit(Interp& i, const Value& s, CallArgs& a) {
    return split_common(i, s, a, true);
}

Result<Value> b_join(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "join", 1, 1));
    // CPython 3.11 stringlib join: PySequence_Fast(iterable, "can only join an iterable")
    auto items_r = collect(interp, args.args[0]);
    if (!items_r && items_r.error().type == ExcType::TypeError &&
        items_r.error().message.ends_with("is not iterable"))
        return raise(ExcType::TypeError, "can only join an iterable");
    BV_TRY(items, std::move(items_r));
    std::string sep(data_of(self)), out;
    for (size_t i = 0; i < items.size(); ++i) {
        // PyObject_GetBuffer(PyBUF_SIMPLE) != 0: also a released or non-contiguous view
        auto b = bytes_like(items[i]);
        if (!b || !*b)
            return raise(ExcType::TypeError,
                         fmt::format("sequence item {}: expected a bytes-like object, {} found", i,
                                     type_name(items[i])));
        if (i) out += sep;
        out += **b;
    }
    return same_type(interp, self, out);
}

Result<Value> b_replace(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "replace", 2, 3));
    BV_TRY(old, require_bytes_like(args.args[0]));
    BV_TRY(neu, require_bytes_like(args.args[1]));
    int64_t count = -1;
    if (args.args.size() == 3) {
        BV_TRY(c, to_index(args.args[2]));
        count = c;
    }
    std::string_view s = data_of(self);
    std::string out;
    int64_t done = 0;
    if (old.empty()) {
        for (size_t i = 0; i <= s.size(); ++i) {
            if (count < 0 || done < count) {
                out += neu;
                ++done;
            }
            if (i < s.size()) out += s[i];
        }
        return same_type(interp, self, out);
    }
    size_t pos = 0;
    while (count < 0 || done < count) {
        size_t p = s.find(old, pos);
        if (p == std::string_view::npos) break;
        out.append(s.substr(pos, p - pos));
        out += neu;
        pos = p + old.size();
        ++done;
    }
    out.append(s.substr(pos));
    return same_type(interp, self, out);
}

template <int Mode>  // 0 upper, 1 lower, 2 swapcase, 3 capitalize, 4 title
Result<Value> b_case(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "case", 0, 0));
    std::string s(data_of(self));
    bool prev_cased = false;
    for (size_t i = 0; i < s.size(); ++i) {
        char& c = s[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        bool to_upper =
            Mode == 0 || (Mode == 2 && lo) || (Mode == 3 && i == 0) || (Mode == 4 && !prev_cased);
        bool to_lower =
            Mode == 1 || (Mode == 2 && up) || (Mode == 3 && i > 0) || (Mode == 4 && prev_cased);
        prev_cased = up || lo;
        if (to_upper && lo)
            c = static_cast<char>(c - 32);
        else if (to_lower && up)
            c = static_cast<char>(c + 32);
    }
    return same_type(interp, self, s);
}

template <int Which>  // 0 digit, 1 alpha, 2 space, 3 alnum, 4 upper, 5 lower
Result<Value> b_is(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "is", 0, 0));
    std::string_view s = data_of(self);
    if (s.empty()) return Value::boolean(false);
    bool cased = false;
    for (char c : s) {
        bool digit = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        bool ok = Which == 0   ? digit
                  : Which == 1 ? (up || lo)
                  : Which == 2 ? is_ws(c)
                  : Which == 3 ? (digit || up || lo)
                  : Which == 4 ? !lo
                               : !up;
        if (!ok) return Value::boolean(false);
        if ((Which == 4 && up) || (Which == 5 && lo)) cased = true;
    }
    return Value::boolean(Which >= 4 ? cased : true);
}

Result<Value> strip_common(Interp& interp, const Value& self, CallArgs& args, bool left, bool right,
                           const char* name) {
    BV_CHECK(check_positional(args, name, 0, 1));
    std::string_view s = data_of(self);
    std::string chars;
    bool ws = true;
    if (!args.args.empty() && !args.args[0].is_none()) {
        BV_TRY(c, require_bytes_like(args.args[0]));
        chars = c;
        ws = false;
    }
    auto strip_me = [&](char c) { return ws ? is_ws(c) : chars.find(c) != std::string::npos; };
    size_t b = 0, e = s.size();
    if (left)
        while (b < e && strip_me(s[b])) ++b;
    if (right)
        while (e > b && strip_me(s[e - 1])) --e;
    return same_type(interp, self, s.substr(b, e - b));
}
Result<Value> b_strip(Interp& i, const Value& s, CallArgs& a) {
    return strip_common(i, s, a, true, true, "strip");
}
Result<Value> b_lstrip(Interp& i, const Value& s, CallArgs& a) {
    return strip_common(i, s, a, true, false, "lstrip");
}
Result<Value> b_rstrip(Interp& i, const Value& s, CallArgs& a) {
    return strip_common(i, s, a, false, true, "rstrip");
}

Result<Value> b_pad(Interp& interp, const Value& self, CallArgs& args, const char* name, int mode) {
    BV_CHECK(check_positional(args, name, 1, 2));
    BV_TRY(width, to_index(args.args[0]));
    char fill = ' ';
    if (args.args.size() == 2) {
        auto f = bytes_view(args.args[1]);
        if (!f || f->size() != 1)
            return raise(ExcType::TypeError,
                         fmt::format("{}() argument 2 must be a byte string of length 1, not {}",
                                     name, type_name(args.args[1])));
        fill = (*f)[0];
    }
    std::string_view s = data_of(self);
    int64_t n = static_cast<int64_t>(s.size());
    if (width <= n) return same_type(interp, self, s);
    if (width > (int64_t{1} << 28)) return raise(ExcType::MemoryError, "");
    int64_t total = width - n;
    int64_t left = mode == 0 ? 0 : mode == 1 ? total : total / 2 + (total & width & 1);
    std::string out(static_cast<size_t>(left), fill);
    out += s;
    out.append(static_cast<size_t>(total - left), fill);
    return same_type(interp, self, out);
}
Result<Value> b_ljust(Interp& i, const Value& s, CallArgs& a) { return b_pad(i, s, a, "ljust", 0); }
Result<Value> b_rjust(Interp& i, const Value& s, CallArgs& a) { return b_pad(i, s, a, "rjust", 1); }
Result<Value> b_center(Interp& i, const Value& s, CallArgs& a) {
    return b_pad(i, s, a, "center", 2);
}

Result<Value> b_zfill(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "zfill", 1, 1));
    BV_TRY(width, to_index(args.args[0]));
    std::string s(data_of(self));
    int64_t n = static_cast<int64_t>(s.size());
    if (width > n) {
        if (width > (int64_t{1} << 28)) return raise(ExcType::MemoryError, "");
        std::string zeros(static_cast<size_t>(width - n), '0');
        if (!s.empty() && (s[0] == '+' || s[0] == '-'))
            s = s.substr(0, 1) + zeros + s.substr(1);
        else
            s = zeros + s;
    }
    return same_type(interp, self, s);
}

Result<Value> b_partition_common(Interp& interp, const Value& self, CallArgs& args, bool right) {
    BV_CHECK(check_positional(args, right ? "rpartition" : "partition", 1, 1));
    // bytes takes the separator as a simple (C-contiguous) buffer; bytearray
    // copies it with PyByteArray_FromObject, so any view (also strided) is one.
    std::string sep;
    bool have = false;
    if (self.is(Kind::ByteArray)) {
        BV_TRY(any, bytes_like_any(args.args[0]));
        if (any) sep = std::move(*any), have = true;
    }
    if (!have) {
        BV_TRY(simple, require_bytes_like(args.args[0]));
        sep = std::move(simple);
    }
    if (sep.empty()) return raise(ExcType::ValueError, "empty separator");
    std::string_view s = data_of(self);
    size_t p = right ? s.rfind(sep) : s.find(sep);
    std::string_view a = s, b, c;
    if (p == std::string_view::npos) {
        if (right) {
            c = s;
            a = {};
        }
    } else {
        a = s.substr(0, p);
        b = sep;
        c = s.substr(p + sep.size());
    }
    BV_TRY(va, same_type(interp, self, a));
    // stringlib partition: a found separator is the argument itself in bytes' result
    // (a bytearray's result holds a bytearray copy of it).
    BV_TRY(vb, p != std::string_view::npos && self.is(Kind::Bytes)
                   ? Result<Value>(args.args[0])
                   : same_type(interp, self,
                               p == std::string_view::npos ? std::string_view() : std::string_view(sep)));
    BV_TRY(vc, same_type(interp, self, c));
    return Value::tuple({va, vb, vc});
}
Result<Value> b_partition(Interp& i, const Value& s, CallArgs& a) {
    return b_partition_common(i, s, a, false);
}
Result<Value> b_rpartition(Interp& i, const Value& s, CallArgs& a) {
    return b_partition_common(i, s, a, true);
}

Result<Value> b_affix(Interp& interp, const Value& self, CallArgs& args, bool prefix) {
    BV_CHECK(check_positional(args, prefix ? "removeprefix" : "removesuffix", 1, 1));
    BV_TRY(a, require_bytes_like(args.args[0]));
    std::string_view s = data_of(self);
    if (prefix && s.substr(0, a.size()) == a)
        s.remove_prefix(a.size());
    else if (!prefix && s.size() >= a.size() && s.substr(s.size() - a.size()) == a)
        s.remove_suffix(a.size());
    return same_type(interp, self, s);
}
Result<Value> b_removeprefix(Interp& i, const Value& s, CallArgs& a) {
    return b_affix(i, s, a, true);
}
Result<Value> b_removesuffix(Interp& i, const Value& s, CallArgs& a) {
    return b_affix(i, s, a, false);
}

Result<Value> b_decode(Interp&, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_args(args, "decode", {"encoding", "errors"}, 0));
    std::string enc = "utf-8", errors = "strict";
    if (a.has(0)) {
        if (!a.get(0)->is_str())
            return raise(ExcType::TypeError,
                         "decode() argument 'encoding' must be str, not " + type_name(*a.get(0)));
        enc = a.get(0)->str_utf8();
    }
    if (a.has(1)) {
        if (!a.get(1)->is_str())
            return raise(ExcType::TypeError,
                         "decode() argument 'errors' must be str, not " + type_name(*a.get(1)));
        errors = a.get(1)->str_utf8();
    }
    return decode_bytes(data_of(self), enc, errors);
}

Result<Value> b_hex(Interp&, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_args(args, "hex", {"sep", "bytes_per_sep"}, 0));
    BV_TRY(s, hex_with_sep(data_of(self), a.get(0), a.get(1)));
    return Value::str(std::move(s));
}

Result<Value> b_splitlines(Interp& interp, const Value& self, CallArgs& args) {
    // Argument Clinic's keepends: bool(accept={int}): _PyLong_AsInt, so None, floats and
    // str are TypeErrors and ints outside C int OverflowErrors.
    BV_TRY(a, bind_clinic_args(args, "splitlines", {"keepends"}, 0));
    bool keep = false;
    if (a.has(0)) {
        if (a.get(0)->is_big_int())
            return raise(ExcType::OverflowError, "Python int too large to convert to C int");
        BV_TRY(t, to_index(*a.get(0)));
        if (t < INT32_MIN || t > INT32_MAX)
            return raise(ExcType::OverflowError, "Python int too large to convert to C int");
        keep = t != 0;
    }
    std::string_view s = data_of(self);
    std::vector<Value> out;
    size_t i = 0;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
        size_t eol = j;
        if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
        BV_TRY(v, same_type(interp, self, s.substr(i, (keep ? j : eol) - i)));
        out.push_back(std::move(v));
        i = j;
    }
    return Value::list(std::move(out));
}

// bytes.translate(table, /, delete=b''): table None or any 256-byte buffer (its length
// checked before delete's buffer is taken); deleted bytes go first. An unchanged
// bytes is returned itself (PyBytes_CheckExact), a bytearray always copied.
Result<Value> b_translate(Interp& interp, const Value& self, CallArgs& args) {
    if (args.args.empty())
        return raise(ExcType::TypeError, "translate() takes at least 1 positional argument (0 given)");
    if (args.args.size() + args.kwargs.size() > 2)
        return raise(ExcType::TypeError,
                     fmt::format("translate() takes at most 2 arguments ({} given)",
                                 args.args.size() + args.kwargs.size()));
    CallArgs rest;
    rest.args.assign(args.args.begin() + 1, args.args.end());
    rest.kwargs = args.kwargs;
    BV_TRY(a, bind_clinic_args(rest, "translate", {"delete"}, 0, 1));
    std::optional<std::string> table;
    if (!args.args[0].is_none()) {
        BV_TRY(t, require_bytes_like(args.args[0]));
        if (t.size() != 256)
            return raise(ExcType::ValueError, "translation table must be 256 characters long");
        table = std::move(t);
    }
    std::string del;
    if (const Value* d = a.get(0)) {
        BV_TRY(x, require_bytes_like(*d));
        del = std::move(x);
    }
    bool deleted[256] = {};
    for (unsigned char c : del) deleted[c] = true;
    std::string_view s = data_of(self);
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (deleted[c]) continue;
        out.push_back(table ? (*table)[c] : static_cast<char>(c));
    }
    if (self.is(Kind::Bytes) && out == s) return self;
    return same_type(interp, self, out);
}

// ---- bytearray mutators --------------------------------------------------------------

ByteArrayObject& ba_of(const Value& v) { return v.obj<ByteArrayObject>(); }

Result<Value> ba_append(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytearray.append", 1, 1));
    BV_CHECK(ba_of(self).append(to_item(args.args[0])));
    return Value();
}

Result<Value> ba_extend(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytearray.extend", 1, 1));
    // CPython 3.11 bytearray_extend: a buffer goes through bytearray_setslice;
    // anything else is iterated (a str too: its items are not ints).
    auto direct = buffer_bytes_of(args.args[0]);
    if (!direct && as_exporter(args.args[0])) {
        return raise(ExcType::TypeError,
                     "can't set bytearray slice from " + type_name(args.args[0]));
    }
    if (!direct) return std::move(direct).error();
    std::string data;
    uint64_t from_block = 0;  // an iterable: CPython copies from a bytearray it builds
    if (*direct) {
        data = std::move((*direct)->data);
        from_block = (*direct)->block;
    } else {
        auto items = collect(interp, args.args[0]);
        if (!items) {
            if (items.error().type == ExcType::TypeError)
                return raise(ExcType::TypeError,
                             "can't extend bytearray with " + type_name(args.args[0]));
            return items.error();
        }
        for (const auto& v : *items) {
            BV_TRY(b, byte_from_item(to_item(v)));
            data.push_back(static_cast<char>(b));
        }
    }
    BV_CHECK(ba_of(self).extend(data, from_block));
    return Value();
}

Result<Value> ba_insert(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "insert", 2, 2));
    BV_TRY(i, to_ssize(args.args[0]));
    BV_CHECK(ba_of(self).insert(i, to_item(args.args[1])));
    return Value();
}

Result<Value> ba_pop(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "pop", 0, 1));
    std::optional<int64_t> idx;
    if (!args.args.empty()) {
        BV_TRY(i, to_ssize(args.args[0]));
        idx = i;
    }
    BV_TRY(v, ba_of(self).pop(idx));
    return Value::integer(v);
}

Result<Value> ba_remove(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytearray.remove", 1, 1));
    BV_CHECK(ba_of(self).remove(to_item(args.args[0])));
    return Value();
}

Result<Value> ba_clear(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytearray.clear", 0, 0));
    BV_CHECK(ba_of(self).clear());
    return Value();
}

Result<Value> ba_reverse(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytearray.reverse", 0, 0));
    BV_CHECK(ba_of(self).reverse());
    return Value();
}

Result<Value> ba_copy(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytearray.copy", 0, 0));
    return make_bytearray(interp, data_of(self));
}

const MethodDef kBytesMethods[] = {
    {"find", b_find},
    {"rfind", b_rfind},
    {"index", b_index},
    {"rindex", b_rindex},
    {"count", b_count},
    {"startswith", b_startswith},
    {"endswith", b_endswith},
    {"split", b_split},
    {"rsplit", b_rsplit},
    {"join", b_join},
    {"replace", b_replace},
    {"upper", b_case<0>},
    {"lower", b_case<1>},
    {"swapcase", b_case<2>},
    {"capitalize", b_case<3>},
    {"title", b_case<4>},
    {"isdigit", b_is<0>},
    {"isalpha", b_is<1>},
    {"isspace", b_is<2>},
    {"isalnum", b_is<3>},
    {"isupper", b_is<4>},
    {"islower", b_is<5>},
    {"strip", b_strip},
    {"lstrip", b_lstrip},
    {"rstrip", b_rstrip},
    {"ljust", b_ljust},
    {"rjust", b_rjust},
    {"center", b_center},
    {"zfill", b_zfill},
    {"partition", b_partition},
    {"rpartition", b_rpartition},
    {"removeprefix", b_removeprefix},
    {"removesuffix", b_removesuffix},
    {"decode", b_decode},
    {"hex", b_hex},
    {"splitlines", b_splitlines},
    {"translate", b_translate},
};

const MethodDef kByteArrayMethods[] = {
    {"append", ba_append}, {"extend", ba_extend}, {"insert", ba_insert},   {"pop", ba_pop},
    {"remove", ba_remove}, {"clear", ba_clear},   {"reverse", ba_reverse}, {"copy", ba_copy},
};

}  // namespace

Result<Value> bytes_fromhex(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytes.fromhex", 1, 1));
    BV_TRY(data, parse_fromhex(args.args[0]));
    return make_bytes(interp, data);
}

Result<Value> bytearray_fromhex(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "bytearray.fromhex", 1, 1));
    BV_TRY(data, parse_fromhex(args.args[0]));
    return make_bytearray(interp, data);
}

MethodTable bytes_methods() {
    return {kBytesMethods, sizeof(kBytesMethods) / sizeof(kBytesMethods[0])};
}
MethodTable bytearray_methods() {
    return {kByteArrayMethods, sizeof(kByteArrayMethods) / sizeof(kByteArrayMethods[0])};
}

}  // namespace engine::py
