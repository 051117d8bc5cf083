// The byte-level cores of binascii that base64 (mod_base64.cpp) builds on, as
// CPython's Lib/base64.py calls binascii. Errors are binascii.Error with
// CPython 3.11's messages.
#pragma once

#include <string>
#include <string_view>

#include "engine/python/runtime/value.hpp"

namespace engine::py {

// b2a_base64's result; MemoryError before it would pass the heap budget.
Result<std::string> base64_encode(std::string_view data, bool newline);
// a2b_base64(data, strict_mode=strict).
Result<std::string> base64_decode(std::string_view ascii, bool strict);
// unhexlify: "Odd-length string", "Non-hexadecimal digit found".
Result<std::string> hex_decode(std::string_view ascii);
// Argument Clinic's `bool(accept={int})` (_PyLong_AsInt): newline=, strict_mode=.
Result<bool> clinic_int_flag(const Value& v);

}  // namespace engine::py
