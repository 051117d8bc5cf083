// set and frozenset (see set.hpp): the table, then the Python-facing parts:
// construction, repr, hash, comparisons, operators, iteration, methods.
#include "engine/python/runtime/set.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/dict.hpp"

namespace engine::py {

namespace {
constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr unsigned kPerturbShift = 5;
}  // namespace

SetObject::SetObject(bool frozen) : table_(kMinSize), frozen_(frozen) {
    charge_.set(kMinSize * kValueSlot);
}

SetObject::~SetObject() {
    std::vector<Value> keys;
    keys.reserve(used_);
    for (auto& e : table_)
        if (e.state == State::Active) keys.push_back(std::move(e.key));
    table_.clear();
    release_items(keys);
}

Result<std::optional<size_t>> SetObject::lookup(const Value& key, int64_t hash) {
restart:
    uint64_t mask = mask_;
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    uint64_t perturb = static_cast<uint64_t>(hash);
    while (true) {
        uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        uint64_t j = i;
        for (;;) {
            Entry& e = table_[j];
            if (e.state == State::Empty) return std::optional<size_t>();
            if (e.state == State::Active && e.hash == hash) {
                if (e.key.same_as(key)) return std::optional<size_t>(j);
                Value start = e.key;  // alive through a user __eq__
                uint64_t before = version_;
                BV_TRY(same, eq(start, key));
                if (version_ != before) goto restart;  // CPython restarts too
                if (same) return std::optional<size_t>(j);
            }
            if (probes-- == 0) break;
            ++j;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

Result<bool> SetObject::add(const Value& key, int64_t hash) {
    BV_TRY(found, lookup(key, hash));
    if (found) return false;
    // The first empty slot on the same probe sequence (dummies are skipped,
    // as 3.11's set_add_entry does).
    uint64_t mask = mask_;
    uint64_t i = static_cast<uint64_t>(hash) & mask;
    uint64_t perturb = static_cast<uint64_t>(hash);
    while (true) {
        uint64_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
        for (uint64_t j = i;; ++j) {
            if (table_[j].state == State::Empty) {
                table_[j] = Entry{key, hash, State::Active};
                ++fill_;
                ++used_;
                ++version_;
                if (fill_ * 5 < mask * 3) return true;
                BV_CHECK(resize(used_ > 50000 ? used_ * 2 : used_ * 4));
                return true;
            }
            if (probes-- == 0) break;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

Result<bool> SetObject::add(const Value& key) {
    BV_TRY(h, hash_value(key));
    return add(key, h);
}

Result<bool> SetObject::contains(const Value& key, int64_t hash) {
    BV_TRY(found, lookup(key, hash));
    return found.has_value();
}

Result<bool> SetObject::discard(const Value& key, int64_t hash) {
    BV_TRY(found, lookup(key, hash));
    if (!found) return false;
    Entry& e = table_[*found];
    Value old = std::move(e.key);
    e.key = Value();
    e.hash = -1;
    e.state = State::Dummy;
    --used_;
    ++version_;
    return true;  // `old` dies here, after the table is consistent
}

std::optional<Value> SetObject::pop() {
    if (used_ == 0) return std::nullopt;
    size_t i = finger_ & mask_;
    while (table_[i].state != State::Active) i = (i + 1) & mask_;
    Value key = std::move(table_[i].key);
    table_[i].key = Value();
    table_[i].hash = -1;
    table_[i].state = State::Dummy;
    --used_;
    ++version_;
    finger_ = i + 1;
    return key;
}

void SetObject::clear() {
    std::vector<Entry> old(kMinSize);
    old.swap(table_);
    mask_ = kMinSize - 1;
    fill_ = used_ = 0;
    finger_ = 0;
    ++version_;
    charge_.set(kMinSize * kValueSlot);
    std::vector<Value> keys;
    for (auto& e : old)
        if (e.state == State::Active) keys.push_back(std::move(e.key));
    old.clear();
    release_items(keys);
}

void SetObject::insert_clean(const Value& key, int64_t hash) {
    uint64_t i = static_cast<uint64_t>(hash) & mask_;
    uint64_t perturb = static_cast<uint64_t>(hash);
    while (true) {
        if (table_[i].state == State::Empty) break;
        bool placed = false;
        if (i + kLinearProbes <= mask_) {
            for (size_t j = 0; j < kLinearProbes; ++j) {
                if (table_[i + j + 1].state == State::Empty) {
                    i = i + j + 1;
                    placed = true;
                    break;
                }
            }
        }
        if (placed) break;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask_;
    }
    table_[i] = Entry{key, hash, State::Active};
}

Result<void> SetObject::resize(size_t minused) {
    size_t newsize = kMinSize;
    while (newsize <= minused) {
        if (newsize > (SIZE_MAX >> 8)) return raise(ExcType::MemoryError, "");
        newsize <<= 1;
    }
    BV_CHECK(heap_reserve(newsize, kValueSlot));
    std::vector<Entry> old(newsize);
    old.swap(table_);
    mask_ = newsize - 1;
    fill_ = used_;
    ++version_;
    for (auto& e : old)
        if (e.state == State::Active) insert_clean(e.key, e.hash);
    charge_.set(newsize * kValueSlot);
    return ok();
}

Result<void> SetObject::merge(const SetObject& other) {
    if (&other == this || other.used_ == 0) return ok();
    if ((fill_ + other.used_) * 5 >= mask_ * 3) BV_CHECK(resize((used_ + other.used_) * 2));
    if (fill_ == 0 && mask_ == other.mask_ && other.fill_ == other.used_) {
        for (size_t i = 0; i <= mask_; ++i)
            if (other.table_[i].state == State::Active) table_[i] = other.table_[i];
        fill_ = used_ = other.used_;
        ++version_;
        return ok();
    }
    if (fill_ == 0) {
        for (const auto& e : other.table_)
            if (e.state == State::Active) insert_clean(e.key, e.hash);
        fill_ = used_ = other.used_;
        ++version_;
        return ok();
    }
    std::vector<Entry> items;  // `other` may change under a user __eq__
    for (const auto& e : other.table_)
        if (e.state == State::Active) items.push_back(e);
    for (const auto& e : items) BV_CHECK(add(e.key, e.hash));
    return ok();
}

Result<void> SetObject::update(Interp& interp, const Value& iterable) {
    if (is_anyset(iterable)) {
        auto keep = iterable.shared<SetObject>();
        return merge(*keep);
    }
    if (iterable.is(Kind::Dict)) {
        const auto& d = iterable.obj<DictObject>();
        uint64_t n = static_cast<uint64_t>(d.size());
        if ((fill_ + n) * 5 >= mask_ * 3) BV_CHECK(resize((used_ + n) * 2));
        std::vector<std::pair<Value, int64_t>> keys;
        for (const auto& e : d.entries())
            if (e.live) keys.emplace_back(e.key, e.hash);
        for (const auto& [k, h] : keys) BV_CHECK(add(k, h));
        return ok();
    }
    BV_TRY(it, get_iter(interp, iterable));
    while (true) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) return ok();
        BV_CHECK(interp.tick());
        BV_CHECK(add(*x));
    }
}

// ---- Values -------------------------------------------------------------------

bool is_anyset(const Value& v) { return v.is(Kind::Set) || v.is(Kind::FrozenSet); }

Value make_set(bool frozen) { return Value::wrap(std::make_shared<SetObject>(frozen), frozen); }

Result<Value> make_set_from(Interp&, bool frozen, const std::vector<Value>& items) {
    Value s = make_set(frozen);
    for (const auto& x : items) BV_CHECK(s.obj<SetObject>().add(x));
    return s;
}

namespace {

SetObject& so(const Value& v) { return v.obj<SetObject>(); }

// "set.add" / "frozenset.union": the method as CPython's messages name it.
std::string qual(const Value& self, const char* name) {
    return std::string(self.is(Kind::FrozenSet) ? "frozenset." : "set.") + name;
}

// A copy with the type of `like` (set_copy / make_new_set_basetype).
Result<Value> copy_of(const Value& v, bool frozen) {
    Value out = make_set(frozen);
    BV_CHECK(so(out).merge(so(v)));
    return out;
}

// The hash of a key looked up in a set: an unhashable set is looked up as
// the frozenset with its items (CPython's set_contains/set_discard retry).
Result<std::pair<Value, int64_t>> lookup_key(const Value& key) {
    auto h = hash_value(key);
    if (h) return std::pair<Value, int64_t>(key, *h);
    if (!key.is(Kind::Set)) return h.error();
    BV_TRY(tmp, copy_of(key, true));
    BV_TRY(fh, frozenset_hash(tmp));
    return std::pair<Value, int64_t>(tmp, fh);
}

// Another operand as a set: itself when it is one, else a new set of its items.
Result<Value> as_set(Interp& interp, const Value& v) {
    if (is_anyset(v)) return v;
    Value s = make_set(false);
    BV_CHECK(so(s).update(interp, v));
    return s;
}

std::vector<SetObject::Entry> active(const SetObject& s) {
    std::vector<SetObject::Entry> out;
    out.reserve(static_cast<size_t>(s.size()));
    for (const auto& e : s.table())
        if (e.state == SetObject::State::Active) out.push_back(e);
    return out;
}

// set_intersection(so, other), any iterable.
Result<Value> intersection(Interp& interp, const Value& self, const Value& other) {
    Value result = make_set(self.is(Kind::FrozenSet));
    if (is_anyset(other)) {
        Value a = self, b = other;
        if (so(b).size() > so(a).size()) std::swap(a, b);
        for (const auto& e : active(so(b))) {
            BV_TRY(in, so(a).contains(e.key, e.hash));
            if (in) BV_CHECK(so(result).add(e.key, e.hash));
        }
        return result;
    }
    BV_TRY(it, get_iter(interp, other));
    while (true) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) return result;
        BV_CHECK(interp.tick());
        BV_TRY(h, hash_value(*x));
        BV_TRY(in, so(self).contains(*x, h));
        if (in) BV_CHECK(so(result).add(*x, h));
    }
}

// set_difference(so, other).
Result<Value> difference(Interp& interp, const Value& self, const Value& other) {
    bool frozen = self.is(Kind::FrozenSet);
    int64_t other_size = -1;
    if (is_anyset(other)) other_size = so(other).size();
    if (other.is(Kind::Dict)) other_size = other.obj<DictObject>().size();
    if (other_size < 0 || (so(self).size() >> 2) > other_size) {
        BV_TRY(result, copy_of(self, frozen));
        BV_TRY(o, as_set(interp, other));
        for (const auto& e : active(so(o))) BV_CHECK(so(result).discard(e.key, e.hash));
        return result;
    }
    Value result = make_set(frozen);
    for (const auto& e : active(so(self))) {
        bool in = false;
        if (other.is(Kind::Dict)) {
            BV_TRY(c, other.obj<DictObject>().contains(e.key));
            in = c;
        } else {
            BV_TRY(c, so(other).contains(e.key, e.hash));
            in = c;
        }
        if (!in) BV_CHECK(so(result).add(e.key, e.hash));
    }
    return result;
}

// set_symmetric_difference_update(so, other) with other already a set.
Result<void> symmetric_update(SetObject& s, const SetObject& other) {
    for (const auto& e : active(other)) {
        BV_TRY(removed, s.discard(e.key, e.hash));
        if (!removed) BV_CHECK(s.add(e.key, e.hash));
    }
    return ok();
}

Result<bool> is_subset(const Value& a, const Value& b) {
    if (so(a).size() > so(b).size()) return false;
    for (const auto& e : active(so(a))) {
        BV_TRY(in, so(b).contains(e.key, e.hash));
        if (!in) return false;
    }
    return true;
}

}  // namespace

Result<Value> new_set(Interp& interp, bool frozen, CallArgs& args) {
    const char* name = frozen ? "frozenset" : "set";
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, fmt::format("{}() takes no keyword arguments", name));
    BV_CHECK(check_positional(args, name, 0, 1));
    if (frozen && !args.args.empty() && args.args[0].is(Kind::FrozenSet)) return args.args[0];
    Value s = make_set(frozen);
    if (!args.args.empty()) BV_CHECK(so(s).update(interp, args.args[0]));
    return s;
}

Result<std::string> set_repr(const Value& v) {
    const auto& s = so(v);
    const char* tname = s.frozen() ? "frozenset" : "set";
    if (s.size() == 0) return fmt::format("{}()", tname);
    std::string out = "{";
    bool first = true;
    for (const auto& e : active(s)) {
        if (!first) out += ", ";
        first = false;
        BV_TRY(r, repr(e.key));
        out += r;
    }
    out += "}";
    if (s.frozen()) return "frozenset(" + out + ")";
    return out;
}

// CPython 3.11 frozenset_hash: order-independent xor of shuffled entry hashes.
Result<int64_t> frozenset_hash(const Value& v) {
    auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
    const auto& s = so(v);
    uint64_t hash = 0;
    for (const auto& e : s.table())
        if (e.state == SetObject::State::Active) hash ^= shuffle(static_cast<uint64_t>(e.hash));
    hash ^= (static_cast<uint64_t>(s.size()) + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
    return static_cast<int64_t>(hash);
}

Result<bool> set_contains(const Value& set, const Value& key) {
    BV_TRY(k, lookup_key(key));
    return so(set).contains(k.first, k.second);
}

Result<bool> set_eq(const Value& a, const Value& b) {
    if (so(a).size() != so(b).size()) return false;
    return is_subset(a, b);
}

Result<bool> set_compare(CmpOp op, const Value& a, const Value& b) {
    switch (op) {
        case CmpOp::Eq:
            return set_eq(a, b);
        case CmpOp::Ne: {
            BV_TRY(e, set_eq(a, b));
            return !e;
        }
        case CmpOp::Le:
            return is_subset(a, b);
        case CmpOp::Ge:
            return is_subset(b, a);
        case CmpOp::Lt:
            if (so(a).size() >= so(b).size()) return false;
            return is_subset(a, b);
        case CmpOp::Gt:
            if (so(b).size() >= so(a).size()) return false;
            return is_subset(b, a);
    }
    return false;
}

Result<std::optional<Value>> set_binary(BinOp op, const Value& a, const Value& b, bool inplace) {
    if (!is_anyset(a) || !is_anyset(b)) return std::optional<Value>();
    Interp* interp = current_interp();
    if (!interp) return raise(ExcType::RuntimeError, "no interpreter");
    bool mutate = inplace && a.is(Kind::Set);
    bool frozen = a.is(Kind::FrozenSet);
    switch (op) {
        case BinOp::Or: {
            if (mutate) {
                BV_CHECK(so(a).merge(so(b)));
                return std::optional<Value>(a);
            }
            BV_TRY(r, copy_of(a, frozen));
            BV_CHECK(so(r).merge(so(b)));
            return std::optional<Value>(r);
        }
        case BinOp::And: {
            BV_TRY(r, intersection(*interp, a, b));
            if (!mutate) return std::optional<Value>(r);
            so(a).clear();  // set_intersection_update swaps in the result
            BV_CHECK(so(a).merge(so(r)));
            return std::optional<Value>(a);
        }
        case BinOp::Sub: {
            if (mutate) {
                if (a.same_as(b)) {
                    so(a).clear();
                    return std::optional<Value>(a);
                }
                for (const auto& e : active(so(b))) BV_CHECK(so(a).discard(e.key, e.hash));
                return std::optional<Value>(a);
            }
            BV_TRY(r, difference(*interp, a, b));
            return std::optional<Value>(r);
        }
        case BinOp::Xor: {
            if (mutate) {
                if (a.same_as(b)) {
                    so(a).clear();
                    return std::optional<Value>(a);
                }
                BV_CHECK(symmetric_update(so(a), so(b)));
                return std::optional<Value>(a);
            }
            BV_TRY(r, copy_of(b, frozen));  // set_symmetric_difference
            BV_CHECK(symmetric_update(so(r), so(a)));
            return std::optional<Value>(r);
        }
        default:
            return std::optional<Value>();
    }
}

// ---- iteration ------------------------------------------------------------------

namespace {
class SetIter : public IteratorObject {
public:
    explicit SetIter(Value set) : set_(std::move(set)), used_(so(set_).size()) {}
    Result<std::optional<Value>> next(Interp&) override {
        if (set_.is_none()) return std::optional<Value>();
        const auto& s = so(set_);
        if (s.size() != used_) {
            set_ = Value();  // sticky, as CPython's si_used = -1
            return raise(ExcType::RuntimeError, "Set changed size during iteration");
        }
        const auto& t = s.table();
        while (pos_ < t.size() && t[pos_].state != SetObject::State::Active) ++pos_;
        if (pos_ >= t.size()) {
            set_ = Value();
            return std::optional<Value>();
        }
        return std::optional<Value>(t[pos_++].key);
    }
    const char* type_name() const override { return "set_iterator"; }

private:
    Value set_;
    int64_t used_;
    size_t pos_ = 0;
};
}  // namespace

Value set_iter(const Value& set) {
    return Value::wrap(std::shared_ptr<IteratorObject>(std::make_shared<SetIter>(set)));
}

// ---- methods ----------------------------------------------------------------------

namespace {

Result<Value> m_add(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "add"), 1, 1));
    BV_CHECK(so(self).add(args.args[0]));
    return Value();
}

Result<Value> m_discard(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "discard"), 1, 1));
    BV_TRY(k, lookup_key(args.args[0]));
    BV_CHECK(so(self).discard(k.first, k.second));
    return Value();
}

Result<Value> m_remove(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "remove"), 1, 1));
    BV_TRY(k, lookup_key(args.args[0]));
    BV_TRY(found, so(self).discard(k.first, k.second));
    if (!found) return key_error(args.args[0]);
    return Value();
}

Result<Value> m_pop(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "pop"), 0, 0));
    auto v = so(self).pop();
    if (!v) return key_error(Value::str("pop from an empty set"));
    return *v;
}

Result<Value> m_clear(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "clear"), 0, 0));
    so(self).clear();
    return Value();
}

Result<Value> m_copy(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "copy"), 0, 0));
    if (self.is(Kind::FrozenSet)) return self;
    return copy_of(self, false);
}

Result<Value> m_update(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "update"), 0, SIZE_MAX));
    for (const auto& o : args.args) BV_CHECK(so(self).update(interp, o));
    return Value();
}

Result<Value> m_union(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "union"), 0, SIZE_MAX));
    BV_TRY(r, copy_of(self, self.is(Kind::FrozenSet)));
    for (const auto& o : args.args) BV_CHECK(so(r).update(interp, o));
    return r;
}

Result<Value> m_intersection(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "intersection"), 0, SIZE_MAX));
    if (args.args.empty()) return copy_of(self, self.is(Kind::FrozenSet));
    Value r = self;
    for (const auto& o : args.args) {
        BV_TRY(next, intersection(interp, r, o));
        r = std::move(next);
    }
    return r;
}

Result<Value> m_intersection_update(Interp& interp, const Value& self, CallArgs& args) {
    BV_TRY(r, m_intersection(interp, self, args));
    Value keep = r;
    so(self).clear();
    BV_CHECK(so(self).merge(so(keep)));
    return Value();
}

Result<Value> m_difference(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "difference"), 0, SIZE_MAX));
    if (args.args.empty()) return copy_of(self, self.is(Kind::FrozenSet));
    BV_TRY(r, difference(interp, self, args.args[0]));
    for (size_t i = 1; i < args.args.size(); ++i) {
        BV_TRY(o, as_set(interp, args.args[i]));
        for (const auto& e : active(so(o))) BV_CHECK(so(r).discard(e.key, e.hash));
    }
    return r;
}

Result<Value> m_difference_update(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "difference_update"), 0, SIZE_MAX));
    for (const auto& other : args.args) {
        if (other.same_as(self)) {
            so(self).clear();
            continue;
        }
        BV_TRY(o, as_set(interp, other));
        for (const auto& e : active(so(o))) BV_CHECK(so(self).discard(e.key, e.hash));
    }
    return Value();
}

Result<Value> m_symmetric_difference(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "symmetric_difference"), 1, 1));
    Value r = make_set(self.is(Kind::FrozenSet));
    BV_CHECK(so(r).update(interp, args.args[0]));
    BV_CHECK(symmetric_update(so(r), so(self)));
    return r;
}

Result<Value> m_symmetric_difference_update(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "symmetric_difference_update"), 1, 1));
    if (args.args[0].same_as(self)) {
        so(self).clear();
        return Value();
    }
    Value o = args.args[0];
    if (!is_anyset(o)) {
        Value tmp = make_set(false);
        BV_CHECK(so(tmp).update(interp, o));
        o = tmp;
    }
    BV_CHECK(symmetric_update(so(self), so(o)));
    return Value();
}

Result<Value> m_issubset(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "issubset"), 1, 1));
    BV_TRY(o, as_set(interp, args.args[0]));
    BV_TRY(r, is_subset(self, o));
    return Value::boolean(r);
}

Result<Value> m_issuperset(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "issuperset"), 1, 1));
    if (is_anyset(args.args[0])) {
        BV_TRY(r, is_subset(args.args[0], self));
        return Value::boolean(r);
    }
    BV_TRY(it, get_iter(interp, args.args[0]));
    while (true) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) return Value::boolean(true);
        BV_CHECK(interp.tick());
        BV_TRY(in, set_contains(self, *x));
        if (!in) return Value::boolean(false);
    }
}

Result<Value> m_isdisjoint(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, qual(self, "isdisjoint"), 1, 1));
    const Value& other = args.args[0];
    if (is_anyset(other)) {
        Value a = self, b = other;
        if (so(a).size() > so(b).size()) std::swap(a, b);
        for (const auto& e : active(so(a))) {
            BV_TRY(in, so(b).contains(e.key, e.hash));
            if (in) return Value::boolean(false);
        }
        return Value::boolean(true);
    }
    BV_TRY(it, get_iter(interp, other));
    while (true) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) return Value::boolean(true);
        BV_CHECK(interp.tick());
        BV_TRY(h, hash_value(*x));
        BV_TRY(in, so(self).contains(*x, h));
        if (in) return Value::boolean(false);
    }
}

const MethodDef kFrozenSetMethods[] = {
    {"copy", m_copy},
    {"difference", m_difference},
    {"intersection", m_intersection},
    {"isdisjoint", m_isdisjoint},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"symmetric_difference", m_symmetric_difference},
    {"union", m_union},
};

const MethodDef kSetMethods[] = {
    {"add", m_add},
    {"clear", m_clear},
    {"copy", m_copy},
    {"difference", m_difference},
    {"difference_update", m_difference_update},
    {"discard", m_discard},
    {"intersection", m_intersection},
    {"intersection_update", m_intersection_update},
    {"isdisjoint", m_isdisjoint},
    {"issubset", m_issubset},
    {"issuperset", m_issuperset},
    {"pop", m_pop},
    {"remove", m_remove},
    {"symmetric_difference", m_symmetric_difference},
    {"symmetric_difference_update", m_symmetric_difference_update},
    {"union", m_union},
    {"update", m_update},
};

}  // namespace

MethodTable set_methods() { return {kSetMethods, std::size(kSetMethods)}; }
MethodTable frozenset_methods() { return {kFrozenSetMethods, std::size(kFrozenSetMethods)}; }

}  // namespace engine::py
