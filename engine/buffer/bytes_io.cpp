// BytesIOObject (io.BytesIO) and its _io._BytesIOBuffer exporter, after CPython
// 3.11 Modules/_io/bytesio.c: exports live on the BytesIO object and block
// write/truncate/close (CHECK_EXPORTS).
#include "engine/buffer/bytes_io.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "engine/buffer/memory_view.hpp"

namespace engine {

// The object getbuffer() views: its buffer is the BytesIO's bytes, and its
// exports count on the BytesIO (bytesiobuf_getbuffer).
class BytesIOBuffer : public Exporter {
public:
    explicit BytesIOBuffer(std::shared_ptr<BytesIOObject> source)
        : Exporter(source->context()), source_(std::move(source)) {}
    std::string_view type_name() const override { return "_io._BytesIOBuffer"; }
    bool hashable() const override { return true; }

protected:
    Result<BufferInfo> fill_buffer(int flags) override {
        BV_TRY(info, fill_info(source_->block_.get(), 0, source_->string_size_, /*readonly=*/false, flags));
        ++source_->exports_count_;
        return info;
    }
    void buffer_released() override { --source_->exports_count_; }

private:
    std::shared_ptr<BytesIOObject> source_;
};

BytesIOObject::BytesIOObject(BufferContext& ctx) : Exporter(ctx) {}

Result<std::shared_ptr<BytesIOObject>> BytesIOObject::create(BufferContext& ctx, std::string_view initial) {
    auto b = std::make_shared<BytesIOObject>(ctx);
    BV_TRY(block, Block::create_from(ctx, b->id(), initial));
    b->block_ = std::move(block);
    b->string_size_ = static_cast<int64_t>(initial.size());
    if (auto* obs = ctx.observer()) obs->on_object_created(b->id(), "_io.BytesIO", b->block_->id());
    return b;
}

Result<BufferInfo> BytesIOObject::fill_buffer(int) {
    return raise(ExcType::TypeError, "a bytes-like object is required, not '_io.BytesIO'");
}

Result<void> BytesIOObject::check_closed() const {
    if (closed_) return raise(ExcType::ValueError, "I/O operation on closed file.");
    return ok();
}

Result<void> BytesIOObject::check_exports() const {
    if (exports_count_ > 0) return refuse(ExcType::BufferError, std::string(kCannotResizeMessage));
    return ok();
}

Result<std::shared_ptr<MemoryView>> BytesIOObject::getbuffer() {
    BV_CHECK(check_closed());
    auto buf = std::make_shared<BytesIOBuffer>(std::static_pointer_cast<BytesIOObject>(shared_from_this()));
    return MemoryView::from_object(buf);
}

Result<std::string> BytesIOObject::getvalue() const {
    BV_CHECK(check_closed());
    block_->report_read(0, static_cast<uint64_t>(string_size_), id(), "getvalue");
    context().note_copy(static_cast<uint64_t>(string_size_), block_->id(), 0, id());
    return std::string(block_->view().substr(0, static_cast<size_t>(string_size_)));
}

Result<std::string> BytesIOObject::read(std::optional<int64_t> n) {
    BV_CHECK(check_closed());
    int64_t avail = pos_ < string_size_ ? string_size_ - pos_ : 0;
    int64_t count = n.value_or(-1);
    if (count < 0 || count > avail) count = avail;
    const int64_t at = std::min(pos_, string_size_);
    block_->report_read(static_cast<uint64_t>(at), static_cast<uint64_t>(at + count), id(), "read");
    std::string out(block_->view().substr(static_cast<size_t>(std::min(pos_, string_size_)), static_cast<size_t>(count)));
    context().note_copy(out.size(), block_->id(), 0, id());
    pos_ += count;
    return out;
}

Result<int64_t> BytesIOObject::readinto(Exporter& buffer) {
    auto got = buffer.get_buffer(kBufWritable | kBufCContiguous, id());
    if (!got) {
        return raise(ExcType::TypeError, "readinto() argument must be read-write bytes-like object, not " +
                                             std::string(buffer.type_name()));
    }
    ExportedBuffer buf = std::move(got).value();
    BV_CHECK(check_closed());
    int64_t avail = pos_ < string_size_ ? string_size_ - pos_ : 0;
    int64_t n = std::min(avail, buf.info().len);
    if (n > 0) {
        std::string data(block_->view().substr(static_cast<size_t>(pos_), static_cast<size_t>(n)));
        buf.info().block->write(static_cast<uint64_t>(buf.info().offset), data.data(), static_cast<uint64_t>(n), id());
        context().note_copy(static_cast<uint64_t>(n), block_->id(), buf.info().block_id(), id());
    }
    pos_ += n;
    return n;
}

Result<std::string> BytesIOObject::readline(int64_t limit) {
    BV_CHECK(check_closed());
    if (pos_ >= string_size_) return std::string();
    const std::string_view rest = block_->view().substr(static_cast<size_t>(pos_),
                                                        static_cast<size_t>(string_size_ - pos_));
    const size_t nl = rest.find('\n');
    int64_t n = nl == std::string_view::npos ? static_cast<int64_t>(rest.size())
                                             : static_cast<int64_t>(nl) + 1;
    if (limit >= 0 && n > limit) n = limit;
    block_->report_read(static_cast<uint64_t>(pos_), static_cast<uint64_t>(pos_ + n), id(), "readline");
    std::string out(rest.substr(0, static_cast<size_t>(n)));
    context().note_copy(out.size(), block_->id(), 0, id());
    pos_ += n;
    return out;
}

Result<void> BytesIOObject::reinit(bool reopen) {
    string_size_ = 0;
    pos_ = 0;
    BV_CHECK(check_exports());
    if (reopen) closed_ = false;
    return ok();
}

Result<void> BytesIOObject::check_writable() const {
    BV_CHECK(check_closed());
    return check_exports();
}

Result<int64_t> BytesIOObject::write(std::string_view data) {
    BV_CHECK(check_writable());
    const int64_t n = static_cast<int64_t>(data.size());
    if (n == 0) return int64_t{0};
    if (pos_ > INT64_MAX - n) return raise(ExcType::OverflowError, "new buffer size too large");
    std::string copy(data);
    const int64_t end = pos_ + n;
    if (end > static_cast<int64_t>(block_->size())) BV_CHECK(block_->resize(static_cast<uint64_t>(end)));
    if (pos_ > string_size_) {
        // Pad with zeros between the old end and the write position.
        block_->report_write(static_cast<uint64_t>(string_size_), static_cast<uint64_t>(pos_), id());
        std::memset(block_->data() + string_size_, 0, static_cast<size_t>(pos_ - string_size_));
    }
    block_->write(static_cast<uint64_t>(pos_), copy.data(), copy.size(), id());
    pos_ = end;
    if (end > string_size_) string_size_ = end;
    return n;
}

Result<int64_t> BytesIOObject::seek(int64_t pos, int whence) {
    BV_CHECK(check_closed());
    if (pos < 0 && whence == 0) return raise(ExcType::ValueError, fmt::format("negative seek value {}", pos));
    if (whence == 1) {
        if (pos > INT64_MAX - pos_) return raise(ExcType::OverflowError, "new position too large");
        pos += pos_;
    } else if (whence == 2) {
        if (pos > INT64_MAX - string_size_) return raise(ExcType::OverflowError, "new position too large");
        pos += string_size_;
    } else if (whence != 0) {
        return raise(ExcType::ValueError, fmt::format("invalid whence ({}, should be 0, 1 or 2)", whence));
    }
    if (pos < 0) pos = 0;
    pos_ = pos;
    return pos_;
}

Result<int64_t> BytesIOObject::tell() const {
    BV_CHECK(check_closed());
    return pos_;
}

Result<int64_t> BytesIOObject::truncate(std::optional<int64_t> size) {
    BV_CHECK(check_closed());
    BV_CHECK(check_exports());
    int64_t s = size.value_or(pos_);
    if (s < 0) return raise(ExcType::ValueError, fmt::format("negative size value {}", s));
    if (s < string_size_) {
        string_size_ = s;
        BV_CHECK(block_->resize(static_cast<uint64_t>(s)));
    }
    return s;
}

Result<void> BytesIOObject::close() {
    BV_CHECK(check_exports());
    closed_ = true;
    return ok();
}

}  // namespace engine
