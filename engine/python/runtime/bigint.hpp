// BigInt: Python's arbitrary-precision int, used when a value leaves int64.
//
// Sign and magnitude, magnitude in 32-bit limbs, least significant first, no
// leading zero limbs (zero is an empty magnitude, never negative). Division
// and modulo floor as Python's // and % do. Bitwise operators act on the
// infinite two's complement form, as Python's do.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine::py {

class BigInt {
public:
    BigInt() = default;
    explicit BigInt(int64_t v);
    static BigInt from_u64(uint64_t v, bool negative = false);
    // Truncates toward zero; d must be finite.
    static BigInt from_double(double d);
    // Digits (0-9a-zA-Z, no sign, no prefix, no underscores) in base 2..36;
    // nullopt when a digit is out of range or text is empty.
    static std::optional<BigInt> parse_digits(std::string_view digits, int base, bool negative);
    // Magnitude from bytes, then two's complement if `is_signed` and top bit set.
    static BigInt from_bytes(const uint8_t* data, size_t n, bool little_endian, bool is_signed);

    bool is_zero() const { return mag_.empty(); }
    bool negative() const { return neg_; }
    bool fits_int64() const;
    int64_t to_int64() const;  // only when fits_int64()
    // Correctly rounded (half to even); nullopt on overflow.
    std::optional<double> to_double() const;
    std::string to_string(int base = 10) const;  // '-' then digits, lower case, no prefix
    int64_t bit_length() const;
    // |x| mod (2**61 - 1), the modulus of Python's numeric hash.
    uint64_t hash_mod() const;
    // Two's complement bytes of `length`; false when the value does not fit.
    bool to_bytes(std::vector<uint8_t>& out, size_t length, bool little_endian,
                  bool is_signed) const;

    int compare(const BigInt& o) const;
    bool operator==(const BigInt& o) const { return neg_ == o.neg_ && mag_ == o.mag_; }

    BigInt operator-() const;
    BigInt abs() const;
    friend BigInt operator+(const BigInt& a, const BigInt& b);
    friend BigInt operator-(const BigInt& a, const BigInt& b);
    friend BigInt operator*(const BigInt& a, const BigInt& b);
    // Floor division and modulo (Python semantics). b must be non-zero.
    static void divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);
    static BigInt pow(const BigInt& base, uint64_t exp);
    BigInt shl(uint64_t n) const;
    BigInt shr(uint64_t n) const;  // floor (arithmetic) shift
    friend BigInt operator&(const BigInt& a, const BigInt& b);
    friend BigInt operator|(const BigInt& a, const BigInt& b);
    friend BigInt operator^(const BigInt& a, const BigInt& b);
    BigInt invert() const;  // ~x == -x - 1

    size_t limb_count() const { return mag_.size(); }

private:
    using Mag = std::vector<uint32_t>;
    static int cmp_mag(const Mag& a, const Mag& b);
    static Mag add_mag(const Mag& a, const Mag& b);
    static Mag sub_mag(const Mag& a, const Mag& b);  // |a| >= |b|
    static Mag mul_mag(const Mag& a, const Mag& b);
    static void divmod_mag(const Mag& a, const Mag& b, Mag* q, Mag* r);
    static uint32_t divmod_small(Mag& a, uint32_t d);  // in place, returns remainder
    static void trim(Mag& m);
    enum class BitOp { And, Or, Xor };
    static BigInt bitwise(const BigInt& a, const BigInt& b, BitOp op);
    void normalize() {
        trim(mag_);
        if (mag_.empty()) neg_ = false;
    }

    bool neg_ = false;
    Mag mag_;
};

}  // namespace engine::py
