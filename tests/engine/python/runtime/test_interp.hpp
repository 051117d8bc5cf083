// A minimal Interp for runtime tests: collects printed output, owns a
// BufferContext, and offers helpers that evaluate small operations.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "engine/buffer/context.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py::testing {

class TestInterp : public Interp {
public:
    void write_output(std::string_view text) override { out += text; }
    engine::BufferContext& buffer_context() override { return ctx; }
    std::string out;
    engine::BufferContext ctx;
};

inline Value I(int64_t v) { return Value::integer(v); }
inline Value F(double v) { return Value::floating(v); }
inline Value S(const char* s) { return Value::str(s); }
inline Value L(std::vector<Value> v) { return Value::list(std::move(v)); }
inline Value T(std::vector<Value> v) { return Value::tuple(std::move(v)); }

inline std::string R(const Result<Value>& v) {
    if (!v) return std::string(exc_qualified_name(v.error().type)) + ": " + v.error().message;
    auto r = repr(*v);
    if (!r) return std::string(exc_qualified_name(r.error().type)) + ": " + r.error().message;
    return *r;
}

// "ExcType: message" or the repr of the result.
inline std::string call_builtin(Interp& in, const char* name, std::vector<Value> args,
                                std::vector<std::pair<std::string, Value>> kwargs = {}) {
    auto f = lookup_builtin(name);
    if (!f) return "no builtin";
    return R(call(in, *f, CallArgs{std::move(args), std::move(kwargs)}));
}

inline std::string call_method(Interp& in, const Value& self, const char* name,
                               std::vector<Value> args,
                               std::vector<std::pair<std::string, Value>> kwargs = {}) {
    auto m = getattr(in, self, name);
    if (!m) return R(m);
    return R(call(in, *m, CallArgs{std::move(args), std::move(kwargs)}));
}

}  // namespace engine::py::testing

#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"

namespace engine::py::testing {

inline Value B(Interp& in, const std::string& data) { return *make_bytes(in, data); }
inline Value BA(Interp& in, const std::string& data) { return *make_bytearray(in, data); }
inline Value BigV(const char* digits) {
    bool neg = digits[0] == '-';
    return Value::integer(*BigInt::parse_digits(neg ? digits + 1 : digits, 10, neg));
}
inline Value D(std::vector<std::pair<Value, Value>> items) {
    Value d = Value::dict();
    for (auto& [k, v] : items) EXPECT_TRUE(d.obj<DictObject>().set(k, v).ok());
    return d;
}
// Calls a mutating method and gives the receiver's repr afterwards (or the error).
inline std::string mutate(Interp& in, const Value& self, const char* name,
                          std::vector<Value> args) {
    auto m = getattr(in, self, name);
    if (!m) return R(m);
    auto r = call(in, *m, CallArgs{std::move(args), {}});
    if (!r) return R(r);
    return R(self);
}

}  // namespace engine::py::testing
