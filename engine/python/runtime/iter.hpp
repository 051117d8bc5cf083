// Iterator objects of the built-in types (list_iterator, range_iterator,
// dict_keyiterator, enumerate, zip, reversed, ...) and the dict views
// (dict_keys / dict_values / dict_items), which are re-iterable.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "engine/python/runtime/value.hpp"

namespace engine::py {

enum class DictViewKind { Keys, Values, Items };

// d.keys() / d.values() / d.items(): a live view on the dict. Held as a
// Kind::Iterator value whose type_id() is DictKeys/DictValues/DictItems;
// iter() on it makes a fresh dict iterator; its own next() is never used.
class DictView : public IteratorObject {
public:
    DictView(Value dict, DictViewKind kind) : dict_(std::move(dict)), kind_(kind) {}
    Result<std::optional<Value>> next(Interp&) override { return std::optional<Value>(); }
    TypeId type_id() const override;
    const Value& dict() const { return dict_; }
    DictViewKind view_kind() const { return kind_; }

private:
    Value dict_;
    DictViewKind kind_;
};

// The DictView behind v, or null.
const DictView* as_dict_view(const Value& v);
// len() of a dict view; nullopt for other iterators.
std::optional<int64_t> iterator_view_len(const Value& v);

Value make_dict_iter(const Value& dict, DictViewKind kind);
// An iterator over a fixed snapshot of values (used by reversed() of
// non-list sequences, zip helpers, ...).
Value make_vector_iter(std::vector<Value> items, TypeId type);
Value make_enumerate(Value iterator, Value start);
Value make_zip(std::vector<Value> iterators, bool strict);
// reversed(seq): lists are walked live from the end, other sequences by index.
Result<Value> make_reversed(Interp& interp, const Value& seq);

}  // namespace engine::py
