// BufferObserver: the hook through which the buffer engine reports every change
// to the trace layer. The engine calls it through BufferContext::observer()
// (may be null: nothing is reported). All methods have empty defaults, so an
// implementation overrides only what it records.
//
// Ordering guarantees:
//   - on_write is called BEFORE the bytes change; `old_bytes` points at the
//     block's current bytes [begin, end) during the call, so an undo log can
//     copy them. Strided writes list their element ranges in `pieces`
//     (empty pieces = the whole [begin, end) range is written).
//   - on_block_resized comes after the resize (old and new address given).
//   - on_export_acquired after the exporter's count went up; on_export_released
//     after it went down.
// Ids: every exporter, managed buffer, view, iterator has a small id from
// BufferContext::new_object_id(); blocks have their own ids (new_block_id()).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace engine {

class Block;
struct BufferInfo;

struct ByteRange {
    uint64_t begin = 0, end = 0;  // half-open, offsets into a block
};

struct BlockEvent {
    uint64_t block_id = 0;
    uint64_t owner_id = 0;  // object that owns the block
    uint64_t size = 0;
    uint64_t address = 0;  // display address (fake, stable, 16-aligned)
    const Block* block = nullptr;  // the block itself: stable until on_block_freed
};

struct BlockResizeEvent {
    uint64_t block_id = 0;
    uint64_t old_size = 0, new_size = 0;
    uint64_t old_address = 0, new_address = 0;
    bool moved = false;  // the bytes live at a new address now
};

struct WriteEvent {
    uint64_t block_id = 0;
    uint64_t begin = 0, end = 0;    // covering range of the write
    std::vector<ByteRange> pieces;  // exact element ranges when not one run; else empty
    uint64_t through_id = 0;        // the view or object id the write went through
    const uint8_t* old_bytes = nullptr;  // block bytes [begin, end) before the write
};

// Bytes read out of a block: an item or a copied slice of a view, tobytes(),
// tolist(), hex(), bytes(x), struct.unpack*, int.from_bytes, a file write from
// a buffer. Reported after the checks passed, as the bytes are read.
struct ReadEvent {
    uint64_t block_id = 0;
    uint64_t begin = 0, end = 0;    // covering range
    std::vector<ByteRange> pieces;  // exact element ranges when not one run; else empty
    uint64_t through_id = 0;        // the view or object read through
    std::string_view what;          // "item", "slice", "tobytes", "unpack_from", ...
};

// One item of a struct read or write (unpack*, iter_unpack, pack_into):
// `index` is its position among the format's items ("IHH": 0, 1, 2).
struct FieldEvent {
    uint64_t block_id = 0;
    uint64_t begin = 0, end = 0;  // the item's bytes
    uint64_t through_id = 0;
    int index = 0;
    char code = 'B';   // 'I', 'H', 's', ...
    char order = '@';  // '@', '=', '<', '>', '!'
    std::string_view value;  // repr of the value: "3405691582", "b'BV'", "True"
    bool write = false;      // pack_into; else a read
};

struct CopyEvent {
    uint64_t bytes = 0;
    uint64_t from_block = 0;  // 0: from outside any block (a C++ string, a literal)
    uint64_t to_block = 0;    // 0: to outside any block (e.g. a returned std::string)
    uint64_t through_id = 0;  // the view/object doing the copy, 0 if none
};

struct ViewEvent {
    uint64_t view_id = 0;
    uint64_t parent_id = 0;          // the view it was derived from, or 0
    uint64_t managed_buffer_id = 0;  // the managed buffer it is registered with
    uint64_t exporter_id = 0;        // the object whose buffer it shows
    uint64_t block_id = 0;           // 0 when the exporter has no block
    // The view's final geometry (valid during the call): views are reported
    // once their offset, shape and strides are set.
    const BufferInfo* info = nullptr;
};

class BufferObserver {
public:
    virtual ~BufferObserver() = default;

    virtual void on_object_created(uint64_t /*object_id*/, std::string_view /*type_name*/,
                                   uint64_t /*block_id*/) {}
    virtual void on_object_destroyed(uint64_t /*object_id*/) {}

    virtual void on_block_allocated(const BlockEvent&) {}
    virtual void on_block_resized(const BlockResizeEvent&) {}
    virtual void on_block_freed(uint64_t /*block_id*/) {}

    virtual void on_write(const WriteEvent&) {}
    virtual void on_copy(const CopyEvent&) {}

    // consumer_id: the managed buffer, iterator or view holding the export.
    virtual void on_export_acquired(uint64_t /*exporter_id*/, uint64_t /*consumer_id*/) {}
    virtual void on_export_released(uint64_t /*exporter_id*/, uint64_t /*consumer_id*/) {}

    virtual void on_view_created(const ViewEvent&) {}
    virtual void on_view_released(uint64_t /*view_id*/) {}
    virtual void on_view_destroyed(uint64_t /*view_id*/) {}

    // A resize, close or export refused by a locked exporter (BufferError), or
    // the use of a released view (ValueError), reported as it is raised (caught
    // or not). text: "BufferError: Existing exports of data: ...".
    virtual void on_refused(uint64_t /*object_id*/, std::string_view /*text*/) {}

    virtual void on_read(const ReadEvent&) {}
    virtual void on_field(const FieldEvent&) {}
};

}  // namespace engine
