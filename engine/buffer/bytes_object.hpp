// BytesObject: Python's immutable `bytes`, one Block, read-only buffer.
//
//     BV_TRY(b, BytesObject::create(ctx, "abc"));   // b'abc'
//     b->view();  // "abc"
//     BV_TRY(mv, MemoryView::from_object(b));        // readonly view
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "engine/buffer/exporter.hpp"

namespace engine {

class BytesObject : public Exporter {
public:
    static Result<std::shared_ptr<BytesObject>> create(BufferContext& ctx, std::string_view data);
    // A bytes literal: a code object's constant, made once per literal; its
    // block is no allocation of the program (BlockEvent::constant).
    static Result<std::shared_ptr<BytesObject>> create_constant(BufferContext& ctx, std::string_view data);
    // A new bytes object copied from another block's bytes (reports a copy).
    static Result<std::shared_ptr<BytesObject>> create_copy(BufferContext& ctx,
                                                            std::string_view data,
                                                            uint64_t from_block,
                                                            uint64_t through_id);

    // bytes(n): n zero bytes. ValueError "negative count"; past the budget MemoryError.
    // (The interpreter turns an int beyond Py_ssize_t into OverflowError
    // "cannot fit 'int' into an index-sized integer" before calling.)
    static Result<std::shared_ptr<BytesObject>> create_zeroed(BufferContext& ctx, int64_t count);
    // A new bytes object of `size` bytes written by `fill` (no zero-fill first).
    static Result<std::shared_ptr<BytesObject>> create_filled(
        BufferContext& ctx, int64_t size, const std::function<void(uint8_t*)>& fill);

    std::string_view type_name() const override { return "bytes"; }
    bool hashable() const override { return true; }

    int64_t size() const { return static_cast<int64_t>(block_->size()); }
    std::string_view view() const { return block_->view(); }
    const Block& block() const { return *block_; }

    explicit BytesObject(BufferContext& ctx);  // use create()

protected:
    Result<BufferInfo> fill_buffer(int flags) override;

private:
    std::unique_ptr<Block> block_;
};

}  // namespace engine
