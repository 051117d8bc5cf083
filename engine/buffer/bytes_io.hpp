// BytesIOObject: io.BytesIO. Its bytes live in one Block (capacity may exceed
// the logical size). getbuffer() returns a writable memoryview whose obj is an
// _io._BytesIOBuffer; while any such view lives, resizing operations (write
// past the end or any write that would resize, truncate, close) raise
//   BufferError: Existing exports of data: object cannot be re-sized
// Every operation after close(): ValueError "I/O operation on closed file."
//
//     BV_TRY(b, BytesIOObject::create(ctx, "abc"));
//     BV_TRY(view, b->getbuffer());          // memoryview, b->exports() == 1
//     BV_TRY(n, b->write("x"));              // BufferError while view lives
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/buffer/exporter.hpp"

namespace engine {

class MemoryView;

class BytesIOObject : public Exporter {
public:
    static Result<std::shared_ptr<BytesIOObject>> create(BufferContext& ctx,
                                                         std::string_view initial = {});
    std::string_view type_name() const override { return "_io.BytesIO"; }
    bool supports_buffer() const override { return false; }

    bool closed() const { return closed_; }
    const Block& block() const { return *block_; }
    int64_t size() const { return string_size_; }
    // Live getbuffer() exports (CPython's b->exports); exports() of the
    // BytesIO itself stays 0 since BytesIO is no exporter.
    int64_t buffer_exports() const { return exports_count_; }

    Result<std::shared_ptr<MemoryView>> getbuffer();
    Result<std::string> getvalue() const;
    Result<std::string> read(std::optional<int64_t> n = std::nullopt);
    Result<int64_t> readinto(Exporter& buffer);
    // One line: up to and including the next b'\n', at most `limit` bytes
    // when limit >= 0 (CPython's scan_eol); b'' at or past the end.
    Result<std::string> readline(int64_t limit = -1);
    Result<int64_t> write(std::string_view data);
    // write_bytes' checks (closed, then exports), made before the argument is read:
    // bio.write(1) while exported is BufferError, not TypeError.
    Result<void> check_writable() const;
    Result<int64_t> seek(int64_t pos, int whence = 0);
    Result<int64_t> tell() const;
    Result<int64_t> truncate(std::optional<int64_t> size = std::nullopt);
    Result<void> close();
    // A second __init__ (CPython's _io_BytesIO___init___impl): the size and the
    // position become 0 before the exports check, so a refused call still
    // empties it. The runtime then writes the new value; `reopen` (a bytes
    // value, which CPython adopts as its buffer) makes a closed BytesIO open.
    Result<void> reinit(bool reopen);

    explicit BytesIOObject(BufferContext& ctx);  // use create()

protected:
    // BytesIO itself does not support the buffer protocol (getbuffer does).
    Result<BufferInfo> fill_buffer(int flags) override;

private:
    friend class BytesIOBuffer;
    Result<void> check_closed() const;
    Result<void> check_exports() const;
    std::unique_ptr<Block> block_;
    int64_t string_size_ = 0;
    int64_t pos_ = 0;
    bool closed_ = false;
    int64_t exports_count_ = 0;  // live getbuffer() exports (b->exports)
};

}  // namespace engine
