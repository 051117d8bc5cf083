// placeholder: filled in by the next commits
#include "engine/python/runtime/methods.hpp"
namespace engine::py {
MethodTable bytes_methods() { return {}; }
MethodTable bytearray_methods() { return {}; }
Result<std::string> encode_text(const Value&, std::string_view, std::string_view) { return raise(ExcType::NotImplementedError, "encode"); }
Result<Value> decode_bytes(std::string_view, std::string_view, std::string_view) { return raise(ExcType::NotImplementedError, "decode"); }
Result<Value> bytes_fromhex(Interp&, const Value&, CallArgs&) { return raise(ExcType::NotImplementedError, "fromhex"); }
Result<Value> bytearray_fromhex(Interp&, const Value&, CallArgs&) { return raise(ExcType::NotImplementedError, "fromhex"); }
}
