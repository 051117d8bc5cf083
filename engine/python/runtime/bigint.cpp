// BigInt arithmetic: schoolbook multiplication, Knuth's algorithm D for
// division, two's complement views for bitwise operators.
#include "engine/python/runtime/bigint.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

namespace engine::py {

namespace {
constexpr uint64_t kBase = 1ULL << 32;
}

void BigInt::trim(Mag& m) {
    while (!m.empty() && m.back() == 0) m.pop_back();
}

BigInt BigInt::from_u64(uint64_t v, bool negative) {
    BigInt r;
    while (v) {
        r.mag_.push_back(static_cast<uint32_t>(v));
        v >>= 32;
    }
    r.neg_ = negative && !r.mag_.empty();
    return r;
}

BigInt::BigInt(int64_t v) {
    uint64_t m = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    *this = from_u64(m, v < 0);
}

BigInt BigInt::from_double(double d) {
    assert(std::isfinite(d));
    d = std::trunc(d);
    bool neg = d < 0;
    d = std::fabs(d);
    if (d < 1) return BigInt();
    int exp = 0;
    double frac = std::frexp(d, &exp);  // d = frac * 2^exp, frac in [0.5, 1)
    // 53 significant bits as an integer, then shift.
    uint64_t mant = static_cast<uint64_t>(std::ldexp(frac, 53));
    BigInt r = from_u64(mant);
    if (exp >= 53)
        r = r.shl(static_cast<uint64_t>(exp - 53));
    else
        r = r.shr(static_cast<uint64_t>(53 - exp));
    r.neg_ = neg && !r.mag_.empty();
    return r;
}

std::optional<BigInt> BigInt::parse_digits(std::string_view digits, int base, bool negative) {
    if (digits.empty() || base < 2 || base > 36) return std::nullopt;
    BigInt r;
    if ((base & (base - 1)) == 0) {
        // A power-of-two base packs bits straight into limbs: linear time
        // (a 200k-digit hex literal), as CPython's long_from_binary_base.
        const int bits = base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : 5;
        r.mag_.assign((digits.size() * bits + 31) / 32, 0);
        uint64_t pos = 0;
        for (size_t k = digits.size(); k-- > 0;) {
            char c = digits[k];
            int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                           : 99;
            if (d >= base) return std::nullopt;
            const uint64_t v = static_cast<uint64_t>(d) << (pos % 32);
            r.mag_[pos / 32] |= static_cast<uint32_t>(v);
            if ((v >> 32) != 0) r.mag_[pos / 32 + 1] |= static_cast<uint32_t>(v >> 32);
            pos += bits;
        }
        r.neg_ = negative;
        r.normalize();
        return r;
    }
    // Accumulate chunks of digits that fit in 32 bits: r = r * base^k + chunk.
    size_t i = 0;
    while (i < digits.size()) {
        uint64_t chunk = 0, mult = 1;
        while (i < digits.size() && mult * base < kBase) {
            char c = digits[i];
            int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                           : 99;
            if (d >= base) return std::nullopt;
            chunk = chunk * base + d;
            mult *= base;
            ++i;
        }
        // r = r * mult + chunk
        uint64_t carry = chunk;
        for (auto& limb : r.mag_) {
            uint64_t t = static_cast<uint64_t>(limb) * mult + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        if (carry) r.mag_.push_back(static_cast<uint32_t>(carry));
    }
    r.neg_ = negative;
    r.normalize();
    return r;
}

BigInt BigInt::from_bytes(const uint8_t* data, size_t n, bool little_endian, bool is_signed) {
    BigInt r;
    r.mag_.assign((n + 3) / 4, 0);
    for (size_t k = 0; k < n; ++k) {
        uint8_t byte = little_endian ? data[k] : data[n - 1 - k];
        r.mag_[k / 4] |= static_cast<uint32_t>(byte) << (8 * (k % 4));
    }
    r.normalize();
    if (is_signed && n > 0) {
        uint8_t top = little_endian ? data[n - 1] : data[0];
        if (top & 0x80) r = r - BigInt(1).shl(8 * static_cast<uint64_t>(n));
    }
    return r;
}

bool BigInt::fits_int64() const {
    if (mag_.size() > 2) return false;
    uint64_t m = 0;
    for (size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
    return neg_ ? m <= (1ULL << 63) : m < (1ULL << 63);
}

int64_t BigInt::to_int64() const {
    uint64_t m = 0;
    for (size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
    return neg_ ? static_cast<int64_t>(0 - m) : static_cast<int64_t>(m);
}

int64_t BigInt::bit_length() const {
    if (mag_.empty()) return 0;
    uint32_t top = mag_.back();
    int bits = 0;
    while (top) {
        ++bits;
        top >>= 1;
    }
    return static_cast<int64_t>(mag_.size() - 1) * 32 + bits;
}

std::optional<double> BigInt::to_double() const {
    if (mag_.empty()) return 0.0;
    int64_t bits = bit_length();
    if (bits > 1024) return std::nullopt;
    double r;
    if (bits <= 64) {
        uint64_t m = 0;
        for (size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
        // Round half to even to 53 bits by hand: the cast rounds per the FP
        // mode (to nearest even), which is what CPython does too.
        r = static_cast<double>(m);
    } else {
        // Keep 55 top bits plus a sticky bit, so the final rounding is correct.
        uint64_t shift = static_cast<uint64_t>(bits - 55);
        BigInt top = abs().shr(shift);
        uint64_t m = static_cast<uint64_t>(top.to_int64());
        BigInt back = top.shl(shift);
        if (!(back == abs())) m |= 1;  // sticky
        r = std::ldexp(static_cast<double>(m), static_cast<int>(shift));
    }
    if (std::isinf(r)) return std::nullopt;
    return neg_ ? -r : r;
}

uint32_t BigInt::divmod_small(Mag& a, uint32_t d) {
    uint64_t rem = 0;
    for (size_t i = a.size(); i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = static_cast<uint32_t>(cur / d);
        rem = cur % d;
    }
    trim(a);
    return static_cast<uint32_t>(rem);
}

std::string BigInt::to_string(int base) const {
    if (mag_.empty()) return "0";
    static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    // Peel off as many digits per division as fit in 32 bits.
    uint32_t chunk_div = static_cast<uint32_t>(base);
    int chunk_len = 1;
    while (static_cast<uint64_t>(chunk_div) * base < kBase) {
        chunk_div *= base;
        ++chunk_len;
    }
    Mag m = mag_;
    std::string out;
    while (!m.empty()) {
        uint32_t rem = divmod_small(m, chunk_div);
        for (int k = 0; k < chunk_len; ++k) {
            out.push_back(kDigits[rem % base]);
            rem /= base;
            if (m.empty() && rem == 0) break;
        }
    }
    while (out.size() > 1 && out.back() == '0') out.pop_back();
    if (neg_) out.push_back('-');
    std::reverse(out.begin(), out.end());
    return out;
}

uint64_t BigInt::hash_mod() const {
    // As CPython's long_hash: x * 2^32 mod (2^61 - 1) is a 61-bit rotation.
    constexpr uint64_t kMod = (1ULL << 61) - 1;
    uint64_t x = 0;
    for (size_t i = mag_.size(); i-- > 0;) {
        x = ((x << 32) & kMod) | (x >> (61 - 32));
        x += mag_[i];
        if (x >= kMod) x -= kMod;
    }
    return x;
}

bool BigInt::to_bytes(std::vector<uint8_t>& out, size_t length, bool little_endian,
                      bool is_signed) const {
    if (neg_ && !is_signed) return false;
    // Range check: unsigned needs bit_length <= 8n; signed needs -2^(8n-1) <= x < 2^(8n-1).
    uint64_t nbits = static_cast<uint64_t>(length) * 8;
    if (!is_signed) {
        if (static_cast<uint64_t>(bit_length()) > nbits) return false;
    } else if (length == 0) {
        // CPython 3.11 _PyLong_AsByteArray: 0 and -1 (all sign bits) fit in no bytes.
        if (!mag_.empty() && !(neg_ && mag_.size() == 1 && mag_[0] == 1)) return false;
    } else {
        BigInt limit = BigInt(1).shl(nbits - 1);
        if (!neg_ && compare(limit) >= 0) return false;
        if (neg_ && compare(-limit) < 0) return false;
    }
    BigInt v = *this;
    if (neg_) v = v + BigInt(1).shl(nbits);  // two's complement
    out.assign(length, 0);
    for (size_t k = 0; k < length; ++k) {
        size_t limb = k / 4;
        uint8_t byte =
            limb < v.mag_.size() ? static_cast<uint8_t>(v.mag_[limb] >> (8 * (k % 4))) : 0;
        out[little_endian ? k : length - 1 - k] = byte;
    }
    return true;
}

int BigInt::cmp_mag(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

int BigInt::compare(const BigInt& o) const {
    if (neg_ != o.neg_) return neg_ ? -1 : 1;
    int c = cmp_mag(mag_, o.mag_);
    return neg_ ? -c : c;
}

BigInt::Mag BigInt::add_mag(const Mag& a, const Mag& b) {
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1, 0);
    uint64_t carry = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        uint64_t t = static_cast<uint64_t>(x[i]) + (i < y.size() ? y[i] : 0) + carry;
        r[i] = static_cast<uint32_t>(t);
        carry = t >> 32;
    }
    r[x.size()] = static_cast<uint32_t>(carry);
    trim(r);
    return r;
}

BigInt::Mag BigInt::sub_mag(const Mag& a, const Mag& b) {
    Mag r(a.size(), 0);
    int64_t borrow = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        int64_t t = static_cast<int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
        borrow = t < 0;
        if (t < 0) t += static_cast<int64_t>(kBase);
        r[i] = static_cast<uint32_t>(t);
    }
    trim(r);
    return r;
}

BigInt::Mag BigInt::mul_mag(const Mag& a, const Mag& b) {
    if (a.empty() || b.empty()) return {};
    Mag r(a.size() + b.size(), 0);
    for (size_t i = 0; i < a.size(); ++i) {
        uint64_t carry = 0;
        for (size_t j = 0; j < b.size(); ++j) {
            uint64_t t = static_cast<uint64_t>(a[i]) * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
        size_t k = i + b.size();
        while (carry) {
            uint64_t t = static_cast<uint64_t>(r[k]) + carry;
            r[k] = static_cast<uint32_t>(t);
            carry = t >> 32;
            ++k;
        }
    }
    trim(r);
    return r;
}

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D. b non-empty.
void BigInt::divmod_mag(const Mag& a, const Mag& b, Mag* q, Mag* r) {
    if (cmp_mag(a, b) < 0) {
        if (q) q->clear();
        if (r) *r = a;
        return;
    }
    if (b.size() == 1) {
        Mag qq = a;
        uint32_t rem = divmod_small(qq, b[0]);
        if (q) *q = std::move(qq);
        if (r) {
            r->clear();
            if (rem) r->push_back(rem);
        }
        return;
    }
    // Normalise so the divisor's top limb has its high bit set.
    int s = 0;
    uint32_t top = b.back();
    while (!(top & 0x80000000u)) {
        top <<= 1;
        ++s;
    }
    auto shift_left = [s](const Mag& m, size_t extra) {
        Mag out(m.size() + extra, 0);
        for (size_t i = 0; i < m.size(); ++i) {
            uint64_t t = static_cast<uint64_t>(m[i]) << s;
            out[i] |= static_cast<uint32_t>(t);
            if (i + 1 < out.size()) out[i + 1] |= static_cast<uint32_t>(t >> 32);
        }
        return out;
    };
    Mag v = shift_left(b, 0);
    Mag u = shift_left(a, 1);
    size_t n = v.size(), m = a.size() - b.size();
    Mag qq(m + 1, 0);
    for (size_t j = m + 1; j-- > 0;) {
        uint64_t num = (static_cast<uint64_t>(u[j + n]) << 32) | u[j + n - 1];
        uint64_t qhat = num / v[n - 1];
        uint64_t rhat = num % v[n - 1];
        while (qhat >= kBase || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
            --qhat;
            rhat += v[n - 1];
            if (rhat >= kBase) break;
        }
        // Multiply and subtract.
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (size_t i = 0; i < n; ++i) {
            uint64_t p = qhat * v[i] + carry;
            carry = p >> 32;
            int64_t t =
                static_cast<int64_t>(u[i + j]) - borrow - static_cast<int64_t>(p & 0xFFFFFFFFu);
            borrow = t < 0 ? 1 : 0;
            if (t < 0) t += static_cast<int64_t>(kBase);
            u[i + j] = static_cast<uint32_t>(t);
        }
        int64_t t = static_cast<int64_t>(u[j + n]) - borrow - static_cast<int64_t>(carry);
        if (t < 0) {
            // qhat was one too large: add back.
            u[j + n] = static_cast<uint32_t>(t + static_cast<int64_t>(kBase));
            --qhat;
            uint64_t c = 0;
            for (size_t i = 0; i < n; ++i) {
                uint64_t s2 = static_cast<uint64_t>(u[i + j]) + v[i] + c;
                u[i + j] = static_cast<uint32_t>(s2);
                c = s2 >> 32;
            }
            u[j + n] = static_cast<uint32_t>(u[j + n] + c);
        } else {
            u[j + n] = static_cast<uint32_t>(t);
        }
        qq[j] = static_cast<uint32_t>(qhat);
    }
    trim(qq);
    if (q) *q = std::move(qq);
    if (r) {
        Mag rr(n, 0);
        for (size_t i = 0; i < n; ++i) {
            uint64_t lo = u[i] >> s;
            uint64_t hi =
                (s && i + 1 < u.size()) ? (static_cast<uint64_t>(u[i + 1]) << (32 - s)) : 0;
            rr[i] = static_cast<uint32_t>(lo | hi);
        }
        trim(rr);
        *r = std::move(rr);
    }
}

BigInt BigInt::operator-() const {
    BigInt r = *this;
    if (!r.mag_.empty()) r.neg_ = !r.neg_;
    return r;
}

BigInt BigInt::abs() const {
    BigInt r = *this;
    r.neg_ = false;
    return r;
}

BigInt operator+(const BigInt& a, const BigInt& b) {
    BigInt r;
    if (a.neg_ == b.neg_) {
        r.mag_ = BigInt::add_mag(a.mag_, b.mag_);
        r.neg_ = a.neg_;
    } else if (BigInt::cmp_mag(a.mag_, b.mag_) >= 0) {
        r.mag_ = BigInt::sub_mag(a.mag_, b.mag_);
        r.neg_ = a.neg_;
    } else {
        r.mag_ = BigInt::sub_mag(b.mag_, a.mag_);
        r.neg_ = b.neg_;
    }
    r.normalize();
    return r;
}

BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

BigInt operator*(const BigInt& a, const BigInt& b) {
    BigInt r;
    r.mag_ = BigInt::mul_mag(a.mag_, b.mag_);
    r.neg_ = a.neg_ != b.neg_;
    r.normalize();
    return r;
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
    assert(!b.is_zero());
    BigInt qq, rr;
    divmod_mag(a.mag_, b.mag_, &qq.mag_, &rr.mag_);
    qq.neg_ = a.neg_ != b.neg_;
    rr.neg_ = a.neg_;  // truncated remainder has the dividend's sign
    qq.normalize();
    rr.normalize();
    // Floor: when the signs differ and the remainder is non-zero, adjust.
    if (!rr.is_zero() && (a.neg_ != b.neg_)) {
        qq = qq - BigInt(1);
        rr = rr + b;
    }
    if (q) *q = std::move(qq);
    if (r) *r = std::move(rr);
}

BigInt BigInt::pow(const BigInt& base, uint64_t exp) {
    BigInt result(1), b = base;
    while (exp) {
        if (exp & 1) result = result * b;
        exp >>= 1;
        if (exp) b = b * b;
    }
    return result;
}

BigInt BigInt::shl(uint64_t n) const {
    if (mag_.empty()) return *this;
    size_t limbs = static_cast<size_t>(n / 32);
    int bits = static_cast<int>(n % 32);
    BigInt r;
    r.neg_ = neg_;
    r.mag_.assign(mag_.size() + limbs + 1, 0);
    for (size_t i = 0; i < mag_.size(); ++i) {
        uint64_t t = static_cast<uint64_t>(mag_[i]) << bits;
        r.mag_[i + limbs] |= static_cast<uint32_t>(t);
        r.mag_[i + limbs + 1] |= static_cast<uint32_t>(t >> 32);
    }
    r.normalize();
    return r;
}

BigInt BigInt::shr(uint64_t n) const {
    if (neg_) {
        // floor(x / 2^n) for negative x == ~((~x) >> n)
        return invert().shr(n).invert();
    }
    if (n / 32 >= mag_.size()) return BigInt();
    size_t limbs = static_cast<size_t>(n / 32);
    int bits = static_cast<int>(n % 32);
    BigInt r;
    r.mag_.assign(mag_.size() - limbs, 0);
    for (size_t i = limbs; i < mag_.size(); ++i) {
        uint64_t t = mag_[i] >> bits;
        if (bits && i + 1 < mag_.size()) t |= static_cast<uint64_t>(mag_[i + 1]) << (32 - bits);
        r.mag_[i - limbs] = static_cast<uint32_t>(t);
    }
    r.normalize();
    return r;
}

BigInt BigInt::invert() const { return -*this - BigInt(1); }

BigInt BigInt::bitwise(const BigInt& a, const BigInt& b, BitOp op) {
    // Two's complement over enough limbs for both plus a sign limb.
    size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
    auto twos = [n](const BigInt& x) {
        Mag m = x.mag_;
        m.resize(n, 0);
        if (x.neg_) {
            uint64_t carry = 1;
            for (auto& limb : m) {
                uint64_t t = static_cast<uint64_t>(static_cast<uint32_t>(~limb)) + carry;
                limb = static_cast<uint32_t>(t);
                carry = t >> 32;
            }
        }
        return m;
    };
    Mag x = twos(a), y = twos(b), z(n);
    for (size_t i = 0; i < n; ++i) {
        z[i] = op == BitOp::And ? (x[i] & y[i]) : op == BitOp::Or ? (x[i] | y[i]) : (x[i] ^ y[i]);
    }
    BigInt r;
    bool neg = z.back() & 0x80000000u;
    if (neg) {
        // magnitude = two's complement of z
        uint64_t carry = 1;
        for (auto& limb : z) {
            uint64_t t = static_cast<uint64_t>(static_cast<uint32_t>(~limb)) + carry;
            limb = static_cast<uint32_t>(t);
            carry = t >> 32;
        }
    }
    r.mag_ = std::move(z);
    r.neg_ = neg;
    r.normalize();
    return r;
}

BigInt operator&(const BigInt& a, const BigInt& b) {
    return BigInt::bitwise(a, b, BigInt::BitOp::And);
}
BigInt operator|(const BigInt& a, const BigInt& b) {
    return BigInt::bitwise(a, b, BigInt::BitOp::Or);
}
BigInt operator^(const BigInt& a, const BigInt& b) {
    return BigInt::bitwise(a, b, BigInt::BitOp::Xor);
}

}  // namespace engine::py
