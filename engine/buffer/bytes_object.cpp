// BytesObject: immutable bytes, one read-only Block.
#include "engine/buffer/bytes_object.hpp"

namespace engine {

BytesObject::BytesObject(BufferContext& ctx) : Exporter(ctx) {}

Result<std::shared_ptr<BytesObject>> BytesObject::create(BufferContext& ctx, std::string_view data) {
    auto obj = std::make_shared<BytesObject>(ctx);
    BV_TRY(block, Block::create_from(ctx, obj->id(), data));
    obj->block_ = std::move(block);
    if (auto* obs = ctx.observer()) obs->on_object_created(obj->id(), "bytes", obj->block_->id());
    return obj;
}

Result<std::shared_ptr<BytesObject>> BytesObject::create_constant(BufferContext& ctx, std::string_view data) {
    auto obj = std::make_shared<BytesObject>(ctx);
    BV_TRY(block, Block::create_from(ctx, obj->id(), data, /*constant=*/true));
    obj->block_ = std::move(block);
    if (auto* obs = ctx.observer()) obs->on_object_created(obj->id(), "bytes", obj->block_->id());
    return obj;
}

Result<std::shared_ptr<BytesObject>> BytesObject::create_copy(BufferContext& ctx,
                                                              std::string_view data,
                                                              uint64_t from_block,
                                                              uint64_t through_id) {
    BV_TRY(obj, create(ctx, data));
    ctx.note_copy(data.size(), from_block, obj->block_->id(), through_id);
    return obj;
}

Result<std::shared_ptr<BytesObject>> BytesObject::create_filled(
    BufferContext& ctx, int64_t size, const std::function<void(uint8_t*)>& fill) {
    if (size < 0) return raise(ExcType::MemoryError, "");
    auto obj = std::make_shared<BytesObject>(ctx);
    BV_TRY(block, Block::create_uninitialized(ctx, obj->id(), static_cast<uint64_t>(size)));
    fill(block->data());
    obj->block_ = std::move(block);
    if (auto* obs = ctx.observer()) obs->on_object_created(obj->id(), "bytes", obj->block_->id());
    return obj;
}

Result<std::shared_ptr<BytesObject>> BytesObject::create_zeroed(BufferContext& ctx, int64_t count) {
    if (count < 0) return raise(ExcType::ValueError, "negative count");
    auto obj = std::make_shared<BytesObject>(ctx);
    BV_TRY(block, Block::create(ctx, obj->id(), static_cast<uint64_t>(count)));
    obj->block_ = std::move(block);
    if (auto* obs = ctx.observer()) obs->on_object_created(obj->id(), "bytes", obj->block_->id());
    return obj;
}

Result<BufferInfo> BytesObject::fill_buffer(int flags) {
    return fill_info(block_.get(), 0, size(), /*readonly=*/true, flags);
}

}  // namespace engine
