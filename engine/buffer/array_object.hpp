// ArrayObject: Python's `array.array` for the type codes b B h H i I l L q Q f d
// (x86-64 sizes: l/L/q/Q 8 bytes). One Block of itemsize * len bytes; the
// buffer format is the typecode. Length changes are refused while exported:
//   BufferError: cannot resize an array that is exporting buffers
//
//     BV_TRY(a, ArrayObject::create(ctx, 'i'));
//     BV_CHECK(a->extend({Item::integer(1), Item::integer(2)}));
//     BV_TRY(mv, MemoryView::from_object(a));   // format 'i', itemsize 4
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/buffer/exporter.hpp"
#include "engine/buffer/item.hpp"
#include "engine/buffer/slice.hpp"

namespace engine {

class ArrayObject : public Exporter {
public:
    // ValueError "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)".
    static Result<std::shared_ptr<ArrayObject>> create(BufferContext& ctx, char typecode);
    // array(typecode, items): items appended one by one (errors as append).
    static Result<std::shared_ptr<ArrayObject>> create(BufferContext& ctx, char typecode,
                                                       const std::vector<Item>& items);
    std::string_view type_name() const override { return "array.array"; }

    char typecode() const { return typecode_; }
    int64_t itemsize() const { return itemsize_; }
    int64_t size() const { return static_cast<int64_t>(block_->size()) / itemsize_; }  // len(a)
    const Block& block() const { return *block_; }

    Result<Item> get(int64_t index) const;                  // "array index out of range"
    Result<std::shared_ptr<ArrayObject>> get_slice(const SliceArgs& slice) const;
    Result<void> set(int64_t index, const Item& value);     // "array assignment index out of range"
    Result<void> set_slice(const SliceArgs& slice, const ArrayObject& value);
    Result<void> del_item(int64_t index);
    Result<void> del_slice(const SliceArgs& slice);

    Result<void> append(const Item& value);
    Result<void> extend(const std::vector<Item>& items);
    Result<void> extend_array(const ArrayObject& other);    // "can only extend with array of same kind"
    // array.fromlist: grows first (refused while exported), then stores each
    // value; a failing value shrinks it back, so nothing is appended.
    Result<void> fromlist(const std::vector<Item>& items);
    // "bytes length not a multiple of item size"; the copy is metered from `from_block`.
    Result<void> frombytes(std::string_view data, uint64_t from_block = 0);
    Result<Item> pop(std::optional<int64_t> index = std::nullopt);
    Result<void> insert(int64_t index, const Item& value);
    Result<void> remove(const Item& value);                 // "array.remove(x): x not in array"
    Result<std::string> tobytes() const;
    Result<std::vector<Item>> tolist() const;
    Result<void> byteswap();

    explicit ArrayObject(BufferContext& ctx, char typecode, int64_t itemsize);  // use create()

protected:
    Result<BufferInfo> fill_buffer(int flags) override;

private:
    Result<void> resize_items(int64_t new_len);  // refused while exported
    Result<void> pack_at(uint8_t* dest, const Item& value) const;  // array's setitem checks
    Item unpack_at(const uint8_t* src) const;
    char typecode_;
    int64_t itemsize_;
    std::unique_ptr<Block> block_;
};

inline constexpr std::string_view kArrayCannotResizeMessage =
    "cannot resize an array that is exporting buffers";

}  // namespace engine
