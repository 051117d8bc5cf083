// placeholder: filled in by the next commits
#include "engine/python/runtime/methods.hpp"
namespace engine::py {
MethodTable memoryview_methods() { return {}; }
MethodTable array_methods() { return {}; }
MethodTable mmap_methods() { return {}; }
MethodTable bytesio_methods() { return {}; }
MethodTable tempfile_methods() { return {}; }
MethodTable struct_methods() { return {}; }
Result<std::optional<Value>> buffer_attribute(Interp&, const Value&, std::string_view) { return std::optional<Value>(); }
}
