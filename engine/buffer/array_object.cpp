// ArrayObject: CPython 3.11 Modules/arraymodule.c semantics for b B h H i I l L
// q Q f d, with the per-typecode conversion messages and the export checks.
#include "engine/buffer/array_object.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "engine/buffer/struct_codec.hpp"

namespace engine {

namespace {

int64_t typecode_size(char c) {
    switch (c) {
        case 'b': case 'B': return 1;
        case 'h': case 'H': return 2;
        case 'i': case 'I': case 'f': return 4;
        case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
        default: return 0;
    }
}

Error overflow(const char* msg) { return raise(ExcType::OverflowError, msg); }

// PyArg_Parse "l"-style: the value as a C long, or the CPython errors.
Result<int64_t> as_long(const Item& v) {
    if (!v.is_int()) {
        return raise(ExcType::TypeError, "'" + v.type_name() + "' object cannot be interpreted as an integer");
    }
    auto x = v.as_int64();
    if (!x) return overflow("Python int too large to convert to C long");
    return *x;
}

}  // namespace

ArrayObject::ArrayObject(BufferContext& ctx, char typecode, int64_t itemsize)
    : Exporter(ctx), typecode_(typecode), itemsize_(itemsize) {}

Result<std::shared_ptr<ArrayObject>> ArrayObject::create(BufferContext& ctx, char typecode) {
    int64_t size = typecode_size(typecode);
    if (size == 0) {
        return raise(ExcType::ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    auto obj = std::make_shared<ArrayObject>(ctx, typecode, size);
    BV_TRY(block, Block::create(ctx, obj->id(), 0));
    obj->block_ = std::move(block);
    if (auto* obs = ctx.observer()) obs->on_object_created(obj->id(), "array.array", obj->block_->id());
    return obj;
}

Result<std::shared_ptr<ArrayObject>> ArrayObject::create(BufferContext& ctx, char typecode,
                                                         const std::vector<Item>& items) {
    BV_TRY(obj, create(ctx, typecode));
    BV_CHECK(obj->extend(items));
    return obj;
}

Result<BufferInfo> ArrayObject::fill_buffer(int flags) {
    std::string fmt(1, typecode_);
    return fill_info(block_.get(), 0, static_cast<int64_t>(block_->size()), /*readonly=*/false, flags, fmt,
                     itemsize_);
}

Result<void> ArrayObject::resize_items(int64_t new_len) {
    if (exports() > 0 && new_len != size()) {
        return refuse(ExcType::BufferError, std::string(kArrayCannotResizeMessage));
    }
    if (new_len > INT64_MAX / itemsize_) return raise(ExcType::MemoryError, "");
    return block_->resize(static_cast<uint64_t>(new_len * itemsize_));
}

Result<void> ArrayObject::pack_at(uint8_t* dest, const Item& v) const {
    uint8_t buf[8] = {0};
    switch (typecode_) {
        case 'f': case 'd': {
            if (!v.is_int() && !v.is_float()) {
                return raise(ExcType::TypeError, "must be real number, not " + v.type_name());
            }
            double d = *v.as_double();
            if (v.is_int() && std::isinf(d)) return overflow("int too large to convert to float");
            if (typecode_ == 'd') {
                std::memcpy(buf, &d, 8);
            } else {
                float f;
                if (std::isfinite(d) && std::fabs(d) > 3.4028234663852886e38) {
                    const double threshold = 3.4028234663852886e38 + std::ldexp(1.0, 103);
                    f = std::fabs(d) >= threshold ? static_cast<float>(d > 0 ? INFINITY : -INFINITY)
                                                  : (d > 0 ? 3.4028234663852886e38f : -3.4028234663852886e38f);
                } else {
                    f = static_cast<float>(d);
                }
                std::memcpy(buf, &f, 4);
            }
            break;
        }
        case 'b': case 'B': case 'h': case 'H': case 'i': case 'l': {
            BV_TRY(x, as_long(v));
            if (typecode_ == 'b' || typecode_ == 'h') {
                if (x > 32767) return overflow("signed short integer is greater than maximum");
                if (x < -32768) return overflow("signed short integer is less than minimum");
            }
            if (typecode_ == 'b') {
                if (x > 127) return overflow("signed char is greater than maximum");
                if (x < -128) return overflow("signed char is less than minimum");
            }
            if (typecode_ == 'B') {
                if (x > 255) return overflow("unsigned byte integer is greater than maximum");
                if (x < 0) return overflow("unsigned byte integer is less than minimum");
            }
            if (typecode_ == 'H' || typecode_ == 'i') {
                if (x > INT32_MAX) return overflow("signed integer is greater than maximum");
                if (x < INT32_MIN) return overflow("signed integer is less than minimum");
            }
            if (typecode_ == 'H') {
                if (x > 65535) return overflow("unsigned short is greater than maximum");
                if (x < 0) return overflow("unsigned short is less than minimum");
            }
            uint64_t u = static_cast<uint64_t>(x);
            for (int k = 0; k < itemsize_; ++k) buf[k] = static_cast<uint8_t>(u >> (8 * k));
            break;
        }
        case 'I': case 'L': {
            if (!v.is_int()) {
                return raise(ExcType::TypeError, "'" + v.type_name() + "' object cannot be interpreted as an integer");
            }
            if (v.negative()) return overflow("can't convert negative value to unsigned int");
            auto x = v.as_uint64();
            if (!x) return overflow("Python int too large to convert to C unsigned long");
            if (typecode_ == 'I' && *x > UINT32_MAX) return overflow("unsigned int is greater than maximum");
            for (int k = 0; k < itemsize_; ++k) buf[k] = static_cast<uint8_t>(*x >> (8 * k));
            break;
        }
        case 'q': {
            if (!v.is_int()) {
                return raise(ExcType::TypeError, "'" + v.type_name() + "' object cannot be interpreted as an integer");
            }
            auto x = v.as_int64();
            if (!x) return overflow("int too big to convert");
            for (int k = 0; k < 8; ++k) buf[k] = static_cast<uint8_t>(static_cast<uint64_t>(*x) >> (8 * k));
            break;
        }
        case 'Q': {
            if (!v.is_int()) {
                return raise(ExcType::TypeError, "'" + v.type_name() + "' object cannot be interpreted as an integer");
            }
            if (v.negative()) return overflow("can't convert negative int to unsigned");
            auto x = v.as_uint64();
            if (!x) return overflow("int too big to convert");
            for (int k = 0; k < 8; ++k) buf[k] = static_cast<uint8_t>(*x >> (8 * k));
            break;
        }
        default:
            return raise(ExcType::ValueError, "bad typecode");
    }
    std::memcpy(dest, buf, static_cast<size_t>(itemsize_));
    return ok();
}

Item ArrayObject::unpack_at(const uint8_t* src) const { return unpack_native(typecode_, src); }

Result<Item> ArrayObject::get(int64_t index) const {
    if (!normalize_index(index, size())) return raise(ExcType::IndexError, "array index out of range");
    block_->report_read(static_cast<uint64_t>(index * itemsize_), static_cast<uint64_t>((index + 1) * itemsize_),
                        id(), "item");
    return unpack_at(block_->data() + index * itemsize_);
}

Result<std::shared_ptr<ArrayObject>> ArrayObject::get_slice(const SliceArgs& slice) const {
    BV_TRY(ix, adjust_slice(slice, size()));
    BV_TRY(out, create(context(), typecode_));
    BV_CHECK(out->block_->resize(static_cast<uint64_t>(ix.length * itemsize_), true));
    // One element (a step near sys.maxsize included): no stride to multiply.
    block_->report_strided_read(ix.start * itemsize_, ix.length, ix.length > 1 ? ix.step * itemsize_ : 0, itemsize_,
                                id(), "slice");
    for (int64_t i = 0; i < ix.length; ++i) {
        const int64_t p = slice_at(ix, i);
        std::memcpy(out->block_->data() + i * itemsize_, block_->data() + p * itemsize_, static_cast<size_t>(itemsize_));
    }
    context().note_copy(static_cast<uint64_t>(ix.length * itemsize_), block_->id(), out->block_->id(), id());
    return out;
}

Result<void> ArrayObject::set(int64_t index, const Item& value) {
    if (!normalize_index(index, size())) return raise(ExcType::IndexError, "array assignment index out of range");
    uint8_t buf[8];
    BV_CHECK(pack_at(buf, value));
    block_->write(static_cast<uint64_t>(index * itemsize_), buf, static_cast<uint64_t>(itemsize_), id());
    return ok();
}

Result<void> ArrayObject::set_slice(const SliceArgs& slice, const ArrayObject& value) {
    if (value.typecode_ != typecode_) return raise(ExcType::TypeError, "bad argument type for built-in operation");
    BV_TRY(ix, adjust_slice(slice, size()));
    std::string data(value.block_->view());  // value may be self
    const uint64_t from = value.block_->id();
    const int64_t needed = value.size();
    // Issue #4509: fail early when the slice assignment would resize an exported array.
    if ((needed == 0 || ix.length != needed) && exports() > 0) {
        return refuse(ExcType::BufferError, std::string(kArrayCannotResizeMessage));
    }
    if (ix.step == 1) {
        int64_t lo = ix.start, hi = std::max(ix.stop, ix.start);
        const int64_t n = size();
        std::string all(block_->view());
        std::string result = all.substr(0, static_cast<size_t>(lo * itemsize_)) + data +
                             all.substr(static_cast<size_t>(hi * itemsize_));
        BV_CHECK(resize_items(n - (hi - lo) + needed));
        block_->write(static_cast<uint64_t>(lo * itemsize_), result.data() + lo * itemsize_,
                      result.size() - static_cast<uint64_t>(lo * itemsize_), id());
        if (!data.empty()) context().note_copy(data.size(), from, block_->id(), id());
        return ok();
    }
    if (needed == 0) return del_slice(slice);
    if (needed != ix.length) {
        return raise(ExcType::ValueError, fmt::format("attempt to assign array of size {} to extended slice of size {}",
                                                      needed, ix.length));
    }
    for (int64_t i = 0; i < ix.length; ++i) {
        const int64_t p = slice_at(ix, i);
        block_->write(static_cast<uint64_t>(p * itemsize_), data.data() + i * itemsize_,
                      static_cast<uint64_t>(itemsize_), id());
    }
    context().note_copy(data.size(), from, block_->id(), id());
    return ok();
}

Result<void> ArrayObject::del_item(int64_t index) {
    if (!normalize_index(index, size())) return raise(ExcType::IndexError, "array assignment index out of range");
    return del_slice({Item::integer(index), Item::integer(index + 1), Item::none()});
}

Result<void> ArrayObject::del_slice(const SliceArgs& slice) {
    BV_TRY(ix, adjust_slice(slice, size()));
    if (exports() > 0) return refuse(ExcType::BufferError, std::string(kArrayCannotResizeMessage));
    if (ix.length == 0) return ok();
    const int64_t n = size();
    std::string kept;
    int64_t start = ix.start, step = ix.step;
    if (step < 0) {
        start = start + step * (ix.length - 1);
        step = -step;
    }
    for (int64_t i = 0; i < n; ++i) {
        bool removed = i >= start && (i - start) % step == 0 && (i - start) / step < ix.length;
        if (!removed) kept.append(reinterpret_cast<const char*>(block_->data() + i * itemsize_), static_cast<size_t>(itemsize_));
    }
    block_->report_write(static_cast<uint64_t>(start * itemsize_), block_->size(), id());
    std::memcpy(block_->data(), kept.data(), kept.size());
    return resize_items(static_cast<int64_t>(kept.size()) / itemsize_);
}

Result<void> ArrayObject::append(const Item& value) {
    uint8_t buf[8];
    BV_CHECK(pack_at(buf, value));
    const int64_t n = size();
    BV_CHECK(resize_items(n + 1));
    block_->write(static_cast<uint64_t>(n * itemsize_), buf, static_cast<uint64_t>(itemsize_), id());
    return ok();
}

Result<void> ArrayObject::extend(const std::vector<Item>& items) {
    for (const Item& v : items) BV_CHECK(append(v));
    return ok();
}

Result<void> ArrayObject::fromlist(const std::vector<Item>& items) {
    if (items.empty()) return ok();
    if (exports() > 0) return refuse(ExcType::BufferError, std::string(kArrayCannotResizeMessage));
    std::string packed(items.size() * static_cast<size_t>(itemsize_), '\0');
    for (size_t i = 0; i < items.size(); ++i) {
        BV_CHECK(pack_at(reinterpret_cast<uint8_t*>(packed.data()) + i * static_cast<size_t>(itemsize_), items[i]));
    }
    const uint64_t n = block_->size();
    BV_CHECK(resize_items(size() + static_cast<int64_t>(items.size())));
    block_->write(n, packed.data(), packed.size(), id());
    return ok();
}

Result<void> ArrayObject::extend_array(const ArrayObject& other) {
    if (other.typecode_ != typecode_) return raise(ExcType::TypeError, "can only extend with array of same kind");
    std::string data(other.block_->view());
    const uint64_t from = other.block_->id();
    const uint64_t n = block_->size();
    BV_CHECK(resize_items(size() + static_cast<int64_t>(data.size()) / itemsize_));
    if (!data.empty()) {
        block_->write(n, data.data(), data.size(), id());
        context().note_copy(data.size(), from, block_->id(), id());  // CPython memcpy's the items
    }
    return ok();
}

Result<void> ArrayObject::frombytes(std::string_view data, uint64_t from_block) {
    if (static_cast<int64_t>(data.size()) % itemsize_ != 0) {
        return raise(ExcType::ValueError, "bytes length not a multiple of item size");
    }
    if (data.empty()) return ok();
    std::string copy(data);
    const uint64_t n = block_->size();
    BV_CHECK(resize_items(size() + static_cast<int64_t>(copy.size()) / itemsize_));
    block_->write(n, copy.data(), copy.size(), id());
    context().note_copy(copy.size(), from_block, block_->id(), id());
    return ok();
}

Result<Item> ArrayObject::pop(std::optional<int64_t> index) {
    const int64_t n = size();
    if (n == 0) return raise(ExcType::IndexError, "pop from empty array");
    int64_t i = index.value_or(-1);
    if (!normalize_index(i, n)) return raise(ExcType::IndexError, "pop index out of range");
    Item v = unpack_at(block_->data() + i * itemsize_);
    BV_CHECK(del_slice({Item::integer(i), Item::integer(i + 1), Item::none()}));
    return v;
}

Result<void> ArrayObject::insert(int64_t index, const Item& value) {
    uint8_t buf[8];
    BV_CHECK(pack_at(buf, value));
    const int64_t n = size();
    if (index < 0) {
        index += n;
        if (index < 0) index = 0;
    }
    if (index > n) index = n;
    BV_CHECK(resize_items(n + 1));
    uint8_t* d = block_->data();
    block_->report_write(static_cast<uint64_t>(index * itemsize_), block_->size(), id());
    std::memmove(d + (index + 1) * itemsize_, d + index * itemsize_, static_cast<size_t>((n - index) * itemsize_));
    std::memcpy(d + index * itemsize_, buf, static_cast<size_t>(itemsize_));
    return ok();
}

Result<void> ArrayObject::remove(const Item& value) {
    const int64_t n = size();
    for (int64_t i = 0; i < n; ++i) {
        if (unpack_at(block_->data() + i * itemsize_) == value) return del_item(i);
    }
    return raise(ExcType::ValueError, "array.remove(x): x not in array");
}

Result<std::string> ArrayObject::tobytes() const {
    block_->report_read(0, block_->size(), id(), "tobytes");
    context().note_copy(block_->size(), block_->id(), 0, id());
    return std::string(block_->view());
}

Result<std::vector<Item>> ArrayObject::tolist() const {
    std::vector<Item> out;
    const int64_t n = size();
    out.reserve(static_cast<size_t>(n));
    block_->report_read(0, block_->size(), id(), "tolist");
    for (int64_t i = 0; i < n; ++i) out.push_back(unpack_at(block_->data() + i * itemsize_));
    return out;
}

Result<void> ArrayObject::byteswap() {
    if (block_->size() == 0) return ok();
    block_->report_write(0, block_->size(), id());
    uint8_t* d = block_->data();
    for (int64_t i = 0; i < size(); ++i) std::reverse(d + i * itemsize_, d + (i + 1) * itemsize_);
    return ok();
}

}  // namespace engine
