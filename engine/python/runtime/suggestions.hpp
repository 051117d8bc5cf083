// "Did you mean" suggestions, as CPython 3.11 computes them (Python/suggestions.c):
// the candidate nearest to a misspelt name by a Levenshtein distance where a
// change of case costs 1 and any other edit 2, taken only when at most about a
// third of the characters change.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine::py {

// The first candidate at the smallest distance from `name` within the limit;
// nullopt when none is near enough, or when there are 750 candidates or more.
// A candidate equal to `name` is never suggested.
std::optional<std::string> suggest_name(const std::vector<std::string>& candidates,
                                        std::string_view name);

// The edit distance with CPython's costs, or more than max_cost once it is
// sure to exceed it (strings longer than 40 bytes after their common prefix
// and suffix count as too far).
size_t suggestion_distance(std::string_view a, std::string_view b, size_t max_cost);

}  // namespace engine::py
