// placeholder: filled in by the next commits
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/format.hpp"
namespace engine::py {
Result<std::string> format_value(const Value&, std::string_view) { return raise(ExcType::NotImplementedError, "format"); }
Result<std::string> percent_format(std::string_view, const Value&) { return raise(ExcType::NotImplementedError, "%"); }
Result<std::string> percent_format_bytes(std::string_view, const Value&) { return raise(ExcType::NotImplementedError, "%"); }
}
