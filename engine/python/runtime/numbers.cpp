// Numeric semantics of int, bool and float, after CPython 3.11's
// Objects/longobject.c and Objects/floatobject.c.
#include "engine/python/runtime/numbers.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>

#include "engine/python/runtime/text.hpp"

namespace engine::py {

namespace {

constexpr uint64_t kHashModulus = (1ULL << 61) - 1;
constexpr int kHashBits = 61;

Error zero_div(const char* msg) { return raise(ExcType::ZeroDivisionError, msg); }

bool fits53(const Value& v) {
    if (!v.is_small_int() && !v.is_bool()) return false;
    int64_t x = v.small_int();
    return x >= -(int64_t{1} << 53) && x <= (int64_t{1} << 53);
}

int64_t floor_div_small(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

int64_t floor_mod_small(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

Result<Value> big_result(BigInt r) {
    if (r.bit_length() > kMaxIntBits) return raise(ExcType::MemoryError, "");
    return Value::integer(std::move(r));
}

Result<Value> int_true_div(const Value& a, const Value& b) {
    if (fits53(a) && fits53(b)) {
        if (b.small_int() == 0) return zero_div("division by zero");
        return Value::floating(static_cast<double>(a.small_int()) /
                               static_cast<double>(b.small_int()));
    }
    BigInt x = to_big(a), y = to_big(b);
    if (y.is_zero()) return zero_div("division by zero");
    if (x.is_zero()) return Value::floating((x.negative() != y.negative()) ? -0.0 : 0.0);
    bool neg = x.negative() != y.negative();
    x = x.abs();
    y = y.abs();
    // Scale so the quotient carries 55+ significant bits, then one rounding.
    int64_t k = 55 - (x.bit_length() - y.bit_length());
    if (k > 0)
        x = x.shl(static_cast<uint64_t>(k));
    else
        y = y.shl(static_cast<uint64_t>(-k));
    BigInt q, r;
    BigInt::divmod(x, y, &q, &r);
    // q has at most 57 bits here.
    uint64_t qm = static_cast<uint64_t>(q.to_int64());
    if (!r.is_zero()) qm |= 1;
    if (-k > 1100)
        return raise(ExcType::OverflowError, "integer division result too large for a float");
    double d = std::ldexp(static_cast<double>(qm), static_cast<int>(-k));
    if (std::isinf(d))
        return raise(ExcType::OverflowError, "integer division result too large for a float");
    return Value::floating(neg ? -d : d);
}

Result<Value> float_pow(double a, double b) {
    if (a == 0.0 && b < 0 && std::isfinite(b)) {
        return zero_div("0.0 cannot be raised to a negative power");
    }
    if (a < 0 && std::isfinite(a) && std::isfinite(b) && b != std::floor(b)) {
        return raise(ExcType::NotImplementedError, "complex numbers are not supported");
    }
    errno = 0;
    double r = std::pow(a, b);
    if (std::isinf(r) && std::isfinite(a) && std::isfinite(b)) {
        return raise(ExcType::OverflowError, "(34, 'Numerical result out of range')");
    }
    return Value::floating(r);
}

}  // namespace

BigInt to_big(const Value& v) {
    if (v.is_big_int()) return v.big_int();
    return BigInt(v.small_int());
}

Result<double> int_to_double(const Value& v) {
    if (!v.is_big_int()) return static_cast<double>(v.small_int());
    auto d = v.big_int().to_double();
    if (!d) return raise(ExcType::OverflowError, "int too large to convert to float");
    return *d;
}

Result<double> number_to_double(const Value& v) {
    if (v.is_float()) return v.as_float();
    return int_to_double(v);
}

Result<Value> float_to_int(double d) {
    if (std::isinf(d))
        return raise(ExcType::OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(d)) return raise(ExcType::ValueError, "cannot convert float NaN to integer");
    double t = std::trunc(d);
    if (t >= -9.2e18 && t <= 9.2e18) return Value::integer(static_cast<int64_t>(t));
    return Value::integer(BigInt::from_double(t));
}

Result<Value> int_binary(BinOp op, const Value& a, const Value& b) {
    bool small = !a.is_big_int() && !b.is_big_int();
    int64_t x = a.small_int(), y = b.small_int(), r = 0;
    switch (op) {
        case BinOp::Add:
            if (small && !__builtin_add_overflow(x, y, &r)) return Value::integer(r);
            return big_result(to_big(a) + to_big(b));
        case BinOp::Sub:
            if (small && !__builtin_sub_overflow(x, y, &r)) return Value::integer(r);
            return big_result(to_big(a) - to_big(b));
        case BinOp::Mul:
            if (small && !__builtin_mul_overflow(x, y, &r)) return Value::integer(r);
            if (to_big(a).bit_length() + to_big(b).bit_length() > kMaxIntBits)
                return raise(ExcType::MemoryError, "");
            return big_result(to_big(a) * to_big(b));
        case BinOp::TrueDiv:
            return int_true_div(a, b);
        case BinOp::FloorDiv:
        case BinOp::Mod: {
            bool is_div = op == BinOp::FloorDiv;
            bool zero = small ? y == 0 : (!b.is_big_int() && y == 0);
            if (zero)
                return zero_div(is_div ? "integer division or modulo by zero"
                                       : "integer modulo by zero");
            if (small && !(x == INT64_MIN && y == -1))
                return Value::integer(is_div ? floor_div_small(x, y) : floor_mod_small(x, y));
            BigInt q, m;
            BigInt::divmod(to_big(a), to_big(b), &q, &m);
            return Value::integer(is_div ? std::move(q) : std::move(m));
        }
        case BinOp::Pow: {
            bool neg_exp = b.is_big_int() ? b.big_int().negative() : y < 0;
            if (neg_exp) {
                BV_TRY(fa, int_to_double(a));
                BV_TRY(fb, int_to_double(b));
                return float_pow(fa, fb);
            }
            BigInt base = to_big(a);
            if (base.is_zero() || base == BigInt(1)) return Value::integer(base);
            if (base == BigInt(-1)) {
                bool odd = b.is_big_int() ? !(b.big_int() & BigInt(1)).is_zero() : (y & 1);
                return Value::integer(odd ? -1 : 1);
            }
            if (b.is_big_int()) return raise(ExcType::MemoryError, "");
            // Fast path when the result fits int64.
            if (small) {
                int64_t acc = 1;
                bool overflow = false;
                for (int64_t i = 0; i < y && !overflow; ++i)
                    overflow = __builtin_mul_overflow(acc, x, &acc);
                if (!overflow) return Value::integer(acc);
            }
            if (base.bit_length() - 1 > 0 &&
                static_cast<uint64_t>(y) > static_cast<uint64_t>(kMaxIntBits) /
                                               static_cast<uint64_t>(base.bit_length() - 1))
                return raise(ExcType::MemoryError, "");
            return big_result(BigInt::pow(base, static_cast<uint64_t>(y)));
        }
        case BinOp::LShift:
        case BinOp::RShift: {
            bool neg = b.is_big_int() ? b.big_int().negative() : y < 0;
            if (neg) return raise(ExcType::ValueError, "negative shift count");
            BigInt base = to_big(a);
            if (op == BinOp::RShift) {
                if (b.is_big_int() || y >= 64 * 1024 * 1024)
                    return Value::integer(base.negative() ? -1 : 0);
                if (small) return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
                return Value::integer(base.shr(static_cast<uint64_t>(y)));
            }
            if (base.is_zero()) return Value::integer(0);
            if (b.is_big_int()) return raise(ExcType::OverflowError, "too many digits in integer");
            if (y > kMaxIntBits) return raise(ExcType::MemoryError, "");
            if (small && y < 62) {
                int64_t lim = int64_t{1} << (62 - y);
                if (x < lim && x > -lim)
                    return Value::integer(static_cast<int64_t>(static_cast<uint64_t>(x) << y));
            }
            return big_result(base.shl(static_cast<uint64_t>(y)));
        }
        case BinOp::And:
            if (small) return Value::integer(x & y);
            return Value::integer(to_big(a) & to_big(b));
        case BinOp::Or:
            if (small) return Value::integer(x | y);
            return Value::integer(to_big(a) | to_big(b));
        case BinOp::Xor:
            if (small) return Value::integer(x ^ y);
            return Value::integer(to_big(a) ^ to_big(b));
        case BinOp::MatMul:
            break;
    }
    return Value::not_implemented();
}

Result<Value> float_binary(BinOp op, double a, double b) {
    switch (op) {
        case BinOp::Add:
            return Value::floating(a + b);
        case BinOp::Sub:
            return Value::floating(a - b);
        case BinOp::Mul:
            return Value::floating(a * b);
        case BinOp::TrueDiv:
            if (b == 0.0) return zero_div("float division by zero");
            return Value::floating(a / b);
        case BinOp::FloorDiv:
        case BinOp::Mod: {
            if (b == 0.0)
                return zero_div(op == BinOp::Mod ? "float modulo" : "float floor division by zero");
            // CPython 3.11 float_divmod.
            double mod = std::fmod(a, b);
            double div = (a - mod) / b;
            if (mod != 0.0) {
                if ((b < 0) != (mod < 0)) {
                    mod += b;
                    div -= 1.0;
                }
            } else {
                mod = std::copysign(0.0, b);
            }
            double floordiv;
            if (div != 0.0) {
                floordiv = std::floor(div);
                if (div - floordiv > 0.5) floordiv += 1.0;
            } else {
                floordiv = std::copysign(0.0, a / b);
            }
            return Value::floating(op == BinOp::Mod ? mod : floordiv);
        }
        case BinOp::Pow:
            return float_pow(a, b);
        default:
            return Value::not_implemented();
    }
}

Result<Value> number_divmod(const Value& a, const Value& b) {
    if (is_intlike(a) && is_intlike(b)) {
        if (!b.is_big_int() && b.small_int() == 0)
            return zero_div("integer division or modulo by zero");
        BV_TRY(q, int_binary(BinOp::FloorDiv, a, b));
        BV_TRY(m, int_binary(BinOp::Mod, a, b));
        return Value::tuple({q, m});
    }
    BV_TRY(x, number_to_double(a));
    BV_TRY(y, number_to_double(b));
    if (y == 0.0) return zero_div("float divmod()");
    BV_TRY(q, float_binary(BinOp::FloorDiv, x, y));
    BV_TRY(m, float_binary(BinOp::Mod, x, y));
    return Value::tuple({q, m});
}

Result<Value> int_pow_mod(const Value& a, const Value& b, const Value& m) {
    BigInt mod = to_big(m);
    if (mod.is_zero()) return raise(ExcType::ValueError, "pow() 3rd argument cannot be 0");
    BigInt base = to_big(a), exp = to_big(b);
    bool neg_mod = mod.negative();
    BigInt absmod = mod.abs();
    BigInt r;
    BigInt::divmod(base, absmod, nullptr, &r);
    base = r;
    if (exp.negative()) {
        // Modular inverse by the extended Euclidean algorithm.
        BigInt g0 = absmod, g1 = base, s0(0), s1(1);
        while (!g1.is_zero()) {
            BigInt q, rem;
            BigInt::divmod(g0, g1, &q, &rem);
            BigInt s2 = s0 - q * s1;
            g0 = g1;
            g1 = rem;
            s0 = s1;
            s1 = s2;
        }
        if (!(g0 == BigInt(1)))
            return raise(ExcType::ValueError, "base is not invertible for the given modulus");
        BigInt::divmod(s0, absmod, nullptr, &base);
        exp = -exp;
    }
    BigInt result(1);
    BigInt::divmod(result, absmod, nullptr, &result);
    while (!exp.is_zero()) {
        if (!(exp & BigInt(1)).is_zero()) BigInt::divmod(result * base, absmod, nullptr, &result);
        exp = exp.shr(1);
        if (!exp.is_zero()) BigInt::divmod(base * base, absmod, nullptr, &base);
    }
    if (neg_mod && !result.is_zero()) result = result + mod;
    return Value::integer(result);
}

std::optional<int> compare_numbers(const Value& a, const Value& b) {
    auto sgn = [](auto d) { return d < 0 ? -1 : d > 0 ? 1 : 0; };
    if (is_intlike(a) && is_intlike(b)) {
        if (!a.is_big_int() && !b.is_big_int())
            return sgn(a.small_int() < b.small_int() ? -1 : a.small_int() > b.small_int() ? 1 : 0);
        return to_big(a).compare(to_big(b));
    }
    if (a.is_float() && b.is_float()) {
        double x = a.as_float(), y = b.as_float();
        if (std::isnan(x) || std::isnan(y)) return std::nullopt;
        return x < y ? -1 : x > y ? 1 : 0;
    }
    // One int, one float: exact comparison.
    bool flipped = a.is_float();
    const Value& iv = flipped ? b : a;
    double f = flipped ? a.as_float() : b.as_float();
    int result;
    if (std::isnan(f)) return std::nullopt;
    if (std::isinf(f)) {
        result = f > 0 ? -1 : 1;
    } else if (fits53(iv)) {
        double x = static_cast<double>(iv.small_int());
        result = x < f ? -1 : x > f ? 1 : 0;
    } else {
        // |int| >= 2^53: compare against floor(f) as an integer, then the fraction.
        double fl = std::floor(f);
        int c = to_big(iv).compare(BigInt::from_double(fl));
        if (c != 0)
            result = c;
        else
            result = (f > fl) ? -1 : 0;
    }
    return flipped ? -result : result;
}

int64_t hash_int(const Value& v) {
    if (!v.is_big_int()) {
        int64_t x = v.small_int();
        uint64_t m = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
        int64_t h = static_cast<int64_t>(m % kHashModulus);
        if (x < 0) h = -h;
        return h == -1 ? -2 : h;
    }
    const BigInt& b = v.big_int();
    int64_t h = static_cast<int64_t>(b.hash_mod());
    if (b.negative()) h = -h;
    return h == -1 ? -2 : h;
}

int64_t hash_float(double v) {
    // CPython 3.11 _Py_HashDouble.
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? 314159 : -314159;
        return 0;  // CPython hashes NaN by identity
    }
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kHashModulus) x -= kHashModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kHashModulus) | x >> (kHashBits - e);
    int64_t h = static_cast<int64_t>(x) * sign;
    return h == -1 ? -2 : h;
}

std::string int_to_string(const Value& v, int base) {
    if (!v.is_big_int()) {
        int64_t x = v.small_int();
        if (base == 10) return fmt::format("{}", x);
        uint64_t m = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
        std::string digits = base == 16  ? fmt::format("{:x}", m)
                             : base == 8 ? fmt::format("{:o}", m)
                                         : fmt::format("{:b}", m);
        return x < 0 ? "-" + digits : digits;
    }
    return v.big_int().to_string(base);
}

namespace {
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view strip_ws(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}
}  // namespace

Result<std::string> int_to_decimal(const Value& v) {
    // 4300 decimal digits need at least 14283 bits; below that no check is needed.
    if (v.is_big_int() && v.big_int().bit_length() > 14280) {
        if (v.big_int().bit_length() > 14300 ||
            v.big_int().abs().compare(BigInt::pow(BigInt(10), 4300)) >= 0)
            return raise(ExcType::ValueError,
                         "Exceeds the limit (4300 digits) for integer string conversion; use "
                         "sys.set_int_max_str_digits() to increase the limit");
    }
    return int_to_string(v, 10);
}

namespace {
// PyUnicode_FromFormat's "%.200R": the repr cut after 200 code points.
std::string first_code_points(std::string r, size_t n) {
    size_t i = 0;
    for (size_t count = 0; i < r.size() && count < n; ++count) {
        ++i;
        while (i < r.size() && (static_cast<unsigned char>(r[i]) & 0xC0) == 0x80) ++i;
    }
    r.resize(i);
    return r;
}
}  // namespace

Result<Value> int_from_string(std::string_view text, int base, bool from_bytes) {
    // CPython 3.11: "%.200R" of the str, or of a bytes copy for any bytes-like source.
    auto invalid = [&]() -> Error {
        std::string shown = from_bytes ? bytes_repr(text) : str_repr(text);
        return raise(ExcType::ValueError,
                     fmt::format("invalid literal for int() with base {}: {}", base,
                                 first_code_points(std::move(shown), 200)));
    };
    if (base != 0 && (base < 2 || base > 36))
        return raise(ExcType::ValueError, "int() base must be >= 2 and <= 36, or 0");
    std::string_view s = strip_ws(text);
    bool neg = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    int b = base;
    bool had_prefix = false;
    if (s.size() >= 2 && s[0] == '0') {
        char p = static_cast<char>(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            b = pb;
            s.remove_prefix(2);
            had_prefix = true;
        }
    }
    if (b == 0) b = 10;
    // Digits with single underscores between them (and one right after a prefix).
    std::string digits;
    bool last_underscore = !had_prefix;  // a leading '_' is allowed only after a prefix
    if (s.empty()) return invalid();
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if (last_underscore) return invalid();
            last_underscore = true;
            continue;
        }
        if (digit_value(c) >= b) return invalid();
        digits.push_back(c);
        last_underscore = false;
    }
    if (last_underscore || digits.empty()) return invalid();
    if (base == 0 && !had_prefix && digits.size() > 1 && digits[0] == '0') {
        // "010" is not a base-0 literal; "000" is.
        for (char c : digits)
            if (c != '0') return invalid();
    }
    if (digits.size() > 4300 && b != 2 && b != 4 && b != 8 && b != 16 && b != 32) {
        return raise(
            ExcType::ValueError,
            fmt::format("Exceeds the limit (4300 digits) for integer string conversion: value has "
                        "{} digits; use sys.set_int_max_str_digits() to increase the limit",
                        digits.size()));
    }
    auto big = BigInt::parse_digits(digits, b, neg);
    if (!big) return invalid();
    return Value::integer(std::move(*big));
}

Result<Value> float_from_string(std::string_view text, std::string_view shown) {
    auto invalid = [&]() -> Error {
        return raise(ExcType::ValueError, "could not convert string to float: " +
                                              (shown.empty() ? str_repr(text) : std::string(shown)));
    };
    std::string_view s = strip_ws(text);
    std::string clean;
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
    std::string rest;
    for (size_t k = i; k < s.size(); ++k)
        rest.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
    if (rest == "inf" || rest == "infinity")
        return Value::floating(clean == "-" ? -INFINITY : INFINITY);
    if (rest == "nan") return Value::floating(clean == "-" ? -NAN : NAN);
    // [digits][.digits][e[sign]digits], underscores only between digits.
    bool any_digit = false, seen_dot = false, seen_exp = false, exp_digit = false;
    char prev = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_') {
            if (!(prev >= '0' && prev <= '9') || i + 1 >= s.size() ||
                !(s[i + 1] >= '0' && s[i + 1] <= '9'))
                return invalid();
            prev = c;
            continue;
        }
        if (c >= '0' && c <= '9') {
            if (seen_exp)
                exp_digit = true;
            else
                any_digit = true;
        } else if (c == '.') {
            if (seen_dot || seen_exp) return invalid();
            seen_dot = true;
        } else if (c == 'e' || c == 'E') {
            if (seen_exp || !any_digit) return invalid();
            seen_exp = true;
        } else if ((c == '+' || c == '-') && (prev == 'e' || prev == 'E')) {
        } else {
            return invalid();
        }
        clean.push_back(c);
        prev = c;
    }
    if (!any_digit || (seen_exp && !exp_digit)) return invalid();
    errno = 0;
    char* end = nullptr;
    double d = std::strtod(clean.c_str(), &end);
    if (end != clean.c_str() + clean.size()) return invalid();
    return Value::floating(d);
}

Result<Value> round_number(const Value& x, const Value* ndigits) {
    if (is_intlike(x)) {
        Value xi = x.is_bool() ? Value::integer(x.small_int()) : x;
        if (!ndigits || ndigits->is_none()) return xi;
        BV_TRY(n, to_index(*ndigits));
        if (n >= 0) return xi;
        if (n < -4400) return Value::integer(0);
        // Round half to even to a multiple of 10^-n.
        BigInt pow10 = BigInt::pow(BigInt(10), static_cast<uint64_t>(-n));
        BigInt q, r;
        BigInt::divmod(to_big(xi), pow10, &q, &r);
        int c = (r + r).compare(pow10);
        if (c > 0 || (c == 0 && !(q & BigInt(1)).is_zero())) q = q + BigInt(1);
        return Value::integer(q * pow10);
    }
    double d = x.as_float();
    if (!ndigits || ndigits->is_none()) {
        double r = std::nearbyint(d);  // default rounding mode: half to even
        return float_to_int(r);
    }
    BV_TRY(n, to_index(*ndigits));
    if (!std::isfinite(d) || d == 0.0) return Value::floating(d);
    if (n > 323) return Value::floating(d);
    if (n >= 0) {
        // Correctly rounded decimal string, then back: CPython's double_round does the same.
        std::string s = fmt::format("{:.{}f}", d, static_cast<int>(n));
        return Value::floating(std::strtod(s.c_str(), nullptr));
    }
    if (n < -308) return Value::floating(std::copysign(0.0, d));
    double p = std::pow(10.0, static_cast<double>(-n));
    double y = d / p;
    double z = std::nearbyint(y);
    if (std::fabs(y - std::trunc(y)) == 0.5) z = 2.0 * std::nearbyint(y / 2.0);
    double r = z * p;
    if (std::isinf(r)) return raise(ExcType::OverflowError, "rounded value too large to represent");
    return Value::floating(r == 0.0 ? std::copysign(0.0, d) : r);
}

}  // namespace engine::py
