// set and frozenset: CPython 3.11's open-addressing table (setobject.c), so
// iteration order, pop() and repr match CPython wherever hashes do (ints:
// hash(n) == n; str/bytes hashes are randomised in CPython, so their order
// is not reproducible there either).
//
// Table: 8 slots to start, LINEAR_PROBES = 9 neighbours, then the perturbed
// probe i = i*5 + 1 + (perturb >>= 5). Grows when fill*5 >= mask*3 to the
// smallest power of two > used*4 (used*2 past 50000). A removed key leaves a
// dummy that lookups step over and adds never reuse (3.11's set_add_entry).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

class SetObject {
public:
    enum class State : uint8_t { Empty, Active, Dummy };
    struct Entry {
        Value key;
        int64_t hash = 0;
        State state = State::Empty;
    };

    explicit SetObject(bool frozen = false);
    ~SetObject();
    SetObject(const SetObject&) = delete;
    SetObject& operator=(const SetObject&) = delete;

    bool frozen() const { return frozen_; }
    int64_t size() const { return static_cast<int64_t>(used_); }
    const std::vector<Entry>& table() const { return table_; }

    // Adds key (hash already computed); false when it was present.
    Result<bool> add(const Value& key, int64_t hash);
    Result<bool> add(const Value& key);  // hashes key (TypeError when unhashable)
    Result<bool> contains(const Value& key, int64_t hash);
    // Removes key; false when absent.
    Result<bool> discard(const Value& key, int64_t hash);
    // Removes and returns an item as CPython's set.pop (its search finger).
    std::optional<Value> pop();
    void clear();
    // set_merge: adds every item of another set, in its table order.
    Result<void> merge(const SetObject& other);
    // set_update_internal: a set, a dict (one resize first) or any iterable.
    Result<void> update(Interp& interp, const Value& iterable);
    // The changes to the table's contents; iterators and lookups compare it.
    uint64_t version() const { return version_; }
    GcHead gc_head;  // the cycle collector (gc.hpp)

private:
    Result<void> resize(size_t minused);
    void insert_clean(const Value& key, int64_t hash);
    // Index of key's slot, or nullopt; restarts when an __eq__ changed the table.
    Result<std::optional<size_t>> lookup(const Value& key, int64_t hash);

    std::vector<Entry> table_;
    size_t mask_ = 7;
    size_t fill_ = 0;  // active + dummy
    size_t used_ = 0;  // active
    size_t finger_ = 0;
    uint64_t version_ = 0;
    bool frozen_;
    HeapCharge charge_;
};

// A new empty set / frozenset Value.
Value make_set(bool frozen);
// set(iterable) / frozenset(iterable) as a C++ caller (displays, comprehensions).
Result<Value> make_set_from(Interp& interp, bool frozen, const std::vector<Value>& items);
bool is_anyset(const Value& v);  // set or frozenset

// Calling set / frozenset.
Result<Value> new_set(Interp& interp, bool frozen, CallArgs& args);
// The hooks ops/arith/iter/attrs call.
Result<std::string> set_repr(const Value& v);
Result<int64_t> frozenset_hash(const Value& v);
Result<bool> set_contains(const Value& set, const Value& key);
Result<bool> set_eq(const Value& a, const Value& b);  // both anyset
Result<bool> set_compare(CmpOp op, const Value& a, const Value& b);  // both anyset
// a | b, a & b, a - b, a ^ b (in place when `inplace` and a is a set);
// nullopt when the operands are not both sets (the caller's TypeError).
Result<std::optional<Value>> set_binary(BinOp op, const Value& a, const Value& b, bool inplace);
Value set_iter(const Value& set);
MethodTable set_methods();
MethodTable frozenset_methods();

}  // namespace engine::py
