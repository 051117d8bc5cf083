// ManagedBuffer: one acquisition of an exporter's buffer (memoryobject.c's
// _PyManagedBufferObject), shared by every memoryview derived from it.
//
// memoryview(obj) acquires obj's buffer once (obj->exports() + 1) and registers
// the new view; slices, casts, toreadonly() and memoryview(mv) register further
// views on the SAME managed buffer. exports() counts registered views that are
// not released. When it drops to 0 -- by release(), a with-block's exit, or a
// view being destroyed without release -- the master buffer is released and the
// exporter's count goes down (mbuf_release). Destroying the last reference to
// the managed buffer releases it too.
//
// Only MemoryView uses this directly; the trace/scene read it through views.
#pragma once

#include <cstdint>
#include <memory>

#include "engine/buffer/exporter.hpp"

namespace engine {

class ManagedBuffer {
public:
    // _PyManagedBuffer_FromObject(base, flags).
    static Result<std::shared_ptr<ManagedBuffer>> from_object(const std::shared_ptr<Exporter>& base,
                                                              int flags = kBufFullRO);
    ~ManagedBuffer();
    ManagedBuffer(const ManagedBuffer&) = delete;
    ManagedBuffer& operator=(const ManagedBuffer&) = delete;

    uint64_t id() const { return id_; }
    BufferContext& context() const { return *ctx_; }
    const BufferInfo& master() const { return master_.info(); }
    // The exporting object (null once released).
    const std::shared_ptr<Exporter>& obj() const { return master_.obj(); }
    int64_t exports() const { return exports_; }  // registered, unreleased views
    bool released() const { return released_; }

    void add_view() { ++exports_; }
    // A registered view is released: when it was the last, release the master.
    void remove_view();
    void release();  // mbuf_release: idempotent

    explicit ManagedBuffer(BufferContext& ctx);  // use from_object()

private:
    BufferContext* ctx_;
    uint64_t id_;
    ExportedBuffer master_;
    int64_t exports_ = 0;
    bool released_ = false;
};

}  // namespace engine
