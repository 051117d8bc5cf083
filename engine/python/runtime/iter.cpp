// The iteration protocol and the built-in iterator objects.
//
// Sequence iterators walk live objects by index, as CPython's do: appending to
// a list while iterating it is seen by the loop.
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/iter.hpp"

#include <fmt/format.h>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/buffer/struct_codec.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/set.hpp"
#include "engine/python/runtime/seq.hpp"
#include "engine/python/runtime/text.hpp"

namespace engine::py {

namespace {

using Next = Result<std::optional<Value>>;

class ListIter : public IteratorObject {
public:
    explicit ListIter(Value list) : list_(std::move(list)) {}
    Next next(Interp&) override {
        if (done_) return std::optional<Value>();
        const auto& items = list_.obj<ListObject>().items;
        if (index_ < items.size()) return std::optional<Value>(items[index_++]);
        done_ = true;
        list_ = Value();
        return std::optional<Value>();
    }
    const char* type_name() const override { return "list_iterator"; }
    // The cycle collector (gc.hpp).
    bool gc_holds() const override { return true; }
    void gc_traverse(GcVisitor& visit) const override { visit(list_); }
    void gc_clear() override {
        done_ = true;
        list_ = Value();
    }

private:
    Value list_;
    size_t index_ = 0;
    bool done_ = false;
};

class ListReverseIter : public IteratorObject {
public:
    explicit ListReverseIter(Value list)
        : list_(std::move(list)),
          index_(static_cast<int64_t>(list_.obj<ListObject>().items.size()) - 1) {}
    Next next(Interp&) override {
        if (list_.is_none()) return std::optional<Value>();
        const auto& items = list_.obj<ListObject>().items;
        if (index_ >= 0 && index_ < static_cast<int64_t>(items.size()))
            return std::optional<Value>(items[static_cast<size_t>(index_--)]);
        list_ = Value();
        return std::optional<Value>();
    }
    const char* type_name() const override { return "list_reverseiterator"; }

private:
    Value list_;
    int64_t index_;
};

class VectorIter : public IteratorObject {
public:
    VectorIter(std::vector<Value> items, const char* name)
        : items_(std::move(items)), name_(name) {}
    Next next(Interp&) override {
        if (index_ < items_.size()) {
            Value v = std::move(items_[index_++]);
            return std::optional<Value>(std::move(v));
        }
        items_.clear();
        return std::optional<Value>();
    }
    const char* type_name() const override { return name_; }

private:
    std::vector<Value> items_;
    size_t index_ = 0;
    const char* name_;
};

class TupleIter : public IteratorObject {
public:
    explicit TupleIter(Value t) : t_(std::move(t)) {}
    Next next(Interp&) override {
        if (t_.is_none()) return std::optional<Value>();
        const auto& items = t_.obj<TupleObject>().items;
        if (index_ < items.size()) return std::optional<Value>(items[index_++]);
        t_ = Value();
        return std::optional<Value>();
    }
    const char* type_name() const override { return "tuple_iterator"; }
    // The cycle collector (gc.hpp).
    bool gc_holds() const override { return true; }
    void gc_traverse(GcVisitor& visit) const override { visit(t_); }
    void gc_clear() override { t_ = Value(); }

private:
    Value t_;
    size_t index_ = 0;
};

class StrIter : public IteratorObject {
public:
    explicit StrIter(const Value& s) : cps_(str_code_points(s)), ascii_(s.as_str().ascii) {}
    Next next(Interp&) override {
        if (index_ < cps_.size()) return std::optional<Value>(str_char(cps_[index_++]));
        return std::optional<Value>();
    }
    const char* type_name() const override {
        return ascii_ ? "str_ascii_iterator" : "str_iterator";
    }

private:
    std::u32string cps_;
    bool ascii_;
    size_t index_ = 0;
};

class BytesIter : public IteratorObject {
public:
    explicit BytesIter(Value b) : b_(std::move(b)) {}
    Next next(Interp&) override {
        if (b_.is_none()) return std::optional<Value>();
        std::string_view s = *bytes_view(b_);
        if (index_ < s.size())
            return std::optional<Value>(Value::integer(static_cast<uint8_t>(s[index_++])));
        b_ = Value();
        return std::optional<Value>();
    }
    const char* type_name() const override {
        return b_.is(Kind::ByteArray) ? "bytearray_iterator" : "bytes_iterator";
    }

private:
    Value b_;
    size_t index_ = 0;
};

class RangeIter : public IteratorObject {
public:
    RangeIter(int64_t start, int64_t step, int64_t len) : next_(start), step_(step), left_(len) {}
    Next next(Interp&) override {
        if (left_ <= 0) return std::optional<Value>();
        int64_t v = next_;
        --left_;
        if (left_ > 0)
            next_ =
                static_cast<int64_t>(static_cast<uint64_t>(next_) + static_cast<uint64_t>(step_));
        return std::optional<Value>(Value::integer(v));
    }
    const char* type_name() const override { return "range_iterator"; }

private:
    int64_t next_, step_, left_;
};

class DictIter : public IteratorObject {
public:
    DictIter(Value dict, DictViewKind kind)
        : dict_(std::move(dict)),
          kind_(kind),
          version_(dict_.obj<DictObject>().version()),
          size_(dict_.obj<DictObject>().size()) {}
    Next next(Interp&) override {
        if (dict_.is_none()) return std::optional<Value>();
        const auto& d = dict_.obj<DictObject>();
        if (d.size() != size_) {
            size_ = -1;  // stays broken, as CPython's
            return raise(ExcType::RuntimeError, "dictionary changed size during iteration");
        }
        if (d.version() != version_)
            return raise(ExcType::RuntimeError, "dictionary keys changed during iteration");
        const auto& entries = d.entries();
        while (pos_ < entries.size() && !entries[pos_].live) ++pos_;
        if (pos_ >= entries.size()) {
            dict_ = Value();
            return std::optional<Value>();
        }
        const auto& e = entries[pos_++];
        switch (kind_) {
            case DictViewKind::Keys:
                return std::optional<Value>(e.key);
            case DictViewKind::Values:
                return std::optional<Value>(e.value);
            case DictViewKind::Items:
                return std::optional<Value>(Value::tuple({e.key, e.value}));
        }
        return std::optional<Value>();
    }
    const char* type_name() const override {
        return kind_ == DictViewKind::Keys     ? "dict_keyiterator"
               : kind_ == DictViewKind::Values ? "dict_valueiterator"
                                               : "dict_itemiterator";
    }
    // The cycle collector (gc.hpp).
    bool gc_holds() const override { return true; }
    void gc_traverse(GcVisitor& visit) const override { visit(dict_); }
    void gc_clear() override { dict_ = Value(); }

private:
    Value dict_;
    DictViewKind kind_;
    uint64_t version_;
    int64_t size_;
    size_t pos_ = 0;
};

class EnumerateIter : public IteratorObject {
public:
    EnumerateIter(Value it, Value start) : it_(std::move(it)), count_(std::move(start)) {}
    Next next(Interp& interp) override {
        BV_TRY(x, iter_next(interp, it_));
        if (!x) return std::optional<Value>();
        Value index = count_;
        BV_TRY(n, binary_op(interp, BinOp::Add, count_, Value::integer(1)));
        count_ = n;
        return std::optional<Value>(Value::tuple({index, std::move(*x)}));
    }
    const char* type_name() const override { return "enumerate"; }
    // The cycle collector (gc.hpp).
    bool gc_holds() const override { return true; }
    void gc_traverse(GcVisitor& visit) const override { visit(it_); }
    void gc_clear() override {
        Value gone = std::move(it_);
        it_ = Value();
    }

private:
    Value it_;
    Value count_;
};

class ZipIter : public IteratorObject {
public:
    ZipIter(std::vector<Value> its, bool strict) : its_(std::move(its)), strict_(strict) {}
    Next next(Interp& interp) override {
        if (its_.empty() || done_) return std::optional<Value>();
        std::vector<Value> row;
        row.reserve(its_.size());
        for (size_t i = 0; i < its_.size(); ++i) {
            BV_TRY(x, iter_next(interp, its_[i]));
            if (!x) {
                done_ = true;
                if (strict_) {
                    if (i > 0)
                        return raise(
                            ExcType::ValueError,
                            fmt::format("zip() argument {} is shorter than argument{} 1{}", i + 1,
                                        i > 1 ? "s" : "", i > 1 ? fmt::format("-{}", i) : ""));
                    for (size_t k = 1; k < its_.size(); ++k) {
                        BV_TRY(y, iter_next(interp, its_[k]));
                        if (y)
                            return raise(
                                ExcType::ValueError,
                                fmt::format("zip() argument {} is longer than argument{} 1{}",
                                            k + 1, k > 1 ? "s" : "",
                                            k > 1 ? fmt::format("-{}", k) : ""));
                    }
                }
                return std::optional<Value>();
            }
            row.push_back(std::move(*x));
        }
        return std::optional<Value>(Value::tuple(std::move(row)));
    }
    const char* type_name() const override { return "zip"; }
    // The cycle collector (gc.hpp).
    bool gc_holds() const override { return true; }
    void gc_traverse(GcVisitor& visit) const override {
        for (const Value& v : its_) visit(v);
    }
    void gc_clear() override {
        done_ = true;
        std::vector<Value> gone = std::move(its_);
        its_.clear();
    }

private:
    std::vector<Value> its_;
    bool strict_;
    bool done_ = false;
};

class MemoryViewIter : public IteratorObject {
public:
    explicit MemoryViewIter(std::shared_ptr<MemoryViewIterator> it) : it_(std::move(it)) {}
    Next next(Interp& interp) override {
        BV_TRY(x, it_->next());
        if (!x) return std::optional<Value>();
        BV_TRY(v, from_item(interp, *x));
        return std::optional<Value>(std::move(v));
    }
    const char* type_name() const override { return "memory_iterator"; }

private:
    std::shared_ptr<MemoryViewIterator> it_;
};

class ArrayIter : public IteratorObject {
public:
    explicit ArrayIter(Value a) : a_(std::move(a)) {}
    Next next(Interp& interp) override {
        if (a_.is_none()) return std::optional<Value>();
        auto& arr = a_.obj<ArrayObject>();
        if (index_ < arr.size()) {
            BV_TRY(item, arr.get(index_++));
            BV_TRY(v, from_item(interp, item));
            return std::optional<Value>(std::move(v));
        }
        a_ = Value();
        return std::optional<Value>();
    }
    const char* type_name() const override { return "arrayiterator"; }

private:
    Value a_;
    int64_t index_ = 0;
};

class MmapIter : public IteratorObject {
public:
    explicit MmapIter(Value m) : m_(std::move(m)) {}
    Next next(Interp& interp) override {
        auto& mm = m_.obj<MmapObject>();
        BV_TRY(n, mm.len());
        if (index_ >= n) return std::optional<Value>();
        BV_TRY(b, mm.get(index_++));
        BV_TRY(v, make_bytes(interp, std::string(1, static_cast<char>(b))));
        return std::optional<Value>(std::move(v));
    }
    const char* type_name() const override { return "iterator"; }

private:
    Value m_;
    int64_t index_ = 0;
};

}  // namespace

TypeId DictView::type_id() const {
    switch (kind_) {
        case DictViewKind::Keys:
            return TypeId::DictKeys;
        case DictViewKind::Values:
            return TypeId::DictValues;
        case DictViewKind::Items:
            return TypeId::DictItems;
    }
    return TypeId::DictKeys;
}

const DictView* as_dict_view(const Value& v) {
    if (!v.is(Kind::Iterator)) return nullptr;
    TypeId t = v.obj<IteratorObject>().type_id();
    if (t == TypeId::DictKeys || t == TypeId::DictValues || t == TypeId::DictItems)
        return static_cast<const DictView*>(&v.obj<IteratorObject>());
    return nullptr;
}

std::optional<int64_t> iterator_view_len(const Value& v) {
    if (auto* view = as_dict_view(v)) return view->dict().obj<DictObject>().size();
    return std::nullopt;
}

Value make_dict_iter(const Value& dict, DictViewKind kind) {
    return Value::wrap(std::shared_ptr<IteratorObject>(std::make_shared<DictIter>(dict, kind)));
}

Value make_vector_iter(std::vector<Value> items, TypeId type) {
    const char* name = type == TypeId::Reversed ? "reversed" : "iterator";
    return Value::wrap(
        std::shared_ptr<IteratorObject>(std::make_shared<VectorIter>(std::move(items), name)));
}

Value make_enumerate(Value iterator, Value start) {
    return Value::wrap(std::shared_ptr<IteratorObject>(
        std::make_shared<EnumerateIter>(std::move(iterator), std::move(start))));
}

Value make_zip(std::vector<Value> iterators, bool strict) {
    return Value::wrap(
        std::shared_ptr<IteratorObject>(std::make_shared<ZipIter>(std::move(iterators), strict)));
}

Result<Value> make_reversed(Interp& interp, const Value& seq) {
    switch (seq.kind()) {
        case Kind::List:
            return Value::wrap(
                std::shared_ptr<IteratorObject>(std::make_shared<ListReverseIter>(seq)));
        case Kind::Range: {
            const auto& r = seq.obj<RangeObject>();
            int64_t n = r.length();
            if (n == 0)
                return Value::wrap(
                    std::shared_ptr<IteratorObject>(std::make_shared<RangeIter>(0, 1, 0)));
            int64_t last =
                static_cast<int64_t>(static_cast<uint64_t>(r.start) +
                                     static_cast<uint64_t>(n - 1) * static_cast<uint64_t>(r.step));
            return Value::wrap(
                std::shared_ptr<IteratorObject>(std::make_shared<RangeIter>(last, -r.step, n)));
        }
        case Kind::Str:
        case Kind::Tuple:
        case Kind::Bytes:
        case Kind::ByteArray:
        case Kind::Array:
        case Kind::Mmap:  // CPython 3.11: sq_length + sq_item, items as 1-byte bytes
        case Kind::MemoryView: {
            BV_TRY(items, collect(interp, seq));
            std::vector<Value> rev(items.rbegin(), items.rend());
            return make_vector_iter(std::move(rev), TypeId::Reversed);
        }
        default:
            break;
    }
    if (as_dict_view(seq) || seq.is(Kind::Dict)) {
        BV_TRY(items, collect(interp, seq));
        std::vector<Value> rev(items.rbegin(), items.rend());
        return make_vector_iter(std::move(rev), TypeId::Reversed);
    }
    return raise(ExcType::TypeError, "'" + type_name(seq) + "' object is not reversible");
}

Result<Value> get_iter(Interp& interp, const Value& v) {
    (void)interp;
    auto wrap = [](auto p) { return Value::wrap(std::shared_ptr<IteratorObject>(std::move(p))); };
    switch (v.kind()) {
        case Kind::Instance:
            return instance_iter(interp, v);
        case Kind::List:
            return wrap(std::make_shared<ListIter>(v));
        case Kind::Tuple:
            return wrap(std::make_shared<TupleIter>(v));
        case Kind::Str:
            return wrap(std::make_shared<StrIter>(v));
        case Kind::Bytes:
        case Kind::ByteArray:
            return wrap(std::make_shared<BytesIter>(v));
        case Kind::Range: {
            const auto& r = v.obj<RangeObject>();
            return wrap(std::make_shared<RangeIter>(r.start, r.step, r.length()));
        }
        case Kind::Dict:
            return make_dict_iter(v, DictViewKind::Keys);
        case Kind::Set:
        case Kind::FrozenSet:
            return set_iter(v);
        case Kind::MemoryView: {
            BV_TRY(it, v.obj<MemoryView>().iter());
            return wrap(std::make_shared<MemoryViewIter>(std::move(it)));
        }
        case Kind::Array:
            return wrap(std::make_shared<ArrayIter>(v));
        case Kind::Mmap:
            return wrap(std::make_shared<MmapIter>(v));
        case Kind::BytesIO:  // its own iterator, as CPython's
            return v;
        case Kind::Iterator:
            if (auto* view = as_dict_view(v))
                return make_dict_iter(view->dict(), view->view_kind());
            return v;
        default:
            return raise(ExcType::TypeError, "'" + type_name(v) + "' object is not iterable");
    }
}

Result<std::optional<Value>> iter_next(Interp& interp, const Value& iterator) {
    if (iterator.is(Kind::Instance)) return instance_next(interp, iterator);
    if (iterator.is(Kind::BytesIO)) return bytesio_next_line(interp, iterator);
    if (!iterator.is(Kind::Iterator) || as_dict_view(iterator))
        return raise(ExcType::TypeError, "'" + type_name(iterator) + "' object is not an iterator");
    return iterator.obj<IteratorObject>().next(interp);
}

Result<std::vector<Value>> collect(Interp& interp, const Value& iterable) {
    switch (iterable.kind()) {
        case Kind::List:
            BV_CHECK(heap_reserve(iterable.obj<ListObject>().items.size(), kValueSlot));
            return iterable.obj<ListObject>().items;
        case Kind::Tuple:
            BV_CHECK(heap_reserve(iterable.obj<TupleObject>().items.size(), kValueSlot));
            return iterable.obj<TupleObject>().items;
        case Kind::Dict:
            BV_CHECK(heap_reserve(static_cast<uint64_t>(iterable.obj<DictObject>().size()),
                                  kValueSlot));
            return iterable.obj<DictObject>().keys();
        default:
            break;
    }
    if (iterable.is(Kind::Range)) {
        // CPython preallocates from the length hint: list(range(10**12)) is a
        // MemoryError at once, not after a long loop.
        BV_CHECK(heap_reserve(static_cast<uint64_t>(iterable.obj<RangeObject>().length()),
                              kValueSlot));
    }
    BV_TRY(it, get_iter(interp, iterable));
    std::vector<Value> out;
    while (true) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) break;
        BV_CHECK(interp.tick());
        if (out.size() == out.capacity())  // the vector is about to double
            BV_CHECK(heap_reserve(out.capacity() + 1, kValueSlot));
        out.push_back(std::move(*x));
    }
    return out;
}

}  // namespace engine::py
