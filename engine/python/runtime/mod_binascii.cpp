// The binascii module, the part modelled so far: hexlify / b2a_hex (with
// sep and bytes_per_sep, as bytes.hex) and crc32 (CPython 3.11's results and
// messages). unhexlify and base64 need binascii.Error and are not modelled.
#include <fmt/format.h>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

// mod_zlib.cpp
std::vector<std::pair<std::string, Value>> zlib_module_attrs();

namespace {

template <const char* kName>
Result<Value> binascii_hexlify(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a, bind_clinic_args(args, kName, {"data", "sep", "bytes_per_sep"}, 1));
    BV_TRY(data, require_bytes_like(*a.get(0)));
    BV_TRY(hex, hex_with_sep(data, a.get(1), a.get(2)));
    return make_bytes(interp, hex);
}

// binascii.crc32 is zlib's CRC-32 (same polynomial, same start-value rules);
// only the keyword message names its own module.
Result<Value> binascii_crc32(Interp& interp, const Value&, CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, "binascii.crc32() takes no keyword arguments");
    for (auto& [k, v] : zlib_module_attrs())
        if (k == "crc32") return call(interp, v, std::move(args));
    return raise(ExcType::RuntimeError, "zlib.crc32 missing");
}

constexpr char kHexlify[] = "hexlify";
constexpr char kB2aHex[] = "b2a_hex";

}  // namespace

std::vector<std::pair<std::string, Value>> binascii_module_attrs() {
    return {{"hexlify", make_builtin("hexlify", binascii_hexlify<kHexlify>)},
            {"b2a_hex", make_builtin("b2a_hex", binascii_hexlify<kB2aHex>)},
            {"crc32", make_builtin("crc32", binascii_crc32)}};
}

}  // namespace engine::py
