// placeholder: filled in by the next commits
#include "engine/python/runtime/methods.hpp"
namespace engine::py {
MethodTable int_methods() { return {}; }
MethodTable float_methods() { return {}; }
Result<Value> int_from_bytes(Interp&, const Value&, CallArgs&) { return raise(ExcType::NotImplementedError, "from_bytes"); }
}
