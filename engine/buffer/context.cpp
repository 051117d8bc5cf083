// BufferContext (budget, ids, meters) and Block (storage with display address).
#include "engine/buffer/context.hpp"

#include <algorithm>
#include <cstring>
#include <new>

namespace engine {

BufferContext::BufferContext(uint64_t memory_budget) : budget_(memory_budget) {}

Result<void> BufferContext::charge(uint64_t bytes) {
    if (bytes > budget_ || in_use_ > budget_ - bytes) return raise(ExcType::MemoryError, "");
    in_use_ += bytes;
    allocated_total_ += bytes;
    return ok();
}

void BufferContext::uncharge(uint64_t bytes) {
    assert(bytes <= in_use_);
    in_use_ -= bytes;
}

uint64_t BufferContext::new_address(uint64_t capacity) {
    uint64_t addr = next_address_;
    // Leave a gap after each block so neighbours are visibly distinct; 16-aligned.
    uint64_t step = (capacity + 32 + 15) & ~uint64_t{15};
    next_address_ += step;
    return addr;
}

void BufferContext::note_copy(uint64_t bytes, uint64_t from_block, uint64_t to_block,
                              uint64_t through_id) {
    copied_total_ += bytes;
    if (observer_) observer_->on_copy(CopyEvent{bytes, from_block, to_block, through_id});
}

Block::Block(BufferContext& ctx, uint64_t owner_id)
    : ctx_(&ctx), id_(ctx.new_block_id()), owner_id_(owner_id) {}

Result<std::unique_ptr<Block>> Block::create(BufferContext& ctx, uint64_t owner_id, uint64_t size) {
    BV_TRY(b, create_uninitialized(ctx, owner_id, size));
    if (size) std::memset(b->data(), 0, static_cast<size_t>(size));
    return b;
}

Result<std::unique_ptr<Block>> Block::create_uninitialized(BufferContext& ctx, uint64_t owner_id,
                                                           uint64_t size, bool constant) {
    if (size > static_cast<uint64_t>(kPySsizeMax) || size > SIZE_MAX - 1) {
        return raise(ExcType::MemoryError, "");
    }
    BV_CHECK(ctx.charge(size));
    std::unique_ptr<Block> b(new Block(ctx, owner_id));
    b->data_.reset(new (std::nothrow) uint8_t[static_cast<size_t>(size) + 1]);
    if (!b->data_) {
        ctx.uncharge(size);
        b->capacity_ = 0;
        return raise(ExcType::MemoryError, "");
    }
    b->data_[static_cast<size_t>(size)] = 0;
    b->size_ = size;
    b->capacity_ = size;
    b->address_ = ctx.new_address(size);
    if (auto* obs = ctx.observer()) {
        obs->on_block_allocated(BlockEvent{b->id_, owner_id, size, b->address_, b.get(), constant});
    }
    return b;
}

Result<std::unique_ptr<Block>> Block::create_from(BufferContext& ctx, uint64_t owner_id,
                                                  std::string_view data, bool constant) {
    BV_TRY(b, create_uninitialized(ctx, owner_id, data.size(), constant));
    if (!data.empty()) std::memcpy(b->data(), data.data(), data.size());
    return b;
}

Block::~Block() {
    if (!data_) return;
    ctx_->uncharge(capacity_);
    if (auto* obs = ctx_->observer()) obs->on_block_freed(id_);
}

Result<void> Block::resize(uint64_t new_size, bool exact) {
    if (new_size == size_) return ok();
    if (new_size > static_cast<uint64_t>(kPySsizeMax) || new_size > SIZE_MAX - 1) {
        return raise(ExcType::MemoryError, "");
    }
    uint64_t old_size = size_, old_address = address_;
    bool moved = false;
    if (new_size <= capacity_) {
        // CPython bytearray: a major downsize (below half) reallocates in place.
        if (new_size < capacity_ / 2) {
            ctx_->uncharge(capacity_ - new_size);
            capacity_ = new_size;
        }
        if (new_size > size_) std::memset(data_.get() + size_, 0, static_cast<size_t>(new_size - size_));
        size_ = new_size;
    } else {
        // Moderate upsize: over-allocate like list_resize; major upsize: exact.
        uint64_t alloc = new_size;
        if (!exact && new_size <= capacity_ + (capacity_ >> 3)) {
            alloc = new_size + (new_size >> 3) + (new_size < 9 ? 3 : 6);
        }
        BV_CHECK(ctx_->charge(alloc));
        std::unique_ptr<uint8_t[]> fresh(new (std::nothrow) uint8_t[static_cast<size_t>(alloc) + 1]);
        if (!fresh) {
            ctx_->uncharge(alloc);
            return raise(ExcType::MemoryError, "");
        }
        std::memset(fresh.get(), 0, static_cast<size_t>(alloc) + 1);
        if (size_) std::memcpy(fresh.get(), data_.get(), static_cast<size_t>(size_));
        ctx_->uncharge(capacity_);
        data_ = std::move(fresh);
        capacity_ = alloc;
        size_ = new_size;
        address_ = ctx_->new_address(alloc);
        moved = true;
    }
    if (auto* obs = ctx_->observer()) {
        obs->on_block_resized(BlockResizeEvent{id_, old_size, new_size, old_address, address_, moved});
    }
    return ok();
}

void Block::report_write(uint64_t begin, uint64_t end, uint64_t through_id,
                         std::vector<ByteRange> pieces) const {
    if (auto* obs = ctx_->observer()) {
        WriteEvent ev;
        ev.block_id = id_;
        ev.begin = begin;
        ev.end = end;
        ev.pieces = std::move(pieces);
        ev.through_id = through_id;
        ev.old_bytes = data_.get() + begin;
        obs->on_write(ev);
    }
}

void Block::report_read_pieces(uint64_t begin, uint64_t end, uint64_t through_id,
                               std::string_view what, std::vector<ByteRange> pieces) const {
    auto* obs = ctx_->observer();
    if (!obs || begin >= end) return;
    assert(end <= size_);
    ReadEvent ev;
    ev.block_id = id_;
    ev.begin = begin;
    ev.end = end;
    ev.pieces = std::move(pieces);
    ev.through_id = through_id;
    ev.what = what;
    obs->on_read(ev);
}

void Block::report_strided_read(int64_t first, int64_t count, int64_t step, int64_t itemsize,
                                uint64_t through_id, std::string_view what) const {
    if (!ctx_->observer() || count <= 0 || itemsize <= 0) return;
    if (step == itemsize || count == 1) {
        uint64_t b = static_cast<uint64_t>(first);
        report_read_pieces(b, b + static_cast<uint64_t>(count * itemsize), through_id, what, {});
        return;
    }
    // Elements in ascending order, adjacent ones merged.
    int64_t lo = step < 0 ? first + (count - 1) * step : first;
    int64_t astep = step < 0 ? -step : step;
    std::vector<ByteRange> pieces;
    for (int64_t i = 0; i < count; ++i) {
        uint64_t b = static_cast<uint64_t>(lo + i * astep);
        uint64_t e = b + static_cast<uint64_t>(itemsize);
        if (!pieces.empty() && pieces.back().end >= b) {
            pieces.back().end = std::max(pieces.back().end, e);
        } else {
            pieces.push_back({b, e});
        }
    }
    uint64_t begin = pieces.front().begin, end = pieces.back().end;
    if (pieces.size() == 1) pieces.clear();
    report_read_pieces(begin, end, through_id, what, std::move(pieces));
}

void Block::write(uint64_t offset, const void* src, uint64_t n, uint64_t through_id) {
    if (n == 0) return;
    assert(offset + n <= size_);
    report_write(offset, offset + n, through_id);
    std::memmove(data_.get() + offset, src, static_cast<size_t>(n));
}

}  // namespace engine
