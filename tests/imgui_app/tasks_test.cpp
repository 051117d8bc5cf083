// Tasks: every embedded task parses, its solution passes (result and copy
// budget), its starter does not, and the checker tells why.
#include "imgui_app/tasks.hpp"

#include <gtest/gtest.h>

#include <set>

namespace app {
namespace {

const Task& task(const std::string& file) {
    for (const Task& t : tasks())
        if (t.file == file) return t;
    ADD_FAILURE() << "no task " << file;
    static Task none;
    return none;
}

TEST(Tasks, EveryFileParsesAndEveryRankHasOne) {
    ASSERT_FALSE(embedded_tasks().empty());
    EXPECT_EQ(tasks().size(), embedded_tasks().size());
    std::set<int> ranks;
    for (const Task& t : tasks()) {
        ranks.insert(t.rank);
        EXPECT_FALSE(t.goal.empty()) << t.file;
        EXPECT_FALSE(t.lesson.empty()) << t.file;
    }
    EXPECT_EQ(ranks, (std::set<int>{1, 2, 3, 4, 5}));
}

TEST(Tasks, SolutionsPassAndStartersDoNot) {
    for (const Task& t : tasks()) {
        const TaskResult good = check_task(t, solution_program(t));
        EXPECT_TRUE(good.passed) << t.file << ": " << good.message;
        const TaskResult starter = check_task(t, task_program(t));
        EXPECT_FALSE(starter.passed) << t.file << ": " << starter.message;
    }
}

TEST(Tasks, TheCopyMeterDecidesWhenTheResultIsRight) {
    const Task& t = task("r2_just_the_middle.py");
    const TaskResult naive = check_task(t, task_program(t));
    EXPECT_TRUE(naive.result_ok);
    EXPECT_FALSE(naive.within_budget);
    EXPECT_EQ(naive.copied, 17u + 4u);  // bytes(record), then the slice of that copy
    EXPECT_EQ(naive.message,
              "Right result, but your code copied 21 and allocated 21 bytes; the budget is 4 and 4");
    const TaskResult good = check_task(t, solution_program(t));
    EXPECT_EQ(good.copied, 4u);
    EXPECT_EQ(good.allocated, 4u);
    EXPECT_EQ(good.message, "Passed: copied 4 and allocated 4 bytes (budget 4 and 4)");
}

TEST(Tasks, FailuresSayWhereAndWhy) {
    const Task& t = task("r3_shout_in_place.py");
    const TaskResult wrong = check_task(t, task_program(t));
    EXPECT_FALSE(wrong.result_ok);
    EXPECT_EQ(wrong.error_line, 0);  // the check failed, not the learner's code
    EXPECT_EQ(wrong.message, "Not yet: AssertionError: bytearray(b'HELLO WORLD')");
    const std::string crash = t.setup + "# --- your code\nword[0] = 300\n";
    const TaskResult raised = check_task(t, crash);
    EXPECT_EQ(raised.error_line, 4);
    EXPECT_EQ(raised.message, "Your code raised ValueError: memoryview: invalid value for format 'B' at line 4");
}

TEST(Tasks, HeadersAreChecked) {
    std::string error;
    EXPECT_FALSE(parse_task("x.py", "# task: t\n# rank: 6\n# budget: copied 0, allocated 0\n", error));
    EXPECT_EQ(error, "x.py: a task needs '# task:', '# rank: 1..5', '# budget: copied N, allocated N', a check and a solution");
    EXPECT_FALSE(parse_task("y.py", "x = 1\n", error));
    EXPECT_EQ(error, "y.py: code before '# --- setup'");
}

}  // namespace
}  // namespace app
