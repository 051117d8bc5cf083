// Method tables of the built-in types, and attribute lookup helpers.
// getattr() (attrs.cpp) finds a method here and binds it to its receiver.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

struct MethodDef {
    const char* name;
    BuiltinFn fn;
};

struct MethodTable {
    const MethodDef* defs = nullptr;
    size_t count = 0;
    const MethodDef* find(std::string_view name) const {
        for (size_t i = 0; i < count; ++i)
            if (name == defs[i].name) return &defs[i];
        return nullptr;
    }
};

MethodTable str_methods();
MethodTable bytes_methods();      // bytes and bytearray share most
MethodTable bytearray_methods();  // bytearray-only mutators, searched first
MethodTable list_methods();
MethodTable tuple_methods();
MethodTable dict_methods();
// dict(x, **kw) and d.update(x, **kw): merge a mapping or an iterable of pairs, then the
// keywords, with CPython's messages ("`who` expected at most 1 argument, got N").
Result<void> dict_merge_args(Interp& interp, DictObject& dict, const CallArgs& args,
                             std::string_view who);
MethodTable int_methods();
MethodTable float_methods();
MethodTable memoryview_methods();
MethodTable array_methods();
MethodTable mmap_methods();
MethodTable bytesio_methods();
// next() of an io.BytesIO, its own iterator: the next line, nullopt at the end.
Result<std::optional<Value>> bytesio_next_line(Interp& interp, const Value& bio);
MethodTable tempfile_methods();
MethodTable struct_methods();

// Data attributes (not methods) of buffer-layer objects: mv.nbytes,
// a.typecode, a.itemsize, f.closed, s.size, ... nullopt when not one.
Result<std::optional<Value>> buffer_attribute(Interp& interp, const Value& obj,
                                              std::string_view name);

// Codecs for str.encode / bytes.decode / bytes(str, enc) / str(bytes, enc):
// utf-8, ascii, latin-1 (and their aliases), errors strict/ignore/replace.
Result<std::string> encode_text(const Value& str, std::string_view encoding,
                                std::string_view errors);
Result<Value> decode_bytes(std::string_view data, std::string_view encoding,
                           std::string_view errors);

// bytes.fromhex / bytearray.fromhex parsing.
Result<std::string> parse_fromhex(const Value& arg);
// bytes.hex(sep, bytes_per_sep) formatting, in CPython's order of checks:
// bytes_per_sep as a C int (OverflowError "Python int too large to convert to
// C int"), then sep ("sep must be length 1.", "sep must be str or bytes.",
// "sep must be ASCII."). memoryview.hex checks for release between the two.
Result<std::string> hex_with_sep(std::string_view data, const Value* sep,
                                 const Value* bytes_per_sep);
Result<int64_t> hex_bytes_per_sep(const Value* bytes_per_sep);
Result<std::optional<char>> hex_sep_char(const Value* sep);  // nullopt: no separator

// int.from_bytes(bytes, byteorder='big', *, signed=False) on a type receiver.
Result<Value> int_from_bytes(Interp& interp, const Value& self, CallArgs& args);
Result<Value> dict_fromkeys(Interp& interp, const Value& self, CallArgs& args);
Result<Value> bytes_fromhex(Interp& interp, const Value& self, CallArgs& args);
Result<Value> bytearray_fromhex(Interp& interp, const Value& self, CallArgs& args);

}  // namespace engine::py
