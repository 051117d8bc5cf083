// "Did you mean" suggestions: CPython 3.11's Python/suggestions.c, step for step.
#include "engine/python/runtime/suggestions.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace engine::py {

namespace {

constexpr size_t kMaxCandidateItems = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;  // not the same letter, not a case flip
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
    return a == b ? kCaseCost : kMoveCost;
}

}  // namespace

size_t suggestion_distance(std::string_view a, std::string_view b, size_t max_cost) {
    // Trim away the common prefix and suffix.
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);  // the shorter one is the row
    if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;

    std::array<size_t, kMaxStringSize> row{};
    for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;  // b[:0] to a[:i+1]
    size_t result = 0;
    for (size_t bi = 0; bi < b.size(); ++bi) {
        const char code = b[bi];
        size_t distance = result = bi * kMoveCost;  // b[:bi] to a[:0]
        size_t minimum = std::numeric_limits<size_t>::max();
        for (size_t ai = 0; ai < a.size(); ++ai) {
            const size_t substitute = distance + substitution_cost(code, a[ai]);
            distance = row[ai];
            const size_t insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            row[ai] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;  // the whole row is too expensive
    }
    return result;
}

std::optional<std::string> suggest_name(const std::vector<std::string>& candidates,
                                        std::string_view name) {
    if (candidates.size() >= kMaxCandidateItems) return std::nullopt;
    std::optional<std::string> best;
    size_t best_distance = std::numeric_limits<size_t>::max();
    for (const auto& item : candidates) {
        if (item == name) continue;
        // No more than a third of the characters involved should change, and
        // no match already beaten.
        size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
        max_distance = std::min(max_distance, best_distance - 1);
        const size_t d = suggestion_distance(name, item, max_distance);
        if (d > max_distance) continue;
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace engine::py
