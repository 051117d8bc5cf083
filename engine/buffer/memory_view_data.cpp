// MemoryView representations: tobytes, tolist, hex, comparison, hash and
// iteration (CPython 3.11 memoryobject.c).
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/memory_view_internal.hpp"
#include "engine/buffer/struct_codec.hpp"

namespace engine {

using namespace mv_internal;

// ---- tobytes / tolist / hex ---------------------------------------------------

Result<std::string> MemoryView::tobytes_string(std::optional<std::string_view> order,
                                               std::string_view what) {
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
    report_read(view_, id(), what);
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
    report_read(v, id(), "tobytes");
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
    report_read(view_, id(), "tolist");
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
    report_read(view_, id(), "hex");
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
    const int64_t at = v.offset + index_ * v.strides[0];
    const uint8_t* p = v.block->data() + at;
    v.block->report_read(static_cast<uint64_t>(at), static_cast<uint64_t>(at + v.itemsize), view_->id(), "iter");
    ++index_;
    return std::optional<Item>(unpack_native(fmt_, p));
}

}  // namespace engine
