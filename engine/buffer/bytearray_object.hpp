// ByteArrayObject: Python's `bytearray`. One Block that grows with CPython's
// over-allocation (and may move); every operation that would change the length
// is refused while the object is exported (_canresize):
//   BufferError: Existing exports of data: object cannot be re-sized
// Length-preserving writes (ba[0] = 1, ba[0:2] = b'xy', ba += b'') are allowed.
//
//     BV_TRY(ba, ByteArrayObject::create(ctx, "hello"));
//     BV_CHECK(ba->append(Item::integer(33)));      // b'hello!'
//     BV_TRY(mv, MemoryView::from_object(ba));
//     ba->append(Item::integer(1));                 // -> BufferError (exported)
//
// Values are Items (ints 0..255): TypeError "'str' object cannot be interpreted
// as an integer", ValueError "byte must be in range(0, 256)". Byte-string
// arguments (extend, slice assignment, +=) are passed as raw bytes: the
// interpreter converts iterables/buffers to bytes first, and passes the block
// they were read from. CPython memcpy's those bytes in (from the argument's
// buffer, or from the bytearray it builds from an iterable of ints), so they
// count on the copy meter (from block 0: outside any block).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/buffer/exporter.hpp"
#include "engine/buffer/item.hpp"
#include "engine/buffer/slice.hpp"

namespace engine {

class ByteArrayObject : public Exporter {
public:
    static Result<std::shared_ptr<ByteArrayObject>> create(BufferContext& ctx,
                                                           std::string_view data = {});
    // bytearray(n): n zero bytes. ValueError "negative count"; past the budget MemoryError.
    static Result<std::shared_ptr<ByteArrayObject>> create_zeroed(BufferContext& ctx, int64_t count);
    std::string_view type_name() const override { return "bytearray"; }

    int64_t size() const { return static_cast<int64_t>(block_->size()); }
    std::string_view view() const { return block_->view(); }
    const Block& block() const { return *block_; }

    Result<int64_t> get(int64_t index) const;                 // "bytearray index out of range"
    Result<std::shared_ptr<ByteArrayObject>> get_slice(const SliceArgs& slice) const;
    Result<void> set(int64_t index, const Item& value);       // ba[i] = v
    Result<void> set_slice(const SliceArgs& slice, std::string_view data,
                           uint64_t from_block = 0);          // ba[a:b:c] = data
    Result<void> del_item(int64_t index);                     // del ba[i]
    Result<void> del_slice(const SliceArgs& slice);           // del ba[a:b:c]

    Result<void> append(const Item& value);
    Result<void> extend(std::string_view data, uint64_t from_block = 0);
    Result<void> insert(int64_t index, const Item& value);
    Result<int64_t> pop(std::optional<int64_t> index = std::nullopt);  // "pop from empty bytearray"
    Result<void> remove(const Item& value);                   // "value not found in bytearray"
    Result<void> clear();
    Result<void> iadd(std::string_view data, uint64_t from_block = 0);  // ba += data
    Result<void> imul(int64_t count);                         // ba *= n
    Result<void> assign(std::string_view data);               // ba.__init__(data)
    Result<void> reverse();

    explicit ByteArrayObject(BufferContext& ctx);  // use create()

protected:
    Result<BufferInfo> fill_buffer(int flags) override;

private:
    // PyByteArray_Resize: no-op when unchanged, else _canresize + resize.
    Result<void> resize(int64_t new_size);
    // Replace [lo, hi) by data (bytearray_setslice_linear).
    Result<void> replace_range(int64_t lo, int64_t hi, std::string_view data);
    // `bytes` memcpy'd into our block from `from_block`: the copy meter's share.
    void note_copy_in(size_t bytes, uint64_t from_block);
    std::unique_ptr<Block> block_;
};

// "byte must be in range(0, 256)" / "'x' object cannot be interpreted as an integer".
Result<uint8_t> byte_from_item(const Item& value);

}  // namespace engine
