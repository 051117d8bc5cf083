// The struct codec: format strings, native (@, x86-64 sizes and alignment) and
// standard (= < > !) layouts, pack/unpack, with CPython 3.11's struct.error
// messages. Shared by the struct module, memoryview item access and array.
//
//     BV_TRY(s, Struct::compile("<hI"));             // struct.Struct('<hI')
//     s.size();                                      // 6
//     BV_TRY(data, s.pack({Item::integer(-1), Item::integer(7)}));
//     BV_TRY(vals, s.unpack(data));                  // [-1, 7]
//     BV_TRY(n, calcsize("@bi"));                    // 8 (alignment)
//     BV_TRY(it, s.iter_unpack(ba));   // holds ba's export until exhausted/destroyed
//
// Module-level functions (struct.pack(fmt, ...)) compile the format each call;
// the interpreter may cache compiled Structs by format string.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/buffer/exporter.hpp"
#include "engine/buffer/item.hpp"

namespace engine {

// One format code after parsing: `count` repeats of `code` (for 's'/'p' one
// field of `count` bytes; for 'x' count pad bytes and no value).
struct StructField {
    char code = 0;
    int64_t count = 1;
    int64_t offset = 0;    // byte offset of the first repeat
    int64_t itemsize = 0;  // size of one repeat (for s/p: 1)
};

class StructIterator;

class Struct {
public:
    // struct.Struct(format). struct.error: "bad char in struct format",
    // "repeat count given without format specifier", "total struct size too long",
    // "embedded null character" (ValueError? no: struct.error as CPython).
    static Result<Struct> compile(std::string_view format);

    const std::string& format() const { return format_; }
    int64_t size() const { return size_; }
    int64_t value_count() const { return nvalues_; }  // values pack takes / unpack gives
    char byte_order() const { return order_; }        // '@', '=', '<', '>', '!'
    const std::vector<StructField>& fields() const { return fields_; }

    // "pack expected N items for packing (got M)" and per-code errors.
    Result<std::string> pack(const std::vector<Item>& values) const;
    // pack_into(buffer, offset, *values): buffer must be writable.
    Result<void> pack_into(Exporter& buffer, int64_t offset, const std::vector<Item>& values,
                           uint64_t through_id = 0) const;
    // "unpack requires a buffer of N bytes".
    Result<std::vector<Item>> unpack(std::string_view data) const;
    Result<std::vector<Item>> unpack(Exporter& buffer) const;
    // "unpack_from requires a buffer of at least N bytes for unpacking M bytes at offset K (actual buffer size is L)".
    Result<std::vector<Item>> unpack_from(Exporter& buffer, int64_t offset = 0) const;
    Result<std::vector<Item>> unpack_from(std::string_view data, int64_t offset = 0) const;
    // struct.iter_unpack: holds buffer's export while alive and not exhausted.
    Result<std::shared_ptr<StructIterator>> iter_unpack(const std::shared_ptr<Exporter>& buffer) const;

    // Pack into / unpack from raw memory (no size checks beyond size()).
    Result<void> pack_to(uint8_t* dest, const std::vector<Item>& values) const;
    std::vector<Item> unpack_raw(const uint8_t* src) const;

    // For the observer: a read of the struct's bytes at offset `at` of info's
    // buffer (ReadEvent `what`), then each value field (FieldEvent, padding 'x'
    // and zero-width fields left out) with the value the bytes hold. Nothing
    // without an observer or a block.
    void report_read(const BufferInfo& info, int64_t at, uint64_t through_id, std::string_view what) const;
    void report_fields(const BufferInfo& info, int64_t at, uint64_t through_id, bool write) const;

private:
    std::string format_;
    char order_ = '@';
    int64_t size_ = 0;
    int64_t nvalues_ = 0;
    std::vector<StructField> fields_;
};

class StructIterator {
public:
    // next(it): the next tuple, or nullopt when exhausted (the export is then released).
    Result<std::optional<std::vector<Item>>> next();
    int64_t length_hint() const;  // it.__length_hint__()
    uint64_t id() const { return id_; }
    ~StructIterator();

    StructIterator(Struct s, ExportedBuffer buffer, uint64_t id);

private:
    Struct struct_;
    ExportedBuffer buffer_;
    int64_t index_ = 0;
    uint64_t id_;
};

// Module-level helpers: struct.calcsize/pack/unpack/... with a format string.
Result<int64_t> calcsize(std::string_view format);
Result<std::string> pack(std::string_view format, const std::vector<Item>& values);
Result<std::vector<Item>> unpack(std::string_view format, std::string_view data);

// Native single-item access for memoryview/array (format = one native code,
// optionally '@'-prefixed). native_itemsize: -1 when not such a format.
int64_t native_itemsize(std::string_view format);
// Reads one item of native code `code` (memcpy; x86-64 layout, little-endian).
Item unpack_native(char code, const uint8_t* src);

// IEEE half precision (format 'e'): CPython's PyFloat_Pack2/Unpack2.
// OverflowError "float too large to pack with e format".
Result<void> pack_half(double x, uint8_t* dest, bool little_endian);
double unpack_half(const uint8_t* src, bool little_endian);

}  // namespace engine
