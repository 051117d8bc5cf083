// MmapObject: CPython 3.11 Modules/mmapmodule.c on Linux, over a FileStorage.
#include "engine/buffer/mmap_object.hpp"

#include <algorithm>
#include <cstring>

namespace engine {

namespace {
constexpr int64_t kAllocationGranularity = 4096;
}

MmapObject::MmapObject(BufferContext& ctx) : Exporter(ctx) {}

MmapObject::~MmapObject() {
    if (storage_) storage_->remove_map(id());
}

Result<std::shared_ptr<MmapObject>> MmapObject::create(BufferContext& ctx, std::shared_ptr<FileStorage> storage,
                                                       int64_t length, Access access, int64_t offset) {
    if (length < 0) return raise(ExcType::OverflowError, "memory mapped length must be positive");
    if (offset < 0) return raise(ExcType::OverflowError, "memory mapped offset must be positive");
    auto m = std::make_shared<MmapObject>(ctx);
    m->access_ = access;
    if (storage) {
        const int64_t size = storage->size();
        if (length == 0) {
            if (size == 0) return raise(ExcType::ValueError, "cannot mmap an empty file");
            if (offset >= size) return raise(ExcType::ValueError, "mmap offset is greater than file size");
            length = size - offset;
        } else if (offset > size || size - offset < length) {
            return raise(ExcType::ValueError, "mmap length is greater than file size");
        }
        if (offset % kAllocationGranularity != 0) return raise(ExcType::OSError, "[Errno 22] Invalid argument");
        if (access == Access::Copy) {
            // MAP_PRIVATE: a private copy of the mapped bytes.
            BV_TRY(block, Block::create_from(ctx, m->id(), storage->view().substr(static_cast<size_t>(offset),
                                                                                   static_cast<size_t>(length))));
            ctx.note_copy(static_cast<uint64_t>(length), storage->block().id(), block->id(), m->id());
            m->own_block_ = std::move(block);
            m->block_ = m->own_block_.get();
            m->offset_ = 0;
        } else {
            m->storage_ = std::move(storage);
            m->block_ = &m->storage_->block();
            m->offset_ = offset;
            m->storage_->set_map(m->id(), offset + length);
        }
    } else {
        if (length == 0) return raise(ExcType::OSError, "[Errno 22] Invalid argument");
        BV_TRY(block, Block::create(ctx, m->id(), static_cast<uint64_t>(length)));
        m->own_block_ = std::move(block);
        m->block_ = m->own_block_.get();
    }
    m->size_ = length;
    if (auto* obs = ctx.observer()) obs->on_object_created(m->id(), "mmap.mmap", m->block_->id());
    return m;
}

Result<void> MmapObject::check_valid() const {
    if (closed_) return raise(ExcType::ValueError, "mmap closed or invalid");
    return ok();
}

Result<void> MmapObject::check_writable() const {
    if (access_ == Access::Read) return raise(ExcType::TypeError, "mmap can't modify a readonly memory map.");
    return ok();
}

void MmapObject::write_bytes(int64_t at, std::string_view data, std::vector<ByteRange> pieces) {
    if (data.empty()) return;
    const uint64_t begin = static_cast<uint64_t>(offset_ + at);
    if (pieces.empty()) {
        block_->write(begin, data.data(), data.size(), id());
    } else {
        block_->report_write(pieces.front().begin, pieces.back().end, id(), pieces);
        size_t k = 0;
        for (const ByteRange& r : pieces) {
            for (uint64_t b = r.begin; b < r.end; ++b) block_->data()[b] = static_cast<uint8_t>(data[k++]);
        }
    }
}

Result<BufferInfo> MmapObject::fill_buffer(int flags) {
    BV_CHECK(check_valid());
    return fill_info(block_, offset_, size_, access_ == Access::Read, flags);
}

Result<int64_t> MmapObject::len() const {
    BV_CHECK(check_valid());
    return size_;
}

Result<int64_t> MmapObject::size() const {
    BV_CHECK(check_valid());
    if (storage_) return storage_->size();
    if (own_block_ && access_ == Access::Copy) return size_;  // the file's size when mapped
    return raise(ExcType::OSError, "[Errno 9] Bad file descriptor");
}

Result<int64_t> MmapObject::get(int64_t index) const {
    BV_CHECK(check_valid());
    if (!normalize_index(index, size_)) return raise(ExcType::IndexError, "mmap index out of range");
    block_->report_read(static_cast<uint64_t>(offset_ + index), static_cast<uint64_t>(offset_ + index) + 1, id(), "item");
    return static_cast<int64_t>(bytes()[index]);
}

Result<std::string> MmapObject::get_slice(const SliceArgs& slice) const {
    BV_CHECK(check_valid());
    BV_TRY(ix, adjust_slice(slice, size_));
    std::string out;
    out.reserve(static_cast<size_t>(ix.length));
    block_->report_strided_read(offset_ + ix.start, ix.length, ix.length > 1 ? ix.step : 0, 1, id(), "slice");
    for (int64_t i = 0; i < ix.length; ++i) out += static_cast<char>(bytes()[slice_at(ix, i)]);
    context().note_copy(out.size(), block_->id(), 0, id());
    return out;
}

Result<void> MmapObject::set(int64_t index, const Item& value) {
    BV_CHECK(check_valid());
    BV_CHECK(check_writable());
    if (!normalize_index(index, size_)) return raise(ExcType::IndexError, "mmap index out of range");
    if (!value.is_int()) return raise(ExcType::TypeError, "mmap item value must be an int");
    auto v = value.as_int64();
    if (!v) return raise(ExcType::TypeError, "cannot fit 'int' into an index-sized integer");
    if (*v < 0 || *v > 255) return raise(ExcType::ValueError, "mmap item value must be in range(0, 256)");
    char c = static_cast<char>(*v);
    write_bytes(index, std::string_view(&c, 1));
    return ok();
}

Result<void> MmapObject::set_slice(const SliceArgs& slice, std::string_view data) {
    BV_CHECK(check_valid());
    BV_CHECK(check_writable());
    BV_TRY(ix, adjust_slice(slice, size_));
    if (static_cast<int64_t>(data.size()) != ix.length) {
        return raise(ExcType::IndexError, "mmap slice assignment is wrong size");
    }
    std::string copy(data);
    if (ix.step == 1) {
        write_bytes(ix.start, copy);
        return ok();
    }
    // Extended slice: write element by element, reported as one strided write.
    std::vector<std::pair<uint64_t, char>> cells;
    for (int64_t i = 0; i < ix.length; ++i) {
        const int64_t p = slice_at(ix, i);
        cells.emplace_back(static_cast<uint64_t>(offset_ + p), copy[static_cast<size_t>(i)]);
    }
    std::sort(cells.begin(), cells.end());
    if (!cells.empty()) {
        std::vector<ByteRange> pieces;
        std::string ordered;
        for (const auto& c : cells) {
            pieces.push_back({c.first, c.first + 1});
            ordered += c.second;
        }
        write_bytes(0, ordered, std::move(pieces));
    }
    return ok();
}

Result<void> MmapObject::check_assignable() const {
    BV_CHECK(check_valid());
    return check_writable();
}

Result<void> MmapObject::del_item(int64_t index) {
    BV_CHECK(check_assignable());
    if (!normalize_index(index, size_)) return raise(ExcType::IndexError, "mmap index out of range");
    return raise(ExcType::TypeError, "mmap doesn't support item deletion");
}

Result<void> MmapObject::del_slice(const SliceArgs& slice) {
    BV_CHECK(check_assignable());
    BV_CHECK(adjust_slice(slice, size_));
    return raise(ExcType::TypeError, "mmap object doesn't support slice deletion");
}

Result<int64_t> MmapObject::write(std::string_view data) {
    BV_CHECK(check_valid());
    BV_CHECK(check_writable());
    const int64_t n = static_cast<int64_t>(data.size());
    if (pos_ > size_ || size_ - pos_ < n) return raise(ExcType::ValueError, "data out of range");
    std::string copy(data);
    write_bytes(pos_, copy);
    pos_ += n;
    return n;
}

Result<void> MmapObject::write_byte(const Item& value) {
    if (!value.is_int()) {
        return raise(ExcType::TypeError, "'" + value.type_name() + "' object cannot be interpreted as an integer");
    }
    auto v = value.as_int64();
    // PyArg "b": PyLong_AsLong first, then the byte's range.
    if (!v) return raise(ExcType::OverflowError, "Python int too large to convert to C long");
    if (*v > 255) return raise(ExcType::OverflowError, "unsigned byte integer is greater than maximum");
    if (*v < 0) return raise(ExcType::OverflowError, "unsigned byte integer is less than minimum");
    BV_CHECK(check_valid());
    BV_CHECK(check_writable());
    if (pos_ >= size_) return raise(ExcType::ValueError, "write byte out of range");
    char c = static_cast<char>(*v);
    write_bytes(pos_, std::string_view(&c, 1));
    ++pos_;
    return ok();
}

Result<std::string> MmapObject::read(std::optional<int64_t> n) {
    BV_CHECK(check_valid());
    int64_t remaining = pos_ < size_ ? size_ - pos_ : 0;
    int64_t count = n.value_or(-1);
    if (count < 0 || count > remaining) count = remaining;
    const int64_t at = offset_ + std::min(pos_, size_);
    block_->report_read(static_cast<uint64_t>(at), static_cast<uint64_t>(at + count), id(), "read");
    std::string out(reinterpret_cast<const char*>(bytes() + std::min(pos_, size_)), static_cast<size_t>(count));
    context().note_copy(out.size(), block_->id(), 0, id());
    pos_ += count;
    return out;
}

Result<int64_t> MmapObject::read_byte() {
    BV_CHECK(check_valid());
    if (pos_ >= size_) return raise(ExcType::ValueError, "read byte out of range");
    block_->report_read(static_cast<uint64_t>(offset_ + pos_), static_cast<uint64_t>(offset_ + pos_) + 1, id(), "read_byte");
    return static_cast<int64_t>(bytes()[pos_++]);
}

Result<int64_t> MmapObject::seek(int64_t dist, int whence) {
    BV_CHECK(check_valid());
    int64_t where;
    switch (whence) {
        case 0: where = dist; break;
        case 1:
            if ((dist > 0 && pos_ > INT64_MAX - dist) || (dist < 0 && pos_ < INT64_MIN - dist)) {
                return raise(ExcType::ValueError, "seek out of range");
            }
            where = pos_ + dist;
            break;
        case 2:
            if ((dist > 0 && size_ > INT64_MAX - dist) || (dist < 0 && size_ < INT64_MIN - dist)) {
                return raise(ExcType::ValueError, "seek out of range");
            }
            where = size_ + dist;
            break;
        default: return raise(ExcType::ValueError, "unknown seek type");
    }
    if (where > size_ || where < 0) return raise(ExcType::ValueError, "seek out of range");
    pos_ = where;
    return pos_;
}

Result<int64_t> MmapObject::tell() const {
    BV_CHECK(check_valid());
    return pos_;
}

Result<std::string> MmapObject::readline() {
    BV_CHECK(check_valid());
    const int64_t from = std::min(pos_, size_);
    int64_t to = from;
    while (to < size_ && bytes()[to] != '\n') ++to;
    if (to < size_) ++to;  // the newline is part of the line
    block_->report_read(static_cast<uint64_t>(offset_ + from), static_cast<uint64_t>(offset_ + to), id(),
                        "readline");
    std::string out(reinterpret_cast<const char*>(bytes() + from), static_cast<size_t>(to - from));
    context().note_copy(out.size(), block_->id(), 0, id());
    pos_ = to;
    return out;
}

Result<int64_t> MmapObject::find(std::string_view needle, std::optional<int64_t> start_arg,
                                 std::optional<int64_t> end_arg, bool reverse) {
    BV_CHECK(check_valid());
    auto clip = [this](int64_t v) {  // mmap_gfind: as a slice index over [0, size]
        if (v < 0) v = v < -size_ ? 0 : v + size_;
        return std::min(v, size_);
    };
    const int64_t start = clip(start_arg.value_or(pos_));
    const int64_t end = clip(end_arg.value_or(size_));
    const int64_t n = static_cast<int64_t>(needle.size());
    if (end < start || end - start < n) {
        if (end > start) block_->report_read(static_cast<uint64_t>(offset_ + start),
                                             static_cast<uint64_t>(offset_ + end), id(), reverse ? "rfind" : "find");
        return -1;
    }
    const std::string_view hay(reinterpret_cast<const char*>(bytes() + start), static_cast<size_t>(end - start));
    const size_t at = reverse ? hay.rfind(needle) : hay.find(needle);
    // The bytes compared: up to the end of the match (find) or from its start (rfind).
    int64_t lo = start, hi = end;
    if (at != std::string_view::npos) {
        if (reverse)
            lo = start + static_cast<int64_t>(at);
        else
            hi = start + static_cast<int64_t>(at) + n;
    }
    block_->report_read(static_cast<uint64_t>(offset_ + lo), static_cast<uint64_t>(offset_ + hi), id(),
                        reverse ? "rfind" : "find");
    return at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at);
}

Result<void> MmapObject::move(int64_t dest, int64_t src, int64_t count) {
    BV_CHECK(check_valid());
    BV_CHECK(check_writable());
    if (dest < 0 || src < 0 || count < 0 || size_ - dest < count || size_ - src < count)
        return raise(ExcType::ValueError, "source, destination, or count out of range");
    if (count == 0) return ok();
    block_->report_read(static_cast<uint64_t>(offset_ + src), static_cast<uint64_t>(offset_ + src + count), id(),
                        "move");
    std::string copy(reinterpret_cast<const char*>(bytes() + src), static_cast<size_t>(count));
    write_bytes(dest, copy);
    return ok();
}

Result<void> MmapObject::flush(int64_t offset, std::optional<int64_t> size_arg) {
    BV_CHECK(check_valid());
    const int64_t size = size_arg.value_or(size_);
    if (size < 0 || offset < 0 || size_ - offset < size)
        return raise(ExcType::ValueError, "flush values out of range");
    if (access_ == Access::Read || access_ == Access::Copy) return ok();
    // msync(data + offset, size): the map starts on a page, so EINVAL unless offset is a
    // multiple of the page size (4096).
    if (offset % kAllocationGranularity != 0) return raise(ExcType::OSError, "[Errno 22] Invalid argument");
    return ok();  // MAP_SHARED writes are already in the file's storage
}

Result<void> MmapObject::resize(int64_t new_size) {
    BV_CHECK(check_valid());
    if (exports() > 0) return refuse(ExcType::BufferError, "mmap can't resize with extant buffers exported.");
    if (access_ != Access::Write && access_ != Access::Default) {
        return raise(ExcType::TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
    }
    if (new_size < 0 || new_size > INT64_MAX - offset_) return raise(ExcType::ValueError, "new size out of range");
    if (new_size == 0) return raise(ExcType::OSError, "[Errno 22] Invalid argument");  // mremap to 0
    if (storage_) {
        storage_->set_map(id(), offset_ + new_size);
        BV_CHECK(storage_->truncate(offset_ + new_size));  // ftruncate, then mremap
    } else {
        BV_CHECK(own_block_->resize(static_cast<uint64_t>(new_size), true));
    }
    size_ = new_size;
    if (pos_ > size_) pos_ = size_;
    return ok();
}

Result<void> MmapObject::close() {
    if (exports() > 0) return refuse(ExcType::BufferError, "cannot close exported pointers exist");
    if (closed_) return ok();
    closed_ = true;
    if (storage_) storage_->remove_map(id());
    return ok();
}

}  // namespace engine
