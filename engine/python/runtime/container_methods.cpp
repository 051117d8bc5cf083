// placeholder: filled in by the next commits
#include "engine/python/runtime/methods.hpp"
namespace engine::py {
MethodTable list_methods() { return {}; }
MethodTable tuple_methods() { return {}; }
MethodTable dict_methods() { return {}; }
Result<Value> dict_fromkeys(Interp&, const Value&, CallArgs&) { return raise(ExcType::NotImplementedError, "fromkeys"); }
}
