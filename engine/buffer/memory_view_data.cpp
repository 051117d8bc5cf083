// MemoryView data access: item packing, slice-assignment copies, tobytes,
// tolist, hex, comparison, hash and iteration (CPython 3.11 memoryobject.c).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/memory_view_internal.hpp"
#include "engine/buffer/struct_codec.hpp"

namespace engine {
namespace mv_internal {

int64_t mv_native_itemsize(std::string_view format) {
    std::string_view f = format;
    if (!f.empty() && f[0] == '@') f.remove_prefix(1);
    if (f == "e") return -1;
    return native_itemsize(format);
}

void init_strides_from_shape(BufferInfo& v) {
    v.strides.assign(v.shape.size(), 0);
    if (v.shape.empty()) return;
    v.strides.back() = v.itemsize;
    for (size_t i = v.shape.size() - 1; i-- > 0;) v.strides[i] = v.strides[i + 1] * v.shape[i + 1];
}

void init_len(BufferInfo& v) {
    int64_t len = 1;
    for (int64_t s : v.shape) len *= s;
    v.len = len * v.itemsize;
}

bool is_contiguous(const BufferInfo& v, char order) {
    if (v.len == 0) return true;
    auto check_c = [&] {
        int64_t sd = v.itemsize;
        for (int i = v.ndim - 1; i >= 0; --i) {
            int64_t dim = v.shape[static_cast<size_t>(i)];
            if (dim > 1 && v.strides[static_cast<size_t>(i)] != sd) return false;
            sd *= dim;
        }
        return true;
    };
    auto check_f = [&] {
        int64_t sd = v.itemsize;
        for (int i = 0; i < v.ndim; ++i) {
            int64_t dim = v.shape[static_cast<size_t>(i)];
            if (dim > 1 && v.strides[static_cast<size_t>(i)] != sd) return false;
            sd *= dim;
        }
        return true;
    };
    if (order == 'C') return check_c();
    if (order == 'F') return check_f();
    return check_c() || check_f();
}

Result<char> adjust_fmt(const BufferInfo& v) {
    std::string_view f = v.format;
    if (!f.empty() && f[0] == '@') f.remove_prefix(1);
    if (f.size() == 1) return f[0];
    return raise(ExcType::NotImplementedError, "memoryview: unsupported format " + v.format);
}

Result<int64_t> lookup_dimension(const BufferInfo& v, int64_t offset, int dim, int64_t index) {
    int64_t n = v.shape[static_cast<size_t>(dim)];
    if (index < 0) index += n;
    if (index < 0 || index >= n) {
        return raise(ExcType::IndexError, fmt::format("index out of bounds on dimension {}", dim + 1));
    }
    return offset + v.strides[static_cast<size_t>(dim)] * index;
}

Result<int64_t> ptr_from_tuple(const BufferInfo& v, const Subscript& key) {
    int64_t n = static_cast<int64_t>(key.items.size());
    if (n > v.ndim) {
        return raise(ExcType::TypeError,
                     fmt::format("cannot index {}-dimension view with {}-element tuple", v.ndim, n));
    }
    int64_t off = v.offset;
    for (int dim = 0; dim < n; ++dim) {
        BV_TRY(index, index_from_item(key.items[static_cast<size_t>(dim)].index, ExcType::IndexError));
        BV_TRY(next, lookup_dimension(v, off, dim, index));
        off = next;
    }
    return off;
}

bool is_multiindex(const Subscript& key) {
    if (key.kind != Subscript::Kind::Tuple) return false;
    for (const Subscript& k : key.items) {
        if (k.kind != Subscript::Kind::Index || !k.index.is_int()) return false;
    }
    return true;
}

bool is_multislice(const Subscript& key) {
    if (key.kind != Subscript::Kind::Tuple || key.items.empty()) return false;
    for (const Subscript& k : key.items) {
        if (k.kind != Subscript::Kind::Slice) return false;
    }
    return true;
}

namespace {

Error type_error_int(char fmt) {
    return raise(ExcType::TypeError, fmt::format("memoryview: invalid type for format '{}'", fmt));
}
Error value_error_int(char fmt) {
    return raise(ExcType::ValueError, fmt::format("memoryview: invalid value for format '{}'", fmt));
}

void store_le(uint8_t* p, uint64_t v, int n) {
    for (int k = 0; k < n; ++k) p[k] = static_cast<uint8_t>(v >> (8 * k));
}

// Element offsets of a 1-D view as write pieces (for strided writes).
std::vector<ByteRange> pieces_1d(int64_t offset, int64_t n, int64_t stride, int64_t itemsize) {
    std::vector<ByteRange> out;
    for (int64_t i = 0; i < n; ++i) {
        uint64_t b = static_cast<uint64_t>(offset + i * stride);
        if (!out.empty() && out.back().end == b) {
            out.back().end = b + static_cast<uint64_t>(itemsize);
        } else {
            out.push_back({b, b + static_cast<uint64_t>(itemsize)});
        }
    }
    std::sort(out.begin(), out.end(), [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
    return out;
}

}  // namespace

namespace {

// Reverse n bytes from s[0], s[-1], ... into d[0..n): 8 bytes at a time.
void reverse_bytes(uint8_t* d, const uint8_t* s, int64_t n) {
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        std::memcpy(&w, s - i - 7, 8);
        w = __builtin_bswap64(w);
        std::memcpy(d + i, &w, 8);
    }
    for (; i < n; ++i) d[i] = s[-i];
}

// Even bytes of 16 source bytes -> 8 output bytes (little-endian hosts: x86-64, wasm32).
inline uint64_t even_bytes(uint64_t w) {
    w &= 0x00FF00FF00FF00FFULL;
    w = (w | (w >> 8)) & 0x0000FFFF0000FFFFULL;
    w = (w | (w >> 16)) & 0x00000000FFFFFFFFULL;
    return w;
}

void gather_step2_bytes(uint8_t* d, const uint8_t* s, int64_t n) {
    int64_t i = 0;
    for (; i + 8 < n; i += 8) {  // strict: the loads never pass the last element
        uint64_t a, b;
        std::memcpy(&a, s + 2 * i, 8);
        std::memcpy(&b, s + 2 * i + 8, 8);
        uint64_t w = even_bytes(a) | (even_bytes(b) << 32);
        std::memcpy(d + i, &w, 8);
    }
    for (; i < n; ++i) d[i] = s[2 * i];
}

template <size_t N>
void copy_fixed(uint8_t* d, int64_t ds, const uint8_t* s, int64_t ss, int64_t n) {
    if (N == 1 && ds == 1 && ss == -1) {
        reverse_bytes(d, s, n);
        return;
    }
    if (N == 1 && ds == -1 && ss == 1) {
        reverse_bytes(d - (n - 1), s + (n - 1), n);
        return;
    }
    if (N == 1 && ds == 1 && ss == 2 && n > 0) {
        gather_step2_bytes(d, s, n);
        return;
    }
    if (ds == static_cast<int64_t>(N)) {  // gather into a contiguous run
        for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * static_cast<int64_t>(N), s + i * ss, N);
        return;
    }
    for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * ds, s + i * ss, N);
}

}  // namespace

// Copy n elements of itemsize bytes from s (stride ss) to d (stride ds); no overlap.
void copy_strided(uint8_t* d, int64_t ds, const uint8_t* s, int64_t ss, int64_t n, int64_t itemsize) {
    if (n <= 0) return;
    if (ds == itemsize && ss == itemsize) {
        std::memcpy(d, s, static_cast<size_t>(n * itemsize));
        return;
    }
    switch (itemsize) {
        case 1: copy_fixed<1>(d, ds, s, ss, n); return;
        case 2: copy_fixed<2>(d, ds, s, ss, n); return;
        case 4: copy_fixed<4>(d, ds, s, ss, n); return;
        case 8: copy_fixed<8>(d, ds, s, ss, n); return;
        default:
            for (int64_t i = 0; i < n; ++i) std::memcpy(d + i * ds, s + i * ss, static_cast<size_t>(itemsize));
    }
}

Result<void> pack_single(MemoryView& mv, int64_t offset, const Item& item, char fmt) {
    uint8_t buf[8] = {0};
    int64_t size = native_itemsize(std::string_view(&fmt, 1));
    switch (fmt) {
        case 'b': case 'h': case 'i': case 'l': case 'q': case 'n': {
            if (!item.is_int()) return type_error_int(fmt);
            auto x = item.as_int64();
            if (!x) return value_error_int(fmt);
            if (size < 8) {
                int64_t lo = -(int64_t{1} << (size * 8 - 1)), hi = (int64_t{1} << (size * 8 - 1)) - 1;
                if (*x < lo || *x > hi) return value_error_int(fmt);
            }
            store_le(buf, static_cast<uint64_t>(*x), static_cast<int>(size));
            break;
        }
        case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N': {
            if (!item.is_int()) return type_error_int(fmt);
            auto x = item.as_uint64();
            if (!x) return value_error_int(fmt);
            if (size < 8 && *x >= (uint64_t{1} << (size * 8))) return value_error_int(fmt);
            store_le(buf, *x, static_cast<int>(size));
            break;
        }
        case 'P': {
            if (!item.is_int()) return type_error_int(fmt);
            if (auto u = item.as_uint64()) {
                store_le(buf, *u, 8);
            } else if (auto s = item.as_int64()) {
                store_le(buf, static_cast<uint64_t>(*s), 8);
            } else {
                return value_error_int(fmt);
            }
            break;
        }
        case 'f': case 'd': case 'e': {
            if (!item.is_int() && !item.is_float()) return type_error_int(fmt);
            double d = *item.as_double();
            if (item.is_int() && std::isinf(d)) return value_error_int(fmt);
            if (fmt == 'd') {
                std::memcpy(buf, &d, 8);
            } else if (fmt == 'f') {
                float f;
                if (std::isfinite(d) && std::fabs(d) > 3.4028234663852886e38) {
                    // (float)d: round to FLT_MAX or overflow to inf, without UB.
                    const double threshold = 3.4028234663852886e38 + std::ldexp(1.0, 103);
                    f = std::fabs(d) >= threshold ? static_cast<float>(d > 0 ? INFINITY : -INFINITY)
                                                  : (d > 0 ? 3.4028234663852886e38f : -3.4028234663852886e38f);
                } else {
                    f = static_cast<float>(d);
                }
                std::memcpy(buf, &f, 4);
            } else {
                if (!pack_half(d, buf, true)) return value_error_int(fmt);
            }
            break;
        }
        case '?':
            buf[0] = item.truthy() ? 1 : 0;
            break;
        case 'c':
            if (!item.is_bytes()) return type_error_int(fmt);
            if (item.bytes_value().size() != 1) return value_error_int(fmt);
            buf[0] = static_cast<uint8_t>(item.bytes_value()[0]);
            break;
        default:
            return raise(ExcType::NotImplementedError, fmt::format("memoryview: format {} not supported", fmt));
    }
    BV_CHECK(mv.view().block ? ok() : raise(ExcType::ValueError, std::string(kReleasedMessage)));
    mv.view().block->write(static_cast<uint64_t>(offset), buf, static_cast<uint64_t>(size), mv.id());
    return ok();
}

Result<void> acquire_source(const AssignValue& value, uint64_t consumer_id, SourceBuffer& out) {
    if (value.buffer) {
        BV_TRY(held, value.buffer->get_buffer(kBufFullRO, consumer_id));
        out.held = std::move(held);
        BufferInfo info = out.held.info();
        if (!info.has_format) info.format = "B";
        if (info.ndim == 1) {
            if (!info.has_shape) info.shape = {info.itemsize ? info.len / info.itemsize : 0};
            if (!info.has_strides) info.strides = {info.itemsize};
        } else if (!info.has_strides) {
            init_strides_from_shape(info);
        }
        out.info = std::move(info);
        out.base = out.held.data();
        return ok();
    }
    if (value.item.is_bytes()) {
        out.temp = value.item.bytes_value();
        BufferInfo info;
        info.len = static_cast<int64_t>(out.temp.size());
        info.shape = {info.len};
        info.strides = {1};
        info.format = "B";
        out.info = info;
        out.base = reinterpret_cast<const uint8_t*>(out.temp.data());
        return ok();
    }
    return raise(ExcType::TypeError, "a bytes-like object is required, not '" + value.item.type_name() + "'");
}

Result<void> copy_single(MemoryView& mv, const BufferInfo& dest, const BufferInfo& src,
                         const uint8_t* src_base) {
    // equiv_structure: format (ignoring a leading '@'), itemsize and shape.
    auto strip = [](const std::string& f) { return std::string_view(f).substr(!f.empty() && f[0] == '@' ? 1 : 0); };
    bool same = strip(dest.format) == strip(src.format) && dest.itemsize == src.itemsize &&
                dest.ndim == src.ndim && src.ndim == 1 && dest.shape[0] == src.shape[0];
    if (!same) {
        return raise(ExcType::ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    }
    const int64_t n = dest.shape[0], itemsize = dest.itemsize;
    if (n == 0) return ok();
    Block* block = dest.block;
    uint8_t* dbase = block->data() + dest.offset;
    const int64_t ds = dest.strides[0], ss = src.strides[0];
    const uint64_t from_block = src_base && src.block ? src.block->id() : 0;
    BufferContext& ctx = mv.context();
    if (ds == itemsize && ss == itemsize) {
        block->report_write(static_cast<uint64_t>(dest.offset), static_cast<uint64_t>(dest.offset + n * itemsize), mv.id());
        std::memmove(dbase, src_base, static_cast<size_t>(n * itemsize));
    } else {
        int64_t lo = ds < 0 ? dest.offset + (n - 1) * ds : dest.offset;
        int64_t hi = (ds < 0 ? dest.offset : dest.offset + (n - 1) * ds) + itemsize;
        if (ctx.observer()) {
            std::vector<ByteRange> pieces;
            if (ds != itemsize && ds != -itemsize) pieces = pieces_1d(dest.offset, n, ds, itemsize);
            block->report_write(static_cast<uint64_t>(lo), static_cast<uint64_t>(hi), mv.id(), std::move(pieces));
        }
        // Source bytes that may overlap the destination go through a scratch copy.
        bool overlap = false;
        if (src.block == block) {
            int64_t slo = ss < 0 ? src.offset + (n - 1) * ss : src.offset;
            int64_t shi = (ss < 0 ? src.offset : src.offset + (n - 1) * ss) + itemsize;
            overlap = slo < hi && lo < shi;
        }
        if (overlap) {
            std::unique_ptr<uint8_t[]> mem(new uint8_t[static_cast<size_t>(n * itemsize)]);
            copy_strided(mem.get(), itemsize, src_base, ss, n, itemsize);
            copy_strided(dbase, ds, mem.get(), itemsize, n, itemsize);
        } else {
            copy_strided(dbase, ds, src_base, ss, n, itemsize);
        }
    }
    ctx.note_copy(static_cast<uint64_t>(n * itemsize), from_block, block->id(), mv.id());
    return ok();
}

namespace {

void copy_rec(const BufferInfo& v, int dim, const uint8_t* sptr, uint8_t*& out, char order) {
    (void)order;
    const int64_t n = v.shape[static_cast<size_t>(dim)], stride = v.strides[static_cast<size_t>(dim)];
    if (dim == v.ndim - 1) {
        copy_strided(out, v.itemsize, sptr, stride, n, v.itemsize);
        out += n * v.itemsize;
        return;
    }
    for (int64_t i = 0; i < n; ++i) copy_rec(v, dim + 1, sptr + i * stride, out, order);
}

}  // namespace

void to_contiguous(const BufferInfo& v, uint8_t* dest, char order) {
    const uint8_t* base = v.block->data() + v.offset;
    if (v.ndim == 0) {
        std::memcpy(dest, base, static_cast<size_t>(v.itemsize));
        return;
    }
    if (v.len == 0) return;
    if (is_contiguous(v, order == 'A' ? 'A' : order)) {
        std::memcpy(dest, base, static_cast<size_t>(v.len));
        return;
    }
    if (order == 'F') {
        // Fortran order: walk with reversed dimensions.
        BufferInfo r = v;
        std::reverse(r.shape.begin(), r.shape.end());
        std::reverse(r.strides.begin(), r.strides.end());
        uint8_t* out = dest;
        copy_rec(r, 0, base, out, 'C');
        return;
    }
    uint8_t* out = dest;
    copy_rec(v, 0, base, out, 'C');
}

}  // namespace mv_internal

using namespace mv_internal;

Result<std::string> buffer_bytes(Exporter& obj, int flags, uint64_t consumer_id) {
    BV_TRY(held, obj.get_buffer(flags, consumer_id));
    BufferInfo info = held.info();
    if (!info.has_shape) {
        // PyBUF_SIMPLE: plain contiguous bytes.
        info.ndim = 1;
        info.itemsize = 1;
        info.shape = {info.len};
        info.strides = {1};
    } else if (info.ndim == 1) {
        info.shape = {info.itemsize ? info.len / info.itemsize : 0};
        if (!info.has_strides) info.strides = {info.itemsize};
    } else if (!info.has_strides) {
        init_strides_from_shape(info);
    }
    std::string out(static_cast<size_t>(info.len), '\0');
    if (info.len > 0) to_contiguous(info, reinterpret_cast<uint8_t*>(out.data()), 'C');
    obj.context().note_copy(out.size(), info.block_id(), 0, consumer_id);
    return out;
}

// ---- tobytes / tolist / hex ---------------------------------------------------

Result<std::string> MemoryView::tobytes_string(std::optional<std::string_view> order) {
    BV_CHECK(check_released());
    char ord = 'C';
    if (order) {
        if (*order == "F") {
            ord = 'F';
        } else if (*order == "A") {
            ord = 'A';
        } else if (*order != "C") {
            return raise(ExcType::ValueError, "order must be 'C', 'F' or 'A'");
        }
    }
    BV_CHECK(context().charge(static_cast<uint64_t>(view_.len)));
    context().uncharge(static_cast<uint64_t>(view_.len));
    std::string out(static_cast<size_t>(view_.len), '\0');
    to_contiguous(view_, reinterpret_cast<uint8_t*>(out.data()), ord);
    context().note_copy(static_cast<uint64_t>(view_.len), view_.block_id(), 0, id());
    return out;
}

Result<std::shared_ptr<BytesObject>> MemoryView::tobytes(std::optional<std::string_view> order) {
    BV_CHECK(check_released());
    char ord = 'C';
    if (order) {
        if (*order == "F") {
            ord = 'F';
        } else if (*order == "A") {
            ord = 'A';
        } else if (*order != "C") {
            return raise(ExcType::ValueError, "order must be 'C', 'F' or 'A'");
        }
    }
    const BufferInfo& v = view_;
    BV_TRY(bytes, BytesObject::create_filled(context(), v.len, [&](uint8_t* dest) { to_contiguous(v, dest, ord); }));
    context().note_copy(static_cast<uint64_t>(v.len), v.block_id(), bytes->block().id(), id());
    return bytes;
}

namespace {

NestedItem tolist_rec(const BufferInfo& v, int dim, const uint8_t* ptr, char fmt) {
    NestedItem out;
    out.is_list = true;
    const int64_t n = v.shape[static_cast<size_t>(dim)], stride = v.strides[static_cast<size_t>(dim)];
    out.elements.resize(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        if (dim == v.ndim - 1) {
            out.elements[static_cast<size_t>(i)].item = unpack_native(fmt, ptr + i * stride);
        } else {
            out.elements[static_cast<size_t>(i)] = tolist_rec(v, dim + 1, ptr + i * stride, fmt);
        }
    }
    return out;
}

}  // namespace

Result<NestedItem> MemoryView::tolist() {
    BV_CHECK(check_released());
    BV_TRY(fmt, adjust_fmt(view_));
    const uint8_t* base = view_.block->data() + view_.offset;
    if (view_.ndim == 0) {
        NestedItem leaf;
        leaf.item = unpack_native(fmt, base);
        return leaf;
    }
    return tolist_rec(view_, 0, base, fmt);
}

Result<std::string> MemoryView::hex(std::optional<std::string_view> sep, int64_t bytes_per_sep) {
    BV_CHECK(check_released());
    if (bytes_per_sep > INT32_MAX || bytes_per_sep < INT32_MIN) {
        return raise(ExcType::OverflowError, "signed integer is greater than maximum");
    }
    char sep_char = 0;
    if (sep) {
        std::string_view s = *sep;
        // One code point: ASCII or not.
        bool one_cp = false;
        if (s.size() == 1) {
            one_cp = true;
        } else if (s.size() >= 2 && s.size() <= 4) {
            unsigned char c0 = static_cast<unsigned char>(s[0]);
            size_t want = c0 >= 0xf0 ? 4 : c0 >= 0xe0 ? 3 : c0 >= 0xc0 ? 2 : 0;
            one_cp = want == s.size();
        }
        if (!one_cp) return raise(ExcType::ValueError, "sep must be length 1.");
        if (s.size() != 1 || static_cast<unsigned char>(s[0]) > 127) {
            return raise(ExcType::ValueError, "sep must be ASCII.");
        }
        sep_char = s[0];
    } else {
        bytes_per_sep = 0;
    }
    std::string data(static_cast<size_t>(view_.len), '\0');
    to_contiguous(view_, reinterpret_cast<uint8_t*>(data.data()), 'C');
    const int64_t n = view_.len;
    int64_t group = bytes_per_sep < 0 ? -bytes_per_sep : bytes_per_sep;
    if (group >= n) group = 0;
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(static_cast<size_t>(n * 3));
    for (int64_t i = 0; i < n; ++i) {
        if (group && i > 0) {
            // Right-aligned groups (positive) count from the end; left-aligned from the start.
            bool boundary = bytes_per_sep > 0 ? ((n - i) % group == 0) : (i % group == 0);
            if (boundary) out += sep_char;
        }
        unsigned char c = static_cast<unsigned char>(data[static_cast<size_t>(i)]);
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// ---- comparison and hash -------------------------------------------------------

namespace {

// Items of one element at p with format f: native single -> one Item; else struct.
Result<std::vector<Item>> element_items(const std::string& f, const uint8_t* p, const Struct* s) {
    if (s) return s->unpack_raw(p);
    std::string_view fv = f;
    return std::vector<Item>{unpack_native(fv.back(), p)};
}

bool cmp_rec(const BufferInfo& a, const uint8_t* pa, const Struct* sa, const BufferInfo& b,
             const uint8_t* pb, const Struct* sb, int dim) {
    if (a.ndim == 0) return *element_items(a.format, pa, sa) == *element_items(b.format, pb, sb);
    const int64_t n = a.shape[static_cast<size_t>(dim)];
    for (int64_t i = 0; i < n; ++i) {
        const uint8_t* xa = pa + i * a.strides[static_cast<size_t>(dim)];
        const uint8_t* xb = pb + i * b.strides[static_cast<size_t>(dim)];
        if (dim == a.ndim - 1) {
            if (!(*element_items(a.format, xa, sa) == *element_items(b.format, xb, sb))) return false;
        } else if (!cmp_rec(a, xa, sa, b, xb, sb, dim + 1)) {
            return false;
        }
    }
    return true;
}

}  // namespace

Result<std::optional<bool>> MemoryView::equals(const std::shared_ptr<Exporter>& other) {
    if (released()) return std::optional<bool>(other.get() == this);
    BufferInfo w;
    ExportedBuffer held;
    const uint8_t* wbase = nullptr;
    if (auto* mv = dynamic_cast<MemoryView*>(other.get())) {
        if (mv->released()) return std::optional<bool>(other.get() == this);
        w = mv->view_;
        wbase = w.block ? w.block->data() + w.offset : nullptr;
    } else {
        if (!other) return std::optional<bool>();
        auto got = other->get_buffer(kBufFullRO, id());
        if (!got) return std::optional<bool>();  // NotImplemented
        held = std::move(got).value();
        w = held.info();
        if (!w.has_format) w.format = "B";
        if (w.ndim == 1) {
            if (!w.has_shape) w.shape = {w.itemsize ? w.len / w.itemsize : 0};
            if (!w.has_strides) w.strides = {w.itemsize};
        }
        wbase = held.data();
    }
    const BufferInfo& v = view_;
    // equiv_shape
    if (v.ndim != w.ndim) return std::optional<bool>(false);
    for (int i = 0; i < v.ndim; ++i) {
        if (v.shape[static_cast<size_t>(i)] != w.shape[static_cast<size_t>(i)]) return std::optional<bool>(false);
        if (v.shape[static_cast<size_t>(i)] == 0) break;
    }
    std::optional<Struct> sv, sw;
    if (mv_native_itemsize(v.format) < 0) {
        auto s = Struct::compile(v.format);
        if (!s) return std::optional<bool>(false);
        sv = std::move(s).value();
    }
    if (mv_native_itemsize(w.format) < 0) {
        auto s = Struct::compile(w.format);
        if (!s) return std::optional<bool>(false);
        sw = std::move(s).value();
    }
    for (int64_t s : v.shape) {
        if (s == 0) return std::optional<bool>(true);
    }
    const uint8_t* vbase = v.block->data() + v.offset;
    return std::optional<bool>(cmp_rec(v, vbase, sv ? &*sv : nullptr, w, wbase, sw ? &*sw : nullptr, 0));
}

Result<int64_t> MemoryView::hash(const std::function<int64_t(std::string_view)>& bytes_hash) {
    if (hash_) return *hash_;
    BV_CHECK(check_released());
    if (!view_.readonly) return raise(ExcType::ValueError, "cannot hash writable memoryview object");
    int64_t size = mv_native_itemsize(view_.format);
    if (size < 0 || !is_byte_format(view_.format.back())) {
        return raise(ExcType::ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    }
    const auto& obj = mbuf_->obj();
    if (obj && !obj->hashable()) {
        return raise(ExcType::TypeError, "unhashable type: '" + std::string(obj->type_name()) + "'");
    }
    std::string data(static_cast<size_t>(view_.len), '\0');
    to_contiguous(view_, reinterpret_cast<uint8_t*>(data.data()), 'C');
    hash_ = bytes_hash(data);
    return *hash_;
}

// ---- iteration ---------------------------------------------------------------------

Result<std::shared_ptr<MemoryViewIterator>> MemoryView::iter() {
    BV_CHECK(check_released());
    if (view_.ndim == 0) return raise(ExcType::TypeError, "invalid indexing of 0-dim memory");
    if (view_.ndim != 1) {
        return raise(ExcType::NotImplementedError, "multi-dimensional sub-views are not implemented");
    }
    BV_TRY(fmt, adjust_fmt(view_));
    return std::make_shared<MemoryViewIterator>(std::static_pointer_cast<MemoryView>(shared_from_this()), fmt);
}

Result<bool> MemoryView::contains(const Item& value) {
    BV_TRY(it, iter());
    for (;;) {
        BV_TRY(next, it->next());
        if (!next) return false;
        if (*next == value) return true;
    }
}

MemoryViewIterator::MemoryViewIterator(ViewPtr view, char fmt)
    : view_(std::move(view)), fmt_(fmt), id_(view_->context().new_object_id()) {}

Result<std::optional<Item>> MemoryViewIterator::next() {
    if (!view_) return std::optional<Item>();
    BV_CHECK(view_->check_released());
    const BufferInfo& v = view_->view_;
    if (index_ >= v.shape[0]) {
        view_.reset();
        return std::optional<Item>();
    }
    const uint8_t* p = v.block->data() + v.offset + index_ * v.strides[0];
    ++index_;
    return std::optional<Item>(unpack_native(fmt_, p));
}

}  // namespace engine
