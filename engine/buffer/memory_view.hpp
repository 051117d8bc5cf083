// MemoryView: Python's memoryview, with CPython 3.11's results and messages.
//
//     BV_TRY(mv, MemoryView::from_object(ba));                  // memoryview(ba)
//     BV_TRY(s, mv->get(Subscript::slice({Item::integer(1), Item::none(), Item::none()})));
//     auto sub = std::get<std::shared_ptr<MemoryView>>(s);      // mv[1:]
//     BV_CHECK(sub->set(Subscript::index(Item::integer(0)), AssignValue::of(Item::integer(7))));
//     BV_CHECK(mv->release());     // BufferError while mv itself is exported
//
// A view is registered with a ManagedBuffer (see managed_buffer.hpp); the
// export of the underlying object lifts when the last registered view is
// released or destroyed. A MemoryView is itself an Exporter: get_buffer() on it
// (struct.iter_unpack(mv), bytes(mv), a slice-assignment source) counts in its
// own exports(), and release() is refused while they exist:
//   BufferError: memoryview has 1 exported buffer
// memoryview(mv) does NOT export mv: it registers a new view on mv's managed
// buffer, as CPython does.
// Every operation after release: ValueError "operation forbidden on released
// memoryview object".
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/exporter.hpp"
#include "engine/buffer/item.hpp"
#include "engine/buffer/managed_buffer.hpp"
#include "engine/buffer/slice.hpp"

namespace engine {

class MemoryView;
using ViewPtr = std::shared_ptr<MemoryView>;

// The key of mv[key].
struct Subscript {
    enum class Kind { Index, Slice, Ellipsis, Tuple, Other };
    Kind kind = Kind::Other;
    Item index;                    // Index: an int (or bool)
    SliceArgs slice;               // Slice
    std::vector<Subscript> items;  // Tuple
    std::string type_name;         // Other: type(key).__name__

    static Subscript of_index(Item i) { Subscript s; s.kind = Kind::Index; s.index = std::move(i); return s; }
    static Subscript of_int(int64_t i) { return of_index(Item::integer(i)); }
    static Subscript of_slice(SliceArgs a) { Subscript s; s.kind = Kind::Slice; s.slice = std::move(a); return s; }
    static Subscript ellipsis() { Subscript s; s.kind = Kind::Ellipsis; return s; }
    static Subscript tuple(std::vector<Subscript> v) { Subscript s; s.kind = Kind::Tuple; s.items = std::move(v); return s; }
    static Subscript other(std::string type) { Subscript s; s.kind = Kind::Other; s.type_name = std::move(type); return s; }
};

// The right-hand side of mv[key] = value. `item` always describes the value
// (Item::other("list") for non-scalars); `buffer` is set when the value
// supports the buffer protocol (bytes, bytearray, memoryview, array, mmap).
struct AssignValue {
    Item item;
    std::shared_ptr<Exporter> buffer;
    static AssignValue of(Item i) { return AssignValue{std::move(i), nullptr}; }
    static AssignValue of_buffer(std::shared_ptr<Exporter> b, Item i = Item::other("bytes")) {
        return AssignValue{std::move(i), std::move(b)};
    }
};

// The shape argument of cast(): its type name ("list"/"tuple" accepted) and items.
struct CastShape {
    std::string type_name = "tuple";
    std::vector<Item> items;
};

using ItemOrView = std::variant<Item, ViewPtr>;

class MemoryViewIterator;

class MemoryView : public Exporter {
public:
    // memoryview(obj). obj being a MemoryView registers on its managed buffer.
    static Result<ViewPtr> from_object(const std::shared_ptr<Exporter>& obj);
    ~MemoryView() override;  // memory_dealloc: releases if not yet released

    std::string_view type_name() const override { return "memoryview"; }
    bool hashable() const override { return true; }

    // Engine-side inspection (no Python checks): for the trace and the scene.
    bool released() const;
    const BufferInfo& view() const { return view_; }  // block, offset, shape, strides...
    const std::shared_ptr<ManagedBuffer>& managed_buffer() const { return mbuf_; }
    uint64_t parent_id() const { return parent_id_; }
    std::string repr() const;  // "<memory at 0x...>" / "<released memory at 0x...>"

    // Attributes.
    Result<std::shared_ptr<Exporter>> obj() const;
    Result<int64_t> nbytes() const;
    Result<bool> readonly() const;
    Result<int64_t> itemsize() const;
    Result<std::string> format() const;
    Result<int64_t> ndim() const;
    Result<std::vector<int64_t>> shape() const;
    Result<std::vector<int64_t>> strides() const;
    Result<std::vector<int64_t>> suboffsets() const;
    Result<bool> c_contiguous() const;
    Result<bool> f_contiguous() const;
    Result<bool> contiguous() const;
    Result<int64_t> len() const;  // shape[0]; 1 for a 0-dim view (CPython 3.11)

    // Release and context manager.
    Result<void> release();
    Result<ViewPtr> enter();
    Result<void> exit();

    // mv[key], mv[key] = value, del mv[key].
    Result<ItemOrView> get(const Subscript& key);
    Result<void> set(const Subscript& key, const AssignValue& value);
    Result<void> del(const Subscript& key);

    // Methods.
    Result<ViewPtr> cast(std::string_view format, const std::optional<CastShape>& shape = std::nullopt);
    Result<ViewPtr> toreadonly();
    // order: nullopt/"C", "F", "A"; else ValueError "order must be 'C', 'F' or 'A'".
    Result<std::shared_ptr<BytesObject>> tobytes(std::optional<std::string_view> order = std::nullopt);
    // `what` names the read for the observer: "tobytes", "bytes" (bytes(mv))...
    Result<std::string> tobytes_string(std::optional<std::string_view> order = std::nullopt,
                                       std::string_view what = "tobytes");
    Result<NestedItem> tolist();
    // sep: a str or bytes of length 1 (the interpreter raises "sep must be str or
    // bytes." for other types) passed as its UTF-8 text.
    Result<std::string> hex(std::optional<std::string_view> sep = std::nullopt,
                            int64_t bytes_per_sep = 1);

    // self == other. nullopt means NotImplemented (other is no buffer): the
    // interpreter then falls back to identity.
    Result<std::optional<bool>> equals(const std::shared_ptr<Exporter>& other);
    // hash(mv): bytes_hash is the interpreter's hash of a bytes value.
    Result<int64_t> hash(const std::function<int64_t(std::string_view)>& bytes_hash);

    Result<std::shared_ptr<MemoryViewIterator>> iter();  // iter(mv)
    Result<bool> contains(const Item& value);           // value in mv

    explicit MemoryView(BufferContext& ctx);  // use from_object() or the methods

protected:
    Result<BufferInfo> fill_buffer(int flags) override;  // memory_getbuf

private:
    friend class MemoryViewIterator;
    friend struct MemoryViewAccess;
    Result<void> check_released() const;
    static ViewPtr register_view(const std::shared_ptr<ManagedBuffer>& mbuf, const BufferInfo& src,
                                 uint64_t parent_id);
    void init_flags();
    void report_created();
    bool release_internal();  // _memory_release without the error

    std::shared_ptr<ManagedBuffer> mbuf_;
    BufferInfo view_;  // this view's private shape/strides/format; shares the block
    uint64_t parent_id_ = 0;
    int flags_ = 0;
    bool released_ = false;
    bool destroyed_reported_ = false;
    std::optional<int64_t> hash_;
};

class MemoryViewIterator {
public:
    // next(it): nullopt when exhausted.
    Result<std::optional<Item>> next();
    uint64_t id() const { return id_; }

    MemoryViewIterator(ViewPtr view, char fmt);

private:
    ViewPtr view_;
    char fmt_;
    int64_t index_ = 0;
    uint64_t id_;
};

inline constexpr std::string_view kReleasedMessage =
    "operation forbidden on released memoryview object";

}  // namespace engine
