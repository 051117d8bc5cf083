// Methods of str. Text is handled as code points (std::u32string), so
// indices and lengths are Python's for non-ASCII text too.
#include <fmt/format.h>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/format.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/seq.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

namespace {

using U = std::u32string;

Value mk(const U& s) { return Value::str(utf8_encode(s)); }

// start/end arguments of find/count/startswith: slice semantics, None allowed.
Result<std::pair<int64_t, int64_t>> range_args(const BoundArgs& a, size_t i, int64_t len) {
    int64_t start = 0, end = len;
    if (const Value* s = a.get(i); s && !s->is_none()) {
        if (!s->is_int() && !s->is_bool())
            return raise(ExcType::TypeError,
                         "slice indices must be integers or None or have an __index__ method");
        start = s->is_big_int() ? (s->big_int().negative() ? INT64_MIN / 2 : INT64_MAX / 2)
                                : s->small_int();
    }
    if (const Value* e = a.get(i + 1); e && !e->is_none()) {
        if (!e->is_int() && !e->is_bool())
            return raise(ExcType::TypeError,
                         "slice indices must be integers or None or have an __index__ method");
        end = e->is_big_int() ? (e->big_int().negative() ? INT64_MIN / 2 : INT64_MAX / 2)
                              : e->small_int();
    }
    if (start < 0) start = std::max<int64_t>(0, start + len);
    if (end < 0) end = std::max<int64_t>(0, end + len);
    end = std::min(end, len);
    return std::make_pair(start, end);
}

int64_t find_in(const U& s, const U& sub, int64_t start, int64_t end, bool reverse) {
    if (start > end || start > static_cast<int64_t>(s.size())) return -1;
    if (static_cast<int64_t>(sub.size()) > end - start) return -1;
    std::u32string_view hay(s.data() + start, static_cast<size_t>(end - start));
    size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
    return pos == std::u32string_view::npos ? -1 : static_cast<int64_t>(pos) + start;
}

Result<Value> find_common(const Value& self, CallArgs& args, const char* name, bool reverse,
                          bool raise_missing) {
    BV_CHECK(check_positional(args, name, 1, 3));
    BoundArgs a;
    for (auto& v : args.args) a.slots.push_back(v);
    a.slots.resize(3);
    if (!args.args[0].is_str())
        return raise(ExcType::TypeError,
                     fmt::format("must be str, not {}", type_name(args.args[0])));
    U s = str_code_points(self), sub = str_code_points(args.args[0]);
    BV_TRY(r, range_args(a, 1, static_cast<int64_t>(s.size())));
    int64_t pos = find_in(s, sub, r.first, r.second, reverse);
    if (pos < 0 && raise_missing) return raise(ExcType::ValueError, "substring not found");
    return Value::integer(pos);
}

Result<Value> s_find(Interp&, const Value& self, CallArgs& args) {
    return find_common(self, args, "find", false, false);
}
Result<Value> s_rfind(Interp&, const Value& self, CallArgs& args) {
    return find_common(self, args, "rfind", true, false);
}
Result<Value> s_index(Interp&, const Value& self, CallArgs& args) {
    return find_common(self, args, "index", false, true);
}
Result<Value> s_rindex(Interp&, const Value& self, CallArgs& args) {
    return find_common(self, args, "rindex", true, true);
}

Result<Value> s_count(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "count", 1, 3));
    BoundArgs a;
    for (auto& v : args.args) a.slots.push_back(v);
    a.slots.resize(3);
    if (!args.args[0].is_str())
        return raise(ExcType::TypeError,
                     fmt::format("must be str, not {}", type_name(args.args[0])));
    U s = str_code_points(self), sub = str_code_points(args.args[0]);
    BV_TRY(r, range_args(a, 1, static_cast<int64_t>(s.size())));
    if (r.first > r.second) return Value::integer(0);
    if (sub.empty()) return Value::integer(r.second - r.first + 1);
    int64_t n = 0, pos = r.first;
    while (true) {
        int64_t p = find_in(s, sub, pos, r.second, false);
        if (p < 0) break;
        ++n;
        pos = p + static_cast<int64_t>(sub.size());
    }
    return Value::integer(n);
}

Result<Value> starts_ends(const Value& self, CallArgs& args, bool starts) {
    const char* name = starts ? "startswith" : "endswith";
    BV_CHECK(check_positional(args, name, 1, 3));
    BoundArgs a;
    for (auto& v : args.args) a.slots.push_back(v);
    a.slots.resize(3);
    U s = str_code_points(self);
    BV_TRY(r, range_args(a, 1, static_cast<int64_t>(s.size())));
    std::vector<Value> prefixes;
    if (args.args[0].is(Kind::Tuple)) {
        prefixes = args.args[0].obj<TupleObject>().items;
        for (const auto& p : prefixes)
            if (!p.is_str())
                return raise(
                    ExcType::TypeError,
                    fmt::format("tuple for {} must only contain str, not {}", name, type_name(p)));
    } else if (args.args[0].is_str()) {
        prefixes.push_back(args.args[0]);
    } else {
        return raise(ExcType::TypeError,
                     fmt::format("{} first arg must be str or a tuple of str, not {}", name,
                                 type_name(args.args[0])));
    }
    for (const auto& p : prefixes) {
        U sub = str_code_points(p);
        if (r.first > static_cast<int64_t>(s.size())) continue;
        int64_t len = r.second - r.first;
        if (static_cast<int64_t>(sub.size()) > len) continue;
        size_t at = starts ? static_cast<size_t>(r.first)
                           : static_cast<size_t>(r.second - static_cast<int64_t>(sub.size()));
        if (s.compare(at, sub.size(), sub) == 0) return Value::boolean(true);
    }
    return Value::boolean(false);
}
Result<Value> s_startswith(Interp&, const Value& self, CallArgs& args) {
    return starts_ends(self, args, true);
}
Result<Value> s_endswith(Interp&, const Value& self, CallArgs& args) {
    return starts_ends(self, args, false);
}

Result<Value> s_join(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "str.join", 1, 1));
    BV_TRY(items, collect(interp, args.args[0]));
    std::string out;
    const std::string& sep = self.str_utf8();
    // The size first (checked), so a huge join is a MemoryError before it is built.
    uint64_t total = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_str())
            return raise(ExcType::TypeError,
                         fmt::format("sequence item {}: expected str instance, {} found", i,
                                     type_name(items[i])));
        total += items[i].str_utf8().size() + (i ? sep.size() : 0);  // each < 2**62: no wrap
        if (total > (uint64_t{1} << 62)) return raise(ExcType::MemoryError, "");
    }
    BV_CHECK(heap_reserve(total));
    out.reserve(total);
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i].str_utf8();
    }
    return Value::str(std::move(out));
}

Result<Value> split_common(const Value& self, CallArgs& args, bool right) {
    BV_TRY(a, bind_args(args, right ? "rsplit" : "split", {"sep", "maxsplit"}, 0));
    int64_t maxsplit = -1;
    if (a.has(1)) {
        BV_TRY(m, to_index(*a.get(1)));
        maxsplit = m;
    }
    U s = str_code_points(self);
    std::vector<U> parts;
    if (!a.has(0) || a.get(0)->is_none()) {
        // Runs of whitespace separate; leading/trailing whitespace ignored.
        if (!right) {
            size_t i = 0, n = s.size();
            while (true) {
                while (i < n && cp_is_space(s[i])) ++i;
                if (i >= n) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                    size_t end = n;
                    while (end > i && cp_is_space(s[end - 1])) --end;
                    parts.push_back(s.substr(i, end - i));
                    break;
                }
                size_t j = i;
                while (j < n && !cp_is_space(s[j])) ++j;
                parts.push_back(s.substr(i, j - i));
                i = j;
            }
        } else {
            int64_t i = static_cast<int64_t>(s.size()) - 1;
            while (true) {
                while (i >= 0 && cp_is_space(s[static_cast<size_t>(i)])) --i;
                if (i < 0) break;
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                    size_t b = 0;
                    while (b < static_cast<size_t>(i) && cp_is_space(s[b])) ++b;
                    parts.push_back(s.substr(b, static_cast<size_t>(i) + 1 - b));
                    break;
                }
                int64_t j = i;
                while (j >= 0 && !cp_is_space(s[static_cast<size_t>(j)])) --j;
                parts.push_back(s.substr(static_cast<size_t>(j + 1), static_cast<size_t>(i - j)));
                i = j;
            }
            std::reverse(parts.begin(), parts.end());
        }
    } else {
        if (!a.get(0)->is_str())
            return raise(ExcType::TypeError, "must be str or None, not " + type_name(*a.get(0)));
        U sep = str_code_points(*a.get(0));
        if (sep.empty()) return raise(ExcType::ValueError, "empty separator");
        if (!right) {
            size_t pos = 0;
            while (true) {
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) break;
                size_t p = s.find(sep, pos);
                if (p == U::npos) break;
                parts.push_back(s.substr(pos, p - pos));
                pos = p + sep.size();
            }
            parts.push_back(s.substr(pos));
        } else {
            size_t end = s.size();
            while (true) {
                if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) break;
                if (end < sep.size()) break;
                size_t p = s.rfind(sep, end - sep.size());
                if (p == U::npos) break;
                parts.push_back(s.substr(p + sep.size(), end - p - sep.size()));
                end = p;
            }
            parts.push_back(s.substr(0, end));
            std::reverse(parts.begin(), parts.end());
        }
    }
    std::vector<Value> out;
    out.reserve(parts.size());
    for (const auto& p : parts) out.push_back(mk(p));
    return Value::list(std::move(out));
}
Result<Value> s_split(Interp&, const Value& self, CallArgs& args) {
    return split_common(self, args, false);
}
Result<Value> s_rsplit(Interp&, const Value& self, CallArgs& args) {
    return split_common(self, args, true);
}

Result<Value> s_splitlines(Interp&, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_args(args, "splitlines", {"keepends"}, 0));
    bool keep = false;
    if (a.has(0)) {
        BV_TRY(t, truthy(*a.get(0)));
        keep = t;
    }
    U s = str_code_points(self);
    std::vector<Value> out;
    size_t i = 0, n = s.size();
    while (i < n) {
        size_t j = i;
        while (j < n &&
               !(s[j] == '\n' || s[j] == '\r' || s[j] == 0x0b || s[j] == 0x0c || s[j] == 0x1c ||
                 s[j] == 0x1d || s[j] == 0x1e || s[j] == 0x85 || s[j] == 0x2028 || s[j] == 0x2029))
            ++j;
        size_t eol = j;
        if (j < n) {
            if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
                j += 2;
            else
                ++j;
        }
        out.push_back(mk(s.substr(i, (keep ? j : eol) - i)));
        i = j;
    }
    return Value::list(std::move(out));
}

Result<Value> strip_common(const Value& self, CallArgs& args, bool left, bool right,
                           const char* name) {
    BV_CHECK(check_positional(args, name, 0, 1));
    U s = str_code_points(self);
    U chars;
    bool ws = true;
    if (!args.args.empty() && !args.args[0].is_none()) {
        if (!args.args[0].is_str())
            return raise(ExcType::TypeError, fmt::format("{} arg must be None or str", name));
        chars = str_code_points(args.args[0]);
        ws = false;
    }
    auto strip_me = [&](char32_t c) { return ws ? cp_is_space(c) : chars.find(c) != U::npos; };
    size_t b = 0, e = s.size();
    if (left)
        while (b < e && strip_me(s[b])) ++b;
    if (right)
        while (e > b && strip_me(s[e - 1])) --e;
    return mk(s.substr(b, e - b));
}
Result<Value> s_strip(Interp&, const Value& self, CallArgs& args) {
    return strip_common(self, args, true, true, "strip");
}
Result<Value> s_lstrip(Interp&, const Value& self, CallArgs& args) {
    return strip_common(self, args, true, false, "lstrip");
}
Result<Value> s_rstrip(Interp&, const Value& self, CallArgs& args) {
    return strip_common(self, args, false, true, "rstrip");
}

Result<Value> s_replace(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "replace", 2, 3));
    for (int i = 0; i < 2; ++i)
        if (!args.args[i].is_str())
            return raise(ExcType::TypeError,
                         fmt::format("replace() argument {} must be str, not {}", i + 1,
                                     type_name(args.args[i])));
    int64_t count = -1;
    if (args.args.size() == 3) {
        BV_TRY(c, to_index(args.args[2]));
        count = c;
    }
    U s = str_code_points(self), old = str_code_points(args.args[0]),
      neu = str_code_points(args.args[1]);
    {
        // The result's length first, with checked arithmetic (CPython's
        // "replace string is too long"), then the budget.
        uint64_t matches = 0;
        if (old.empty()) {
            matches = s.size() + 1;
        } else {
            for (size_t p = s.find(old); p != U::npos; p = s.find(old, p + old.size())) ++matches;
        }
        if (count >= 0 && static_cast<uint64_t>(count) < matches) matches = count;
        const uint64_t add = neu.size() > old.size() ? neu.size() - old.size() : 0;
        if (add && matches > (static_cast<uint64_t>(INT64_MAX) - s.size()) / add)
            return raise(ExcType::OverflowError, "replace string is too long");
        BV_CHECK(heap_reserve(s.size() + matches * add, 5));  // UTF-32 work copy + UTF-8
    }
    U out;
    if (old.empty()) {
        int64_t done = 0;
        for (size_t i = 0; i <= s.size(); ++i) {
            if (count < 0 || done < count) {
                out += neu;
                ++done;
            }
            if (i < s.size()) out.push_back(s[i]);
        }
        return mk(out);
    }
    size_t pos = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t p = s.find(old, pos);
        if (p == U::npos) break;
        out.append(s, pos, p - pos);
        out += neu;
        pos = p + old.size();
        ++done;
    }
    out.append(s, pos, U::npos);
    return mk(out);
}

template <char32_t (*F)(char32_t)>
Result<Value> map_chars(const Value& self, CallArgs& args, const char* name) {
    BV_CHECK(check_positional(args, name, 0, 0));
    U s = str_code_points(self);
    for (auto& c : s) c = F(c);
    return mk(s);
}
Result<Value> s_upper(Interp&, const Value& self, CallArgs& args) {
    return map_chars<cp_to_upper>(self, args, "str.upper");
}
Result<Value> s_lower(Interp&, const Value& self, CallArgs& args) {
    return map_chars<cp_to_lower>(self, args, "str.lower");
}
Result<Value> s_casefold(Interp&, const Value& self, CallArgs& args) {
    return map_chars<cp_to_lower>(self, args, "str.casefold");
}

Result<Value> s_swapcase(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "str.swapcase", 0, 0));
    U s = str_code_points(self);
    for (auto& c : s) c = cp_is_upper(c) ? cp_to_lower(c) : cp_is_lower(c) ? cp_to_upper(c) : c;
    return mk(s);
}

Result<Value> s_capitalize(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "str.capitalize", 0, 0));
    U s = str_code_points(self);
    for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? cp_to_upper(s[i]) : cp_to_lower(s[i]);
    return mk(s);
}

Result<Value> s_title(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "str.title", 0, 0));
    U s = str_code_points(self);
    bool prev_cased = false;
    for (auto& c : s) {
        bool cased = cp_is_upper(c) || cp_is_lower(c);
        c = prev_cased ? cp_to_lower(c) : cp_to_upper(c);
        prev_cased = cased;
    }
    return mk(s);
}

template <bool (*P)(char32_t)>
Result<Value> all_chars(const Value& self, CallArgs& args, const char* name) {
    BV_CHECK(check_positional(args, name, 0, 0));
    U s = str_code_points(self);
    if (s.empty()) return Value::boolean(false);
    for (char32_t c : s)
        if (!P(c)) return Value::boolean(false);
    return Value::boolean(true);
}
bool is_alnum(char32_t c) { return cp_is_alpha(c) || cp_is_digit(c); }
Result<Value> s_isdigit(Interp&, const Value& self, CallArgs& args) {
    return all_chars<cp_is_digit>(self, args, "str.isdigit");
}
Result<Value> s_isdecimal(Interp&, const Value& self, CallArgs& args) {
    return all_chars<cp_is_digit>(self, args, "str.isdecimal");
}
Result<Value> s_isnumeric(Interp&, const Value& self, CallArgs& args) {
    return all_chars<cp_is_digit>(self, args, "str.isnumeric");
}
Result<Value> s_isalpha(Interp&, const Value& self, CallArgs& args) {
    return all_chars<cp_is_alpha>(self, args, "str.isalpha");
}
Result<Value> s_isalnum(Interp&, const Value& self, CallArgs& args) {
    return all_chars<is_alnum>(self, args, "str.isalnum");
}
Result<Value> s_isspace(Interp&, const Value& self, CallArgs& args) {
    return all_chars<cp_is_space>(self, args, "str.isspace");
}

Result<Value> s_isascii(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "str.isascii", 0, 0));
    return Value::boolean(self.as_str().ascii);
}

Result<Value> case_check(const Value& self, CallArgs& args, bool upper) {
    BV_CHECK(check_positional(args, upper ? "str.isupper" : "str.islower", 0, 0));
    bool cased = false;
    for (char32_t c : str_code_points(self)) {
        if (upper ? cp_is_lower(c) : cp_is_upper(c)) return Value::boolean(false);
        if (upper ? cp_is_upper(c) : cp_is_lower(c)) cased = true;
    }
    return Value::boolean(cased);
}
Result<Value> s_isupper(Interp&, const Value& self, CallArgs& args) {
    return case_check(self, args, true);
}
Result<Value> s_islower(Interp&, const Value& self, CallArgs& args) {
    return case_check(self, args, false);
}

Result<Value> s_isidentifier(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "str.isidentifier", 0, 0));
    U s = str_code_points(self);
    if (s.empty() || cp_is_digit(s[0])) return Value::boolean(false);
    for (char32_t c : s)
        if (!(is_alnum(c) || c == '_')) return Value::boolean(false);
    return Value::boolean(true);
}

Result<Value> pad(const Value& self, CallArgs& args, const char* name, int mode) {
    BV_CHECK(check_positional(args, name, 1, 2));
    BV_TRY(width, to_index(args.args[0]));
    char32_t fill = ' ';
    if (args.args.size() == 2) {
        const Value& f = args.args[1];
        if (!f.is_str())
            return raise(ExcType::TypeError,
                         fmt::format("{}() argument 2 must be str, not {}", name, type_name(f)));
        U fc = str_code_points(f);
        if (fc.size() != 1)
            return raise(ExcType::TypeError,
                         "The fill character must be exactly one character long");
        fill = fc[0];
    }
    U s = str_code_points(self);
    int64_t n = static_cast<int64_t>(s.size());
    if (width <= n) return self;
    BV_CHECK(heap_reserve(static_cast<uint64_t>(width), 5));  // UTF-32 work copy + UTF-8
    int64_t total = width - n, left;
    if (mode == 0)
        left = 0;  // ljust
    else if (mode == 1)
        left = total;  // rjust
    else
        left = total / 2 + (total & width & 1);  // center, as CPython's pad()
    U out(static_cast<size_t>(left), fill);
    out += s;
    out.append(static_cast<size_t>(total - left), fill);
    return mk(out);
}
Result<Value> s_ljust(Interp&, const Value& self, CallArgs& args) {
    return pad(self, args, "ljust", 0);
}
Result<Value> s_rjust(Interp&, const Value& self, CallArgs& args) {
    return pad(self, args, "rjust", 1);
}
Result<Value> s_center(Interp&, const Value& self, CallArgs& args) {
    return pad(self, args, "center", 2);
}

Result<Value> s_zfill(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "zfill", 1, 1));
    BV_TRY(width, to_index(args.args[0]));
    U s = str_code_points(self);
    int64_t n = static_cast<int64_t>(s.size());
    if (width <= n) return self;
    BV_CHECK(heap_reserve(static_cast<uint64_t>(width), 5));
    U out(static_cast<size_t>(width - n), '0');
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        out.insert(out.begin(), s[0]);
        out += s.substr(1);
    } else {
        out += s;
    }
    return mk(out);
}

Result<Value> partition_common(const Value& self, CallArgs& args, bool right) {
    BV_CHECK(check_positional(args, right ? "str.rpartition" : "str.partition", 1, 1));
    if (!args.args[0].is_str())
        return raise(ExcType::TypeError, "must be str, not " + type_name(args.args[0]));
    U s = str_code_points(self), sep = str_code_points(args.args[0]);
    if (sep.empty()) return raise(ExcType::ValueError, "empty separator");
    size_t p = right ? s.rfind(sep) : s.find(sep);
    if (p == U::npos) {
        if (right) return Value::tuple({Value::str(""), Value::str(""), self});
        return Value::tuple({self, Value::str(""), Value::str("")});
    }
    return Value::tuple({mk(s.substr(0, p)), args.args[0], mk(s.substr(p + sep.size()))});
}
Result<Value> s_partition(Interp&, const Value& self, CallArgs& args) {
    return partition_common(self, args, false);
}
Result<Value> s_rpartition(Interp&, const Value& self, CallArgs& args) {
    return partition_common(self, args, true);
}

Result<Value> affix(const Value& self, CallArgs& args, bool prefix) {
    BV_CHECK(check_positional(args, prefix ? "str.removeprefix" : "str.removesuffix", 1, 1));
    if (!args.args[0].is_str())
        return raise(ExcType::TypeError, fmt::format("{}() argument must be str, not {}",
                                                     prefix ? "removeprefix" : "removesuffix",
                                                     type_name(args.args[0])));
    const std::string& s = self.str_utf8();
    const std::string& a = args.args[0].str_utf8();
    if (prefix && s.compare(0, a.size(), a) == 0) return Value::str(s.substr(a.size()));
    if (!prefix && s.size() >= a.size() && s.compare(s.size() - a.size(), a.size(), a) == 0)
        return Value::str(s.substr(0, s.size() - a.size()));
    return self;
}
Result<Value> s_removeprefix(Interp&, const Value& self, CallArgs& args) {
    return affix(self, args, true);
}
Result<Value> s_removesuffix(Interp&, const Value& self, CallArgs& args) {
    return affix(self, args, false);
}

Result<Value> s_encode(Interp& interp, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_args(args, "encode", {"encoding", "errors"}, 0));
    std::string enc = "utf-8", errors = "strict";
    if (a.has(0)) {
        if (!a.get(0)->is_str())
            return raise(ExcType::TypeError,
                         "encode() argument 'encoding' must be str, not " + type_name(*a.get(0)));
        enc = a.get(0)->str_utf8();
    }
    if (a.has(1)) {
        if (!a.get(1)->is_str())
            return raise(ExcType::TypeError,
                         "encode() argument 'errors' must be str, not " + type_name(*a.get(1)));
        errors = a.get(1)->str_utf8();
    }
    BV_TRY(data, encode_text(self, enc, errors));
    return make_bytes(interp, data);
}

Result<Value> s_expandtabs(Interp&, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_args(args, "expandtabs", {"tabsize"}, 0));
    int64_t tab = 8;
    if (a.has(0)) {
        BV_TRY(t, to_index(*a.get(0)));
        // tabsize is a C int in CPython.
        if (t > INT32_MAX || t < INT32_MIN)
            return raise(ExcType::OverflowError, "Python int too large to convert to C int");
        tab = t;
    }
    U s = str_code_points(self), out;
    {
        // The result's length first (CPython's "new string is too long").
        uint64_t len = 0, c0 = 0;
        for (char32_t c : s) {
            if (c == '\t') {
                if (tab > 0) {
                    uint64_t n = static_cast<uint64_t>(tab) - c0 % static_cast<uint64_t>(tab);
                    len += n;
                    c0 += n;
                }
            } else {
                ++len;
                c0 = (c == '\n' || c == '\r') ? 0 : c0 + 1;
            }
            if (len > static_cast<uint64_t>(INT64_MAX))
                return raise(ExcType::OverflowError, "new string is too long");
        }
        BV_CHECK(heap_reserve(len, 5));
    }
    int64_t col = 0;
    for (char32_t c : s) {
        if (c == '\t') {
            if (tab > 0) {
                int64_t n = tab - col % tab;
                out.append(static_cast<size_t>(n), ' ');
                col += n;
            }
        } else {
            out.push_back(c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return mk(out);
}

// str.format: {} {0} {name} with !r/!s/!a conversions and format specs.
Result<Value> s_format(Interp& interp, const Value& self, CallArgs& args) {
    const std::string& f = self.str_utf8();
    std::string out;
    size_t auto_index = 0;
    bool used_auto = false, used_manual = false;
    for (size_t i = 0; i < f.size(); ++i) {
        char c = f[i];
        if (c == '}') {
            if (i + 1 < f.size() && f[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            return raise(ExcType::ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < f.size() && f[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        // Parse the field up to the matching '}' (one level of nesting in the spec).
        size_t j = i + 1;
        int depth = 1;
        while (j < f.size() && depth > 0) {
            if (f[j] == '{') ++depth;
            if (f[j] == '}') --depth;
            if (depth > 0) ++j;
        }
        if (j >= f.size()) return raise(ExcType::ValueError, "expected '}' before end of string");
        std::string field = f.substr(i + 1, j - i - 1);
        i = j;
        std::string name = field, spec;
        char conv = 0;
        size_t colon = field.find(':');
        size_t bang = field.find('!');
        if (bang != std::string::npos && (colon == std::string::npos || bang < colon)) {
            name = field.substr(0, bang);
            if (bang + 1 >= field.size())
                return raise(ExcType::ValueError,
                             "end of string while looking for conversion specifier");
            conv = field[bang + 1];
            if (colon != std::string::npos)
                spec = field.substr(colon + 1);
            else if (bang + 2 < field.size())
                return raise(ExcType::ValueError, "expected ':' after conversion specifier");
        } else if (colon != std::string::npos) {
            name = field.substr(0, colon);
            spec = field.substr(colon + 1);
        }
        // Nested replacement fields in the spec.
        if (spec.find('{') != std::string::npos) {
            Value inner = Value::str(spec);
            CallArgs copy = args;
            BV_TRY(expanded, s_format(interp, inner, copy));
            spec = expanded.str_utf8();
        }
        Value arg;
        if (name.empty()) {
            if (used_manual)
                return raise(
                    ExcType::ValueError,
                    "cannot switch from manual field specification to automatic field numbering");
            used_auto = true;
            if (auto_index >= args.args.size())
                return raise(
                    ExcType::IndexError,
                    fmt::format("Replacement index {} out of range for positional args tuple",
                                auto_index));
            arg = args.args[auto_index++];
        } else if (name.find_first_not_of("0123456789") == std::string::npos) {
            if (used_auto)
                return raise(
                    ExcType::ValueError,
                    "cannot switch from automatic field numbering to manual field specification");
            used_manual = true;
            size_t k = std::stoul(name.substr(0, 9));
            if (k >= args.args.size())
                return raise(
                    ExcType::IndexError,
                    fmt::format("Replacement index {} out of range for positional args tuple", k));
            arg = args.args[k];
        } else {
            bool found = false;
            for (const auto& [kname, v] : args.kwargs)
                if (kname == name) {
                    arg = v;
                    found = true;
                }
            if (!found) return raise(ExcType::KeyError, str_repr(name));
        }
        if (conv == 'r' || conv == 'a') {
            BV_TRY(r, repr(arg));
            arg = Value::str(std::move(r));
        } else if (conv == 's') {
            BV_TRY(r, to_str(arg));
            arg = Value::str(std::move(r));
        } else if (conv != 0) {
            return raise(ExcType::ValueError, fmt::format("Unknown conversion specifier {}", conv));
        }
        BV_TRY(piece, format_value(arg, spec));
        out += piece;
    }
    return Value::str(std::move(out));
}

const MethodDef kStrMethods[] = {
    {"join", s_join},
    {"split", s_split},
    {"rsplit", s_rsplit},
    {"splitlines", s_splitlines},
    {"strip", s_strip},
    {"lstrip", s_lstrip},
    {"rstrip", s_rstrip},
    {"startswith", s_startswith},
    {"endswith", s_endswith},
    {"find", s_find},
    {"rfind", s_rfind},
    {"index", s_index},
    {"rindex", s_rindex},
    {"count", s_count},
    {"replace", s_replace},
    {"upper", s_upper},
    {"lower", s_lower},
    {"casefold", s_casefold},
    {"swapcase", s_swapcase},
    {"capitalize", s_capitalize},
    {"title", s_title},
    {"isdigit", s_isdigit},
    {"isdecimal", s_isdecimal},
    {"isnumeric", s_isnumeric},
    {"isalpha", s_isalpha},
    {"isalnum", s_isalnum},
    {"isspace", s_isspace},
    {"isascii", s_isascii},
    {"isupper", s_isupper},
    {"islower", s_islower},
    {"isidentifier", s_isidentifier},
    {"ljust", s_ljust},
    {"rjust", s_rjust},
    {"center", s_center},
    {"zfill", s_zfill},
    {"partition", s_partition},
    {"rpartition", s_rpartition},
    {"removeprefix", s_removeprefix},
    {"removesuffix", s_removesuffix},
    {"encode", s_encode},
    {"expandtabs", s_expandtabs},
    {"format", s_format},
};

}  // namespace

MethodTable str_methods() { return {kStrMethods, sizeof(kStrMethods) / sizeof(kStrMethods[0])}; }

}  // namespace engine::py
