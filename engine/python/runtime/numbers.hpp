// int, bool and float arithmetic with Python semantics: floor division and
// modulo, exact int/float comparison, numeric hashing (equal numbers hash
// equal), conversions with CPython's messages, int()/float() parsing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/result.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

// Upper bound on the size of an int result, so `2 ** 10**10` fails fast
// with MemoryError instead of exhausting the page.
inline constexpr int64_t kMaxIntBits = 1 << 20;

inline bool is_intlike(const Value& v) { return v.is_int() || v.is_bool(); }  // int or bool
inline bool is_number(const Value& v) { return is_intlike(v) || v.is_float(); }

BigInt to_big(const Value& v);                 // int or bool
Result<double> int_to_double(const Value& v);  // OverflowError: int too large to convert to float
Result<double> number_to_double(const Value& v);  // int, bool or float
// int(float): truncates; OverflowError for inf, ValueError for nan.
Result<Value> float_to_int(double d);

// a op b for int/bool operands; NotImplemented Value when op does not apply.
Result<Value> int_binary(BinOp op, const Value& a, const Value& b);
// a op b with at least one float; both numbers.
Result<Value> float_binary(BinOp op, double a, double b);
// pow(a, b, m) for ints.
Result<Value> int_pow_mod(const Value& a, const Value& b, const Value& m);
// divmod for numbers.
Result<Value> number_divmod(const Value& a, const Value& b);

// -1, 0, 1 comparing two numbers exactly; nullopt when a NaN is involved.
std::optional<int> compare_numbers(const Value& a, const Value& b);

int64_t hash_int(const Value& v);
int64_t hash_float(double d);

std::string int_to_string(const Value& v, int base = 10);  // "-ff" for base 16
// int -> decimal text with CPython's 4300-digit limit (ValueError "Exceeds
// the limit (4300 digits) for integer string conversion; ...").
Result<std::string> int_to_decimal(const Value& v);
// int(text, base): CPython's accepted forms (whitespace, sign, underscores,
// prefixes). ValueError: invalid literal for int() with base 10: 'abc'.
Result<Value> int_from_string(std::string_view text, int base, bool from_bytes = false);
// float(text): ValueError: could not convert string to float: 'abc'; `shown`
// replaces the str repr (float(b'x') shows the object: b'x', bytearray(b'x')).
Result<Value> float_from_string(std::string_view text, std::string_view shown = {});

// round(x) / round(x, n).
Result<Value> round_number(const Value& x, const Value* ndigits);

}  // namespace engine::py
