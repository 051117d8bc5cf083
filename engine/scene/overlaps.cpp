// compute_overlaps: bytes seen by several views, as periodic runs (see overlaps.hpp).
#include "engine/scene/overlaps.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace engine::scene {

namespace {

using Set = std::shared_ptr<const std::vector<uint64_t>>;

// An element run within the window as a byte pattern: byte b in [lo, hi) is
// covered when period == 0 or (b - phase) % period < itemsize.
struct Span {
    uint64_t lo = 0, hi = 0, phase = 0, period = 0, itemsize = 0;
    size_t view = 0;  // index into the inputs (its bit in a mask)
};

// Calls fn(b0, b1) for each covered piece of s within [a, b).
template <class Fn>
void for_each_piece(const Span& s, uint64_t a, uint64_t b, Fn&& fn) {
    uint64_t x = std::max(a, s.lo);
    const uint64_t end = std::min(b, s.hi);
    if (x >= end) return;
    if (s.period == 0) {
        fn(x, end);
        return;
    }
    uint64_t off = (x - s.phase) % s.period;
    if (off >= s.itemsize) {
        x += s.period - off;
        off = 0;
    }
    while (x < end) {
        fn(x, std::min(x + (s.itemsize - off), end));
        x += s.period - off;
        off = 0;
    }
}

// b (a later run of the same view) starts within a or where it ends, with the
// same pattern: a followed by b is one span (the rows of a 2-D view).
bool continues(const Span& a, const Span& b) {
    if (a.view != b.view || a.period != b.period || b.lo < a.lo || b.lo > a.hi) return false;
    if (a.period == 0) return true;
    const uint64_t shift = b.phase > a.phase ? b.phase - a.phase : a.phase - b.phase;
    return a.itemsize == b.itemsize && shift % a.period == 0;
}

std::vector<Span> spans_of(const std::vector<OverlapInput>& views, uint64_t wb, uint64_t we) {
    std::vector<Span> out;
    for (size_t vi = 0; vi < views.size(); ++vi) {
        for (const ElementRun& r : *views[vi].runs) {
            if (r.count == 0) continue;
            Span s;
            s.view = vi;
            s.itemsize = std::max<uint64_t>(r.itemsize, 1);
            if (r.count == 1 || r.stride == 0) {
                s.lo = r.first;
                s.hi = r.first + s.itemsize;
            } else {
                const uint64_t t = r.stride > 0 ? static_cast<uint64_t>(r.stride)
                                                : static_cast<uint64_t>(-(r.stride + 1)) + 1;
                s.lo = r.stride > 0 ? r.first : r.first - (r.count - 1) * t;
                s.hi = s.lo + (r.count - 1) * t + s.itemsize;
                s.period = t > s.itemsize ? t : 0;  // else the elements touch: every byte
            }
            s.phase = s.lo;
            s.lo = std::max(s.lo, wb);
            s.hi = std::min(s.hi, we);
            if (s.lo >= s.hi) continue;
            // The rows of a 2-D view usually go on where the last one stopped: one span.
            if (!out.empty() && continues(out.back(), s)) {
                out.back().hi = std::max(out.back().hi, s.hi);
            } else {
                out.push_back(s);
            }
        }
    }
    return out;
}

// Builds overlaps over masks of `words` 64-bit words per byte (one bit per view).
class Builder {
public:
    Builder(uint64_t block, const std::vector<OverlapInput>& views)
        : block_(block), views_(views), words_((views.size() + 63) / 64) {}

    // Overlaps by begin (dead ones were joined into an earlier one), the set of
    // each (an index into sets) and the distinct view sets.
    std::vector<Overlap> raw;
    std::vector<uint32_t> raw_sets;
    std::vector<char> dead;
    std::vector<Set> sets;
    void clear() {
        raw.clear();
        raw_sets.clear();
        dead.clear();
        carry_.clear();
        carry_end_ = 0;
    }

    // Segments between span ends; false when that costs more than `budget`.
    bool by_segments(const std::vector<Span>& spans, uint64_t budget);
    // Every byte of [wb, we), all spans at once.
    void by_bytes(const std::vector<Span>& spans, uint64_t wb, uint64_t we);

private:
    struct Pending {
        uint64_t begin = 0, end = 0, period = 0;
        std::vector<uint64_t> mask;  // period * words
    };

    const uint64_t* at(const std::vector<uint64_t>& m, uint64_t i) const {
        return m.data() + i * words_;
    }
    bool same(const uint64_t* a, const uint64_t* b) const {
        return words_ == 1 ? *a == *b : std::equal(a, a + words_, b);
    }
    bool shared(const uint64_t* m) const {
        int bits = 0;
        for (size_t w = 0; w < words_ && bits < 2; ++w) bits += __builtin_popcountll(m[w]);
        return bits >= 2;
    }
    // Marks the spans' bytes in [s, s + len) into mask_.
    uint64_t mark(const std::vector<Span>& spans, const std::vector<size_t>& which, uint64_t s,
                  uint64_t len);
    uint32_t set_for(const uint64_t* m);
    void emit(uint64_t begin, uint64_t length, uint64_t period, uint64_t count, uint32_t set);
    void emit_bytes(uint64_t s, uint64_t e, const std::vector<uint64_t>& mask);
    void emit_periodic(const Pending& p);
    void flush() {
        if (pending_) {
            const size_t first = raw.size();
            emit_periodic(*pending_);
            close_segment(first, pending_->begin, pending_->end, true);
        }
        pending_.reset();
    }
    // The overlaps raw[first..] of segment [s, e): sorted, joined to those of
    // the segment before that they continue; those that may go on become the carry.
    void close_segment(size_t first, uint64_t s, uint64_t e, bool periodic);
    bool join(size_t i);

    uint64_t block_;
    const std::vector<OverlapInput>& views_;
    size_t words_;
    std::vector<uint64_t> mask_;
    std::optional<Pending> pending_;
    std::vector<size_t> carry_;  // overlaps whose next piece may start at or after carry_end_
    uint64_t carry_end_ = 0;
    // Set indices by mask: by its one word (up to 64 views), else by hash; the last one.
    std::unordered_map<uint64_t, uint32_t> by_word_;
    std::unordered_map<uint64_t, std::vector<std::pair<std::vector<uint64_t>, uint32_t>>> by_mask_;
    std::vector<uint64_t> last_mask_;
    uint32_t last_set_ = UINT32_MAX;
};

uint64_t Builder::mark(const std::vector<Span>& spans, const std::vector<size_t>& which, uint64_t s,
                       uint64_t len) {
    mask_.assign(len * words_, 0);
    uint64_t work = 0;
    for (size_t i : which) {
        const Span& sp = spans[i];
        const uint64_t bit = uint64_t{1} << (sp.view % 64);
        uint64_t* m = mask_.data() + sp.view / 64;
        for_each_piece(sp, s, s + len, [&](uint64_t b0, uint64_t b1) {
            for (uint64_t b = b0; b < b1; ++b) m[(b - s) * words_] |= bit;
            work += b1 - b0;
        });
    }
    return work;
}

uint32_t Builder::set_for(const uint64_t* m) {
    if (last_set_ != UINT32_MAX && same(m, last_mask_.data())) return last_set_;
    uint32_t* slot = nullptr;
    std::vector<std::pair<std::vector<uint64_t>, uint32_t>>* bucket = nullptr;
    if (words_ == 1) {  // up to 64 views: the mask is the key
        auto [it, fresh] = by_word_.try_emplace(m[0], UINT32_MAX);
        slot = &it->second;
    } else {
        uint64_t h = 0x9e3779b97f4a7c15ULL;
        for (size_t w = 0; w < words_; ++w) h = (h ^ m[w]) * 0xff51afd7ed558ccdULL;
        bucket = &by_mask_[h];
        for (auto& [key, set] : *bucket) {
            if (same(m, key.data())) slot = &set;
        }
    }
    if (!slot || *slot == UINT32_MAX) {
        auto v = std::make_shared<std::vector<uint64_t>>();
        for (size_t vi = 0; vi < views_.size(); ++vi) {
            if (m[vi / 64] >> (vi % 64) & 1) v->push_back(views_[vi].view);
        }
        const auto index = static_cast<uint32_t>(sets.size());
        sets.push_back(std::move(v));
        if (slot) {
            *slot = index;
        } else {
            bucket->emplace_back(std::vector<uint64_t>(m, m + words_), index);
        }
        last_set_ = index;
    } else {
        last_set_ = *slot;
    }
    last_mask_.assign(m, m + words_);
    return last_set_;
}

void Builder::emit(uint64_t begin, uint64_t length, uint64_t period, uint64_t count, uint32_t set) {
    if (count == 1) period = length;
    raw.push_back(Overlap{block_, begin, begin + (count - 1) * period + length, length, period,
                          count, nullptr});
    raw_sets.push_back(set);
    dead.push_back(0);
}

void Builder::emit_bytes(uint64_t s, uint64_t e, const std::vector<uint64_t>& mask) {
    for (uint64_t i = 0, n = e - s; i < n;) {
        const uint64_t* m = at(mask, i);
        uint64_t j = i + 1;
        while (j < n && same(m, at(mask, j))) ++j;
        if (shared(m)) emit(s + i, j - i, j - i, 1, set_for(m));
        i = j;
    }
}

// A segment [begin, end) whose masks repeat every `period` bytes: each maximal
// run of equal masks within one period becomes a periodic overlap (plus the
// partial pieces cut by the segment's ends).
void Builder::emit_periodic(const Pending& p) {
    const uint64_t L = p.period;
    uint64_t r = L;  // a phase where the mask changes, so runs do not wrap
    for (uint64_t j = 0; j < L && r == L; ++j) {
        if (!same(at(p.mask, j), at(p.mask, (j + L - 1) % L))) r = j;
    }
    if (r == L) {
        if (shared(at(p.mask, 0))) emit(p.begin, p.end - p.begin, 0, 1, set_for(at(p.mask, 0)));
        return;
    }
    for (uint64_t j = r; j < r + L;) {
        const uint64_t* m = at(p.mask, j % L);
        uint64_t k = j + 1;
        while (k < r + L && same(m, at(p.mask, k % L))) ++k;
        if (shared(m)) {
            const uint32_t set = set_for(m);
            const uint64_t len = k - j, q = j % L;
            if (q + len > L) {  // the piece before begin reaches into the segment
                emit(p.begin, q + len - L, 0, 1, set);
            }
            uint64_t b = p.begin + q;
            const uint64_t n = b + len <= p.end ? (p.end - b - len) / L + 1 : 0;
            if (n > 0) emit(b, len, L, n, set);
            b += n * L;
            if (b < p.end) emit(b, p.end - b, 0, 1, set);
        }
        j = k;
    }
}

bool Builder::by_segments(const std::vector<Span>& spans, uint64_t budget) {
    std::vector<uint64_t> cuts;
    cuts.reserve(spans.size() * 2);
    for (const Span& s : spans) {
        cuts.push_back(s.lo);
        cuts.push_back(s.hi);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<size_t> order(spans.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return spans[a].lo < spans[b].lo; });
    std::vector<size_t> active;
    size_t next = 0;
    uint64_t work = 0;
    for (size_t c = 0; c + 1 < cuts.size(); ++c) {
        const uint64_t s = cuts[c], e = cuts[c + 1];
        std::erase_if(active, [&](size_t i) { return spans[i].hi <= s; });
        while (next < order.size() && spans[order[next]].lo <= s) active.push_back(order[next++]);
        work += active.size();
        if (work > budget) return false;
        bool several = false;
        for (size_t i : active) several = several || spans[i].view != spans[active[0]].view;
        if (!several) {
            flush();
            continue;
        }
        // The masks repeat with the lcm of the periods; worth it when it repeats twice.
        const uint64_t limit = (e - s) / 2;
        uint64_t L = 1;
        for (size_t i : active) {
            const uint64_t p = spans[i].period;
            if (p == 0) continue;
            const uint64_t m = L / std::gcd(L, p);
            if (p > limit || m > limit / p) {
                L = limit + 1;
                break;
            }
            L = m * p;
        }
        const bool periodic = L <= limit;
        work += mark(spans, active, s, periodic ? L : e - s);
        if (work > budget) return false;
        if (!periodic) {
            flush();
            const size_t first = raw.size();
            emit_bytes(s, e, mask_);
            close_segment(first, s, e, false);
            continue;
        }
        // Join the previous segment when its pattern goes on here unchanged.
        bool joins = pending_ && pending_->end == s && pending_->period == L;
        for (uint64_t j = 0; joins && j < L; ++j) {
            joins = same(at(pending_->mask, (s - pending_->begin + j) % L), at(mask_, j));
        }
        if (joins) {
            pending_->end = e;
        } else {
            flush();
            pending_ = Pending{s, e, L, mask_};
        }
    }
    flush();
    return true;
}

void Builder::by_bytes(const std::vector<Span>& spans, uint64_t wb, uint64_t we) {
    std::vector<size_t> all(spans.size());
    std::iota(all.begin(), all.end(), size_t{0});
    mark(spans, all, wb, we - wb);
    emit_bytes(wb, we, mask_);
    close_segment(0, wb, we, false);
}

uint64_t next_piece(const Overlap& o) { return o.begin + o.count * o.period; }

void set_end(Overlap& o) { o.end = o.begin + (o.count - 1) * o.period + o.length; }

// Joins raw[i] to a carried overlap of the same set that it continues: a run
// going on contiguously, one more piece (or periodic run) of a periodic run, or
// a periodic run one period after a piece of its length.
bool Builder::join(size_t i) {
    Overlap& cur = raw[i];
    for (size_t k : carry_) {
        Overlap& p = raw[k];
        if (dead[k] || raw_sets[k] != raw_sets[i] || p.length == 0) continue;
        if (p.count == 1 && cur.count == 1 && p.end == cur.begin) {
            p.length += cur.length;
            p.period = p.length;
            set_end(p);
            // Now a whole piece: it may be the next piece of a periodic run.
            for (size_t r : carry_) {
                Overlap& run = raw[r];
                if (r != k && !dead[r] && raw_sets[r] == raw_sets[k] && run.count > 1 &&
                    next_piece(run) == p.begin && run.length == p.length) {
                    run.count += 1;
                    set_end(run);
                    dead[k] = 1;
                    break;
                }
            }
            return true;
        }
        if (p.count > 1 && next_piece(p) == cur.begin && p.length == cur.length &&
            (cur.count == 1 || cur.period == p.period)) {
            p.count += cur.count;
            set_end(p);
            return true;
        }
        if (p.count == 1 && cur.count > 1 && p.length == cur.length &&
            p.begin + cur.period == cur.begin) {
            p.period = cur.period;
            p.count += cur.count;
            set_end(p);
            return true;
        }
    }
    return false;
}

void Builder::close_segment(size_t first, uint64_t s, uint64_t e, bool periodic) {
    const auto by_begin = [&](size_t x, size_t y) { return raw[x].begin < raw[y].begin; };
    std::vector<size_t> order;
    if (periodic) {  // few overlaps, emitted by phase: sort them by begin
        order.resize(raw.size() - first);
        std::iota(order.begin(), order.end(), first);
        std::sort(order.begin(), order.end(), by_begin);
        std::vector<Overlap> o;
        std::vector<uint32_t> sets_of;
        for (size_t i : order) {
            o.push_back(raw[i]);
            sets_of.push_back(raw_sets[i]);
        }
        std::copy(o.begin(), o.end(), raw.begin() + static_cast<ptrdiff_t>(first));
        std::copy(sets_of.begin(), sets_of.end(), raw_sets.begin() + static_cast<ptrdiff_t>(first));
    }
    if (!carry_.empty() && carry_end_ == s) {
        uint64_t reach = 0;  // no carried overlap goes on past this
        for (size_t k : carry_) reach = std::max(reach, next_piece(raw[k]));
        for (size_t i = first; i < raw.size() && raw[i].begin <= reach; ++i) {
            if (join(i)) dead[i] = 1;
        }
    }
    // Overlaps that may go on in the next segment: their next piece is at e or later.
    std::vector<size_t> next;
    for (size_t k : carry_) {
        if (!dead[k] && next_piece(raw[k]) >= e) next.push_back(k);
    }
    for (size_t i = raw.size(); i > first; --i) {
        if (!dead[i - 1] && next_piece(raw[i - 1]) >= e) next.push_back(i - 1);
        if (!periodic) break;  // disjoint runs by begin: only the last one reaches e
    }
    carry_ = std::move(next);
    carry_end_ = e;
}

}  // namespace

void compute_overlaps(uint64_t block, uint64_t wb, uint64_t we,
                      const std::vector<OverlapInput>& views, std::vector<Overlap>& out) {
    if (views.size() < 2 || wb >= we) return;
    const std::vector<Span> spans = spans_of(views, wb, we);
    if (spans.empty()) return;
    // Marking every byte costs about the bytes the views cover.
    uint64_t direct = we - wb;
    for (const Span& s : spans) {
        direct += s.period == 0 ? s.hi - s.lo : ((s.hi - s.lo) / s.period + 1) * s.itemsize;
    }
    Builder b(block, views);
    if (!b.by_segments(spans, 2 * direct + 4096)) {
        b.clear();
        b.by_bytes(spans, wb, we);
    }
    size_t n = 0;  // compact in place, then hand the vector over
    for (size_t i = 0; i < b.raw.size(); ++i) {
        if (b.dead[i]) continue;
        Overlap& o = b.raw[n++];
        if (n - 1 != i) o = std::move(b.raw[i]);
        o.views = b.sets[b.raw_sets[i]];
    }
    b.raw.resize(n);
    if (out.empty()) {
        out.swap(b.raw);
    } else {
        out.insert(out.end(), std::make_move_iterator(b.raw.begin()),
                   std::make_move_iterator(b.raw.end()));
    }
}

std::vector<trace::Range> overlap_pieces(const Overlap& o, uint64_t begin, uint64_t end) {
    std::vector<trace::Range> out;
    if (o.count == 0 || o.length == 0 || begin >= o.end || end <= o.begin) return out;
    uint64_t i = 0;
    if (o.count > 1 && begin > o.begin + o.length) {
        i = (begin - o.begin - o.length) / o.period + 1;  // first piece ending after begin
    }
    for (; i < o.count; ++i) {
        const uint64_t b = o.begin + i * o.period, e = b + o.length;
        if (b >= end) break;
        if (e > begin) out.push_back(trace::Range{std::max(b, begin), std::min(e, end)});
    }
    return out;
}

}  // namespace engine::scene
