// "Did you mean" suggestions against CPython 3.11 (Python/suggestions.c):
// the costs, the limit of a third of the characters, ties, the 750-candidate
// and 40-character limits. Each suggest_name case is what CPython printed for
// the same name and candidates (`python3 -c ...` with a NameError/AttributeError).
#include "engine/python/runtime/suggestions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/python/runtime/dir.hpp"

namespace engine::py {
namespace {

TEST(SuggestionsTest, CostsCaseOneOtherEditsTwo) {
    EXPECT_EQ(suggestion_distance("length", "Length", 100), 1u);
    EXPECT_EQ(suggestion_distance("READONLY", "readonly", 100), 8u);
    EXPECT_EQ(suggestion_distance("abc", "abd", 100), 2u);
    EXPECT_EQ(suggestion_distance("abc", "abcd", 100), 2u);
    EXPECT_EQ(suggestion_distance("lne", "len", 100), 4u);  // a swap is two edits
    EXPECT_EQ(suggestion_distance("", "abc", 100), 6u);
    EXPECT_EQ(suggestion_distance("same", "same", 0), 0u);
}

TEST(SuggestionsTest, PastTheLimitIsMoreThanMax) {
    EXPECT_GT(suggestion_distance("abcdef", "uvwxyz", 3), 3u);
    EXPECT_GT(suggestion_distance("a", "abcdefgh", 5), 5u);  // length difference alone
    // More than 40 characters left after the common prefix and suffix: too far.
    const std::string a = "x" + std::string(41, 'a') + "y", b = "x" + std::string(41, 'b') + "y";
    EXPECT_GT(suggestion_distance(a, b, 1000), 1000u);
    // A long common prefix is trimmed first.
    EXPECT_EQ(suggestion_distance(std::string(50, 'p') + "a", std::string(50, 'p') + "b", 10), 2u);
}

TEST(SuggestionsTest, AsCPythonPicks) {
    // NameError: name 'lenn' ... Did you mean: 'len'?  and 'lne': no hint.
    EXPECT_EQ(suggest_name({"len", "list"}, "lenn").value_or("-"), "len");
    EXPECT_FALSE(suggest_name({"len"}, "lne"));
    EXPECT_EQ(suggest_name({"Header"}, "header").value_or("-"), "Header");
    EXPECT_EQ(suggest_name({"view", "offset"}, "vew").value_or("-"), "view");
    EXPECT_FALSE(suggest_name({"view"}, "veiw"));
    EXPECT_FALSE(suggest_name({"payload"}, "zqxwv"));
    // The name itself is never offered; ties keep the first candidate.
    EXPECT_FALSE(suggest_name({"same"}, "same"));
    EXPECT_EQ(suggest_name({"abd", "abe"}, "abc").value_or("-"), "abd");
    EXPECT_EQ(suggest_name({"abe", "abd"}, "abc").value_or("-"), "abe");
    // A nearer candidate later in the list wins.
    EXPECT_EQ(suggest_name({"abxy", "abcx"}, "abcd").value_or("-"), "abcx");
}

TEST(SuggestionsTest, SevenHundredFiftyCandidatesOfferNothing) {
    // CPython: with 749 names in dir(c) 'target_nam' gets 'target_name'; with 750, no hint.
    std::vector<std::string> names{"target_name"};
    while (names.size() < 749) names.push_back("attr" + std::to_string(names.size()));
    EXPECT_EQ(suggest_name(names, "target_nam").value_or("-"), "target_name");
    names.push_back("another");
    EXPECT_FALSE(suggest_name(names, "target_nam"));
}

TEST(SuggestionsTest, BuiltinNamesInCPythonOrder) {
    const auto& names = builtin_names();
    ASSERT_GT(names.size(), 150u);
    EXPECT_EQ(names.front(), "__name__");
    EXPECT_EQ(suggest_name(names, "prnt").value_or("-"), "print");
}

}  // namespace
}  // namespace engine::py
