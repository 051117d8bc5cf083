// The struct codec: CPython 3.11 Modules/_struct.c semantics on an x86-64 host.
//
// On a little-endian host CPython swaps the native pack functions into the
// '<'/'=' table wherever the sizes agree (b B h H i I q Q e), so those codes
// raise the native messages; 'l'/'L' keep 4-byte standard checks. '>'/'!' use
// the big-endian functions (b/B always native).
#include "engine/buffer/struct_codec.hpp"

#include <cfloat>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

namespace engine {

namespace {

Error struct_error(std::string msg) { return raise(ExcType::StructError, std::move(msg)); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Size and alignment of a code in the native ('@') table; 0 size = unknown code.
struct CodeInfo {
    int64_t size = 0;
    int64_t align = 0;
};

CodeInfo native_info(char c) {
    switch (c) {
        case 'x': return {1, 0};
        case 'c': case 'b': case 'B': case '?': case 's': case 'p': return {1, 1};
        case 'h': case 'H': case 'e': return {2, 2};
        case 'i': case 'I': case 'f': return {4, 4};
        case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': return {8, 8};
        default: return {0, 0};
    }
}

CodeInfo standard_info(char c) {
    switch (c) {
        case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return {1, 0};
        case 'h': case 'H': case 'e': return {2, 0};
        case 'i': case 'I': case 'l': case 'L': case 'f': return {4, 0};
        case 'q': case 'Q': case 'd': return {8, 0};
        default: return {0, 0};
    }
}

void store_uint(uint8_t* p, uint64_t v, int64_t size, bool little) {
    for (int64_t k = 0; k < size; ++k) {
        uint8_t byte = static_cast<uint8_t>(v >> (8 * k));
        p[little ? k : size - 1 - k] = byte;
    }
}

uint64_t load_uint(const uint8_t* p, int64_t size, bool little) {
    uint64_t v = 0;
    for (int64_t k = 0; k < size; ++k) {
        uint64_t byte = p[little ? k : size - 1 - k];
        v |= byte << (8 * k);
    }
    return v;
}

Item signed_item(uint64_t raw, int64_t size) {
    if (size < 8) {
        uint64_t sign_bit = uint64_t{1} << (size * 8 - 1);
        if (raw & sign_bit) {
            uint64_t mag = (uint64_t{1} << (size * 8)) - raw;
            return Item::int_from(true, mag);
        }
        return Item::uinteger(raw);
    }
    if (raw >> 63) return Item::int_from(true, uint64_t{0} - raw);
    return Item::uinteger(raw);
}

// get_long / get_longlong / get_ssize_t: OverflowError -> "argument out of range".
Result<int64_t> get_long(const Item& v) {
    if (!v.is_int()) return struct_error("required argument is not an integer");
    if (auto x = v.as_int64()) return *x;
    return struct_error("argument out of range");
}

Result<uint64_t> get_ulong(const Item& v) {
    if (!v.is_int()) return struct_error("required argument is not an integer");
    if (auto x = v.as_uint64()) return *x;
    return struct_error("argument out of range");
}

Result<double> get_double(const Item& v) {
    if (!v.is_int() && !v.is_float()) return struct_error("required argument is not a float");
    double d = *v.as_double();
    if (v.is_int() && std::isinf(d)) return struct_error("required argument is not a float");
    return d;
}

// (float)d with C's IEEE semantics but without UB for out-of-range values.
float to_float_saturating(double d, bool* overflow) {
    *overflow = false;
    if (std::isnan(d) || std::isinf(d)) return static_cast<float>(d);
    double a = std::fabs(d);
    if (a > static_cast<double>(FLT_MAX)) {
        const double threshold = static_cast<double>(FLT_MAX) + std::ldexp(1.0, 103);
        if (a >= threshold) {
            *overflow = true;
            return d < 0 ? -INFINITY : INFINITY;
        }
        return d < 0 ? -FLT_MAX : FLT_MAX;
    }
    return static_cast<float>(d);
}

Result<void> pack_int(char code, char order, int64_t size, const Item& v, uint8_t* p) {
    const bool little = order != '>' && order != '!';
    const bool native_funcs = order == '@' || ((order == '<' || order == '=') && code != 'l' && code != 'L') ||
                              code == 'b' || code == 'B';
    if (native_funcs) {
        switch (code) {
            case 'b': {
                BV_TRY(x, get_long(v));
                if (x < -128 || x > 127) return struct_error("byte format requires -128 <= number <= 127");
                p[0] = static_cast<uint8_t>(x);
                return ok();
            }
            case 'B': {
                BV_TRY(x, get_long(v));
                if (x < 0 || x > 255) return struct_error("ubyte format requires 0 <= number <= 255");
                p[0] = static_cast<uint8_t>(x);
                return ok();
            }
            case 'h': {
                BV_TRY(x, get_long(v));
                if (x < -32768 || x > 32767) return struct_error("short format requires -32768 <= number <= 32767");
                store_uint(p, static_cast<uint64_t>(x), 2, true);
                return ok();
            }
            case 'H': {
                BV_TRY(x, get_long(v));
                if (x < 0 || x > 65535) return struct_error("ushort format requires 0 <= number <= 65535");
                store_uint(p, static_cast<uint64_t>(x), 2, true);
                return ok();
            }
            case 'i': {
                BV_TRY(x, get_long(v));
                if (x < INT32_MIN || x > INT32_MAX) {
                    return struct_error("'i' format requires -2147483648 <= number <= 2147483647");
                }
                store_uint(p, static_cast<uint64_t>(x), 4, true);
                return ok();
            }
            case 'I': {
                BV_TRY(x, get_ulong(v));
                if (x > UINT32_MAX) return struct_error("'I' format requires 0 <= number <= 4294967295");
                store_uint(p, x, 4, true);
                return ok();
            }
            case 'l': case 'q': case 'n': {
                BV_TRY(x, get_long(v));
                store_uint(p, static_cast<uint64_t>(x), 8, true);
                return ok();
            }
            case 'L': case 'Q': case 'N': {
                BV_TRY(x, get_ulong(v));
                store_uint(p, x, 8, true);
                return ok();
            }
            case 'P': {
                if (!v.is_int()) return struct_error("required argument is not an integer");
                if (auto u = v.as_uint64()) {
                    store_uint(p, *u, 8, true);
                } else if (auto s = v.as_int64()) {
                    store_uint(p, static_cast<uint64_t>(*s), 8, true);
                } else {
                    return struct_error("int too large to convert");
                }
                return ok();
            }
            default: break;
        }
        return struct_error("bad char in struct format");
    }
    // Standard-size functions (lp_* for '<'/'=' l/L, bp_* for '>'/'!').
    bool is_signed = code == 'h' || code == 'i' || code == 'l' || code == 'q';
    if (size == 8) {  // bp_longlong / bp_ulonglong
        if (!v.is_int()) return struct_error("required argument is not an integer");
        if (is_signed) {
            auto x = v.as_int64();
            if (!x) return struct_error("int too large to convert");
            store_uint(p, static_cast<uint64_t>(*x), 8, little);
        } else {
            auto x = v.as_uint64();
            if (!x) return struct_error("int too large to convert");
            store_uint(p, *x, 8, little);
        }
        return ok();
    }
    if (is_signed) {
        BV_TRY(x, get_long(v));
        int64_t lo = -(int64_t{1} << (size * 8 - 1)), hi = (int64_t{1} << (size * 8 - 1)) - 1;
        if (x < lo || x > hi) return struct_error(fmt::format("'{}' format requires {} <= number <= {}", code, lo, hi));
        store_uint(p, static_cast<uint64_t>(x), size, little);
    } else {
        BV_TRY(x, get_ulong(v));
        uint64_t hi = (uint64_t{1} << (size * 8)) - 1;
        if (x > hi) return struct_error(fmt::format("'{}' format requires 0 <= number <= {}", code, hi));
        store_uint(p, x, size, little);
    }
    return ok();
}

Result<void> pack_one(char code, char order, int64_t size, const Item& v, uint8_t* p) {
    const bool little = order != '>' && order != '!';
    switch (code) {
        case '?':
            p[0] = v.truthy() ? 1 : 0;
            return ok();
        case 'c':
            if (v.is_bytes() && v.bytes_value().size() == 1) {
                p[0] = static_cast<uint8_t>(v.bytes_value()[0]);
                return ok();
            }
            return struct_error("char format requires a bytes object of length 1");
        case 'e': {
            BV_TRY(d, get_double(v));
            return pack_half(d, p, little);
        }
        case 'f': {
            BV_TRY(d, get_double(v));
            bool overflow = false;
            float f = to_float_saturating(d, &overflow);
            if (overflow && order != '@') {
                return raise(ExcType::OverflowError, "float too large to pack with f format");
            }
            uint32_t bits;
            std::memcpy(&bits, &f, 4);
            store_uint(p, bits, 4, little);
            return ok();
        }
        case 'd': {
            BV_TRY(d, get_double(v));
            uint64_t bits;
            std::memcpy(&bits, &d, 8);
            store_uint(p, bits, 8, little);
            return ok();
        }
        default:
            return pack_int(code, order, size, v, p);
    }
}

Item unpack_one(char code, char order, int64_t size, const uint8_t* p) {
    const bool little = order != '>' && order != '!';
    switch (code) {
        case '?': return Item::boolean(p[0] != 0);
        case 'c': return Item::bytes(std::string(1, static_cast<char>(p[0])));
        case 'e': return Item::floating(unpack_half(p, little));
        case 'f': {
            uint32_t bits = static_cast<uint32_t>(load_uint(p, 4, little));
            float f;
            std::memcpy(&f, &bits, 4);
            return Item::floating(static_cast<double>(f));
        }
        case 'd': {
            uint64_t bits = load_uint(p, 8, little);
            double d;
            std::memcpy(&d, &bits, 8);
            return Item::floating(d);
        }
        case 'b': case 'h': case 'i': case 'l': case 'q': case 'n':
            return signed_item(load_uint(p, size, little), size);
        default:  // B H I L Q N P
            return Item::uinteger(load_uint(p, size, little));
    }
}

}  // namespace

Result<Struct> Struct::compile(std::string_view format) {
    Struct s;
    s.format_ = std::string(format);
    if (format.find('\0') != std::string_view::npos) return struct_error("embedded null character");
    size_t i = 0;
    if (!format.empty() && std::string_view("@=<>!").find(format[0]) != std::string_view::npos) {
        s.order_ = format[0];
        i = 1;
    }
    const bool native = s.order_ == '@';
    int64_t size = 0;
    int64_t nvalues = 0;
    const Error overflow = struct_error("total struct size too long");
    while (i < format.size()) {
        char c = format[i++];
        if (is_space(c)) continue;
        int64_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            c = i < format.size() ? format[i++] : '\0';
            while (c >= '0' && c <= '9') {
                int d = c - '0';
                if (num >= INT64_MAX / 10 && (num > INT64_MAX / 10 || d > INT64_MAX % 10)) return overflow;
                num = num * 10 + d;
                c = i < format.size() ? format[i++] : '\0';
            }
            if (c == '\0') return struct_error("repeat count given without format specifier");
        }
        CodeInfo info = native ? native_info(c) : standard_info(c);
        if (info.size == 0) return struct_error("bad char in struct format");
        if (info.align && size > 0) {
            int64_t extra = (info.align - 1) - (size - 1) % info.align;
            if (extra > INT64_MAX - size) return overflow;
            size += extra;
        }
        if (num > (INT64_MAX - size) / info.size) return overflow;
        StructField f;
        f.code = c;
        f.count = num;
        f.offset = size;
        f.itemsize = info.size;
        if (c == 's' || c == 'p') {
            nvalues += 1;
        } else if (c != 'x') {
            nvalues += num;
        }
        if (c != 'x' && (num > 0 || c == 's' || c == 'p')) s.fields_.push_back(f);
        size += num * info.size;
    }
    s.size_ = size;
    s.nvalues_ = nvalues;
    return s;
}

Result<void> Struct::pack_to(uint8_t* dest, const std::vector<Item>& values) const {
    std::memset(dest, 0, static_cast<size_t>(size_));
    size_t vi = 0;
    for (const StructField& f : fields_) {
        uint8_t* p = dest + f.offset;
        if (f.code == 's' || f.code == 'p') {
            const Item& v = values[vi++];
            const std::string* data = nullptr;
            if (v.is_bytes()) data = &v.bytes_value();
            if (v.is_bytearray()) data = &v.bytearray_value();
            if (!data) return struct_error(fmt::format("argument for '{}' must be a bytes object", f.code));
            if (f.code == 's') {
                int64_t n = std::min<int64_t>(static_cast<int64_t>(data->size()), f.count);
                if (n > 0) std::memcpy(p, data->data(), static_cast<size_t>(n));
            } else if (f.count > 0) {
                int64_t n = std::min<int64_t>(static_cast<int64_t>(data->size()), f.count - 1);
                if (n > 0) std::memcpy(p + 1, data->data(), static_cast<size_t>(n));
                p[0] = static_cast<uint8_t>(n > 255 ? 255 : n);
            }
            continue;
        }
        for (int64_t k = 0; k < f.count; ++k, p += f.itemsize) {
            const Item& v = values[vi++];
            auto r = pack_one(f.code, order_, f.itemsize, v, p);
            if (!r) {
                // s_pack_internal: an OverflowError while packing an int becomes struct.error.
                if (r.error().type == ExcType::OverflowError && v.is_int()) {
                    return struct_error("int too large to convert");
                }
                return std::move(r).error();
            }
        }
    }
    return ok();
}

std::vector<Item> Struct::unpack_raw(const uint8_t* src) const {
    std::vector<Item> out;
    out.reserve(static_cast<size_t>(nvalues_));
    for (const StructField& f : fields_) {
        const uint8_t* p = src + f.offset;
        if (f.code == 's') {
            out.push_back(Item::bytes(std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(f.count))));
            continue;
        }
        if (f.code == 'p') {
            int64_t n = f.count > 0 ? p[0] : 0;
            if (n >= f.count) n = f.count - 1;
            if (n < 0) n = 0;
            out.push_back(Item::bytes(std::string(reinterpret_cast<const char*>(p + 1), static_cast<size_t>(n))));
            continue;
        }
        for (int64_t k = 0; k < f.count; ++k, p += f.itemsize) {
            out.push_back(unpack_one(f.code, order_, f.itemsize, p));
        }
    }
    return out;
}

void Struct::report_read(const BufferInfo& info, int64_t at, uint64_t through_id,
                         std::string_view what) const {
    if (!info.block || !info.block->context().observer() || size_ <= 0) return;
    const uint64_t begin = static_cast<uint64_t>(info.offset + at);
    info.block->report_read(begin, begin + static_cast<uint64_t>(size_), through_id, what);
    report_fields(info, at, through_id, false);
}

void Struct::report_fields(const BufferInfo& info, int64_t at, uint64_t through_id, bool write) const {
    if (!info.block) return;
    BufferObserver* obs = info.block->context().observer();
    if (!obs || size_ <= 0) return;
    const int64_t base = info.offset + at;
    const std::vector<Item> values = unpack_raw(info.block->data() + base);
    FieldEvent ev;
    ev.block_id = info.block->id();
    ev.through_id = through_id;
    ev.order = order_;
    ev.write = write;
    size_t vi = 0;
    auto emit = [&](char code, int64_t begin, int64_t width) {
        const size_t index = vi++;
        if (width <= 0 || index >= values.size()) return;
        const std::string repr = values[index].repr();
        ev.begin = static_cast<uint64_t>(base + begin);
        ev.end = ev.begin + static_cast<uint64_t>(width);
        ev.index = static_cast<int>(index);
        ev.code = code;
        ev.value = repr;
        obs->on_field(ev);
    };
    for (const StructField& f : fields_) {
        if (f.code == 'x') continue;
        if (f.code == 's' || f.code == 'p') {
            emit(f.code, f.offset, f.count);
            continue;
        }
        for (int64_t k = 0; k < f.count; ++k) emit(f.code, f.offset + k * f.itemsize, f.itemsize);
    }
}

Result<std::string> Struct::pack(const std::vector<Item>& values) const {
    if (static_cast<int64_t>(values.size()) != nvalues_) {
        return struct_error(fmt::format("pack expected {} items for packing (got {})", nvalues_, values.size()));
    }
    if (static_cast<uint64_t>(size_) > SIZE_MAX / 2) return raise(ExcType::MemoryError, "");
    std::string out(static_cast<size_t>(size_), '\0');
    BV_CHECK(pack_to(reinterpret_cast<uint8_t*>(out.data()), values));
    return out;
}

Result<void> Struct::pack_into(Exporter& buffer, int64_t offset, const std::vector<Item>& values,
                               uint64_t through_id) const {
    if (static_cast<int64_t>(values.size()) != nvalues_) {
        return struct_error(fmt::format("pack_into expected {} items for packing (got {})", nvalues_, values.size()));
    }
    auto got = buffer.get_buffer(kBufWritable, through_id);
    if (!got) {
        return raise(ExcType::TypeError, fmt::format("argument must be read-write bytes-like object, not {}",
                                                     buffer.type_name()));
    }
    ExportedBuffer buf = std::move(got).value();
    const int64_t len = buf.info().len;
    if (offset < 0) {
        if (offset + size_ > 0) return struct_error(fmt::format("no space to pack {} bytes at offset {}", size_, offset));
        if (offset + len < 0) return struct_error(fmt::format("offset {} out of range for {}-byte buffer", offset, len));
        offset += len;
    }
    if (len - offset < size_) {
        return struct_error(fmt::format(
            "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
            static_cast<uint64_t>(size_) + static_cast<uint64_t>(offset), size_, offset, len));
    }
    // s_pack_internal: the region is zeroed, then the fields are packed in
    // order; a failing value leaves the fields before it written (as CPython).
    std::string scratch(static_cast<size_t>(size_), '\0');
    auto packed = pack_to(reinterpret_cast<uint8_t*>(scratch.data()), values);
    if (size_ > 0) {
        Block* block = buf.info().block;
        const uint64_t through = through_id ? through_id : buffer.id();
        block->write(static_cast<uint64_t>(buf.info().offset + offset), scratch.data(),
                     static_cast<uint64_t>(size_), through);
        // The fields are marked only when all of them were packed (a failing value
        // leaves zeros and the fields before it, but no field of this call stands).
        if (packed) report_fields(buf.info(), offset, through, true);
    }
    return packed;
}

Result<std::vector<Item>> Struct::unpack(std::string_view data) const {
    if (static_cast<int64_t>(data.size()) != size_) {
        return struct_error(fmt::format("unpack requires a buffer of {} bytes", size_));
    }
    return unpack_raw(reinterpret_cast<const uint8_t*>(data.data()));
}

Result<std::vector<Item>> Struct::unpack(Exporter& buffer) const {
    BV_TRY(buf, buffer.get_buffer(kBufSimple));
    BV_TRY(items, unpack(buf.bytes()));
    report_read(buf.info(), 0, buffer.id(), "unpack");
    return items;
}

Result<std::vector<Item>> Struct::unpack_from(std::string_view data, int64_t offset) const {
    const int64_t len = static_cast<int64_t>(data.size());
    if (offset < 0) {
        if (offset + size_ > 0) return struct_error(fmt::format("not enough data to unpack {} bytes at offset {}", size_, offset));
        if (offset + len < 0) return struct_error(fmt::format("offset {} out of range for {}-byte buffer", offset, len));
        offset += len;
    }
    if (len - offset < size_) {
        return struct_error(fmt::format(
            "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
            static_cast<uint64_t>(size_) + static_cast<uint64_t>(offset), size_, offset, len));
    }
    return unpack_raw(reinterpret_cast<const uint8_t*>(data.data()) + offset);
}

Result<std::vector<Item>> Struct::unpack_from(Exporter& buffer, int64_t offset) const {
    BV_TRY(buf, buffer.get_buffer(kBufSimple));
    BV_TRY(items, unpack_from(buf.bytes(), offset));
    if (offset < 0) offset += buf.info().len;  // checked in range by unpack_from
    report_read(buf.info(), offset, buffer.id(), "unpack_from");
    return items;
}

Result<std::shared_ptr<StructIterator>> Struct::iter_unpack(const std::shared_ptr<Exporter>& buffer) const {
    if (size_ == 0) return struct_error("cannot iteratively unpack with a struct of length 0");
    uint64_t id = buffer->context().new_object_id();
    BV_TRY(buf, buffer->get_buffer(kBufSimple, id));
    if (buf.info().len % size_ != 0) {
        return struct_error(fmt::format("iterative unpacking requires a buffer of a multiple of {} bytes", size_));
    }
    return std::make_shared<StructIterator>(*this, std::move(buf), id);
}

StructIterator::StructIterator(Struct s, ExportedBuffer buffer, uint64_t id)
    : struct_(std::move(s)), buffer_(std::move(buffer)), id_(id) {}

StructIterator::~StructIterator() = default;

Result<std::optional<std::vector<Item>>> StructIterator::next() {
    if (!buffer_.held()) return std::optional<std::vector<Item>>();
    if (index_ >= buffer_.info().len) {
        buffer_.release();  // exhausted: the export lifts now, as in CPython
        return std::optional<std::vector<Item>>();
    }
    std::vector<Item> v = struct_.unpack_raw(buffer_.data() + index_);
    struct_.report_read(buffer_.info(), index_, buffer_.obj()->id(), "iter_unpack");
    index_ += struct_.size();
    return std::optional<std::vector<Item>>(std::move(v));
}

int64_t StructIterator::length_hint() const {
    if (!buffer_.held()) return 0;
    return (buffer_.info().len - index_) / struct_.size();
}

Result<int64_t> calcsize(std::string_view format) {
    BV_TRY(s, Struct::compile(format));
    return s.size();
}

Result<std::string> pack(std::string_view format, const std::vector<Item>& values) {
    BV_TRY(s, Struct::compile(format));
    return s.pack(values);
}

Result<std::vector<Item>> unpack(std::string_view format, std::string_view data) {
    BV_TRY(s, Struct::compile(format));
    return s.unpack(data);
}

int64_t native_itemsize(std::string_view format) {
    if (!format.empty() && format[0] == '@') format.remove_prefix(1);
    if (format.size() != 1) return -1;
    switch (format[0]) {
        case 'c': case 'b': case 'B': case '?': return 1;
        case 'h': case 'H': case 'e': return 2;
        case 'i': case 'I': case 'f': return 4;
        case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': return 8;
        default: return -1;
    }
}

Item unpack_native(char code, const uint8_t* src) {
    // Fast fixed-size reads (the modeled machine and both hosts are little-endian).
    switch (code) {
        case 'B': return Item::uinteger(src[0]);
        case 'b': return Item::integer(static_cast<int8_t>(src[0]));
        case 'c': return Item::bytes(std::string(1, static_cast<char>(src[0])));
        case '?': return Item::boolean(src[0] != 0);
        case 'h': { int16_t x; std::memcpy(&x, src, 2); return Item::integer(x); }
        case 'H': { uint16_t x; std::memcpy(&x, src, 2); return Item::uinteger(x); }
        case 'i': { int32_t x; std::memcpy(&x, src, 4); return Item::integer(x); }
        case 'I': { uint32_t x; std::memcpy(&x, src, 4); return Item::uinteger(x); }
        case 'l': case 'q': case 'n': { int64_t x; std::memcpy(&x, src, 8); return Item::integer(x); }
        case 'L': case 'Q': case 'N': case 'P': { uint64_t x; std::memcpy(&x, src, 8); return Item::uinteger(x); }
        case 'f': { float x; std::memcpy(&x, src, 4); return Item::floating(static_cast<double>(x)); }
        case 'd': { double x; std::memcpy(&x, src, 8); return Item::floating(x); }
        case 'e': return Item::floating(unpack_half(src, true));
        default: break;
    }
    int64_t size = native_itemsize(std::string_view(&code, 1));
    return unpack_one(code, '@', size, src);
}

Result<void> pack_half(double x, uint8_t* dest, bool little_endian) {
    int sign;
    int e;
    unsigned bits;
    if (x == 0.0) {
        sign = std::signbit(x) ? 1 : 0;
        e = 0;
        bits = 0;
    } else if (std::isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (std::isnan(x)) {
        sign = std::signbit(x) ? 1 : 0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        if (sign) x = -x;
        double f = std::frexp(x, &e);
        f *= 2.0;
        e--;
        if (e >= 16) return raise(ExcType::OverflowError, "float too large to pack with e format");
        if (e < -25) {
            f = 0.0;
            e = 0;
        } else if (e < -14) {
            f = std::ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = static_cast<unsigned>(f);
        if ((f - bits > 0.5) || ((f - bits == 0.5) && (bits % 2 == 1))) {
            ++bits;
            if (bits == 1024) {
                bits = 0;
                ++e;
                if (e == 31) return raise(ExcType::OverflowError, "float too large to pack with e format");
            }
        }
    }
    bits |= (static_cast<unsigned>(e) << 10) | (static_cast<unsigned>(sign) << 15);
    store_uint(dest, bits, 2, little_endian);
    return ok();
}

double unpack_half(const uint8_t* src, bool little_endian) {
    unsigned v = static_cast<unsigned>(load_uint(src, 2, little_endian));
    int sign = (v >> 15) & 1;
    int e = (v >> 10) & 0x1f;
    unsigned f = v & 0x3ff;
    if (e == 0x1f) {
        if (f == 0) return sign ? -INFINITY : INFINITY;
        return sign ? -NAN : NAN;
    }
    double x = static_cast<double>(f) / 1024.0;
    if (e == 0) {
        e = -14;
    } else {
        x += 1.0;
        e -= 15;
    }
    x = std::ldexp(x, e);
    return sign ? -x : x;
}

}  // namespace engine
