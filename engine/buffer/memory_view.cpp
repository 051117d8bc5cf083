// MemoryView core: construction, registration with the managed buffer,
// attributes, release, buffer export (memory_getbuf), indexing and assignment.
// CPython 3.11 Objects/memoryobject.c is the reference throughout.
#include "engine/buffer/memory_view.hpp"

#include <cstring>

#include <fmt/format.h>

#include "engine/buffer/memory_view_internal.hpp"
#include "engine/buffer/struct_codec.hpp"

namespace engine {

using namespace mv_internal;

namespace {
// Stride arithmetic wraps as CPython's does in practice (mv[::2**62][::4] has
// stride 0), without signed-overflow UB.
int64_t wrap_mul(int64_t a, int64_t b) {
    return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}
int64_t wrap_add(int64_t a, int64_t b) {
    return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
}  // namespace

MemoryView::MemoryView(BufferContext& ctx) : Exporter(ctx) {}

MemoryView::~MemoryView() {
    release_internal();  // memory_dealloc: _memory_release (exports are 0 here)
    if (auto* obs = context().observer()) obs->on_view_destroyed(id());
}

bool MemoryView::released() const { return released_ || !mbuf_ || mbuf_->released(); }

Result<void> MemoryView::check_released() const {
    if (released()) return refuse(ExcType::ValueError, std::string(kReleasedMessage));
    return ok();
}

std::string MemoryView::repr() const {
    uint64_t addr = 0x7f1e4a000000ULL + id() * 0x40;
    if (released_) return fmt::format("<released memory at {:#x}>", addr);
    return fmt::format("<memory at {:#x}>", addr);
}

void MemoryView::init_flags() {
    int flags = 0;
    if (view_.ndim == 0) {
        flags = kFlagScalar | kFlagC | kFlagFortran;
    } else if (view_.ndim == 1) {
        if (view_.shape[0] == 1 || view_.strides[0] == view_.itemsize) flags = kFlagC | kFlagFortran;
    } else {
        if (is_contiguous(view_, 'C')) flags |= kFlagC;
        if (is_contiguous(view_, 'F')) flags |= kFlagFortran;
    }
    flags_ = flags;
}

void MemoryView::report_created() {
    if (auto* obs = context().observer()) {
        ViewEvent ev;
        ev.view_id = id();
        ev.parent_id = parent_id_;
        ev.managed_buffer_id = mbuf_->id();
        ev.exporter_id = mbuf_->obj() ? mbuf_->obj()->id() : 0;
        ev.block_id = view_.block_id();
        ev.info = &view_;
        obs->on_view_created(ev);
    }
}

// mbuf_add_view: a new view with full shape/strides information.
ViewPtr MemoryView::register_view(const std::shared_ptr<ManagedBuffer>& mbuf, const BufferInfo& src,
                                  uint64_t parent_id) {
    auto mv = std::make_shared<MemoryView>(mbuf->context());
    BufferInfo& d = mv->view_;
    d = src;
    if (!src.has_format) d.format = "B";
    d.has_format = true;
    if (src.ndim == 0) {
        d.shape.clear();
        d.strides.clear();
    } else if (src.ndim == 1) {
        d.shape = {src.has_shape ? src.shape[0] : (src.itemsize ? src.len / src.itemsize : 0)};
        d.strides = {src.has_strides ? src.strides[0] : src.itemsize};
    } else if (!src.has_strides) {
        init_strides_from_shape(d);
    }
    d.has_shape = d.has_strides = true;
    mv->mbuf_ = mbuf;
    mv->parent_id_ = parent_id;
    mbuf->add_view();
    mv->init_flags();
    mv->report_created();
    return mv;
}

Result<ViewPtr> MemoryView::from_object(const std::shared_ptr<Exporter>& obj) {
    if (auto* mv = dynamic_cast<MemoryView*>(obj.get())) {
        BV_CHECK(mv->check_released());
        return register_view(mv->mbuf_, mv->view_, mv->id());
    }
    if (!obj->supports_buffer()) {
        return raise(ExcType::TypeError, "memoryview: a bytes-like object is required, not '" +
                                             std::string(obj->type_name()) + "'");
    }
    BV_TRY(mbuf, ManagedBuffer::from_object(obj, kBufFullRO));
    return register_view(mbuf, mbuf->master(), 0);
}

// ---- attributes -----------------------------------------------------------

Result<std::shared_ptr<Exporter>> MemoryView::obj() const {
    BV_CHECK(check_released());
    return mbuf_->obj();
}
Result<int64_t> MemoryView::nbytes() const {
    BV_CHECK(check_released());
    return view_.len;
}
Result<bool> MemoryView::readonly() const {
    BV_CHECK(check_released());
    return view_.readonly;
}
Result<int64_t> MemoryView::itemsize() const {
    BV_CHECK(check_released());
    return view_.itemsize;
}
Result<std::string> MemoryView::format() const {
    BV_CHECK(check_released());
    return view_.format;
}
Result<int64_t> MemoryView::ndim() const {
    BV_CHECK(check_released());
    return static_cast<int64_t>(view_.ndim);
}
Result<std::vector<int64_t>> MemoryView::shape() const {
    BV_CHECK(check_released());
    return view_.shape;
}
Result<std::vector<int64_t>> MemoryView::strides() const {
    BV_CHECK(check_released());
    return view_.strides;
}
Result<std::vector<int64_t>> MemoryView::suboffsets() const {
    BV_CHECK(check_released());
    return std::vector<int64_t>{};
}
Result<bool> MemoryView::c_contiguous() const {
    BV_CHECK(check_released());
    return (flags_ & (kFlagScalar | kFlagC)) != 0;
}
Result<bool> MemoryView::f_contiguous() const {
    BV_CHECK(check_released());
    return (flags_ & (kFlagScalar | kFlagFortran)) != 0;
}
Result<bool> MemoryView::contiguous() const {
    BV_CHECK(check_released());
    return (flags_ & (kFlagScalar | kFlagC | kFlagFortran)) != 0;
}
Result<int64_t> MemoryView::len() const {
    BV_CHECK(check_released());
    return view_.ndim == 0 ? 1 : view_.shape[0];
}

// ---- release ----------------------------------------------------------------

bool MemoryView::release_internal() {
    if (released_ || !mbuf_) return true;
    if (exports() > 0) return false;
    released_ = true;
    if (auto* obs = context().observer()) obs->on_view_released(id());
    mbuf_->remove_view();
    return true;
}

Result<void> MemoryView::release() {
    if (!release_internal()) {
        int64_t n = exports();
        return raise(ExcType::BufferError,
                     fmt::format("memoryview has {} exported buffer{}", n, n == 1 ? "" : "s"));
    }
    return ok();
}

Result<ViewPtr> MemoryView::enter() {
    BV_CHECK(check_released());
    return std::static_pointer_cast<MemoryView>(shared_from_this());
}

Result<void> MemoryView::exit() { return release(); }

// ---- memory_getbuf ----------------------------------------------------------

Result<BufferInfo> MemoryView::fill_buffer(int flags) {
    BV_CHECK(check_released());
    BufferInfo v = view_;
    const bool c = (flags_ & (kFlagScalar | kFlagC)) != 0;
    const bool f = (flags_ & (kFlagScalar | kFlagFortran)) != 0;
    if ((flags & kBufWritable) && view_.readonly) {
        return raise(ExcType::BufferError, "memoryview: underlying buffer is not writable");
    }
    if (!(flags & kBufFormat)) v.has_format = false;
    if ((flags & kBufCContiguous) == kBufCContiguous && !c) {
        return raise(ExcType::BufferError, "memoryview: underlying buffer is not C-contiguous");
    }
    if ((flags & kBufFContiguous) == kBufFContiguous && !f) {
        return raise(ExcType::BufferError, "memoryview: underlying buffer is not Fortran contiguous");
    }
    if ((flags & kBufAnyContiguous) == kBufAnyContiguous && !(c || f)) {
        return raise(ExcType::BufferError, "memoryview: underlying buffer is not contiguous");
    }
    if ((flags & kBufStrides) != kBufStrides) {
        if (!c) return raise(ExcType::BufferError, "memoryview: underlying buffer is not C-contiguous");
        v.has_strides = false;
    }
    if ((flags & kBufND) != kBufND) {
        if (v.has_format) {
            return raise(ExcType::BufferError,
                         "memoryview: cannot cast to unsigned bytes if the format flag is present");
        }
        v.ndim = 1;
        v.has_shape = false;
    }
    return v;
}

// ---- indexing -----------------------------------------------------------------

// The offset of a 1-D slice starting at `start`. An empty slice addresses no byte:
// its start may lie far outside the block (m[::-1] of an empty view, a step near
// sys.maxsize), so it keeps the view's offset rather than point outside the block.
static int64_t slice_offset(const BufferInfo& v, int64_t start, int64_t length) {
    const int64_t moved = wrap_add(v.offset, wrap_mul(v.strides[0], start));
    if (length == 0 && (moved < 0 || !v.block || static_cast<uint64_t>(moved) > v.block->size())) return v.offset;
    return moved;
}

Result<ItemOrView> MemoryView::get(const Subscript& key) {
    BV_CHECK(check_released());
    if (view_.ndim == 0) {
        if (key.kind == Subscript::Kind::Tuple && key.items.empty()) {
            BV_TRY(fmt, adjust_fmt(view_));
            if (view_.block) {
                uint64_t b = static_cast<uint64_t>(view_.offset);
                view_.block->report_read(b, b + static_cast<uint64_t>(view_.itemsize), id(), "item");
            }
            return ItemOrView(unpack_native(fmt, view_.data()));
        }
        if (key.kind == Subscript::Kind::Ellipsis) {
            return ItemOrView(std::static_pointer_cast<MemoryView>(shared_from_this()));
        }
        return raise(ExcType::TypeError, "invalid indexing of 0-dim memory");
    }
    if (key.kind == Subscript::Kind::Index && key.index.is_int()) {
        BV_TRY(index, index_from_item(key.index, ExcType::IndexError));
        BV_TRY(fmt, adjust_fmt(view_));
        if (view_.ndim != 1) {
            return raise(ExcType::NotImplementedError, "multi-dimensional sub-views are not implemented");
        }
        BV_TRY(off, lookup_dimension(view_, view_.offset, 0, index));
        view_.block->report_read(static_cast<uint64_t>(off), static_cast<uint64_t>(off + view_.itemsize), id(), "item");
        return ItemOrView(unpack_native(fmt, view_.block->data() + off));
    }
    if (key.kind == Subscript::Kind::Slice) {
        BV_TRY(ix, adjust_slice(key.slice, view_.shape[0]));
        // The geometry is final before the view is registered: the observer
        // records it with the view (a temporary no name reaches has it too).
        BufferInfo d = view_;
        d.offset = slice_offset(d, ix.start, ix.length);
        d.shape[0] = ix.length;
        d.strides[0] = wrap_mul(d.strides[0], ix.step);
        init_len(d);
        return ItemOrView(register_view(mbuf_, d, id()));
    }
    if (is_multiindex(key)) {
        BV_TRY(fmt, adjust_fmt(view_));
        if (static_cast<int64_t>(key.items.size()) < view_.ndim) {
            return raise(ExcType::NotImplementedError, "sub-views are not implemented");
        }
        BV_TRY(off, ptr_from_tuple(view_, key));
        view_.block->report_read(static_cast<uint64_t>(off), static_cast<uint64_t>(off + view_.itemsize), id(), "item");
        return ItemOrView(unpack_native(fmt, view_.block->data() + off));
    }
    if (is_multislice(key)) {
        return raise(ExcType::NotImplementedError, "multi-dimensional slicing is not implemented");
    }
    return raise(ExcType::TypeError, "memoryview: invalid slice key");
}

Result<void> MemoryView::del(const Subscript&) {
    BV_CHECK(check_released());
    BV_CHECK(adjust_fmt(view_));
    if (view_.readonly) return raise(ExcType::TypeError, "cannot modify read-only memory");
    return raise(ExcType::TypeError, "cannot delete memory");
}

Result<void> MemoryView::set(const Subscript& key, const AssignValue& value) {
    BV_CHECK(check_released());
    BV_TRY(fmt, adjust_fmt(view_));
    if (view_.readonly) return raise(ExcType::TypeError, "cannot modify read-only memory");
    if (view_.ndim == 0) {
        if (key.kind == Subscript::Kind::Ellipsis ||
            (key.kind == Subscript::Kind::Tuple && key.items.empty())) {
            return pack_single(*this, view_.offset, value.item, fmt);
        }
        return raise(ExcType::TypeError, "invalid indexing of 0-dim memory");
    }
    if (key.kind == Subscript::Kind::Index && key.index.is_int()) {
        if (view_.ndim > 1) return raise(ExcType::NotImplementedError, "sub-views are not implemented");
        BV_TRY(index, index_from_item(key.index, ExcType::IndexError));
        BV_TRY(off, lookup_dimension(view_, view_.offset, 0, index));
        return pack_single(*this, off, value.item, fmt);
    }
    if (key.kind == Subscript::Kind::Slice && view_.ndim == 1) {
        // The rvalue must be an exporter: acquired (PyBUF_FULL_RO) before the slice is computed.
        SourceBuffer src;
        BV_CHECK(acquire_source(value, id(), src));
        BV_TRY(ix, adjust_slice(key.slice, view_.shape[0]));
        BufferInfo dest = view_;
        dest.offset = slice_offset(dest, ix.start, ix.length);
        dest.shape[0] = ix.length;
        dest.strides[0] = wrap_mul(dest.strides[0], ix.step);
        dest.len = ix.length * dest.itemsize;
        BV_CHECK(check_released());  // CHECK_RELEASED_INT_AGAIN
        // The slice is a window of this view: CPython's dest is a Py_buffer on the
        // stack, never a Python object. The observer sees it as a view created and
        // destroyed around the copy, so the trace can draw the window it wrote.
        auto* obs = context().observer();
        uint64_t window = 0;
        if (obs && ix.length > 0) {
            window = context().new_object_id();
            ViewEvent ev;
            ev.view_id = window;
            ev.parent_id = id();
            ev.managed_buffer_id = mbuf_->id();
            ev.exporter_id = mbuf_->obj() ? mbuf_->obj()->id() : 0;
            ev.block_id = dest.block_id();
            ev.info = &dest;
            obs->on_view_created(ev);
        }
        auto copied = copy_single(*this, dest, src.info, src.base,
                                  src.held.held() ? src.held.obj()->id() : 0);
        if (window) obs->on_view_destroyed(window);
        return copied;
    }
    if (is_multiindex(key)) {
        if (static_cast<int64_t>(key.items.size()) < view_.ndim) {
            return raise(ExcType::NotImplementedError, "sub-views are not implemented");
        }
        BV_TRY(off, ptr_from_tuple(view_, key));
        return pack_single(*this, off, value.item, fmt);
    }
    if (key.kind == Subscript::Kind::Slice || is_multislice(key)) {
        return raise(ExcType::NotImplementedError,
                     "memoryview slice assignments are currently restricted to ndim = 1");
    }
    return raise(ExcType::TypeError, "memoryview: invalid slice key");
}

// ---- cast / toreadonly -----------------------------------------------------------

Result<ViewPtr> MemoryView::cast(std::string_view format, const std::optional<CastShape>& shape) {
    BV_CHECK(check_released());
    if (!(flags_ & (kFlagScalar | kFlagC))) {
        return raise(ExcType::TypeError, "memoryview: casts are restricted to C-contiguous views");
    }
    bool zero_in_shape = false;
    for (int64_t s : view_.shape) zero_in_shape |= s == 0;
    if ((shape || view_.ndim != 1) && zero_in_shape) {
        return raise(ExcType::TypeError, "memoryview: cannot cast view with zeros in shape or strides");
    }
    int64_t ndim = 1;
    if (shape) {
        if (shape->type_name != "list" && shape->type_name != "tuple") {
            return raise(ExcType::TypeError, "shape must be a list or a tuple");
        }
        ndim = static_cast<int64_t>(shape->items.size());
        if (ndim > kMaxNdim) {
            return raise(ExcType::ValueError, "memoryview: number of dimensions must not exceed 64");
        }
        if (view_.ndim != 1 && ndim != 1) {
            return raise(ExcType::TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
        }
    }
    // cast_to_1D
    int64_t itemsize = mv_native_itemsize(format);
    if (itemsize < 0) {
        return raise(ExcType::ValueError,
                     "memoryview: destination format must be a native single character format "
                     "prefixed with an optional '@'");
    }
    char destchar = format.back();
    int64_t src_size = mv_native_itemsize(view_.format);
    char srcchar = view_.format.empty() ? '\0' : view_.format.back();
    if ((src_size < 0 || !is_byte_format(srcchar)) && !is_byte_format(destchar)) {
        return raise(ExcType::TypeError, "memoryview: cannot cast between two non-byte formats");
    }
    if (view_.len % itemsize) {
        return raise(ExcType::TypeError, "memoryview: length is not a multiple of itemsize");
    }
    BufferInfo d = view_;
    d.format = std::string(format);
    d.itemsize = itemsize;
    d.ndim = 1;
    d.shape = {d.len / itemsize};
    d.strides = {itemsize};
    if (shape) {  // cast_to_ND
        d.ndim = static_cast<int>(ndim);
        int64_t len = itemsize;
        if (ndim == 0) {
            d.shape.clear();
            d.strides.clear();
        } else {
            d.shape.assign(static_cast<size_t>(ndim), 0);
            for (int64_t i = 0; i < ndim; ++i) {
                const Item& it = shape->items[static_cast<size_t>(i)];
                if (!it.is_int()) {
                    return raise(ExcType::TypeError, "memoryview.cast(): elements of shape must be integers");
                }
                auto x = it.as_int64();
                if (!x) return raise(ExcType::OverflowError, "Python int too large to convert to C ssize_t");
                if (*x <= 0) {
                    return raise(ExcType::ValueError, "memoryview.cast(): elements of shape must be integers > 0");
                }
                if (*x > INT64_MAX / len) {
                    return raise(ExcType::ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
                }
                len *= *x;
                d.shape[static_cast<size_t>(i)] = *x;
            }
            init_strides_from_shape(d);
        }
        if (d.len != len) {
            return raise(ExcType::TypeError, "memoryview: product(shape) * itemsize != buffer size");
        }
    }
    auto mv = register_view(mbuf_, d, id());
    return mv;
}

Result<ViewPtr> MemoryView::toreadonly() {
    BV_CHECK(check_released());
    BufferInfo d = view_;
    d.readonly = true;
    return register_view(mbuf_, d, id());
}

}  // namespace engine
