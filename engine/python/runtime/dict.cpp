// DictObject: entries in insertion order plus a hash -> position index.
#include "engine/python/runtime/dict.hpp"

#include "engine/python/runtime/ops.hpp"

namespace engine::py {

Result<std::optional<size_t>> DictObject::find(const Value& key, int64_t hash) const {
    auto [lo, hi] = index_.equal_range(hash);
    for (auto it = lo; it != hi; ++it) {
        const Entry& e = entries_[it->second];
        if (!e.live) continue;
        if (e.key.same_as(key)) return std::optional<size_t>(it->second);
        BV_TRY(same, eq(e.key, key));
        if (same) return std::optional<size_t>(it->second);
    }
    return std::optional<size_t>();
}

DictObject::~DictObject() {
    std::vector<Value> items;
    items.reserve(entries_.size() * 2);
    for (auto& e : entries_) {
        items.push_back(std::move(e.key));
        items.push_back(std::move(e.value));
    }
    entries_.clear();
    release_items(items);
}

Result<std::optional<Value>> DictObject::get(const Value& key) const {
    BV_TRY(h, hash_value(key));
    BV_TRY(pos, find(key, h));
    if (!pos) return std::optional<Value>();
    return std::optional<Value>(entries_[*pos].value);
}

Result<bool> DictObject::contains(const Value& key) const {
    BV_TRY(h, hash_value(key));
    BV_TRY(pos, find(key, h));
    return pos.has_value();
}

Result<void> DictObject::set(const Value& key, Value value) {
    BV_TRY(h, hash_value(key));
    BV_TRY(pos, find(key, h));
    if (pos) {
        // Keep the old value alive until the assignment is done (its
        // destruction may release a memoryview export).
        Value old = std::move(entries_[*pos].value);
        entries_[*pos].value = std::move(value);
        return ok();
    }
    if (entries_.size() > 16 && entries_.size() > 2 * live_) compact();
    index_.emplace(h, entries_.size());
    entries_.push_back(Entry{key, std::move(value), h, true});
    ++live_;
    ++version_;
    return ok();
}

Result<std::optional<Value>> DictObject::erase(const Value& key) {
    BV_TRY(h, hash_value(key));
    BV_TRY(pos, find(key, h));
    if (!pos) return std::optional<Value>();
    auto [lo, hi] = index_.equal_range(h);
    for (auto it = lo; it != hi; ++it) {
        if (it->second == *pos) {
            index_.erase(it);
            break;
        }
    }
    Entry& e = entries_[*pos];
    e.live = false;
    Value old = std::move(e.value);
    Value old_key = std::move(e.key);
    e.value = Value();
    e.key = Value();
    --live_;
    ++version_;
    return std::optional<Value>(std::move(old));
}

std::optional<DictObject::Entry> DictObject::pop_last() {
    while (!entries_.empty() && !entries_.back().live) entries_.pop_back();
    if (entries_.empty()) return std::nullopt;
    Entry e = std::move(entries_.back());
    size_t pos = entries_.size() - 1;
    auto [lo, hi] = index_.equal_range(e.hash);
    for (auto it = lo; it != hi; ++it) {
        if (it->second == pos) {
            index_.erase(it);
            break;
        }
    }
    entries_.pop_back();
    --live_;
    ++version_;
    return e;
}

void DictObject::clear() {
    std::vector<Entry> old = std::move(entries_);  // destroyed after the dict is consistent
    entries_.clear();
    index_.clear();
    live_ = 0;
    ++version_;
}

std::vector<Value> DictObject::keys() const {
    std::vector<Value> out;
    out.reserve(live_);
    for (const auto& e : entries_)
        if (e.live) out.push_back(e.key);
    return out;
}

std::vector<Value> DictObject::values() const {
    std::vector<Value> out;
    out.reserve(live_);
    for (const auto& e : entries_)
        if (e.live) out.push_back(e.value);
    return out;
}

void DictObject::compact() {
    std::vector<Entry> kept;
    kept.reserve(live_);
    for (auto& e : entries_)
        if (e.live) kept.push_back(std::move(e));
    entries_ = std::move(kept);
    index_.clear();
    for (size_t i = 0; i < entries_.size(); ++i) index_.emplace(entries_[i].hash, i);
    ++version_;
}

}  // namespace engine::py
