// Internal helpers shared by memory_view.cpp and memory_view_data.cpp (not a
// public header): flags, shape/stride helpers, single-item packing, copying
// between buffers with overlap, and write reporting.
#pragma once

#include <string>

#include "engine/buffer/memory_view.hpp"

namespace engine::mv_internal {

inline constexpr int kFlagScalar = 1;
inline constexpr int kFlagC = 2;
inline constexpr int kFlagFortran = 4;

// get_native_fmtchar of CPython 3.11's memoryobject.c: like the struct native
// codes but without 'e' (half floats arrived in memoryview in 3.12).
int64_t mv_native_itemsize(std::string_view format);

inline bool is_byte_format(char c) { return c == 'b' || c == 'B' || c == 'c'; }

void init_strides_from_shape(BufferInfo& v);
void init_len(BufferInfo& v);
bool is_contiguous(const BufferInfo& v, char order);  // PyBuffer_IsContiguous

// adjust_fmt: the single format char, or NotImplementedError "memoryview: unsupported format %s".
Result<char> adjust_fmt(const BufferInfo& v);
// lookup_dimension: offset of index along dim, or IndexError "index out of bounds on dimension N".
Result<int64_t> lookup_dimension(const BufferInfo& v, int64_t offset, int dim, int64_t index);
Result<int64_t> ptr_from_tuple(const BufferInfo& v, const Subscript& key);
bool is_multiindex(const Subscript& key);
bool is_multislice(const Subscript& key);

// pack_single at block offset `offset` of mv's block, reporting the write.
Result<void> pack_single(MemoryView& mv, int64_t offset, const Item& value, char fmt);

// The rvalue of a slice assignment: an acquired buffer, or a bytes Item.
struct SourceBuffer {
    ExportedBuffer held;
    std::string temp;
    BufferInfo info;  // shape/strides/format complete; data via base()
    const uint8_t* base = nullptr;  // pointer to the first element
};
Result<void> acquire_source(const AssignValue& value, uint64_t consumer_id, SourceBuffer& out);

// copy_single: 1-D dest (a slice of mv) <- src with equiv_structure checks.
// The source bytes are reported read through `src_id` ("source").
Result<void> copy_single(MemoryView& mv, const BufferInfo& dest, const BufferInfo& src_info,
                         const uint8_t* src_base, uint64_t src_id = 0);

// Copy n elements of itemsize bytes from s (stride ss) to d (stride ds); no overlap.
void copy_strided(uint8_t* d, int64_t ds, const uint8_t* s, int64_t ss, int64_t n, int64_t itemsize);

// Copy the elements of v (any ndim, strides) to dest in C or Fortran order.
void to_contiguous(const BufferInfo& v, uint8_t* dest, char order);

}  // namespace engine::mv_internal
