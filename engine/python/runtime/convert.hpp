// Conversions between Values and the buffer layer (engine::Item, exporters,
// raw bytes), and small constructors used across the runtime.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/buffer/exporter.hpp"
#include "engine/buffer/item.hpp"
#include "engine/buffer/slice.hpp"
#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

// Value -> Item: None, bool, int, float, bytes carried exactly; anything else
// as Item::other(type name, truth value).
Item to_item(const Value& v);
// Item -> Value (bytes items become new bytes objects in the interp's context).
Result<Value> from_item(Interp& interp, const Item& item);
Result<Value> from_items_tuple(Interp& interp, const std::vector<Item>& items);
Result<Value> from_nested(Interp& interp, const NestedItem& n);

// New bytes / bytearray values holding a copy of `data`.
Result<Value> make_bytes(Interp& interp, std::string_view data);
Result<Value> make_bytearray(Interp& interp, std::string_view data);

// The exporter behind a buffer-protocol value (bytes, bytearray, memoryview,
// array, mmap); null otherwise.
std::shared_ptr<Exporter> as_exporter(const Value& v);
// The bytes of any bytes-like object (contiguous copy); nullopt when v does
// not support the buffer protocol. Errors: released memoryview etc.
// `what` non-empty: the read is reported to the buffer observer under that name.
Result<std::optional<std::string>> bytes_like(const Value& v, std::string_view what = {});
// bytes_like with the block the bytes were read from (0: none), for the copy meter.
struct BufferBytes {
    std::string data;
    uint64_t block = 0;
};
Result<std::optional<BufferBytes>> buffer_bytes_of(const Value& v, std::string_view what = {});
// Like bytes_like, but any memoryview (also non-contiguous) gives its
// tobytes(): bytes(x), bytearray(x), bytes == comparisons.
Result<std::optional<std::string>> bytes_like_any(const Value& v);
// bytes_like or TypeError "a bytes-like object is required, not 'str'".
Result<std::string> require_bytes_like(const Value& v);
// An integer argument parsed as Argument Clinic's Py_ssize_t / PyArg "n"
// (list.insert, array.pop, BytesIO.seek, mmap.find...): OverflowError
// "Python int too large to convert to C ssize_t" (to_index says "cannot fit 'int'
// into an index-sized integer", PyNumber_AsSsize_t's text).
Result<int64_t> to_ssize(const Value& v);
// _Py_convert_optional_to_ssize_t (BytesIO.read/truncate, mmap.read): None is
// nullopt; a non-integer is TypeError "argument should be integer or None, not 'float'".
Result<std::optional<int64_t>> to_optional_ssize(const Value& v);
// Direct views for bytes and bytearray (no copy); nullopt for other kinds.
std::optional<std::string_view> bytes_view(const Value& v);

SliceArgs to_slice_args(const Value& slice);  // Kind::Slice

}  // namespace engine::py
