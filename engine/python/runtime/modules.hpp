// The modules of the subset: struct, array, mmap, io, tempfile, os, sys --
// thin wrappers converting Values to the buffer layer's API and back.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/buffer/struct_codec.hpp"
#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

// struct.Struct instance: a compiled format.
struct StructObject {
    engine::Struct codec;
};

// `import name`: the module object (a fresh one per call is fine: modules
// have no mutable state). ModuleNotFoundError is not in the subset: unknown
// names raise NotImplementedError "module 'x' is not available in the playground".
Result<Value> import_module(Interp& interp, std::string_view name);

// Calling array.array / mmap.mmap / io.BytesIO / struct.Struct.
Result<Value> construct_module_object(Interp& interp, const TypeObject& type, CallArgs& args);

// The format string of a struct.Struct value.
std::string struct_format(const Value& v);

}  // namespace engine::py
