// Methods and data attributes of the buffer layer's objects: memoryview,
// array.array, mmap.mmap, io.BytesIO, TemporaryFile, struct.Struct; and the
// with-statement protocol. Arguments are converted here; the behaviour and
// messages are the buffer layer's.
#include <fmt/format.h>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_io.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/buffer/struct_codec.hpp"
#include "engine/buffer/temp_file.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/modules.hpp"
#include "engine/python/runtime/numbers.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

Result<std::optional<Value>> number_attribute(const Value& obj,
                                              std::string_view name);  // number_methods.cpp

namespace {
// _PyArg_BadArgument's name of the argument's type: "None", or type(x).__name__.
std::string clinic_type_name(const Value& v) {
    if (v.is_none()) return "None";
    std::string full = type_name(v);
    auto dot = full.rfind('.');
    return dot == std::string::npos ? full : full.substr(dot + 1);
}
}  // namespace

namespace {

Value int_tuple(const std::vector<int64_t>& v) {
    std::vector<Value> out;
    for (int64_t x : v) out.push_back(Value::integer(x));
    return Value::tuple(std::move(out));
}

// The Value for an exporter handed back by the buffer layer (mv.obj).
Result<Value> exporter_value(const std::shared_ptr<Exporter>& e) {
    if (auto p = std::dynamic_pointer_cast<BytesObject>(e)) return Value::wrap(p);
    if (auto p = std::dynamic_pointer_cast<ByteArrayObject>(e)) return Value::wrap(p);
    if (auto p = std::dynamic_pointer_cast<MemoryView>(e)) return Value::wrap(p);
    if (auto p = std::dynamic_pointer_cast<ArrayObject>(e)) return Value::wrap(p);
    if (auto p = std::dynamic_pointer_cast<MmapObject>(e)) return Value::wrap(p);
    return Value::wrap_exporter(e);  // _io._BytesIOBuffer
}

// ---- memoryview ---------------------------------------------------------------

MemoryView& mv_of(const Value& v) { return v.obj<MemoryView>(); }

Result<Value> mv_release(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "memoryview.release", 0, 0));
    BV_CHECK(mv_of(self).release());
    return Value();
}

Result<Value> mv_enter(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "memoryview.__enter__", 0, 0));
    BV_TRY(v, mv_of(self).enter());
    return Value::wrap(std::move(v));
}

Result<Value> mv_exit(Interp&, const Value& self, CallArgs&) {
    BV_CHECK(mv_of(self).exit());
    return Value();
}

Result<Value> mv_cast(Interp&, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_clinic_args(args, "cast", {"format", "shape"}, 1));
    if (!a.get(0)->is_str())  // _PyArg_BadArgument: "None", else the full tp_name
        return raise(ExcType::TypeError,
                     "cast() argument 'format' must be str, not " +
                         (a.get(0)->is_none() ? std::string("None") : type_name(*a.get(0))));
    std::optional<CastShape> shape;
    if (const Value* s = a.get(1); s && !s->is_none()) {
        CastShape cs;
        cs.type_name = type_name(*s);
        if (s->is(Kind::List) || s->is(Kind::Tuple)) {
            const auto& items =
                s->is(Kind::List) ? s->obj<ListObject>().items : s->obj<TupleObject>().items;
            for (const auto& v : items) cs.items.push_back(to_item(v));
        }
        shape = std::move(cs);
    }
    BV_TRY(v, mv_of(self).cast(a.get(0)->str_utf8(), shape));
    return Value::wrap(std::move(v));
}

Result<Value> mv_tobytes(Interp& interp, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_args(args, "tobytes", {"order"}, 0));
    std::optional<std::string> order;
    if (const Value* o = a.get(0); o && !o->is_none()) {
        if (!o->is_str())
            return raise(ExcType::TypeError,
                         "tobytes() argument 'order' must be str or None, not " + type_name(*o));
        order = o->str_utf8();
    }
    BV_TRY(b, mv_of(self).tobytes(order ? std::optional<std::string_view>(*order) : std::nullopt));
    (void)interp;
    return Value::wrap(std::move(b));
}

Result<Value> mv_tolist(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "memoryview.tolist", 0, 0));
    {
        // The whole-heap budget before the items are made (an Item, then a Value each).
        BV_TRY(nb, mv_of(self).nbytes());
        BV_TRY(is, mv_of(self).itemsize());
        if (is > 0) BV_CHECK(heap_reserve(static_cast<uint64_t>(nb / is), sizeof(Item) + kValueSlot));
    }
    BV_TRY(n, mv_of(self).tolist());
    return from_nested(interp, n);
}

Result<Value> mv_hex(Interp&, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_args(args, "hex", {"sep", "bytes_per_sep"}, 0));
    BV_TRY(per, hex_bytes_per_sep(a.get(1)));
    if (mv_of(self).released()) {  // CHECK_RELEASED before the separator's checks
        BV_TRY(r, mv_of(self).hex());
        (void)r;
    }
    BV_TRY(c, hex_sep_char(a.get(0)));
    std::optional<std::string> sep;
    if (c) sep = std::string(1, *c);
    BV_TRY(s, mv_of(self).hex(sep ? std::optional<std::string_view>(*sep) : std::nullopt, per));
    return Value::str(std::move(s));
}

Result<Value> mv_toreadonly(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "memoryview.toreadonly", 0, 0));
    BV_TRY(v, mv_of(self).toreadonly());
    return Value::wrap(std::move(v));
}

const MethodDef kMemoryViewMethods[] = {
    {"release", mv_release}, {"cast", mv_cast},     {"tobytes", mv_tobytes},
    {"tolist", mv_tolist},   {"hex", mv_hex},       {"toreadonly", mv_toreadonly},
    {"__enter__", mv_enter}, {"__exit__", mv_exit},
};

Result<std::optional<Value>> mv_attribute(const Value& self, std::string_view name) {
    auto& mv = mv_of(self);
    using R = std::optional<Value>;
    if (name == "obj") {
        BV_TRY(o, mv.obj());
        BV_TRY(v, exporter_value(o));
        return R(v);
    }
    if (name == "nbytes") {
        BV_TRY(x, mv.nbytes());
        return R(Value::integer(x));
    }
    if (name == "readonly") {
        BV_TRY(x, mv.readonly());
        return R(Value::boolean(x));
    }
    if (name == "itemsize") {
        BV_TRY(x, mv.itemsize());
        return R(Value::integer(x));
    }
    if (name == "format") {
        BV_TRY(x, mv.format());
        return R(Value::str(x));
    }
    if (name == "ndim") {
        BV_TRY(x, mv.ndim());
        return R(Value::integer(x));
    }
    if (name == "shape") {
        BV_TRY(x, mv.shape());
        return R(int_tuple(x));
    }
    if (name == "strides") {
        BV_TRY(x, mv.strides());
        return R(int_tuple(x));
    }
    if (name == "suboffsets") {
        BV_TRY(x, mv.suboffsets());
        return R(int_tuple(x));
    }
    if (name == "c_contiguous") {
        BV_TRY(x, mv.c_contiguous());
        return R(Value::boolean(x));
    }
    if (name == "f_contiguous") {
        BV_TRY(x, mv.f_contiguous());
        return R(Value::boolean(x));
    }
    if (name == "contiguous") {
        BV_TRY(x, mv.contiguous());
        return R(Value::boolean(x));
    }
    return R();
}

// ---- array.array ---------------------------------------------------------------

ArrayObject& arr_of(const Value& v) { return v.obj<ArrayObject>(); }

Result<Value> a_append(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.append", 1, 1));
    BV_CHECK(arr_of(self).append(to_item(args.args[0])));
    return Value();
}

Result<Value> a_extend(Interp& interp, const Value& self, CallArgs& args) {
    // Argument Clinic with defining_class: _PyArg_UnpackKeywords' arity text.
    if (const size_t total = args.args.size() + args.kwargs.size(); total > 1)
        return raise(ExcType::TypeError, fmt::format("extend() takes at most 1 argument ({} given)", total));
    if (args.args.size() != 1)
        return raise(ExcType::TypeError, fmt::format("extend() takes exactly 1 positional argument ({} given)",
                                                     args.args.size()));
    if (args.args[0].is(Kind::Array)) {
        BV_CHECK(arr_of(self).extend_array(arr_of(args.args[0])));
        return Value();
    }
    BV_TRY(items, collect(interp, args.args[0]));
    std::vector<Item> conv;
    for (const auto& v : items) conv.push_back(to_item(v));
    BV_CHECK(arr_of(self).extend(conv));
    return Value();
}

Result<Value> a_fromlist(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.fromlist", 1, 1));
    if (!args.args[0].is(Kind::List)) return raise(ExcType::TypeError, "arg must be list");
    (void)interp;
    std::vector<Item> conv;
    for (const auto& v : args.args[0].obj<ListObject>().items) conv.push_back(to_item(v));
    BV_CHECK(arr_of(self).fromlist(conv));
    return Value();
}

Result<Value> a_frombytes(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.frombytes", 1, 1));
    auto exp = as_exporter(args.args[0]);
    if (!exp)
        return raise(ExcType::TypeError, "a bytes-like object is required, not '" + type_name(args.args[0]) + "'");
    // CPython 3.11 array_array_frombytes_impl: the "y*" buffer is held over the resize
    // (a.frombytes(a) is refused while it exports) and must have itemsize 1.
    BV_TRY(held, exp->get_buffer(kBufSimple, arr_of(self).id()));
    if (held.info().itemsize != 1) return raise(ExcType::TypeError, "a bytes-like object is required");
    BV_CHECK(arr_of(self).frombytes(std::string(held.bytes()), held.info().block_id()));
    return Value();
}

Result<Value> a_tobytes(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.tobytes", 0, 0));
    BV_TRY(s, arr_of(self).tobytes());
    return make_bytes(interp, s);
}

Result<Value> a_tolist(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.tolist", 0, 0));
    BV_CHECK(heap_reserve(static_cast<uint64_t>(arr_of(self).size()), sizeof(Item) + kValueSlot));
    BV_TRY(items, arr_of(self).tolist());
    std::vector<Value> out;
    for (const auto& it : items) {
        BV_TRY(v, from_item(interp, it));
        out.push_back(std::move(v));
    }
    return Value::list(std::move(out));
}

Result<Value> a_pop(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "pop", 0, 1));
    std::optional<int64_t> idx;
    if (!args.args.empty()) {
        BV_TRY(i, to_ssize(args.args[0]));
        idx = i;
    }
    BV_TRY(item, arr_of(self).pop(idx));
    return from_item(interp, item);
}

Result<Value> a_insert(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "insert", 2, 2));
    BV_TRY(i, to_ssize(args.args[0]));
    BV_CHECK(arr_of(self).insert(i, to_item(args.args[1])));
    return Value();
}

Result<Value> a_remove(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.remove", 1, 1));
    BV_CHECK(arr_of(self).remove(to_item(args.args[0])));
    return Value();
}

Result<Value> a_index(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "index", 1, 3));
    BV_TRY(items, arr_of(self).tolist());
    Item x = to_item(args.args[0]);
    int64_t n = static_cast<int64_t>(items.size()), start = 0, stop = n;
    if (args.args.size() > 1) {
        BV_TRY(s, to_index(args.args[1]));
        start = s < 0 ? std::max<int64_t>(0, s + n) : s;
    }
    if (args.args.size() > 2) {
        BV_TRY(s, to_index(args.args[2]));
        stop = s < 0 ? std::max<int64_t>(0, s + n) : s;
    }
    for (int64_t i = start; i < std::min(stop, n); ++i)
        if (items[static_cast<size_t>(i)] == x) return Value::integer(i);
    return raise(ExcType::ValueError, "array.index(x): x not in array");
}

Result<Value> a_count(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.count", 1, 1));
    BV_TRY(items, arr_of(self).tolist());
    Item x = to_item(args.args[0]);
    int64_t n = 0;
    for (const auto& it : items) n += it == x;
    return Value::integer(n);
}

Result<Value> a_reverse(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.reverse", 0, 0));
    auto& a = arr_of(self);
    BV_TRY(items, a.tolist());
    int64_t n = static_cast<int64_t>(items.size());
    for (int64_t i = 0; i < n; ++i) BV_CHECK(a.set(i, items[static_cast<size_t>(n - 1 - i)]));
    return Value();
}

Result<Value> a_byteswap(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.byteswap", 0, 0));
    BV_CHECK(arr_of(self).byteswap());
    return Value();
}

// a.buffer_info(): (address, length) with the block's display address; 0 for an
// array that never allocated (CPython's NULL ob_item).
Result<Value> a_buffer_info(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "array.buffer_info", 0, 0));
    const auto& a = arr_of(self);
    const Block& b = a.block();
    const uint64_t address = b.capacity() == 0 ? 0 : b.address();
    return Value::tuple({Value::integer(static_cast<int64_t>(address)), Value::integer(a.size())});
}

const MethodDef kArrayMethods[] = {
    {"buffer_info", a_buffer_info},
    {"append", a_append},     {"extend", a_extend},
    {"fromlist", a_fromlist}, {"frombytes", a_frombytes},
    {"tobytes", a_tobytes},   {"tolist", a_tolist},
    {"pop", a_pop},           {"insert", a_insert},
    {"remove", a_remove},     {"index", a_index},
    {"count", a_count},       {"reverse", a_reverse},
    {"byteswap", a_byteswap},
};

// ---- mmap ----------------------------------------------------------------------

MmapObject& mm_of(const Value& v) { return v.obj<MmapObject>(); }

// CPython 3.11 mmapmodule.c: METH_VARARGS methods refuse keywords first, then
// CHECK_VALID ("mmap closed or invalid"), then PyArg_ParseTuple's arity and
// conversions; METH_NOARGS ones check their arity before CHECK_VALID.
Result<void> mm_open(const Value& self, CallArgs& args, std::string_view name, size_t min,
                     size_t max) {
    BV_CHECK(check_no_keywords(args, "mmap." + std::string(name)));
    BV_CHECK(mm_of(self).check_valid());
    return check_parse_tuple(args, name, min, max);
}

// PyArg "i" (a C int): "signed integer is greater than maximum" / "less than minimum".
Result<int64_t> to_c_int(const Value& v) {
    if (v.is_big_int())
        return raise(ExcType::OverflowError, "Python int too large to convert to C long");
    BV_TRY(x, to_index(v));
    if (x > INT32_MAX) return raise(ExcType::OverflowError, "signed integer is greater than maximum");
    if (x < INT32_MIN) return raise(ExcType::OverflowError, "signed integer is less than minimum");
    return x;
}

Result<Value> m_close(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "mmap.close", 0, 0));
    BV_CHECK(mm_of(self).close());
    return Value();
}
Result<Value> m_flush(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(mm_open(self, args, "flush", 0, 2));
    int64_t offset = 0;
    std::optional<int64_t> size;
    if (!args.args.empty()) {
        BV_TRY(o, to_ssize(args.args[0]));
        offset = o;
    }
    if (args.args.size() == 2) {
        BV_TRY(n, to_ssize(args.args[1]));
        size = n;
    }
    BV_CHECK(mm_of(self).flush(offset, size));
    return Value();
}
Result<Value> m_read(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(mm_open(self, args, "read", 0, 1));
    std::optional<int64_t> n;
    if (!args.args.empty()) {
        BV_TRY(k, to_optional_ssize(args.args[0]));
        n = k;
    }
    BV_TRY(s, mm_of(self).read(n));
    return make_bytes(interp, s);
}
Result<Value> m_read_byte(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "mmap.read_byte", 0, 0));
    BV_TRY(b, mm_of(self).read_byte());
    return Value::integer(b);
}
Result<Value> m_readline(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "mmap.readline", 0, 0));
    BV_TRY(s, mm_of(self).readline());
    return make_bytes(interp, s);
}
Result<Value> m_write(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(mm_open(self, args, "write", 1, 1));
    BV_TRY(data, require_bytes_like(args.args[0]));
    BV_TRY(n, mm_of(self).write(data));
    return Value::integer(n);
}
Result<Value> m_write_byte(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(mm_open(self, args, "write_byte", 1, 1));
    BV_CHECK(mm_of(self).write_byte(to_item(args.args[0])));
    return Value();
}
Result<Value> m_seek(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(mm_open(self, args, "seek", 1, 2));
    BV_TRY(pos, to_ssize(args.args[0]));
    int64_t whence = 0;
    if (args.args.size() == 2) {
        BV_TRY(w, to_c_int(args.args[1]));
        whence = w;
    }
    BV_TRY(r, mm_of(self).seek(pos, static_cast<int>(whence)));
    (void)r;
    return Value();  // CPython 3.11: mmap.seek() returns None
}
// m.find(sub[, start[, end]]) / m.rfind: "y*|nn".
Result<Value> m_gfind(const Value& self, CallArgs& args, bool reverse) {
    const char* name = reverse ? "rfind" : "find";
    BV_CHECK(mm_open(self, args, name, 1, 3));
    BV_TRY(needle, require_bytes_like(args.args[0]));
    std::optional<int64_t> start, end;
    if (args.args.size() > 1) {
        BV_TRY(v, to_ssize(args.args[1]));
        start = v;
    }
    if (args.args.size() > 2) {
        BV_TRY(v, to_ssize(args.args[2]));
        end = v;
    }
    BV_TRY(r, mm_of(self).find(needle, start, end, reverse));
    return Value::integer(r);
}
Result<Value> m_find(Interp&, const Value& self, CallArgs& args) { return m_gfind(self, args, false); }
Result<Value> m_rfind(Interp&, const Value& self, CallArgs& args) { return m_gfind(self, args, true); }
Result<Value> m_move(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(mm_open(self, args, "move", 3, 3));
    BV_TRY(dest, to_ssize(args.args[0]));
    BV_TRY(src, to_ssize(args.args[1]));
    BV_TRY(count, to_ssize(args.args[2]));
    BV_CHECK(mm_of(self).move(dest, src, count));
    return Value();
}
Result<Value> m_tell(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "mmap.tell", 0, 0));
    BV_TRY(r, mm_of(self).tell());
    return Value::integer(r);
}
Result<Value> m_size(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "mmap.size", 0, 0));
    BV_TRY(r, mm_of(self).size());
    return Value::integer(r);
}
Result<Value> m_resize(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(mm_open(self, args, "resize", 1, 1));
    BV_TRY(n, to_ssize(args.args[0]));
    BV_CHECK(mm_of(self).resize(n));
    return Value();
}
Result<Value> m_enter(Interp&, const Value& self, CallArgs&) {
    if (mm_of(self).closed()) return raise(ExcType::ValueError, "mmap closed or invalid");
    return self;
}
Result<Value> m_exit(Interp&, const Value& self, CallArgs&) {
    BV_CHECK(mm_of(self).close());
    return Value();
}

const MethodDef kMmapMethods[] = {
    {"close", m_close},         {"flush", m_flush},     {"read", m_read},
    {"read_byte", m_read_byte}, {"write", m_write},     {"write_byte", m_write_byte},
    {"seek", m_seek},           {"tell", m_tell},       {"size", m_size},
    {"resize", m_resize},       {"__enter__", m_enter}, {"__exit__", m_exit},
    {"readline", m_readline},   {"find", m_find},       {"rfind", m_rfind},
    {"move", m_move},
};

// ---- io.BytesIO ------------------------------------------------------------------

BytesIOObject& bio_of(const Value& v) { return v.obj<BytesIOObject>(); }

// Argument checks as CPython 3.11's _io.BytesIO methods make them: keywords are
// refused naming "BytesIO.read()"; METH_NOARGS/METH_O arity errors name
// "BytesIO.tell()" ("takes no arguments (1 given)"), Argument Clinic's optional
// positionals only the method ("read expected at most 1 argument, got 2").
Result<void> bio_args(const CallArgs& args, std::string_view name, size_t min, size_t max) {
    const std::string qual = "BytesIO." + std::string(name);
    BV_CHECK(check_no_keywords(args, qual));
    return check_positional(args, min == max ? std::string_view(qual) : name, min, max);
}
// _Py_convert_optional_to_ssize_t: None, or the size (read, read1, readline).
Result<int64_t> bio_size_arg(const CallArgs& args) {
    if (args.args.empty()) return int64_t{-1};
    BV_TRY(k, to_optional_ssize(args.args[0]));
    return k.value_or(-1);
}
Result<Value> bio_closed_error() { return raise(ExcType::ValueError, "I/O operation on closed file."); }

Result<Value> bio_getbuffer(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "getbuffer", 0, 0));
    BV_TRY(v, bio_of(self).getbuffer());
    return Value::wrap(std::move(v));
}
Result<Value> bio_getvalue(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "getvalue", 0, 0));
    BV_TRY(s, bio_of(self).getvalue());
    return make_bytes(interp, s);
}
Result<Value> bio_read(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "read", 0, 1));
    BV_TRY(n, bio_size_arg(args));
    BV_TRY(s, bio_of(self).read(n < 0 ? std::nullopt : std::optional<int64_t>(n)));
    return make_bytes(interp, s);
}
Result<Value> bio_read1(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "read1", 0, 1));
    BV_TRY(n, bio_size_arg(args));
    BV_TRY(s, bio_of(self).read(n < 0 ? std::nullopt : std::optional<int64_t>(n)));
    return make_bytes(interp, s);
}
Result<Value> bio_readline(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "readline", 0, 1));
    BV_TRY(n, bio_size_arg(args));
    BV_TRY(s, bio_of(self).readline(n));
    return make_bytes(interp, s);
}
// _io_BytesIO_readlines_impl: closed first; the hint an int (no __index__) or
// None; lines until their total reaches a positive hint.
Result<Value> bio_readlines(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "readlines", 0, 1));
    BytesIOObject& bio = bio_of(self);
    if (bio.closed()) return bio_closed_error();
    int64_t hint = 0;
    if (!args.args.empty() && !args.args[0].is_none()) {
        const Value& h = args.args[0];
        if (!is_intlike(h))
            return raise(ExcType::TypeError,
                         "integer argument expected, got '" + type_name(h) + "'");
        if (h.is_big_int())
            return raise(ExcType::OverflowError, "Python int too large to convert to C ssize_t");
        hint = h.small_int();
    }
    std::vector<Value> lines;
    int64_t total = 0;
    while (true) {
        BV_TRY(line, bio.readline(-1));
        if (line.empty()) break;
        BV_CHECK(interp.tick());
        total += static_cast<int64_t>(line.size());
        BV_TRY(b, make_bytes(interp, line));
        lines.push_back(std::move(b));
        if (hint > 0 && total >= hint) break;
    }
    return Value::list(std::move(lines));
}
Result<Value> bio_readinto(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "readinto", 1, 1));
    auto exp = as_exporter(args.args[0]);
    if (!exp)
        return raise(ExcType::TypeError,
                     "readinto() argument must be read-write bytes-like object, not " +
                         clinic_type_name(args.args[0]));
    BV_TRY(n, bio_of(self).readinto(*exp));
    return Value::integer(n);
}
Result<Value> bio_write_value(BytesIOObject& bio, const Value& data) {
    BV_CHECK(bio.check_writable());  // CPython 3.11 write_bytes: before the argument
    BV_TRY(bytes, require_bytes_like(data));
    BV_TRY(n, bio.write(bytes));
    return Value::integer(n);
}
Result<Value> bio_write(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "write", 1, 1));
    return bio_write_value(bio_of(self), args.args[0]);
}
// _io_BytesIO_writelines: each item written as it comes (a failing item keeps
// the ones before it).
Result<Value> bio_writelines(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "writelines", 1, 1));
    if (bio_of(self).closed()) return bio_closed_error();
    BV_TRY(it, get_iter(interp, args.args[0]));
    while (true) {
        BV_TRY(item, iter_next(interp, it));
        if (!item) break;
        BV_CHECK(interp.tick());
        BV_TRY(n, bio_write_value(bio_of(self), *item));
        (void)n;
    }
    return Value();
}
// __init__ on a live BytesIO (_io_BytesIO___init___impl).
Result<Value> bio_init(Interp&, const Value& self, CallArgs& args) {
    BV_TRY(a, bind_clinic_args(args, "BytesIO", {"initial_bytes"}, 0));
    BytesIOObject& bio = bio_of(self);
    const Value* v = a.get(0);
    const bool given = v && !v->is_none();
    BV_CHECK(bio.reinit(given && v->is(Kind::Bytes)));
    if (!given) return Value();
    BV_TRY(n, bio_write_value(bio, *v));
    (void)n;
    BV_TRY(pos, bio.seek(0));
    (void)pos;
    return Value();
}
Result<Value> bio_seek(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "seek", 1, 2));
    BV_TRY(pos, to_ssize(args.args[0]));
    int64_t whence = 0;
    if (args.args.size() == 2) {
        // _PyLong_AsInt
        auto w = to_index(args.args[1]);
        if (!w && w.error().type == ExcType::OverflowError)
            return raise(ExcType::OverflowError, "Python int too large to convert to C int");
        BV_CHECK(w);
        if (*w > INT32_MAX || *w < INT32_MIN)
            return raise(ExcType::OverflowError, "Python int too large to convert to C int");
        whence = *w;
    }
    BV_TRY(r, bio_of(self).seek(pos, static_cast<int>(whence)));
    return Value::integer(r);
}
Result<Value> bio_tell(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "tell", 0, 0));
    BV_TRY(r, bio_of(self).tell());
    return Value::integer(r);
}
Result<Value> bio_truncate(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "truncate", 0, 1));
    std::optional<int64_t> n;
    if (!args.args.empty()) {
        BV_TRY(k, to_optional_ssize(args.args[0]));
        n = k;
    }
    BV_TRY(r, bio_of(self).truncate(n));
    return Value::integer(r);
}
Result<Value> bio_flush(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "flush", 0, 0));
    if (bio_of(self).closed()) return bio_closed_error();
    return Value();
}
// readable/writable/seekable: True; isatty: False; each ValueError once closed.
template <bool kAnswer>
Result<Value> bio_flag(std::string_view name, const Value& self, const CallArgs& args) {
    BV_CHECK(bio_args(args, name, 0, 0));
    if (bio_of(self).closed()) return bio_closed_error();
    return Value::boolean(kAnswer);
}
Result<Value> bio_readable(Interp&, const Value& self, CallArgs& args) {
    return bio_flag<true>("readable", self, args);
}
Result<Value> bio_writable(Interp&, const Value& self, CallArgs& args) {
    return bio_flag<true>("writable", self, args);
}
Result<Value> bio_seekable(Interp&, const Value& self, CallArgs& args) {
    return bio_flag<true>("seekable", self, args);
}
Result<Value> bio_isatty(Interp&, const Value& self, CallArgs& args) {
    return bio_flag<false>("isatty", self, args);
}
// _BufferedIOBase.detach: BytesIO has no raw stream.
Result<Value> bio_detach(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "_BufferedIOBase.detach", 0, 0));
    return raise(ExcType::UnsupportedOperation, "detach");
}
// BytesIO is its own iterator (tp_iter = PyObject_SelfIter, no closed check);
// __next__ is a line, StopIteration at the end, ValueError once closed.
Result<Value> bio_iter(Interp&, const Value& self, CallArgs& args) {
    if (!args.args.empty() || !args.kwargs.empty())
        return raise(ExcType::TypeError, fmt::format("expected 0 arguments, got {}", args.args.size()));
    return self;
}
Result<Value> bio_next(Interp& interp, const Value& self, CallArgs& args) {
    if (!args.args.empty() || !args.kwargs.empty())
        return raise(ExcType::TypeError, fmt::format("expected 0 arguments, got {}", args.args.size()));
    BV_TRY(line, bytesio_next_line(interp, self));
    if (!line) return raise(ExcType::StopIteration, "");
    return std::move(*line);
}
Result<Value> bio_close(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(bio_args(args, "close", 0, 0));
    BV_CHECK(bio_of(self).close());
    return Value();
}
Result<Value> bio_enter(Interp&, const Value& self, CallArgs&) {
    if (bio_of(self).closed()) return bio_closed_error();
    return self;
}
Result<Value> bio_exit(Interp&, const Value& self, CallArgs&) {
    BV_CHECK(bio_of(self).close());
    return Value();
}

const MethodDef kBytesIOMethods[] = {
    {"getbuffer", bio_getbuffer}, {"getvalue", bio_getvalue}, {"read", bio_read},
    {"read1", bio_read1},         {"readline", bio_readline}, {"readlines", bio_readlines},
    {"readinto", bio_readinto},   {"write", bio_write},       {"writelines", bio_writelines},
    {"seek", bio_seek},           {"tell", bio_tell},         {"truncate", bio_truncate},
    {"close", bio_close},         {"flush", bio_flush},       {"readable", bio_readable},
    {"writable", bio_writable},   {"seekable", bio_seekable}, {"isatty", bio_isatty},
    {"detach", bio_detach},       {"__init__", bio_init},     {"__iter__", bio_iter},
    {"__next__", bio_next},       {"__enter__", bio_enter},   {"__exit__", bio_exit},
};

}  // namespace

// next() of a BytesIO (bytesio_iternext): a line, nullopt at the end.
Result<std::optional<Value>> bytesio_next_line(Interp& interp, const Value& bio) {
    BV_TRY(line, bio_of(bio).readline(-1));
    if (line.empty()) return std::optional<Value>();
    BV_TRY(b, make_bytes(interp, line));
    return std::optional<Value>(std::move(b));
}

namespace {

// ---- TemporaryFile ----------------------------------------------------------------

TempFile& tf_of(const Value& v) { return v.obj<TempFile>(); }

Result<Value> tf_write(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "write", 1, 1));
    BV_TRY(data, require_bytes_like(args.args[0]));
    BV_TRY(n, tf_of(self).write(data));
    return Value::integer(n);
}
Result<Value> tf_flush(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "flush", 0, 0));
    BV_CHECK(tf_of(self).flush());
    return Value();
}
Result<Value> tf_seek(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "seek", 1, 2));
    // _io._Buffered.seek: PyNumber_AsOff_t(target, PyExc_ValueError)
    if (args.args[0].is_big_int())
        return raise(ExcType::ValueError, "cannot fit 'int' into an offset-sized integer");
    BV_TRY(pos, to_index(args.args[0]));
    int64_t whence = 0;
    if (args.args.size() == 2) {
        BV_TRY(w, to_index(args.args[1]));
        whence = w;
    }
    BV_TRY(r, tf_of(self).seek(pos, static_cast<int>(whence)));
    return Value::integer(r);
}
Result<Value> tf_tell(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "tell", 0, 0));
    BV_TRY(r, tf_of(self).tell());
    return Value::integer(r);
}
Result<Value> tf_read(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "read", 0, 1));
    int64_t n = -1;
    if (!args.args.empty() && !args.args[0].is_none()) {
        BV_TRY(k, to_index(args.args[0]));
        n = k;
    }
    BV_TRY(s, tf_of(self).read(n));
    return make_bytes(interp, s);
}
Result<Value> tf_readinto(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "readinto", 1, 1));
    auto exp = as_exporter(args.args[0]);
    if (!exp)
        return raise(ExcType::TypeError,
                     "readinto() argument must be read-write bytes-like object, not " +
                         clinic_type_name(args.args[0]));
    BV_TRY(n, tf_of(self).readinto(*exp));
    return Value::integer(n);
}
Result<Value> tf_fileno(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "fileno", 0, 0));
    if (tf_of(self).closed()) return raise(ExcType::ValueError, "I/O operation on closed file");
    return Value::integer(tf_of(self).fileno());
}
Result<Value> tf_close(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "close", 0, 0));
    BV_CHECK(tf_of(self).close());
    return Value();
}
Result<Value> tf_enter(Interp&, const Value& self, CallArgs&) {
    if (tf_of(self).closed()) return raise(ExcType::ValueError, "I/O operation on closed file.");
    return self;
}
Result<Value> tf_exit(Interp&, const Value& self, CallArgs&) {
    BV_CHECK(tf_of(self).close());
    return Value();
}

const MethodDef kTempFileMethods[] = {
    {"write", tf_write},     {"flush", tf_flush},       {"seek", tf_seek},     {"tell", tf_tell},
    {"read", tf_read},       {"readinto", tf_readinto}, {"fileno", tf_fileno}, {"close", tf_close},
    {"__enter__", tf_enter}, {"__exit__", tf_exit},
};

}  // namespace

// ---- struct.Struct ---------------------------------------------------------------

Result<Value> struct_pack(Interp& interp, const engine::Struct& s,
                          const std::vector<Value>& values) {
    std::vector<Item> items;
    for (const auto& v : values) items.push_back(to_item(v));
    BV_CHECK(heap_reserve(static_cast<uint64_t>(s.size()), 2));  // the packed string, then its block
    BV_TRY(data, s.pack(items));
    return make_bytes(interp, data);
}

Result<Value> struct_unpack(Interp& interp, const engine::Struct& s, const Value& buffer) {
    auto exp = as_exporter(buffer);
    if (!exp)
        return raise(ExcType::TypeError,
                     "a bytes-like object is required, not '" + type_name(buffer) + "'");
    BV_TRY(items, s.unpack(*exp));
    return from_items_tuple(interp, items);
}

// Argument Clinic's Struct.unpack_from(buffer, offset=0) ("y*" then Py_ssize_t,
// in that order); `skipped` 1 for struct.unpack_from(format, /, buffer, offset=0).
Result<Value> struct_unpack_from(Interp& interp, const engine::Struct& s, CallArgs& args,
                                 size_t skipped) {
    BV_TRY(a, bind_clinic_args(args, "unpack_from", {"buffer", "offset"}, 1, skipped));
    const Value& buffer = *a.get(0);
    auto exp = as_exporter(buffer);
    if (!exp)
        return raise(ExcType::TypeError,
                     "a bytes-like object is required, not '" + type_name(buffer) + "'");
    int64_t offset = 0;
    if (a.has(1)) {
        auto o = to_ssize(*a.get(1));
        if (!o) {  // the "y*" buffer was taken first: its refusal wins over a bad offset
            BV_CHECK(exp->get_buffer(kBufSimple));
            return o.error();
        }
        offset = *o;
    }
    BV_TRY(items, s.unpack_from(*exp, offset));
    return from_items_tuple(interp, items);
}

Result<Value> struct_pack_into(Interp&, const engine::Struct& s, CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, "pack_into() takes no keyword arguments");
    if (args.args.size() < 2) {
        if (args.args.empty())
            return raise(ExcType::StructError, "pack_into expected buffer argument");
        return raise(ExcType::StructError, "pack_into expected offset argument");
    }
    if (static_cast<int64_t>(args.args.size()) != s.value_count() + 2)
        return raise(ExcType::StructError,
                     fmt::format("pack_into expected {} items for packing (got {})", s.value_count(),
                                 args.args.size() - 2));
    auto exp = as_exporter(args.args[0]);
    if (!exp)  // PyArg_Parse "w*": the full type name, "None" for None
        return raise(ExcType::TypeError, "argument must be read-write bytes-like object, not " +
                                             (args.args[0].is_none() ? std::string("None")
                                                                     : type_name(args.args[0])));
    // CPython 3.11 gets the "w*" buffer before the offset (PyNumber_AsSsize_t(offset,
    // PyExc_IndexError)): a read-only buffer wins over a bad offset.
    auto offset = args.args[1].is_big_int()
                      ? Result<int64_t>(raise(ExcType::IndexError,
                                              "cannot fit 'int' into an index-sized integer"))
                      : to_index(args.args[1]);
    if (!offset) {
        if (!exp->get_buffer(kBufWritable))
            return raise(ExcType::TypeError,
                         "argument must be read-write bytes-like object, not " +
                             std::string(exp->type_name()));
        return offset.error();
    }
    std::vector<Item> items;
    for (size_t i = 2; i < args.args.size(); ++i) items.push_back(to_item(args.args[i]));
    BV_CHECK(s.pack_into(*exp, *offset, items));
    return Value();
}

namespace {
class StructIter : public IteratorObject {
public:
    explicit StructIter(std::shared_ptr<StructIterator> it) : it_(std::move(it)) {}
    Result<std::optional<Value>> next(Interp& interp) override {
        BV_TRY(x, it_->next());
        if (!x) return std::optional<Value>();
        BV_TRY(v, from_items_tuple(interp, *x));
        return std::optional<Value>(std::move(v));
    }
    const char* type_name() const override { return "unpack_iterator"; }

private:
    std::shared_ptr<StructIterator> it_;
};
}  // namespace

Result<Value> struct_iter_unpack(Interp&, const engine::Struct& s, const Value& buffer) {
    if (s.size() == 0)  // Struct_iter_unpack: before the buffer is taken
        return raise(ExcType::StructError, "cannot iteratively unpack with a struct of length 0");
    auto exp = as_exporter(buffer);
    if (!exp)
        return raise(ExcType::TypeError,
                     "a bytes-like object is required, not '" + type_name(buffer) + "'");
    BV_TRY(it, s.iter_unpack(exp));
    return Value::wrap(
        std::shared_ptr<IteratorObject>(std::make_shared<StructIter>(std::move(it))));
}

namespace {
const engine::Struct& st_of(const Value& v) { return v.obj<StructObject>().codec; }

Result<Value> st_pack(Interp& interp, const Value& self, CallArgs& args) {
    if (!args.kwargs.empty()) return raise(ExcType::TypeError, "pack() takes no keyword arguments");
    return struct_pack(interp, st_of(self), args.args);
}
Result<Value> st_unpack(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "unpack", 1, 1));
    return struct_unpack(interp, st_of(self), args.args[0]);
}
Result<Value> st_unpack_from(Interp& interp, const Value& self, CallArgs& args) {
    return struct_unpack_from(interp, st_of(self), args, 0);
}
Result<Value> st_pack_into(Interp& interp, const Value& self, CallArgs& args) {
    return struct_pack_into(interp, st_of(self), args);
}
Result<Value> st_iter_unpack(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "iter_unpack", 1, 1));
    return struct_iter_unpack(interp, st_of(self), args.args[0]);
}

const MethodDef kStructMethods[] = {
    {"pack", st_pack},           {"unpack", st_unpack},           {"unpack_from", st_unpack_from},
    {"pack_into", st_pack_into}, {"iter_unpack", st_iter_unpack},
};
}  // namespace

MethodTable memoryview_methods() {
    return {kMemoryViewMethods, sizeof(kMemoryViewMethods) / sizeof(kMemoryViewMethods[0])};
}
MethodTable array_methods() {
    return {kArrayMethods, sizeof(kArrayMethods) / sizeof(kArrayMethods[0])};
}
MethodTable mmap_methods() {
    return {kMmapMethods, sizeof(kMmapMethods) / sizeof(kMmapMethods[0])};
}
MethodTable bytesio_methods() {
    return {kBytesIOMethods, sizeof(kBytesIOMethods) / sizeof(kBytesIOMethods[0])};
}
MethodTable tempfile_methods() {
    return {kTempFileMethods, sizeof(kTempFileMethods) / sizeof(kTempFileMethods[0])};
}
MethodTable struct_methods() {
    return {kStructMethods, sizeof(kStructMethods) / sizeof(kStructMethods[0])};
}

Result<std::optional<Value>> buffer_attribute(Interp&, const Value& obj, std::string_view name) {
    using R = std::optional<Value>;
    switch (obj.kind()) {
        case Kind::Bool:
        case Kind::Int:
        case Kind::Float:
            return number_attribute(obj, name);
        case Kind::MemoryView:
            return mv_attribute(obj, name);
        case Kind::Array:
            if (name == "typecode") return R(Value::str(std::string(1, arr_of(obj).typecode())));
            if (name == "itemsize") return R(Value::integer(arr_of(obj).itemsize()));
            return R();
        case Kind::Mmap:
            if (name == "closed") return R(Value::boolean(mm_of(obj).closed()));
            return R();
        case Kind::BytesIO:
            if (name == "closed") return R(Value::boolean(bio_of(obj).closed()));
            return R();
        case Kind::TempFile:
            if (name == "closed") return R(Value::boolean(tf_of(obj).closed()));
            if (name == "name") return R(Value::integer(tf_of(obj).fileno()));
            if (name == "mode") return R(Value::str("rb+"));
            return R();
        case Kind::Struct:
            if (name == "format") return R(Value::str(st_of(obj).format()));
            if (name == "size") return R(Value::integer(st_of(obj).size()));
            return R();
        default:
            return R();
    }
}

// ---- with ------------------------------------------------------------------------

Result<Value> context_enter(Interp& interp, const Value& v) {
    switch (v.kind()) {
        case Kind::Instance:
            return instance_enter(interp, v);
        case Kind::MemoryView:
        case Kind::Mmap:
        case Kind::BytesIO:
        case Kind::TempFile: {
            BV_TRY(m, getattr(interp, v, "__enter__"));
            return call(interp, m, std::vector<Value>{});
        }
        default:
            return raise(
                ExcType::TypeError,
                "'" + type_name(v) + "' object does not support the context manager protocol");
    }
}

Result<void> context_exit(Interp& interp, const Value& v) {
    if (v.is(Kind::Instance)) return instance_exit(interp, v);
    BV_TRY(m, getattr(interp, v, "__exit__"));
    BV_TRY(r, call(interp, m, std::vector<Value>{Value(), Value(), Value()}));
    (void)r;
    return ok();
}

}  // namespace engine::py
