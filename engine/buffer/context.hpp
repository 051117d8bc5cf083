// BufferContext and Block.
//
// BufferContext is the explicit state of one run of the buffer engine (no
// globals): id counters, the memory budget, the byte meters and the observer.
// Every Block, Exporter and MemoryView keeps a pointer to its context, so the
// context must outlive all of them.
//
//     BufferContext ctx(/*memory_budget=*/64 << 20);
//     ctx.set_observer(&recorder);
//     BV_TRY(ba, ByteArrayObject::create(ctx, "hello"));
//
// Block: a run of bytes with a stable id and a display address, owned by one
// exporter. Growing past its capacity moves it to a new address (reported), so
// raw pointers into a block are only valid until the next resize; views always
// recompute pointers from (block, offset).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/buffer/observer.hpp"
#include "engine/core/result.hpp"

namespace engine {

inline constexpr uint64_t kDefaultMemoryBudget = uint64_t{256} << 20;  // 256 MiB
// Python-visible sizes are Py_ssize_t on x86-64.
inline constexpr int64_t kPySsizeMax = INT64_MAX;

class BufferContext {
public:
    explicit BufferContext(uint64_t memory_budget = kDefaultMemoryBudget);
    BufferContext(const BufferContext&) = delete;
    BufferContext& operator=(const BufferContext&) = delete;

    BufferObserver* observer() const { return observer_; }
    void set_observer(BufferObserver* observer) { observer_ = observer; }

    uint64_t memory_budget() const { return budget_; }
    void set_memory_budget(uint64_t bytes) { budget_ = bytes; }
    uint64_t bytes_in_use() const { return in_use_; }                   // live block capacity
    uint64_t bytes_allocated_total() const { return allocated_total_; }  // sum of allocations
    uint64_t bytes_copied_total() const { return copied_total_; }

    uint64_t new_object_id() { return ++last_object_id_; }
    uint64_t new_block_id() { return ++last_block_id_; }
    int new_fileno() { return next_fileno_++; }  // 3, 4, ... like a fresh process

    // Reserve `bytes` against the budget: MemoryError when it would pass it.
    Result<void> charge(uint64_t bytes);
    void uncharge(uint64_t bytes);
    // A fresh display address for `capacity` bytes (bump allocator, 16-aligned).
    uint64_t new_address(uint64_t capacity);
    // Count a copy and report it to the observer.
    void note_copy(uint64_t bytes, uint64_t from_block, uint64_t to_block, uint64_t through_id);

private:
    BufferObserver* observer_ = nullptr;
    uint64_t budget_;
    uint64_t in_use_ = 0;
    uint64_t allocated_total_ = 0;
    uint64_t copied_total_ = 0;
    uint64_t last_object_id_ = 0;
    uint64_t last_block_id_ = 0;
    int next_fileno_ = 3;
    uint64_t next_address_ = 0x7f3a5c001000ULL;
};

class Block {
public:
    // A zero-filled block of `size` bytes owned by object `owner_id`.
    static Result<std::unique_ptr<Block>> create(BufferContext& ctx, uint64_t owner_id,
                                                 uint64_t size);
    // A block holding a copy of `data` (counted as allocation, not as a copy).
    // `constant`: a compile-time constant (BlockEvent::constant).
    static Result<std::unique_ptr<Block>> create_from(BufferContext& ctx, uint64_t owner_id,
                                                      std::string_view data, bool constant = false);
    // Like create() but the bytes are left for the caller to fill at once.
    static Result<std::unique_ptr<Block>> create_uninitialized(BufferContext& ctx, uint64_t owner_id,
                                                               uint64_t size, bool constant = false);
    ~Block();
    Block(const Block&) = delete;
    Block& operator=(const Block&) = delete;

    uint64_t id() const { return id_; }
    uint64_t owner_id() const { return owner_id_; }
    uint64_t address() const { return address_; }
    uint64_t size() const { return size_; }
    uint64_t capacity() const { return capacity_; }
    BufferContext& context() const { return *ctx_; }
    uint8_t* data() { return data_.get(); }
    const uint8_t* data() const { return data_.get(); }
    std::string_view view() const {
        return {reinterpret_cast<const char*>(data_.get()), static_cast<size_t>(size_)};
    }

    // Change the size; new bytes are zero. Growing past capacity reallocates with
    // CPython bytearray's over-allocation and moves the block (new address).
    // `exact`: allocate exactly new_size when moving (bytes, array, mmap).
    Result<void> resize(uint64_t new_size, bool exact = false);

    // Report a write of [begin, end) through `through_id` BEFORE changing bytes.
    void report_write(uint64_t begin, uint64_t end, uint64_t through_id,
                      std::vector<ByteRange> pieces = {}) const;
    // report_write + memmove of n bytes from src to offset.
    void write(uint64_t offset, const void* src, uint64_t n, uint64_t through_id);

    // Report a read of [begin, end) through `through_id` (see ReadEvent); an
    // empty range reports nothing. No work at all without an observer.
    void report_read(uint64_t begin, uint64_t end, uint64_t through_id, std::string_view what) const {
        if (ctx_->observer() && begin < end) report_read_pieces(begin, end, through_id, what, {});
    }
    // A read of `count` elements of `itemsize` bytes, element i at block offset
    // first + i*step (step may be negative): a strided slice b[1::2].
    void report_strided_read(int64_t first, int64_t count, int64_t step, int64_t itemsize,
                             uint64_t through_id, std::string_view what) const;
    void report_read_pieces(uint64_t begin, uint64_t end, uint64_t through_id, std::string_view what,
                            std::vector<ByteRange> pieces) const;

private:
    Block(BufferContext& ctx, uint64_t owner_id);
    BufferContext* ctx_;
    uint64_t id_ = 0;
    uint64_t owner_id_ = 0;
    uint64_t address_ = 0;
    uint64_t size_ = 0;
    uint64_t capacity_ = 0;
    std::unique_ptr<uint8_t[]> data_;
};

}  // namespace engine
