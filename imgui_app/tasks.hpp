// Tasks: the curriculum's checked exercises (lessons/tasks/*.py, embedded at
// build time like the lessons). A task file, format in lessons/README.md:
//
//     # task: Shout in place
//     # rank: 3                          (1 beginner .. 5 professional)
//     # lesson: A4                       (the lesson it practises)
//     # budget: copied 0, allocated 0    (bytes the learner's code may copy / allocate)
//     #
//     # The goal, as comment lines.
//     # --- setup        runs first, not counted
//     # --- your code    the starter the learner edits; counted by the copy meter
//     # --- check        appended after the learner's code: asserts on the result
//     # --- solution     revealed after an attempt
//
// check_task runs the learner's program with the check appended, in a Session:
// it passes when the check raises nothing and the copy meter, over the steps
// from the first line after "# --- your code" to the check, is within budget.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "imgui_app/lessons.hpp"

namespace app {

// Every task file, sorted by name (generated code).
const std::vector<EmbeddedFile>& embedded_tasks();

struct Task {
    std::string file, title, lesson;  // lesson: "A4"
    int rank = 0;
    uint64_t budget_copied = 0, budget_allocated = 0;
    std::string goal;                          // the header's prose
    std::string setup, starter, check, solution;  // each ends with '\n'
};

std::optional<Task> parse_task(const std::string& file, const std::string& text, std::string& error);
const std::vector<Task>& tasks();  // by rank, then file

// What the code panel gets: the setup, the marker line, then the starter.
std::string task_program(const Task& t);
// The same with the solution in place of the starter.
std::string solution_program(const Task& t);

struct TaskResult {
    bool passed = false;
    bool result_ok = false;     // the check raised nothing
    bool within_budget = false;
    std::string message;        // what to tell the learner
    int error_line = 0;         // the line that raised, in the learner's program (0: none or in the check)
    uint64_t copied = 0, allocated = 0;  // by the learner's code
};

TaskResult check_task(const Task& t, const std::string& learner_source);

}  // namespace app
