// ManagedBuffer: one acquisition of an exporter's buffer (memoryobject.c mbuf).
#include "engine/buffer/managed_buffer.hpp"

namespace engine {

ManagedBuffer::ManagedBuffer(BufferContext& ctx) : ctx_(&ctx), id_(ctx.new_object_id()) {}

Result<std::shared_ptr<ManagedBuffer>> ManagedBuffer::from_object(const std::shared_ptr<Exporter>& base,
                                                                  int flags) {
    auto mbuf = std::make_shared<ManagedBuffer>(base->context());
    BV_TRY(master, base->get_buffer(flags, mbuf->id_));
    mbuf->master_ = std::move(master);
    return mbuf;
}

ManagedBuffer::~ManagedBuffer() {
    assert(exports_ == 0);
    release();
}

void ManagedBuffer::remove_view() {
    assert(exports_ > 0);
    if (--exports_ == 0) release();
}

void ManagedBuffer::release() {
    if (released_) return;
    released_ = true;
    master_.release();
}

}  // namespace engine
