// The importable modules: struct, array, mmap, io, tempfile, os, sys.
#include "engine/python/runtime/modules.hpp"

#include <fmt/format.h>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytes_io.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/buffer/temp_file.hpp"
#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

// buffer_methods.cpp
Result<Value> struct_pack(Interp& interp, const engine::Struct& s,
                          const std::vector<Value>& values);
Result<Value> struct_unpack(Interp& interp, const engine::Struct& s, const Value& buffer);
Result<Value> struct_unpack_from(Interp& interp, const engine::Struct& s, CallArgs& args,
                                 size_t skipped);
Result<Value> struct_pack_into(Interp& interp, const engine::Struct& s, CallArgs& args);
Result<Value> struct_iter_unpack(Interp& interp, const engine::Struct& s, const Value& buffer);

std::vector<std::pair<std::string, Value>> zlib_module_attrs();      // mod_zlib.cpp
std::vector<std::pair<std::string, Value>> binascii_module_attrs();  // mod_binascii.cpp
std::vector<std::pair<std::string, Value>> base64_module_attrs();    // mod_base64.cpp
std::vector<std::pair<std::string, Value>> functools_module_attrs();  // mod_functools.cpp

std::string struct_format(const Value& v) { return v.obj<StructObject>().codec.format(); }

namespace {

Result<engine::Struct> compile_format(const Value& fmt_value) {
    std::string text;
    if (fmt_value.is_str())
        text = fmt_value.str_utf8();
    else if (auto b = bytes_view(fmt_value); b && fmt_value.is(Kind::Bytes))
        text = std::string(*b);
    else
        return raise(ExcType::TypeError, "Struct() argument 1 must be a str or bytes object, not " +
                                             type_name(fmt_value));
    return engine::Struct::compile(text);
}

// struct.<fn>(fmt, ...): the format is the first positional argument.
Result<engine::Struct> take_format(CallArgs& args, const char* fname) {
    if (args.args.empty())
        return raise(ExcType::TypeError,
                     fmt::format("{}() missing required argument 'format' (pos 1)", fname));
    Value f = args.args[0];
    args.args.erase(args.args.begin());
    return compile_format(f);
}

Result<Value> struct_m_pack(Interp& interp, const Value&, CallArgs& args) {
    if (args.args.empty()) return raise(ExcType::TypeError, "missing format argument");
    BV_TRY(s, take_format(args, "pack"));
    return struct_pack(interp, s, args.args);
}
Result<Value> struct_m_unpack(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "unpack", 2, 2));
    BV_TRY(s, take_format(args, "unpack"));
    return struct_unpack(interp, s, args.args[0]);
}
Result<Value> struct_m_unpack_from(Interp& interp, const Value&, CallArgs& args) {
    if (args.args.empty())  // format is positional-only: Argument Clinic's arity text
        return raise(ExcType::TypeError,
                     "unpack_from() takes at least 1 positional argument (0 given)");
    if (args.args.size() + args.kwargs.size() > 3)
        return raise(ExcType::TypeError,
                     fmt::format("unpack_from() takes at most 3 arguments ({} given)",
                                 args.args.size() + args.kwargs.size()));
    BV_TRY(s, take_format(args, "unpack_from"));
    return struct_unpack_from(interp, s, args, 1);
}
Result<Value> struct_m_pack_into(Interp& interp, const Value&, CallArgs& args) {
    if (args.args.empty()) return raise(ExcType::TypeError, "missing format argument");
    BV_TRY(s, take_format(args, "pack_into"));
    return struct_pack_into(interp, s, args);
}
Result<Value> struct_m_iter_unpack(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "iter_unpack", 2, 2));
    BV_TRY(s, take_format(args, "iter_unpack"));
    return struct_iter_unpack(interp, s, args.args[0]);
}
Result<Value> struct_m_calcsize(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "calcsize", 1, 1));
    BV_TRY(s, compile_format(args.args[0]));
    return Value::integer(s.size());
}

// tempfile.TemporaryFile(mode='w+b', ...): only binary modes.
Result<Value> tempfile_m_temporary_file(Interp& interp, const Value&, CallArgs& args) {
    BV_TRY(a,
           bind_args(args, "TemporaryFile",
                     {"mode", "buffering", "encoding", "newline", "suffix", "prefix", "dir"}, 0));
    if (const Value* m = a.get(0)) {
        if (!m->is_str() || m->str_utf8().find('b') == std::string::npos)
            return raise(ExcType::NotImplementedError, "only binary temporary files are supported");
    }
    BV_TRY(f, TempFile::create(interp.buffer_context()));
    interp.temp_files.push_back(f);
    return Value::wrap(std::move(f));
}

// os.urandom(n): deterministic per run. xorshift64* over Interp::urandom_state,
// so a lesson replays the same bytes every run (documented in SUBSET.md).
Result<Value> os_m_urandom(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "urandom", 1, 1));
    BV_TRY(n, to_index(args.args[0]));
    if (n < 0) return raise(ExcType::ValueError, "negative argument not allowed");
    if (static_cast<uint64_t>(n) > interp.buffer_context().memory_budget())
        return raise(ExcType::MemoryError, "");
    std::string out(static_cast<size_t>(n), '\0');
    uint64_t& x = interp.urandom_state;
    for (auto& c : out) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        c = static_cast<char>((x * 0x2545F4914F6CDD1DULL) >> 56);
    }
    return make_bytes(interp, out);
}

Value fn(const char* name, BuiltinFn f) { return make_builtin(name, f); }

// gc: the cycle collector of the run (gc.hpp). Messages as CPython 3.11's
// METH_NOARGS / Argument Clinic ones.
Result<void> gc_no_args(const CallArgs& args, const char* name) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, std::string("gc.") + name + "() takes no keyword arguments");
    if (!args.args.empty())
        return raise(ExcType::TypeError, std::string("gc.") + name + "() takes no arguments (" +
                                             std::to_string(args.args.size()) + " given)");
    return ok();
}

Result<Value> gc_m_collect(Interp&, const Value&, CallArgs& args) {
    // collect(generation=2): every generation is the one generation here.
    const size_t given = args.args.size() + args.kwargs.size();
    if (given > 1) {
        if (args.args.empty())
            return raise(ExcType::TypeError, "collect() takes at most 1 keyword argument (" +
                                                 std::to_string(given) + " given)");
        return raise(ExcType::TypeError,
                     "collect() takes at most 1 argument (" + std::to_string(given) + " given)");
    }
    if (!args.kwargs.empty() && args.kwargs[0].first != "generation")
        return raise(ExcType::TypeError, "'" + args.kwargs[0].first +
                                             "' is an invalid keyword argument for collect()");
    const Value* gen = !args.args.empty()    ? &args.args[0]
                       : !args.kwargs.empty() ? &args.kwargs[0].second
                                              : nullptr;
    if (gen) {
        const char* too_large = "Python int too large to convert to C int";
        if (gen->is_big_int()) return raise(ExcType::OverflowError, too_large);
        BV_TRY(g, to_index(*gen));
        if (g < INT32_MIN || g > INT32_MAX) return raise(ExcType::OverflowError, too_large);
        if (g < 0 || g > 2) return raise(ExcType::ValueError, "invalid generation");
    }
    return Value::integer(gc_collect());
}

Result<Value> gc_m_enable(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(gc_no_args(args, "enable"));
    if (GcList* gc = current_gc()) gc->enabled = true;
    return Value();
}

Result<Value> gc_m_disable(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(gc_no_args(args, "disable"));
    if (GcList* gc = current_gc()) gc->enabled = false;
    return Value();
}

Result<Value> gc_m_isenabled(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(gc_no_args(args, "isenabled"));
    GcList* gc = current_gc();
    return Value::boolean(gc ? gc->enabled : true);
}

}  // namespace

Result<Value> import_module(Interp&, std::string_view name) {
    auto m = std::make_shared<ModuleObject>();
    m->name = std::string(name);
    auto& a = m->attrs;
    if (name == "struct") {
        a = {{"pack", fn("pack", struct_m_pack)},
             {"unpack", fn("unpack", struct_m_unpack)},
             {"pack_into", fn("pack_into", struct_m_pack_into)},
             {"unpack_from", fn("unpack_from", struct_m_unpack_from)},
             {"iter_unpack", fn("iter_unpack", struct_m_iter_unpack)},
             {"calcsize", fn("calcsize", struct_m_calcsize)},
             {"Struct", type_value(TypeId::Struct)},
             {"error", exc_type_value(ExcType::StructError)}};
    } else if (name == "array") {
        a = {{"array", type_value(TypeId::Array)},
             {"ArrayType", type_value(TypeId::Array)},
             {"typecodes", Value::str("bBuhHiIlLqQfd")}};
    } else if (name == "mmap") {
        a = {{"mmap", type_value(TypeId::Mmap)},
             {"ACCESS_DEFAULT", Value::integer(0)},
             {"ACCESS_READ", Value::integer(1)},
             {"ACCESS_WRITE", Value::integer(2)},
             {"ACCESS_COPY", Value::integer(3)},
             {"PAGESIZE", Value::integer(4096)},
             {"ALLOCATIONGRANULARITY", Value::integer(4096)},
             {"MAP_SHARED", Value::integer(1)},
             {"MAP_PRIVATE", Value::integer(2)},
             {"PROT_READ", Value::integer(1)},
             {"PROT_WRITE", Value::integer(2)},
             {"error", exc_type_value(ExcType::OSError)}};
    } else if (name == "io") {
        a = {{"BytesIO", type_value(TypeId::BytesIO)},
             {"SEEK_SET", Value::integer(0)},
             {"SEEK_CUR", Value::integer(1)},
             {"SEEK_END", Value::integer(2)},
             {"DEFAULT_BUFFER_SIZE", Value::integer(8192)},
             {"UnsupportedOperation", exc_type_value(ExcType::UnsupportedOperation)}};
    } else if (name == "tempfile") {
        a = {{"TemporaryFile", fn("TemporaryFile", tempfile_m_temporary_file)}};
    } else if (name == "os") {
        a = {{"urandom", fn("urandom", os_m_urandom)},
             {"SEEK_SET", Value::integer(0)},
             {"SEEK_CUR", Value::integer(1)},
             {"SEEK_END", Value::integer(2)}};
    } else if (name == "zlib") {
        a = zlib_module_attrs();
    } else if (name == "binascii") {
        a = binascii_module_attrs();
    } else if (name == "gc") {
        a = {{"collect", fn("collect", gc_m_collect)},
             {"enable", fn("enable", gc_m_enable)},
             {"disable", fn("disable", gc_m_disable)},
             {"isenabled", fn("isenabled", gc_m_isenabled)}};
    } else if (name == "base64") {
        a = base64_module_attrs();
    } else if (name == "functools") {
        a = functools_module_attrs();
    } else if (name == "sys") {
        a = {{"byteorder", Value::str("little")}, {"maxsize", Value::integer(INT64_MAX)}};
    } else {
        return raise(ExcType::NotImplementedError,
                     "module '" + std::string(name) + "' is not available in the playground");
    }
    return Value::wrap(std::move(m));
}

namespace {

Result<Value> new_array(Interp& interp, CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, "array.array() takes no keyword arguments");
    BV_CHECK(check_positional(args, "array", 1, 2));
    const Value& tc = args.args[0];
    if (!tc.is_str() || tc.as_str().length != 1)
        return raise(ExcType::TypeError,
                     "array() argument 1 must be a unicode character, not " + type_name(tc));
    char code = tc.str_utf8()[0];
    if (args.args.size() == 1) {
        BV_TRY(a, ArrayObject::create(interp.buffer_context(), code));
        return Value::wrap(std::move(a));
    }
    const Value& init = args.args[1];
    if (init.is_str())
        return raise(
            ExcType::TypeError,
            fmt::format("cannot use a str to initialize an array with typecode '{}'", code));
    BV_TRY(a, ArrayObject::create(interp.buffer_context(), code));
    // array_new copies an array of the same type code; any other is iterated.
    if (init.is(Kind::Array) && init.obj<ArrayObject>().typecode() == code) {
        BV_CHECK(a->extend_array(init.obj<ArrayObject>()));
        return Value::wrap(std::move(a));
    }
    if (auto b = bytes_view(init)) {
        BV_CHECK(a->frombytes(*b));
        return Value::wrap(std::move(a));
    }
    // Item by item, as CPython: array('H', range(2**32)) stops at the first
    // item out of range, without building the list first.
    BV_TRY(it, get_iter(interp, init));
    while (true) {
        BV_TRY(next, iter_next(interp, it));
        if (!next) break;
        BV_CHECK(interp.tick());
        BV_CHECK(a->append(to_item(*next)));
    }
    return Value::wrap(std::move(a));
}

Result<Value> new_mmap(Interp& interp, CallArgs& args) {
    BV_TRY(a,
           bind_args(args, "mmap", {"fileno", "length", "flags", "prot", "access", "offset"}, 2));
    BV_TRY(fd, to_index(*a.get(0)));
    BV_TRY(length, to_index(*a.get(1)));
    int64_t access = 0, offset = 0;
    if (a.has(4)) {
        BV_TRY(x, to_index(*a.get(4)));
        access = x;
    }
    if (a.has(5)) {
        BV_TRY(x, to_index(*a.get(5)));
        offset = x;
    }
    if (access < 0 || access > 3)
        return raise(ExcType::ValueError, "mmap invalid access parameter.");
    std::shared_ptr<FileStorage> storage;
    if (fd != -1) {
        for (const auto& w : interp.temp_files) {
            auto f = w.lock();
            if (f && !f->closed() && f->fileno() == fd) storage = f->storage();
        }
        if (!storage) return raise(ExcType::OSError, "[Errno 9] Bad file descriptor");
    }
    BV_TRY(m, MmapObject::create(interp.buffer_context(), storage, length,
                                 static_cast<Access>(access), offset));
    return Value::wrap(std::move(m));
}

Result<Value> new_bytesio(Interp& interp, CallArgs& args) {
    BV_TRY(a, bind_clinic_args(args, "BytesIO", {"initial_bytes"}, 0));
    std::string init;
    if (const Value* v = a.get(0); v && !v->is_none()) {
        BV_TRY(b, require_bytes_like(*v));
        init = std::move(b);
    }
    BV_TRY(b, BytesIOObject::create(interp.buffer_context(), init));
    return Value::wrap(std::move(b));
}

}  // namespace

Result<Value> construct_module_object(Interp& interp, const TypeObject& type, CallArgs& args) {
    switch (type.id) {
        case TypeId::Array:
            return new_array(interp, args);
        case TypeId::Mmap:
            return new_mmap(interp, args);
        case TypeId::BytesIO:
            return new_bytesio(interp, args);
        case TypeId::Struct: {
            BV_TRY(a, bind_args(args, "Struct", {"format"}, 1));
            BV_TRY(s, compile_format(*a.get(0)));
            auto obj = std::make_shared<StructObject>(StructObject{std::move(s)});
            return Value::wrap(std::move(obj));
        }
        default:
            return raise(ExcType::TypeError, "cannot create '" + type_name(type) + "' instances");
    }
}

}  // namespace engine::py
