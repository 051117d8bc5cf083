// TempFile: what tempfile.TemporaryFile() gives -- a binary read/write file
// (io.BufferedRandom over a file on "disk"), here entirely in memory.
//
// The file's bytes on "disk" live in a FileStorage (one Block) that an mmap can
// share, so writes through an ACCESS_WRITE mmap reach the file and vice versa --
// as far as io.BufferedRandom lets them show, which this models:
//  - writes are buffered (8192 bytes) and reach the storage on flush(), a seek
//    outside the buffer, a read past the buffer, close() or when the buffer
//    fills: mmap.mmap(f.fileno(), 0) right after f.write() sees an empty file;
//  - reads fill a read-ahead buffer (8192 bytes); seeking back inside it and
//    reading again shows the buffered (possibly stale) bytes, not what an mmap
//    wrote meanwhile -- exactly what CPython prints.
//
//     BV_TRY(f, TempFile::create(ctx));
//     BV_TRY(n, f->write("hello"));  BV_CHECK(f->flush());
//     BV_TRY(m, MmapObject::create(ctx, f->storage(), 0, Access::Write));
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/buffer/context.hpp"
#include "engine/buffer/exporter.hpp"

namespace engine {

// The "disk" contents of a file, shared by the file object and its mmaps.
// The Block may be larger than the logical file size: it never shrinks below
// the end of a live mapping, so a mapping never dangles (where a real process
// would get SIGBUS after the file shrank under it).
class FileStorage {
public:
    static Result<std::shared_ptr<FileStorage>> create(BufferContext& ctx, uint64_t owner_id);
    Block& block() { return *block_; }
    const Block& block() const { return *block_; }
    int64_t size() const { return size_; }  // logical file size (st_size)
    std::string_view view() const { return block_->view().substr(0, static_cast<size_t>(size_)); }
    // Write data at offset, growing the file with zeros as needed.
    Result<void> write_at(int64_t offset, std::string_view data, uint64_t through_id);
    Result<void> truncate(int64_t size);  // ftruncate

    void set_map(uint64_t map_id, int64_t end);  // a live mapping ends at `end`
    void remove_map(uint64_t map_id);

    explicit FileStorage(BufferContext&) {}

private:
    int64_t needed_block_size(int64_t logical) const;
    std::unique_ptr<Block> block_;
    int64_t size_ = 0;
    std::vector<std::pair<uint64_t, int64_t>> maps_;
};

class TempFile {
public:
    static Result<std::shared_ptr<TempFile>> create(BufferContext& ctx);
    ~TempFile();

    uint64_t id() const { return id_; }
    std::string_view type_name() const { return "_io.BufferedRandom"; }
    int fileno() const { return fileno_; }  // 3, 4, ... per context
    // f.fileno(): ValueError "I/O operation on closed file" once closed.
    Result<int64_t> fileno_checked() const;
    bool closed() const { return closed_; }
    const std::shared_ptr<FileStorage>& storage() const { return storage_; }

    Result<int64_t> write(std::string_view data);     // "write to closed file"
    Result<void> flush();                             // "flush of closed file"
    Result<int64_t> seek(int64_t offset, int whence = 0);  // "seek of closed file"
    Result<int64_t> tell() const;
    Result<std::string> read(int64_t n = -1);         // "read of closed file"
    Result<int64_t> readinto(Exporter& buffer);       // writable buffer required
    Result<void> close();                             // idempotent

private:
    TempFile(BufferContext& ctx);
    Result<void> flush_pending();
    BufferContext* ctx_;
    uint64_t id_;
    int fileno_;
    bool closed_ = false;
    std::shared_ptr<FileStorage> storage_;
    Result<std::string> read_bytes(int64_t n);  // n >= 0 or -1 (all)
    void drop_read_buffer() { rbuf_.clear(); }
    int64_t rbuf_end() const { return rbuf_start_ + static_cast<int64_t>(rbuf_.size()); }

    int64_t pos_ = 0;           // logical position (after buffered writes)
    std::string pending_;       // buffered, not yet on "disk"
    int64_t pending_pos_ = 0;   // where pending_ goes
    std::string rbuf_;          // read-ahead buffer: file bytes at rbuf_start_ as last read
    int64_t rbuf_start_ = 0;
};

}  // namespace engine
