// compute_overlaps against a byte-by-byte count over random element runs:
// every byte seen by two or more views is in exactly one overlap, with exactly
// the views that see it; overlap_pieces clips to a window.
#include "engine/scene/overlaps.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace engine::scene {
namespace {

using Sets = std::map<uint64_t, std::vector<uint64_t>>;  // byte -> views

Sets by_bytes(const std::vector<std::vector<ElementRun>>& runs, uint64_t wb, uint64_t we) {
    Sets seen;
    for (size_t v = 0; v < runs.size(); ++v) {
        for (const ElementRun& r : runs[v]) {
            int64_t p = static_cast<int64_t>(r.first);
            for (uint64_t i = 0; i < r.count; ++i, p += r.stride) {
                for (uint64_t k = 0; k < r.itemsize; ++k) {
                    const uint64_t b = static_cast<uint64_t>(p) + k;
                    if (b < wb || b >= we) continue;
                    auto& s = seen[b];
                    if (s.empty() || s.back() != v + 1) s.push_back(v + 1);
                }
            }
        }
    }
    std::erase_if(seen, [](const auto& kv) { return kv.second.size() < 2; });
    return seen;
}

Sets by_overlaps(const std::vector<Overlap>& ovs, uint64_t block) {
    Sets seen;
    for (const Overlap& o : ovs) {
        EXPECT_EQ(o.block, block);
        EXPECT_GE(o.count, 1u);
        EXPECT_EQ(o.end, o.begin + (o.count - 1) * o.period + o.length);
        if (o.count == 1) EXPECT_EQ(o.period, o.length);
        if (o.count > 1) EXPECT_GT(o.period, o.length);
        for (const trace::Range& r : overlap_pieces(o)) {
            for (uint64_t b = r.begin; b < r.end; ++b) {
                EXPECT_FALSE(seen.count(b)) << "byte " << b << " in two overlaps";
                seen[b] = *o.views;
            }
        }
    }
    return seen;
}

std::vector<Overlap> overlaps_of(const std::vector<std::vector<ElementRun>>& runs, uint64_t wb,
                                 uint64_t we) {
    std::vector<OverlapInput> in;
    for (size_t v = 0; v < runs.size(); ++v) in.push_back({v + 1, &runs[v]});
    std::vector<Overlap> out;
    compute_overlaps(7, wb, we, in, out);
    for (size_t i = 1; i < out.size(); ++i) EXPECT_LE(out[i - 1].begin, out[i].begin);
    return out;
}

ElementRun run(uint64_t first, uint64_t count, int64_t stride, uint64_t itemsize = 1) {
    return ElementRun{first, count, stride, itemsize, 0};
}

TEST(OverlapsTest, StridedViewsGiveOnePeriodicRun) {
    // bytes 2..13, its odd bytes, and those reversed: odd bytes 3..13 are seen by all three.
    std::vector<std::vector<ElementRun>> runs = {{run(2, 12, 1)}, {run(3, 6, 2)}, {run(13, 6, -2)}};
    auto ovs = overlaps_of(runs, 0, 16);
    ASSERT_EQ(ovs.size(), 1u);
    EXPECT_EQ(ovs[0].begin, 3u);
    EXPECT_EQ(ovs[0].length, 1u);
    EXPECT_EQ(ovs[0].period, 2u);
    EXPECT_EQ(ovs[0].count, 6u);
    EXPECT_EQ(ovs[0].end, 14u);
    EXPECT_EQ(*ovs[0].views, (std::vector<uint64_t>{1, 2, 3}));
    EXPECT_EQ(by_overlaps(ovs, 7), by_bytes(runs, 0, 16));
}

TEST(OverlapsTest, RowsOfOneViewJoinIntoOneRun) {
    // A 2-D view of four rows of 4 bytes and a flat view over the same 16 bytes.
    std::vector<std::vector<ElementRun>> runs = {
        {run(0, 4, 1), run(4, 4, 1), run(8, 4, 1), run(12, 4, 1)}, {run(0, 16, 1)}};
    auto ovs = overlaps_of(runs, 0, 16);
    ASSERT_EQ(ovs.size(), 1u);
    EXPECT_EQ(ovs[0].begin, 0u);
    EXPECT_EQ(ovs[0].end, 16u);
    EXPECT_EQ(ovs[0].count, 1u);
}

TEST(OverlapsTest, ManyStridedViewsStayFewRuns) {
    // As trace_bench: 64 views with steps 1..4 reaching past each other's starts.
    std::vector<std::vector<ElementRun>> runs = {{run(0, 1 << 16, 1)}};
    for (uint64_t k = 0; k < 64; ++k) {
        const uint64_t step = k % 4 + 1, start = k * 1024, n = (16384 + step - 1) / step;
        if (start + (n - 1) * step >= (1 << 16)) continue;
        runs.push_back({run(start, n, static_cast<int64_t>(step))});
    }
    auto ovs = overlaps_of(runs, 0, 1 << 16);
    EXPECT_LT(ovs.size(), 2000u);
    EXPECT_EQ(by_overlaps(ovs, 7), by_bytes(runs, 0, 1 << 16));
}

TEST(OverlapsTest, RandomRunsMatchByteByByte) {
    std::mt19937_64 rng(12345);
    auto pick = [&](int64_t lo, int64_t hi) {
        return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
    };
    for (int trial = 0; trial < 3000; ++trial) {
        const uint64_t size = static_cast<uint64_t>(pick(1, 300));
        std::vector<std::vector<ElementRun>> runs(
            static_cast<size_t>(pick(2, trial % 50 == 0 ? 80 : 6)));
        for (auto& view : runs) {
            for (int64_t r = pick(1, 3); r > 0; --r) {
                const uint64_t isz = static_cast<uint64_t>(pick(1, 4));
                if (isz > size) continue;
                const int64_t stride = pick(-9, 9);
                const int64_t first = pick(0, static_cast<int64_t>(size - isz));
                // elements must stay inside [0, size)
                int64_t count = 1;
                if (stride > 0)
                    count = pick(1, (static_cast<int64_t>(size - isz) - first) / stride + 1);
                if (stride < 0) count = pick(1, first / -stride + 1);
                if (stride == 0) count = pick(1, 3);
                view.push_back(
                    run(static_cast<uint64_t>(first), static_cast<uint64_t>(count), stride, isz));
            }
        }
        const uint64_t wb = trial % 3 == 0 ? static_cast<uint64_t>(pick(0, size / 2)) : 0;
        const uint64_t we = trial % 3 == 0 ? static_cast<uint64_t>(pick(wb, size)) : size;
        auto ovs = overlaps_of(runs, wb, we);
        ASSERT_EQ(by_overlaps(ovs, 7), by_bytes(runs, wb, we)) << "trial " << trial;
    }
}

TEST(OverlapsTest, PiecesAreClippedToTheWindow) {
    Overlap o{1, 10, 0, 2, 5, 4, nullptr};  // [10,12) [15,17) [20,22) [25,27)
    o.end = 27;
    auto all = overlap_pieces(o);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[3].begin, 25u);
    auto some = overlap_pieces(o, 16, 21);
    ASSERT_EQ(some.size(), 2u);
    EXPECT_EQ(some[0].begin, 16u);
    EXPECT_EQ(some[0].end, 17u);
    EXPECT_EQ(some[1].begin, 20u);
    EXPECT_EQ(some[1].end, 21u);
    EXPECT_TRUE(overlap_pieces(o, 12, 15).empty());
    EXPECT_TRUE(overlap_pieces(o, 27, 40).empty());
}

}  // namespace
}  // namespace engine::scene
