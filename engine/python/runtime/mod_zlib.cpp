// The zlib module: crc32 and adler32 (CPython 3.11's zlibmodule.c results and
// messages). Compression is not modelled.
#include <fmt/format.h>

#include <array>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/modules.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

namespace {

uint32_t crc32_update(uint32_t crc, std::string_view data) {
    static const auto table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (unsigned char b : data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

uint32_t adler32_update(uint32_t adler, std::string_view data) {
    uint32_t a = adler & 0xFFFF, b = adler >> 16;
    for (unsigned char c : data) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

// (data[, value]): data any bytes-like object, value an int taken modulo 2**32
// (Argument Clinic's `unsigned_int(bitwise=True)`).
Result<std::pair<std::string, uint32_t>> checksum_args(CallArgs& args, const char* name,
                                                       uint32_t start) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, fmt::format("zlib.{}() takes no keyword arguments", name));
    BV_CHECK(check_positional(args, name, 1, 2));
    BV_TRY(data, require_bytes_like(args.args[0]));
    uint32_t value = start;
    if (args.args.size() == 2) {
        const Value& v = args.args[1];
        if (v.is_big_int())
            return raise(ExcType::OverflowError, "checksum start values past 64 bits are not "
                                                 "supported in the playground");
        BV_TRY(n, to_index(v));
        value = static_cast<uint32_t>(static_cast<uint64_t>(n));
    }
    return std::pair<std::string, uint32_t>(std::move(data), value);
}

Result<Value> zlib_crc32(Interp&, const Value&, CallArgs& args) {
    BV_TRY(a, checksum_args(args, "crc32", 0));
    return Value::integer(static_cast<int64_t>(crc32_update(a.second, a.first)));
}

Result<Value> zlib_adler32(Interp&, const Value&, CallArgs& args) {
    BV_TRY(a, checksum_args(args, "adler32", 1));
    return Value::integer(static_cast<int64_t>(adler32_update(a.second, a.first)));
}

}  // namespace

std::vector<std::pair<std::string, Value>> zlib_module_attrs() {
    return {{"crc32", make_builtin("crc32", zlib_crc32)},
            {"adler32", make_builtin("adler32", zlib_adler32)}};
}

}  // namespace engine::py
