// The zlib module: crc32 and adler32 (CPython 3.11's zlibmodule.c results and
// messages). Compression is not modelled.
#include <fmt/format.h>

#include "engine/core/checksum.hpp"
#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/modules.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

namespace {

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
    return Value::integer(static_cast<int64_t>(engine::crc32_update(a.second, reinterpret_cast<const uint8_t*>(a.first.data()), a.first.size())));
}

Result<Value> zlib_adler32(Interp&, const Value&, CallArgs& args) {
    BV_TRY(a, checksum_args(args, "adler32", 1));
    return Value::integer(static_cast<int64_t>(engine::adler32_update(a.second, reinterpret_cast<const uint8_t*>(a.first.data()), a.first.size())));
}

}  // namespace

std::vector<std::pair<std::string, Value>> zlib_module_attrs() {
    return {{"crc32", make_builtin("crc32", zlib_crc32)},
            {"adler32", make_builtin("adler32", zlib_adler32)}};
}

}  // namespace engine::py
