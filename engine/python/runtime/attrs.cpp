// Attribute lookup: methods (bound to their receiver), data attributes,
// module attributes, type attributes (__name__, int.from_bytes, ...).
#include <fmt/format.h>

#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/set.hpp"

namespace engine::py {

namespace {

MethodTable table_for(Kind k) {
    switch (k) {
        case Kind::Str:
            return str_methods();
        case Kind::Bytes:
            return bytes_methods();
        case Kind::List:
            return list_methods();
        case Kind::Tuple:
            return tuple_methods();
        case Kind::Dict:
            return dict_methods();
        case Kind::Set:
            return set_methods();
        case Kind::FrozenSet:
            return frozenset_methods();
        case Kind::Bool:
        case Kind::Int:
            return int_methods();
        case Kind::Float:
            return float_methods();
        case Kind::MemoryView:
            return memoryview_methods();
        case Kind::Array:
            return array_methods();
        case Kind::Mmap:
            return mmap_methods();
        case Kind::BytesIO:
            return bytesio_methods();
        case Kind::TempFile:
            return tempfile_methods();
        case Kind::Struct:
            return struct_methods();
        default:
            return {};
    }
}

MethodTable table_for_type(TypeId id) {
    switch (id) {
        case TypeId::Str:
            return str_methods();
        case TypeId::Bytes:
            return bytes_methods();
        case TypeId::ByteArray:
            return bytearray_methods();
        case TypeId::List:
            return list_methods();
        case TypeId::Tuple:
            return tuple_methods();
        case TypeId::Dict:
            return dict_methods();
        case TypeId::Set:
            return set_methods();
        case TypeId::FrozenSet:
            return frozenset_methods();
        case TypeId::Int:
        case TypeId::Bool:
            return int_methods();
        case TypeId::Float:
            return float_methods();
        default:
            return {};
    }
}

Error no_attr(const Value& obj, std::string_view name) {
    return raise(ExcType::AttributeError,
                 fmt::format("'{}' object has no attribute '{}'", type_name(obj), name));
}

// Calling an unbound method from its type: str.upper("a") == "a".upper().
struct UnboundCall {
    static Result<Value> call(Interp& interp, const Value& self, CallArgs& args) {
        // self is a tuple (type, method name)
        const auto& t = self.obj<TupleObject>().items;
        const std::string& name = t[1].str_utf8();
        if (args.args.empty())
            return raise(ExcType::TypeError,
                         fmt::format("unbound method {}.{}() needs an argument",
                                     type_short_name(t[0].obj<TypeObject>()), name));
        Value receiver = args.args[0];
        args.args.erase(args.args.begin());
        BV_TRY(m, getattr(interp, receiver, name));
        return engine::py::call(interp, m, std::move(args));
    }
};

}  // namespace

Result<Value> getattr(Interp& interp, const Value& obj, std::string_view name) {
    switch (obj.kind()) {
        case Kind::Instance:
            return instance_getattr(interp, obj, name);
        case Kind::Module: {
            const auto& m = obj.obj<ModuleObject>();
            if (const Value* v = m.find(name)) return *v;
            if (name == "__name__") return Value::str(m.name);
            return raise(ExcType::AttributeError,
                         fmt::format("module '{}' has no attribute '{}'", m.name, name));
        }
        case Kind::Type: {
            const auto& t = obj.obj<TypeObject>();
            if (t.id == TypeId::Class) return class_getattr(obj, name);
            if (name == "__name__" || name == "__qualname__") return Value::str(type_short_name(t));
            if (name == "__module__") {
                std::string full = type_name(t);
                auto dot = full.rfind('.');
                return Value::str(dot == std::string::npos ? "builtins" : full.substr(0, dot));
            }
            if (name == "from_bytes" && (t.id == TypeId::Int || t.id == TypeId::Bool))
                return bind_method(obj, "from_bytes", int_from_bytes);
            if (name == "fromhex" && t.id == TypeId::Bytes)
                return bind_method(obj, "fromhex", bytes_fromhex);
            if (name == "fromhex" && t.id == TypeId::ByteArray)
                return bind_method(obj, "fromhex", bytearray_fromhex);
            if (name == "fromkeys" && t.id == TypeId::Dict)
                return bind_method(obj, "fromkeys", dict_fromkeys);
            MethodTable table = table_for_type(t.id);
            if (t.id == TypeId::ByteArray && !table.find(name)) table = bytes_methods();
            if (const MethodDef* def = table.find(name)) {
                (void)def;
                return bind_method(Value::tuple({obj, Value::str(std::string(name))}), name,
                                   UnboundCall::call);
            }
            return raise(ExcType::AttributeError,
                         fmt::format("type object '{}' has no attribute '{}'", type_name(t), name));
        }
        case Kind::Exception: {
            const auto& e = obj.obj<ExceptionObject>();
            if (name == "args") return Value::tuple(e.args);
            if (name == "value" && e.type == ExcType::StopIteration)
                return e.args.empty() ? Value::none() : e.args[0];
            if (name == "__class__") return Value::type(type_of(obj));
            return no_attr(obj, name);
        }
        case Kind::Function:
            if (auto d = descriptor_getattr(obj, name)) return std::move(*d);
            if (name == "__name__" || name == "__qualname__")
                return Value::str(obj.obj<Callable>().name());
            return no_attr(obj, name);
        case Kind::Builtin:
            if (name == "__name__" || name == "__qualname__")
                return Value::str(obj.obj<BuiltinFunction>().name());
            if (name == "__self__") return obj.obj<BuiltinFunction>().self();
            return no_attr(obj, name);
        case Kind::Range: {
            const auto& r = obj.obj<RangeObject>();
            if (name == "start") return Value::integer(r.start);
            if (name == "stop") return Value::integer(r.stop);
            if (name == "step") return Value::integer(r.step);
            if (name == "count" || name == "index") {
                // range.count/index via the tuple implementation on the materialised range
                break;
            }
            return no_attr(obj, name);
        }
        case Kind::Iterator:
            if (auto m = obj.obj<IteratorObject>().attribute(obj, name)) return std::move(*m);
            break;
        case Kind::Slice: {
            const auto& s = obj.obj<SliceObject>();
            if (name == "start") return s.start;
            if (name == "stop") return s.stop;
            if (name == "step") return s.step;
            return no_attr(obj, name);
        }
        default:
            break;
    }
    if (name == "__class__") return Value::type(type_of(obj));
    BV_TRY(data, buffer_attribute(interp, obj, name));
    if (data) return std::move(*data);
    if (obj.is(Kind::ByteArray)) {
        if (const MethodDef* def = bytearray_methods().find(name))
            return bind_method(obj, def->name, def->fn);
        if (const MethodDef* def = bytes_methods().find(name))
            return bind_method(obj, def->name, def->fn);
        return no_attr(obj, name);
    }
    MethodTable table = table_for(obj.kind());
    if (const MethodDef* def = table.find(name)) return bind_method(obj, def->name, def->fn);
    if (obj.is(Kind::Bool) || obj.is(Kind::Int)) {
        if (name == "from_bytes")
            return bind_method(Value::type(TypeObject{TypeId::Int}), "from_bytes", int_from_bytes);
    }
    if (obj.is(Kind::Bytes) && name == "fromhex")
        return bind_method(Value::type(TypeObject{TypeId::Bytes}), "fromhex", bytes_fromhex);
    return no_attr(obj, name);
}

Result<void> setattr(Interp& interp, const Value& obj, std::string_view name, const Value& value) {
    if (obj.is(Kind::Instance)) return instance_setattr(interp, obj, name, value);
    if (as_class(obj)) return class_setattr(obj, name, value);
    if (obj.is(Kind::Module))
        return raise(ExcType::NotImplementedError, "assigning module attributes is not supported");
    bool has = false;
    if (obj.is(Kind::MemoryView)) {
        for (const char* a :
             {"obj", "nbytes", "readonly", "itemsize", "format", "ndim", "shape", "strides",
              "suboffsets", "c_contiguous", "f_contiguous", "contiguous"})
            if (name == a) has = true;
    }
    if (obj.is(Kind::Range) || obj.is(Kind::Slice))
        has = name == "start" || name == "stop" || name == "step";
    MethodTable table = table_for(obj.kind());
    if (table.find(name)) {
        return raise(ExcType::AttributeError,
                     fmt::format("'{}' object attribute '{}' is read-only", type_name(obj), name));
    }
    if (has)
        return raise(
            ExcType::AttributeError,
            fmt::format("attribute '{}' of '{}' objects is not writable", name, type_name(obj)));
    return raise(ExcType::AttributeError,
                 fmt::format("'{}' object has no attribute '{}'", type_name(obj), name));
}

}  // namespace engine::py
