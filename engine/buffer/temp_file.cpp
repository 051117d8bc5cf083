// TempFile (tempfile.TemporaryFile: io.BufferedRandom over a file) and its
// FileStorage, the file's bytes "on disk" that mmaps share.
#include "engine/buffer/temp_file.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace engine {

namespace {
constexpr int64_t kBufferSize = 8192;  // io.DEFAULT_BUFFER_SIZE
}

Result<std::shared_ptr<FileStorage>> FileStorage::create(BufferContext& ctx, uint64_t owner_id) {
    auto s = std::make_shared<FileStorage>(ctx);
    BV_TRY(block, Block::create(ctx, owner_id, 0));
    s->block_ = std::move(block);
    return s;
}

int64_t FileStorage::needed_block_size(int64_t logical) const {
    int64_t need = logical;
    for (const auto& m : maps_) need = std::max(need, m.second);
    return need;
}

Result<void> FileStorage::write_at(int64_t offset, std::string_view data, uint64_t through_id) {
    if (data.empty()) return ok();
    if (offset > INT64_MAX - static_cast<int64_t>(data.size())) return raise(ExcType::OverflowError, "");
    const int64_t end = offset + static_cast<int64_t>(data.size());
    if (end > static_cast<int64_t>(block_->size())) BV_CHECK(block_->resize(static_cast<uint64_t>(end)));
    if (end > size_) {
        // Bytes between the old end and offset read as zeros (a hole).
        if (offset > size_) {
            block_->report_write(static_cast<uint64_t>(size_), static_cast<uint64_t>(offset), through_id);
            std::memset(block_->data() + size_, 0, static_cast<size_t>(offset - size_));
        }
        size_ = end;
    }
    block_->write(static_cast<uint64_t>(offset), data.data(), data.size(), through_id);
    return ok();
}

Result<void> FileStorage::truncate(int64_t size) {
    if (size < 0) return raise(ExcType::OSError, "[Errno 22] Invalid argument");
    if (size > size_) {
        const int64_t old = size_;
        if (size > static_cast<int64_t>(block_->size())) BV_CHECK(block_->resize(static_cast<uint64_t>(size)));
        // The extension reads as zeros.
        if (static_cast<int64_t>(block_->size()) > old) {
            block_->report_write(static_cast<uint64_t>(old), static_cast<uint64_t>(size), 0);
            std::memset(block_->data() + old, 0, static_cast<size_t>(size - old));
        }
    } else {
        const int64_t keep = needed_block_size(size);
        if (keep < static_cast<int64_t>(block_->size())) BV_CHECK(block_->resize(static_cast<uint64_t>(keep)));
    }
    size_ = size;
    return ok();
}

void FileStorage::set_map(uint64_t map_id, int64_t end) {
    for (auto& m : maps_) {
        if (m.first == map_id) {
            m.second = end;
            return;
        }
    }
    maps_.emplace_back(map_id, end);
}

void FileStorage::remove_map(uint64_t map_id) {
    maps_.erase(std::remove_if(maps_.begin(), maps_.end(), [&](const auto& m) { return m.first == map_id; }),
                maps_.end());
}

TempFile::TempFile(BufferContext& ctx) : ctx_(&ctx), id_(ctx.new_object_id()), fileno_(ctx.new_fileno()) {}

TempFile::~TempFile() {
    (void)flush_pending();
    if (auto* obs = ctx_->observer()) obs->on_object_destroyed(id_);
}

Result<std::shared_ptr<TempFile>> TempFile::create(BufferContext& ctx) {
    std::shared_ptr<TempFile> f(new TempFile(ctx));
    BV_TRY(storage, FileStorage::create(ctx, f->id_));
    f->storage_ = std::move(storage);
    if (auto* obs = ctx.observer()) obs->on_object_created(f->id_, "_io.BufferedRandom", f->storage_->block().id());
    return f;
}

Result<void> TempFile::flush_pending() {
    if (pending_.empty()) return ok();
    std::string data = std::move(pending_);
    pending_.clear();
    return storage_->write_at(pending_pos_, data, id_);
}

Result<int64_t> TempFile::write(std::string_view data) {
    if (closed_) return raise(ExcType::ValueError, "write to closed file");
    if (pos_ > INT64_MAX - static_cast<int64_t>(data.size())) {
        return raise(ExcType::OSError, "[Errno 27] File too large");
    }
    if (!pending_.empty() && pos_ != pending_pos_ + static_cast<int64_t>(pending_.size())) {
        BV_CHECK(flush_pending());
        drop_read_buffer();
    }
    if (pending_.empty()) pending_pos_ = pos_;
    BV_CHECK(ctx_->charge(data.size()));  // the write buffer counts against the budget
    ctx_->uncharge(data.size());
    pending_.append(data);
    // The buffer is shared for reading and writing: buffered read bytes see the write.
    const int64_t n = static_cast<int64_t>(data.size());
    if (!rbuf_.empty()) {
        int64_t lo = std::max(pos_, rbuf_start_), hi = std::min(pos_ + n, rbuf_end());
        for (int64_t i = lo; i < hi; ++i) rbuf_[static_cast<size_t>(i - rbuf_start_)] = data[static_cast<size_t>(i - pos_)];
    }
    pos_ += n;
    if (static_cast<int64_t>(pending_.size()) >= kBufferSize) {
        BV_CHECK(flush_pending());
        drop_read_buffer();
    }
    return n;
}

Result<void> TempFile::flush() {
    if (closed_) return raise(ExcType::ValueError, "flush of closed file");
    BV_CHECK(flush_pending());
    drop_read_buffer();
    return ok();
}

Result<int64_t> TempFile::seek(int64_t offset, int whence) {
    if (closed_) return raise(ExcType::ValueError, "seek of closed file");
    if (whence < 0 || whence > 2) return raise(ExcType::ValueError, fmt::format("whence value {} unsupported", whence));
    // Fast path: a target inside the unread part's buffer keeps the buffer.
    if (whence != 2 && !rbuf_.empty() && pos_ >= rbuf_start_ && pos_ < rbuf_end()) {
        int64_t target = whence == 0 ? offset : pos_ + offset;
        if (target >= rbuf_start_ && target <= rbuf_end()) {
            pos_ = target;
            return pos_;
        }
    }
    BV_CHECK(flush_pending());
    drop_read_buffer();
    int64_t base = whence == 0 ? 0 : whence == 1 ? pos_ : storage_->size();
    if ((offset > 0 && base > INT64_MAX - offset) || base + offset < 0) {
        return raise(ExcType::OSError, "[Errno 22] Invalid argument");
    }
    pos_ = base + offset;
    return pos_;
}

Result<int64_t> TempFile::tell() const {
    if (closed_) return raise(ExcType::ValueError, "I/O operation on closed file");
    return pos_;
}

// _bufferedreader_read_fast / _read_generic / _read_all.
Result<std::string> TempFile::read_bytes(int64_t n) {
    std::string out;
    const bool in_buf = !rbuf_.empty() && pos_ >= rbuf_start_ && pos_ < rbuf_end();
    const int64_t avail = in_buf ? rbuf_end() - pos_ : 0;
    if (n >= 0 && n <= avail) {
        out = rbuf_.substr(static_cast<size_t>(pos_ - rbuf_start_), static_cast<size_t>(n));
        pos_ += n;
        return out;
    }
    if (avail > 0) {
        out = rbuf_.substr(static_cast<size_t>(pos_ - rbuf_start_));
        pos_ += avail;
    }
    BV_CHECK(flush_pending());
    drop_read_buffer();
    std::string_view file = storage_->view();
    const int64_t size = static_cast<int64_t>(file.size());
    auto take = [&](int64_t count) {
        int64_t have = pos_ < size ? size - pos_ : 0;
        count = std::min(count, have);
        if (count > 0) out.append(file.substr(static_cast<size_t>(pos_), static_cast<size_t>(count)));
        pos_ += count;
        return count;
    };
    if (n < 0) {
        take(INT64_MAX);
        return out;
    }
    int64_t remaining = n - avail;
    int64_t direct = remaining - remaining % kBufferSize;  // whole blocks go straight through
    int64_t got = take(direct);
    remaining -= got;
    if (got < direct) return out;  // end of file
    if (remaining > 0 && pos_ < size) {
        rbuf_start_ = pos_;
        rbuf_ = std::string(file.substr(static_cast<size_t>(pos_), static_cast<size_t>(kBufferSize)));
        int64_t k = std::min(remaining, static_cast<int64_t>(rbuf_.size()));
        out.append(rbuf_.substr(0, static_cast<size_t>(k)));
        pos_ += k;
    }
    return out;
}

Result<std::string> TempFile::read(int64_t n) {
    if (closed_) return raise(ExcType::ValueError, "read of closed file");
    if (n < -1) return raise(ExcType::ValueError, "read length must be non-negative or -1");
    BV_TRY(out, read_bytes(n));
    ctx_->note_copy(out.size(), storage_->block().id(), 0, id_);
    return out;
}

Result<int64_t> TempFile::readinto(Exporter& buffer) {
    if (closed_) return raise(ExcType::ValueError, "readinto of closed file");
    auto got = buffer.get_buffer(kBufWritable | kBufCContiguous, id_);
    if (!got) {
        return raise(ExcType::TypeError, "readinto() argument must be read-write bytes-like object, not " +
                                             std::string(buffer.type_name()));
    }
    ExportedBuffer buf = std::move(got).value();
    BV_TRY(data, read_bytes(buf.info().len));
    if (!data.empty()) {
        buf.info().block->write(static_cast<uint64_t>(buf.info().offset), data.data(), data.size(), id_);
        ctx_->note_copy(data.size(), storage_->block().id(), buf.info().block_id(), id_);
    }
    return static_cast<int64_t>(data.size());
}

Result<int64_t> TempFile::fileno_checked() const {
    if (closed_) return raise(ExcType::ValueError, "I/O operation on closed file");
    return static_cast<int64_t>(fileno_);
}

Result<void> TempFile::close() {
    if (closed_) return ok();
    auto r = flush_pending();
    closed_ = true;
    return r;
}

}  // namespace engine
