// MemoryView element access and copies: shape/stride helpers, single-item
// packing, slice-assignment copies with overlap, C/Fortran-order flattening,
// and buffer_bytes() (CPython 3.11 memoryobject.c).
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
                         const uint8_t* src_base, uint64_t src_id) {
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
    if (from_block) src.block->report_strided_read(src.offset, n, ss, itemsize, src_id, "source");
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

Result<std::string> buffer_bytes(Exporter& obj, int flags, uint64_t consumer_id, std::string_view what) {
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
    report_read(info, obj.id(), what);
    if (info.len > 0) to_contiguous(info, reinterpret_cast<uint8_t*>(out.data()), 'C');
    obj.context().note_copy(out.size(), info.block_id(), 0, consumer_id);
    return out;
}

}  // namespace engine
