// ByteArrayObject: CPython 3.11 Objects/bytearrayobject.c semantics, including
// _canresize (refuse length changes while exported) and slice assignment.
#include "engine/buffer/bytearray_object.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace engine {

ByteArrayObject::ByteArrayObject(BufferContext& ctx) : Exporter(ctx) {}

Result<std::shared_ptr<ByteArrayObject>> ByteArrayObject::create(BufferContext& ctx, std::string_view data) {
    auto obj = std::make_shared<ByteArrayObject>(ctx);
    BV_TRY(block, Block::create_from(ctx, obj->id(), data));
    obj->block_ = std::move(block);
    if (auto* obs = ctx.observer()) obs->on_object_created(obj->id(), "bytearray", obj->block_->id());
    return obj;
}

Result<std::shared_ptr<ByteArrayObject>> ByteArrayObject::create_zeroed(BufferContext& ctx, int64_t count) {
    if (count < 0) return raise(ExcType::ValueError, "negative count");
    auto obj = std::make_shared<ByteArrayObject>(ctx);
    BV_TRY(block, Block::create(ctx, obj->id(), static_cast<uint64_t>(count)));
    obj->block_ = std::move(block);
    if (auto* obs = ctx.observer()) obs->on_object_created(obj->id(), "bytearray", obj->block_->id());
    return obj;
}

Result<BufferInfo> ByteArrayObject::fill_buffer(int flags) {
    return fill_info(block_.get(), 0, size(), /*readonly=*/false, flags);
}

Result<uint8_t> byte_from_item(const Item& value) {
    if (!value.is_int()) {
        return raise(ExcType::TypeError, "'" + value.type_name() + "' object cannot be interpreted as an integer");
    }
    auto v = value.as_int64();
    if (!v || *v < 0 || *v > 255) return raise(ExcType::ValueError, "byte must be in range(0, 256)");
    return static_cast<uint8_t>(*v);
}

Result<void> ByteArrayObject::resize(int64_t new_size) {
    if (new_size == size()) return ok();
    BV_CHECK(check_resizable());
    assert(new_size >= 0);
    return block_->resize(static_cast<uint64_t>(new_size));
}

Result<int64_t> ByteArrayObject::get(int64_t index) const {
    if (!normalize_index(index, size())) return raise(ExcType::IndexError, "bytearray index out of range");
    block_->report_read(static_cast<uint64_t>(index), static_cast<uint64_t>(index) + 1, id(), "item");
    return static_cast<int64_t>(block_->data()[index]);
}

Result<std::shared_ptr<ByteArrayObject>> ByteArrayObject::get_slice(const SliceArgs& slice) const {
    BV_TRY(ix, adjust_slice(slice, size()));
    std::string out;
    out.reserve(static_cast<size_t>(ix.length));
    block_->report_strided_read(ix.start, ix.length, ix.length > 1 ? ix.step : 0, 1, id(), "slice");
    for (int64_t i = 0; i < ix.length; ++i) {
        const int64_t p = slice_at(ix, i);
        out += static_cast<char>(block_->data()[p]);
    }
    BV_TRY(result, create(context(), out));
    context().note_copy(out.size(), block_->id(), result->block_->id(), id());
    return result;
}

Result<void> ByteArrayObject::set(int64_t index, const Item& value) {
    BV_TRY(byte, byte_from_item(value));
    if (!normalize_index(index, size())) return raise(ExcType::IndexError, "bytearray index out of range");
    block_->write(static_cast<uint64_t>(index), &byte, 1, id());
    return ok();
}

// bytearray_setslice_linear: replace [lo, hi) by data, resizing as needed.
Result<void> ByteArrayObject::replace_range(int64_t lo, int64_t hi, std::string_view data) {
    if (hi < lo) hi = lo;
    const int64_t needed = static_cast<int64_t>(data.size());
    const int64_t growth = needed - (hi - lo);
    std::string copy(data);  // data may alias our own bytes (ba[0:2] = ba)
    const int64_t old = size();
    if (growth < 0) {
        BV_CHECK(check_resizable());
        // Move the tail left, then shrink.
        block_->report_write(static_cast<uint64_t>(lo), static_cast<uint64_t>(old), id());
        std::memmove(block_->data() + hi + growth, block_->data() + hi, static_cast<size_t>(old - hi));
        BV_CHECK(block_->resize(static_cast<uint64_t>(old + growth)));
    } else if (growth > 0) {
        if (old > INT64_MAX - growth) return raise(ExcType::MemoryError, "");
        BV_CHECK(resize(old + growth));
        block_->report_write(static_cast<uint64_t>(lo), static_cast<uint64_t>(old + growth), id());
        std::memmove(block_->data() + lo + needed, block_->data() + hi, static_cast<size_t>(old - hi));
    }
    if (needed > 0) {
        block_->write(static_cast<uint64_t>(lo), copy.data(), static_cast<uint64_t>(needed), id());
    }
    return ok();
}

Result<void> ByteArrayObject::set_slice(const SliceArgs& slice, std::string_view data,
                                        uint64_t from_block) {
    BV_TRY(ix, adjust_slice(slice, size()));
    if (ix.step == 1) {
        BV_CHECK(replace_range(ix.start, ix.stop, data));
        note_copy_in(data.size(), from_block);
        return ok();
    }
    const int64_t needed = static_cast<int64_t>(data.size());
    if (needed == 0) return del_slice(slice);
    if (needed != ix.length) {
        return raise(ExcType::ValueError, fmt::format("attempt to assign bytes of size {} to extended slice of size {}",
                                                      needed, ix.length));
    }
    std::string copy(data);
    int64_t lo = ix.step > 0 ? ix.start : ix.start + (ix.length - 1) * ix.step;
    int64_t hi = ix.step > 0 ? ix.start + (ix.length - 1) * ix.step + 1 : ix.start + 1;
    if (context().observer() && ix.length > 0) {
        std::vector<ByteRange> pieces;
        for (int64_t i = 0; i < ix.length; ++i) {
            uint64_t p = static_cast<uint64_t>(ix.start + i * ix.step);
            pieces.push_back({p, p + 1});
        }
        std::sort(pieces.begin(), pieces.end(), [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
        block_->report_write(static_cast<uint64_t>(lo), static_cast<uint64_t>(hi), id(), std::move(pieces));
    }
    for (int64_t i = 0; i < ix.length; ++i) {
        const int64_t p = slice_at(ix, i);
        block_->data()[p] = static_cast<uint8_t>(copy[static_cast<size_t>(i)]);
    }
    note_copy_in(copy.size(), from_block);
    return ok();
}

Result<void> ByteArrayObject::del_item(int64_t index) {
    if (!normalize_index(index, size())) return raise(ExcType::IndexError, "bytearray index out of range");
    return replace_range(index, index + 1, {});
}

Result<void> ByteArrayObject::del_slice(const SliceArgs& slice) {
    BV_TRY(ix, adjust_slice(slice, size()));
    if (ix.step == 1) return replace_range(ix.start, ix.stop, {});
    BV_CHECK(check_resizable());  // CPython checks before looking at the length
    if (ix.length <= 0) return ok();
    int64_t start = ix.start, step = ix.step;
    if (step < 0) {
        start = start + step * (ix.length - 1);
        step = -step;
    }
    std::string kept;
    const int64_t n = size();
    for (int64_t i = 0; i < n; ++i) {
        bool removed = i >= start && (i - start) % step == 0 && (i - start) / step < ix.length;
        if (!removed) kept += static_cast<char>(block_->data()[i]);
    }
    block_->report_write(static_cast<uint64_t>(start), static_cast<uint64_t>(n), id());
    std::memcpy(block_->data(), kept.data(), kept.size());
    return block_->resize(kept.size());
}

Result<void> ByteArrayObject::append(const Item& value) {
    BV_TRY(byte, byte_from_item(value));
    const int64_t n = size();
    BV_CHECK(resize(n + 1));
    block_->write(static_cast<uint64_t>(n), &byte, 1, id());
    return ok();
}

Result<void> ByteArrayObject::extend(std::string_view data, uint64_t from_block) {
    return iadd(data, from_block);
}

Result<void> ByteArrayObject::iadd(std::string_view data, uint64_t from_block) {
    const int64_t n = size();
    std::string copy(data);
    BV_CHECK(resize(n + static_cast<int64_t>(copy.size())));
    block_->write(static_cast<uint64_t>(n), copy.data(), copy.size(), id());
    note_copy_in(copy.size(), from_block);
    return ok();
}

void ByteArrayObject::note_copy_in(size_t bytes, uint64_t from_block) {
    if (bytes > 0) context().note_copy(bytes, from_block, block_->id(), id());
}

Result<void> ByteArrayObject::insert(int64_t index, const Item& value) {
    BV_TRY(byte, byte_from_item(value));
    const int64_t n = size();
    if (index < 0) {
        index += n;
        if (index < 0) index = 0;
    }
    if (index > n) index = n;
    char c = static_cast<char>(byte);
    return replace_range(index, index, std::string_view(&c, 1));
}

Result<int64_t> ByteArrayObject::pop(std::optional<int64_t> index) {
    const int64_t n = size();
    if (n == 0) return raise(ExcType::IndexError, "pop from empty bytearray");
    int64_t i = index.value_or(-1);
    if (!normalize_index(i, n)) return raise(ExcType::IndexError, "pop index out of range");
    BV_CHECK(check_resizable());
    int64_t v = block_->data()[i];
    BV_CHECK(replace_range(i, i + 1, {}));
    return v;
}

Result<void> ByteArrayObject::remove(const Item& value) {
    BV_TRY(byte, byte_from_item(value));
    const int64_t n = size();
    for (int64_t i = 0; i < n; ++i) {
        if (block_->data()[i] == byte) {
            BV_CHECK(check_resizable());
            return replace_range(i, i + 1, {});
        }
    }
    return raise(ExcType::ValueError, "value not found in bytearray");
}

Result<void> ByteArrayObject::clear() { return resize(0); }

Result<void> ByteArrayObject::imul(int64_t count) {
    const int64_t n = size();
    if (count < 0) count = 0;
    if (n > 0 && count > INT64_MAX / n) return raise(ExcType::MemoryError, "");
    const int64_t total = n * count;
    std::string pattern(view());
    BV_CHECK(resize(total));
    if (total > n) {
        block_->report_write(static_cast<uint64_t>(n), static_cast<uint64_t>(total), id());
        for (int64_t off = n; off < total; off += n) std::memcpy(block_->data() + off, pattern.data(), static_cast<size_t>(n));
    }
    return ok();
}

Result<void> ByteArrayObject::assign(std::string_view data) {
    std::string copy(data);
    BV_CHECK(resize(static_cast<int64_t>(copy.size())));
    block_->write(0, copy.data(), copy.size(), id());
    return ok();
}

Result<void> ByteArrayObject::reverse() {
    const int64_t n = size();
    if (n == 0) return ok();
    block_->report_write(0, static_cast<uint64_t>(n), id());
    std::reverse(block_->data(), block_->data() + n);
    return ok();
}

}  // namespace engine
