// DictObject: Python's dict. Insertion ordered; keys hash and compare as in
// Python, so 1, 1.0 and True are the same key (the first inserted key object
// stays, the value is replaced). Unhashable keys raise
// TypeError: unhashable type: 'list'.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

class DictObject {
public:
    struct Entry {
        Value key;
        Value value;
        int64_t hash = 0;
        bool live = true;
    };

    // The value for key, nullopt when absent.
    Result<std::optional<Value>> get(const Value& key) const;
    Result<bool> contains(const Value& key) const;
    Result<void> set(const Value& key, Value value);
    // Removes key; returns the old value, nullopt when absent.
    Result<std::optional<Value>> erase(const Value& key);
    void clear();

    int64_t size() const { return static_cast<int64_t>(live_); }
    // Entries in insertion order, including dead ones (skip !live). Index
    // positions stay valid while the dict is not compacted; compaction happens
    // only in set(), and bumps version().
    const std::vector<Entry>& entries() const { return entries_; }
    std::vector<Value> keys() const;
    std::vector<Value> values() const;
    // Changes whenever the set of keys changes; iterators compare it to raise
    // RuntimeError: dictionary changed size during iteration.
    uint64_t version() const { return version_; }
    DictObject() = default;
    ~DictObject();
    // Removes and returns the last live entry (popitem).
    std::optional<Entry> pop_last();
    GcHead gc_head;  // the cycle collector (gc.hpp)

private:
    Result<std::optional<size_t>> find(const Value& key, int64_t hash) const;
    void compact();

    std::vector<Entry> entries_;
    std::unordered_multimap<int64_t, size_t> index_;  // hash -> entry position
    size_t live_ = 0;
    uint64_t version_ = 0;
};

}  // namespace engine::py
