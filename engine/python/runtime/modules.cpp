// placeholder: filled in by the next commits
#include "engine/python/runtime/modules.hpp"
namespace engine::py {
Result<Value> import_module(Interp&, std::string_view name) { return raise(ExcType::NotImplementedError, "module '" + std::string(name) + "' is not available in the playground"); }
Result<Value> construct_module_object(Interp&, const TypeObject&, CallArgs&) { return raise(ExcType::NotImplementedError, "modules"); }
std::string struct_format(const Value& v) { return v.obj<StructObject>().codec.format(); }
}
