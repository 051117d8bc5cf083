// MmapObject: mmap.mmap over a TempFile's storage (or anonymous memory).
//
// ACCESS_WRITE and ACCESS_READ share the file's Block (writes are visible to
// file reads at once, as with MAP_SHARED); ACCESS_COPY gets a private copy.
// close() and resize() are refused while the mmap is exported:
//   BufferError: cannot close exported pointers exist
//   BufferError: mmap can't resize with extant buffers exported.
// Every operation on a closed mmap: ValueError "mmap closed or invalid".
//
//     BV_TRY(m, MmapObject::create(ctx, f->storage(), 0, Access::Write));
//     BV_CHECK(m->set(0, Item::integer(65)));
//     BV_TRY(mv, MemoryView::from_object(m));
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/buffer/exporter.hpp"
#include "engine/buffer/item.hpp"
#include "engine/buffer/slice.hpp"
#include "engine/buffer/temp_file.hpp"

namespace engine {

enum class Access { Default, Read, Write, Copy };  // ACCESS_DEFAULT=0, READ=1, WRITE=2, COPY=3

class MmapObject : public Exporter {
public:
    // mmap.mmap(fileno, length, access=..., offset=...). storage == nullptr means
    // fileno -1 (anonymous). length 0 maps the whole file from offset.
    // Errors as CPython: "cannot mmap an empty file", "mmap length is greater
    // than file size", "mmap offset is greater than file size", "memory mapped
    // length must be positive", "memory mapped offset must be positive",
    // "offset must be a multiple of ALLOCATIONGRANULARITY (4096)"...
    static Result<std::shared_ptr<MmapObject>> create(BufferContext& ctx,
                                                      std::shared_ptr<FileStorage> storage,
                                                      int64_t length, Access access = Access::Default,
                                                      int64_t offset = 0);
    ~MmapObject() override;
    std::string_view type_name() const override { return "mmap.mmap"; }
    // No tp_hash and no __eq__: the identity hash, so hash(memoryview(mm).toreadonly()) works.
    bool hashable() const override { return true; }

    bool closed() const { return closed_; }
    Access access() const { return access_; }
    Result<int64_t> len() const;   // len(m)
    Result<int64_t> size() const;  // m.size(): the file's size
    const Block* block() const { return block_; }
    int64_t offset_in_block() const { return offset_; }

    Result<int64_t> get(int64_t index) const;                 // "mmap index out of range"
    Result<std::string> get_slice(const SliceArgs& slice) const;
    Result<void> set(int64_t index, const Item& value);       // "mmap item value must be in range(0, 256)"
    Result<void> set_slice(const SliceArgs& slice, std::string_view data);
    // mmap_ass_subscript with no value: "mmap doesn't support item deletion"
    // (after the index is checked), "mmap object doesn't support slice deletion".
    Result<void> del_item(int64_t index);
    Result<void> del_slice(const SliceArgs& slice);
    // The checks mmap_ass_subscript makes before it looks at the key: open, writable.
    Result<void> check_assignable() const;

    Result<int64_t> write(std::string_view data);              // returns bytes written
    Result<void> write_byte(const Item& value);
    Result<std::string> read(std::optional<int64_t> n = std::nullopt);
    Result<int64_t> read_byte();
    // The new position (CPython 3.11's m.seek() itself returns None).
    Result<int64_t> seek(int64_t pos, int whence = 0);
    Result<int64_t> tell() const;
    // m.readline(): from the position through the next b"\n" (or to the end).
    Result<std::string> readline();
    // m.find(sub, start, end) / m.rfind: start and end default to the position and
    // the size (nullopt), are clipped as slice indices; -1 when not found. The
    // bytes compared are reported as a read ("find" / "rfind").
    Result<int64_t> find(std::string_view needle, std::optional<int64_t> start,
                         std::optional<int64_t> end, bool reverse);
    // m.move(dest, src, count): memmove inside the map; "source, destination, or
    // count out of range". Reported as a read of src and a write of dest.
    Result<void> move(int64_t dest, int64_t src, int64_t count);
    // m.flush(offset, size) (None: 0 and the map's size): "flush values out of
    // range"; msync's EINVAL for an offset that is not page-aligned (Linux).
    Result<void> flush(int64_t offset = 0, std::optional<int64_t> size = std::nullopt);
    Result<void> resize(int64_t new_size);
    Result<void> close();

    MmapObject(BufferContext& ctx);  // use create()
    Result<void> check_valid() const;  // "mmap closed or invalid"

protected:
    Result<BufferInfo> fill_buffer(int flags) override;

private:
    Result<void> check_writable() const;   // "mmap can't modify a readonly memory map."
    uint8_t* bytes() const { return block_->data() + offset_; }
    void write_bytes(int64_t at, std::string_view data, std::vector<ByteRange> pieces = {});

    std::shared_ptr<FileStorage> storage_;  // null for anonymous and for ACCESS_COPY
    std::unique_ptr<Block> own_block_;      // anonymous / ACCESS_COPY
    Block* block_ = nullptr;
    int64_t offset_ = 0;   // mapping start within block_
    int64_t size_ = 0;     // mapped length
    int64_t pos_ = 0;
    Access access_ = Access::Write;
    bool closed_ = false;
};

}  // namespace engine
