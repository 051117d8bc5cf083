// Methods of int (and bool) and float: bit_length, to_bytes, from_bytes, ...
#include <fmt/format.h>

#include <cmath>

#include "engine/buffer/memory_view.hpp"
#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

namespace {

Result<Value> i_bit_length(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "int.bit_length", 0, 0));
    return Value::integer(to_big(self).bit_length());
}

Result<Value> i_bit_count(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "int.bit_count", 0, 0));
    std::string bits = to_big(self).abs().to_string(2);
    int64_t n = 0;
    for (char c : bits) n += c == '1';
    return Value::integer(n);
}

// Argument Clinic's type check of byteorder ("must be str, not None"), made
// while the arguments are parsed, before the function body looks at any value.
Result<void> byteorder_type(const Value* v, std::string_view fname) {
    if (v && !v->is_str())
        return raise(ExcType::TypeError,
                     fmt::format("{}() argument 'byteorder' must be str, not {}", fname,
                                 v->is_none() ? std::string("None") : type_name(*v)));
    return ok();
}

// The body's check: byteorder before length (to_bytes) or the bytes (from_bytes).
Result<bool> byteorder_arg(const Value* v) {
    if (!v) return false;
    const std::string& s = v->str_utf8();
    if (s == "little") return true;
    if (s == "big") return false;
    return raise(ExcType::ValueError, "byteorder must be either 'little' or 'big'");
}

Result<Value> i_to_bytes(Interp& interp, const Value& self, CallArgs& args) {
    if (args.args.size() > 2)
        return raise(ExcType::TypeError,
                     fmt::format("to_bytes() takes at most 2 positional arguments ({} given)",
                                 args.args.size()));
    BV_TRY(a, bind_args(args, "to_bytes", {"length", "byteorder", "signed"}, 0));
    int64_t length = 1;
    if (a.has(0)) {
        BV_TRY(n, to_ssize(*a.get(0)));
        length = n;
    }
    BV_CHECK(byteorder_type(a.get(1), "to_bytes"));
    bool is_signed = false;
    if (a.has(2)) {
        BV_TRY(t, truthy(*a.get(2)));
        is_signed = t;
    }
    BV_TRY(little, byteorder_arg(a.get(1)));
    if (length < 0) return raise(ExcType::ValueError, "length argument must be non-negative");
    if (length > (int64_t{1} << 28)) return raise(ExcType::MemoryError, "");
    BigInt v = to_big(self);
    if (v.negative() && !is_signed)
        return raise(ExcType::OverflowError, "can't convert negative int to unsigned");
    std::vector<uint8_t> out;
    if (!v.to_bytes(out, static_cast<size_t>(length), little, is_signed))
        return raise(ExcType::OverflowError, "int too big to convert");
    return make_bytes(interp,
                      std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
}

Result<Value> i_conjugate(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "int.conjugate", 0, 0));
    return self.is_bool() ? Value::integer(self.small_int()) : self;
}

Result<Value> f_is_integer(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "float.is_integer", 0, 0));
    double d = self.as_float();
    return Value::boolean(std::isfinite(d) && d == std::floor(d));
}

Result<Value> f_conjugate(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "float.conjugate", 0, 0));
    return self;
}

const MethodDef kIntMethods[] = {
    {"bit_length", i_bit_length},
    {"bit_count", i_bit_count},
    {"to_bytes", i_to_bytes},
    {"conjugate", i_conjugate},
};

const MethodDef kFloatMethods[] = {
    {"is_integer", f_is_integer},
    {"conjugate", f_conjugate},
};

}  // namespace

Result<Value> int_from_bytes(Interp& interp, const Value&, CallArgs& args) {
    if (args.args.size() > 2)
        return raise(ExcType::TypeError,
                     fmt::format("from_bytes() takes at most 2 positional arguments ({} given)",
                                 args.args.size()));
    BV_TRY(a, bind_args(args, "from_bytes", {"bytes", "byteorder", "signed"}, 1));
    const Value& src = *a.get(0);
    // CPython 3.11: byteorder's type and signed are parsed, then byteorder's value is
    // checked, then the bytes are read.
    BV_CHECK(byteorder_type(a.get(1), "from_bytes"));
    bool is_signed = false;
    if (a.has(2)) {
        BV_TRY(t, truthy(*a.get(2)));
        is_signed = t;
    }
    BV_TRY(little, byteorder_arg(a.get(1)));
    // PyObject_Bytes: a memoryview of any layout gives its bytes in C order.
    std::optional<std::string> data;
    if (src.is(Kind::MemoryView)) {
        BV_TRY(d, src.obj<MemoryView>().tobytes_string(std::nullopt, "from_bytes"));
        data = std::move(d);
    } else {
        BV_TRY(d, bytes_like(src, "from_bytes"));
        data = std::move(d);
    }
    std::string bytes;
    if (data) {
        bytes = std::move(*data);
    } else {
        if (src.is_str() || is_number(src) || src.is_none())
            return raise(ExcType::TypeError,
                         "cannot convert '" + type_name(src) + "' object to bytes");
        BV_TRY(items, collect(interp, src));
        for (const auto& v : items) {
            if (!is_intlike(v))
                return raise(ExcType::TypeError,
                             "'" + type_name(v) + "' object cannot be interpreted as an integer");
            int64_t b = v.is_big_int() ? -1 : v.small_int();
            if (b < 0 || b > 255)
                return raise(ExcType::ValueError, "bytes must be in range(0, 256)");
            bytes.push_back(static_cast<char>(b));
        }
    }
    return Value::integer(BigInt::from_bytes(reinterpret_cast<const uint8_t*>(bytes.data()),
                                             bytes.size(), little, is_signed));
}

MethodTable int_methods() { return {kIntMethods, sizeof(kIntMethods) / sizeof(kIntMethods[0])}; }
MethodTable float_methods() {
    return {kFloatMethods, sizeof(kFloatMethods) / sizeof(kFloatMethods[0])};
}

// Data attributes of numbers; called from buffer_attribute.
Result<std::optional<Value>> number_attribute(const Value& obj, std::string_view name) {
    if (is_intlike(obj)) {
        Value i = obj.is_bool() ? Value::integer(obj.small_int()) : obj;
        if (name == "real" || name == "numerator") return std::optional<Value>(i);
        if (name == "imag") return std::optional<Value>(Value::integer(0));
        if (name == "denominator") return std::optional<Value>(Value::integer(1));
    }
    if (obj.is_float()) {
        if (name == "real") return std::optional<Value>(obj);
        if (name == "imag") return std::optional<Value>(Value::floating(0.0));
    }
    return std::optional<Value>();
}

}  // namespace engine::py
