// Exporter / ExportedBuffer: the export count and PyBuffer_FillInfo.
#include "engine/buffer/exporter.hpp"

#include <algorithm>

#include "engine/core/exceptions.hpp"

namespace engine {

ExportedBuffer::ExportedBuffer(std::shared_ptr<Exporter> obj, BufferInfo info, uint64_t consumer_id)
    : obj_(std::move(obj)), info_(std::move(info)), consumer_id_(consumer_id) {}

ExportedBuffer::ExportedBuffer(ExportedBuffer&& other) noexcept
    : obj_(std::move(other.obj_)), info_(std::move(other.info_)), consumer_id_(other.consumer_id_) {
    other.obj_ = nullptr;
}

ExportedBuffer& ExportedBuffer::operator=(ExportedBuffer&& other) noexcept {
    if (this != &other) {
        release();
        obj_ = std::move(other.obj_);
        other.obj_ = nullptr;
        info_ = std::move(other.info_);
        consumer_id_ = other.consumer_id_;
    }
    return *this;
}

void ExportedBuffer::release() {
    if (!obj_) return;
    std::shared_ptr<Exporter> obj = std::move(obj_);
    obj_ = nullptr;
    obj->release_export(consumer_id_);
    // `obj` (possibly the last reference) goes here, after the count is down.
}

Exporter::Exporter(BufferContext& ctx) : ctx_(&ctx), id_(ctx.new_object_id()) {}

Exporter::~Exporter() {
    assert(exports_ == 0);
    if (auto* obs = ctx_->observer()) obs->on_object_destroyed(id_);
}

Result<ExportedBuffer> Exporter::get_buffer(int flags, uint64_t consumer_id) {
    if (!supports_buffer()) {
        return raise(ExcType::TypeError,
                     "a bytes-like object is required, not '" + std::string(type_name()) + "'");
    }
    BV_TRY(info, fill_buffer(flags));
    ++exports_;
    if (auto* obs = ctx_->observer()) obs->on_export_acquired(id_, consumer_id);
    return ExportedBuffer(shared_from_this(), std::move(info), consumer_id);
}

void Exporter::release_export(uint64_t consumer_id) {
    assert(exports_ > 0);
    --exports_;
    buffer_released();
    if (auto* obs = ctx_->observer()) obs->on_export_released(id_, consumer_id);
}

Result<BufferInfo> Exporter::fill_info(Block* block, int64_t offset, int64_t len, bool readonly,
                                       int flags, std::string_view format, int64_t itemsize) {
    if ((flags & kBufWritable) == kBufWritable && readonly) {
        return raise(ExcType::BufferError, "Object is not writable.");
    }
    BufferInfo info;
    info.block = block;
    info.offset = offset;
    info.len = len;
    info.readonly = readonly;
    info.itemsize = itemsize;
    info.has_format = (flags & kBufFormat) == kBufFormat;
    info.format = std::string(format);
    info.ndim = 1;
    info.has_shape = (flags & kBufND) == kBufND;
    info.has_strides = (flags & kBufStrides) == kBufStrides;
    info.shape = {itemsize ? len / itemsize : 0};
    info.strides = {itemsize};
    return info;
}

Result<void> Exporter::check_resizable() const {
    if (exports_ > 0) return refuse(ExcType::BufferError, std::string(kCannotResizeMessage));
    return ok();
}

Error Exporter::refuse(ExcType type, std::string message) const {
    if (auto* obs = ctx_->observer()) {
        std::string text(exc_name(type));
        if (!message.empty()) {
            text += ": ";
            text += message;
        }
        obs->on_refused(id_, text);
    }
    return raise(type, std::move(message));
}

namespace {

void element_pieces(const BufferInfo& v, int dim, int64_t offset, std::vector<ByteRange>& out) {
    const int64_t n = v.shape[static_cast<size_t>(dim)], stride = v.strides[static_cast<size_t>(dim)];
    for (int64_t i = 0; i < n; ++i) {
        int64_t p = offset + i * stride;
        if (dim + 1 < v.ndim) {
            element_pieces(v, dim + 1, p, out);
        } else {
            uint64_t b = static_cast<uint64_t>(p);
            out.push_back({b, b + static_cast<uint64_t>(v.itemsize)});
        }
    }
}

}  // namespace

void report_read(const BufferInfo& info, uint64_t through_id, std::string_view what) {
    if (!info.block || !info.block->context().observer() || info.len <= 0) return;
    const Block& block = *info.block;
    const bool shaped = info.has_shape && info.ndim >= 0 &&
                        info.shape.size() == static_cast<size_t>(info.ndim) &&
                        info.strides.size() == static_cast<size_t>(info.ndim);
    if (!shaped || info.ndim == 0) {
        uint64_t b = static_cast<uint64_t>(info.offset);
        uint64_t n = static_cast<uint64_t>(info.ndim == 0 && shaped ? info.itemsize : info.len);
        block.report_read(b, b + n, through_id, what);
        return;
    }
    if (info.ndim == 1) {
        block.report_strided_read(info.offset, info.shape[0], info.strides[0], info.itemsize,
                                  through_id, what);
        return;
    }
    std::vector<ByteRange> pieces;
    element_pieces(info, 0, info.offset, pieces);
    if (pieces.empty()) return;
    std::sort(pieces.begin(), pieces.end(),
              [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
    std::vector<ByteRange> merged;
    for (const ByteRange& p : pieces) {
        if (!merged.empty() && merged.back().end >= p.begin) {
            merged.back().end = std::max(merged.back().end, p.end);
        } else {
            merged.push_back(p);
        }
    }
    uint64_t begin = merged.front().begin, end = merged.back().end;
    if (merged.size() == 1) merged.clear();
    block.report_read_pieces(begin, end, through_id, what, std::move(merged));
}

}  // namespace engine
