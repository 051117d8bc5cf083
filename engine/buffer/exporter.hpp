// Exporter: an object that hands out its buffer (CPython's bf_getbuffer), and
// ExportedBuffer: one acquired Py_buffer, released exactly once.
//
//     BV_TRY(buf, obj->get_buffer(kBufSimple, consumer_id));   // exports() + 1
//     const uint8_t* p = buf.data();  int64_t n = buf.info().len;
//     buf.release();   // or let it go out of scope: exports() - 1
//
// An exporter counts its live exports (ob_exports). Resizable exporters refuse
// to resize/close while exports() > 0 with CPython's BufferError text, so no
// view ever dangles. Exporters are always held by std::shared_ptr; an
// ExportedBuffer keeps its exporter alive.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/buffer/context.hpp"
#include "engine/core/result.hpp"

namespace engine {

// PyBUF_* request flags, same values as CPython.
inline constexpr int kBufSimple = 0;
inline constexpr int kBufWritable = 0x0001;
inline constexpr int kBufFormat = 0x0004;
inline constexpr int kBufND = 0x0008;
inline constexpr int kBufStrides = 0x0010 | kBufND;
inline constexpr int kBufCContiguous = 0x0020 | kBufStrides;
inline constexpr int kBufFContiguous = 0x0040 | kBufStrides;
inline constexpr int kBufAnyContiguous = 0x0080 | kBufStrides;
inline constexpr int kBufIndirect = 0x0100 | kBufStrides;
inline constexpr int kBufContigRO = kBufND;
inline constexpr int kBufStridedRO = kBufStrides;
inline constexpr int kBufRecordsRO = kBufStrides | kBufFormat;
inline constexpr int kBufFullRO = kBufIndirect | kBufFormat;
inline constexpr int kBufFull = kBufFullRO | kBufWritable;

inline constexpr int kMaxNdim = 64;  // PyBUF_MAX_NDIM

class Exporter;

// The fields of a Py_buffer. The bytes are block->data() + offset. A null
// block means an empty buffer with no storage.
struct BufferInfo {
    Block* block = nullptr;
    int64_t offset = 0;  // byte offset of buf within block
    int64_t len = 0;
    int64_t itemsize = 1;
    bool readonly = true;
    bool has_format = false;  // format == NULL in CPython means "B"
    std::string format = "B";
    int ndim = 1;
    bool has_shape = false;  // shape == NULL in CPython
    bool has_strides = false;
    std::vector<int64_t> shape;
    std::vector<int64_t> strides;

    uint8_t* data() const { return block ? block->data() + offset : nullptr; }
    uint64_t block_id() const { return block ? block->id() : 0; }
};

// One acquired buffer. Move-only; releases the export on release() or destruction.
class ExportedBuffer {
public:
    ExportedBuffer() = default;
    ExportedBuffer(std::shared_ptr<Exporter> obj, BufferInfo info, uint64_t consumer_id);
    ExportedBuffer(ExportedBuffer&& other) noexcept;
    ExportedBuffer& operator=(ExportedBuffer&& other) noexcept;
    ExportedBuffer(const ExportedBuffer&) = delete;
    ExportedBuffer& operator=(const ExportedBuffer&) = delete;
    ~ExportedBuffer() { release(); }

    void release();  // PyBuffer_Release; idempotent
    bool held() const { return obj_ != nullptr; }
    const std::shared_ptr<Exporter>& obj() const { return obj_; }
    const BufferInfo& info() const { return info_; }
    BufferInfo& info() { return info_; }
    uint8_t* data() const { return info_.data(); }
    std::string_view bytes() const {  // only meaningful for C-contiguous buffers
        return {reinterpret_cast<const char*>(data()), static_cast<size_t>(info_.len)};
    }
    uint64_t consumer_id() const { return consumer_id_; }

private:
    std::shared_ptr<Exporter> obj_;
    BufferInfo info_;
    uint64_t consumer_id_ = 0;
};

class Exporter : public std::enable_shared_from_this<Exporter> {
public:
    explicit Exporter(BufferContext& ctx);
    virtual ~Exporter();
    Exporter(const Exporter&) = delete;
    Exporter& operator=(const Exporter&) = delete;

    // type(x).__name__ as CPython shows it in messages: "bytes", "bytearray",
    // "array.array" (qualified for messages like "unhashable type"), "mmap.mmap",
    // "memoryview", "_io.BytesIO", "_io._BytesIOBuffer".
    virtual std::string_view type_name() const = 0;
    // False for objects whose hash() raises TypeError "unhashable type: '...'".
    virtual bool hashable() const { return false; }
    // False for objects that are no buffer exporters themselves (io.BytesIO):
    // get_buffer raises TypeError "a bytes-like object is required, not '...'".
    virtual bool supports_buffer() const { return true; }

    uint64_t id() const { return id_; }
    BufferContext& context() const { return *ctx_; }
    int64_t exports() const { return exports_; }

    // PyObject_GetBuffer(self, view, flags). consumer_id names the holder for
    // the observer (a managed buffer, an iterator, a view being written...).
    Result<ExportedBuffer> get_buffer(int flags, uint64_t consumer_id = 0);

protected:
    // Fill `info` for `flags` (errors as CPython's getbufferproc). Does not count.
    virtual Result<BufferInfo> fill_buffer(int flags) = 0;
    // bf_releasebuffer: called after the count went down.
    virtual void buffer_released() {}
    // PyBuffer_FillInfo for a contiguous 1-D exporter.
    static Result<BufferInfo> fill_info(Block* block, int64_t offset, int64_t len, bool readonly,
                                        int flags, std::string_view format = "B",
                                        int64_t itemsize = 1);

    // "BufferError: Existing exports of data: object cannot be re-sized" when exported.
    Result<void> check_resizable() const;
    // The error `type: message`, reported to the observer as a refusal first
    // (a resize or close refused while exported, a released view used).
    Error refuse(ExcType type, std::string message) const;

private:
    friend class ExportedBuffer;
    void release_export(uint64_t consumer_id);

    BufferContext* ctx_;
    uint64_t id_;
    int64_t exports_ = 0;
};

// The bytes of obj's buffer in C order (PyObject_GetBuffer + PyBuffer_ToContiguous),
// for bytes(x), bytearray(x), ba += x, b.join, f.write(x), ... The export is
// released before returning. flags: kBufFullRO accepts any view (bytes(mv[::2]));
// kBufSimple is what "y*" arguments use and refuses non-contiguous views with
// "BufferError: memoryview: underlying buffer is not C-contiguous".
// The read is reported to the observer as `what` through obj.
Result<std::string> buffer_bytes(Exporter& obj, int flags = kBufFullRO, uint64_t consumer_id = 0,
                                 std::string_view what = "bytes");

// Report a read of every byte of `info` (all its elements, any ndim and
// strides; a buffer without shape is its contiguous [offset, offset + len))
// through `through_id`. Nothing without an observer or for an empty buffer.
void report_read(const BufferInfo& info, uint64_t through_id, std::string_view what);

inline constexpr std::string_view kCannotResizeMessage =
    "Existing exports of data: object cannot be re-sized";

}  // namespace engine
