#include "imgui_app/tasks.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <fmt/format.h>

#include "engine/session/session.hpp"

namespace app {

namespace {

constexpr const char* kMarker = "# --- your code";

int count_lines(const std::string& s) {
    return static_cast<int>(std::count(s.begin(), s.end(), '\n')) + (s.empty() || s.back() == '\n' ? 0 : 1);
}

}  // namespace

std::optional<Task> parse_task(const std::string& file, const std::string& text, std::string& error) {
    Task t;
    t.file = file;
    std::istringstream in(text);
    std::string line, section;
    bool have_budget = false;
    while (std::getline(in, line)) {
        if (line.rfind("# --- ", 0) == 0) {
            section = line.substr(6);
            if (section != "setup" && section != "your code" && section != "check" && section != "solution") {
                error = fmt::format("{}: unknown section '{}'", file, section);
                return std::nullopt;
            }
            continue;
        }
        if (section.empty()) {
            if (line.rfind("#", 0) != 0) {
                error = fmt::format("{}: code before '# --- setup'", file);
                return std::nullopt;
            }
            std::string body = line.size() > 2 ? line.substr(2) : "";
            unsigned long long copied = 0, allocated = 0;
            if (body.rfind("task: ", 0) == 0) t.title = body.substr(6);
            else if (body.rfind("rank: ", 0) == 0) t.rank = std::atoi(body.c_str() + 6);
            else if (body.rfind("lesson: ", 0) == 0) t.lesson = body.substr(8);
            else if (std::sscanf(body.c_str(), "budget: copied %llu, allocated %llu", &copied, &allocated) == 2) {
                t.budget_copied = copied;
                t.budget_allocated = allocated;
                have_budget = true;
            } else if (!body.empty()) {
                t.goal += (t.goal.empty() ? "" : " ") + body;
            }
            continue;
        }
        std::string& out = section == "setup" ? t.setup : section == "your code" ? t.starter
                         : section == "check" ? t.check : t.solution;
        out += line + "\n";
    }
    if (t.title.empty() || t.rank < 1 || t.rank > 5 || !have_budget || t.check.empty() || t.solution.empty()) {
        error = fmt::format("{}: a task needs '# task:', '# rank: 1..5', '# budget: copied N, allocated N', "
                            "a check and a solution", file);
        return std::nullopt;
    }
    return t;
}

const std::vector<Task>& tasks() {
    static const std::vector<Task> all = [] {
        std::vector<Task> out;
        for (const EmbeddedFile& f : embedded_tasks()) {
            std::string error;
            if (auto t = parse_task(f.name, f.text, error)) out.push_back(std::move(*t));
            else std::fprintf(stderr, "bufview: %s\n", error.c_str());
        }
        std::stable_sort(out.begin(), out.end(), [](const Task& a, const Task& b) { return a.rank < b.rank; });
        return out;
    }();
    return all;
}

std::string task_program(const Task& t) { return t.setup + kMarker + "\n" + t.starter; }
std::string solution_program(const Task& t) { return t.setup + kMarker + "\n" + t.solution; }

TaskResult check_task(const Task& t, const std::string& learner_source) {
    std::string program = learner_source;
    if (!program.empty() && program.back() != '\n') program += '\n';
    const int learner_lines = count_lines(program);
    program += "# --- check\n" + t.check;

    // The counted steps: from the first line after the marker to the check.
    int marker_line = 0;
    {
        std::istringstream in(learner_source);
        std::string line;
        for (int n = 1; std::getline(in, line); ++n)
            if (line.rfind(kMarker, 0) == 0) marker_line = n;
    }
    engine::session::Session s;
    s.load(program);
    const bool ran = s.run();
    TaskResult r;
    const auto& trace = s.trace();
    bool counting = false;
    for (int64_t n = 1; n <= trace.step_count(); ++n) {
        const int line = trace.step(n).line;
        if (line > learner_lines) break;
        if (line > marker_line) counting = true;
        if (counting) {
            r.copied += trace.step(n).meter.copied;
            r.allocated += trace.step(n).meter.allocated;
        }
    }
    r.result_ok = ran;
    r.within_budget = r.copied <= t.budget_copied && r.allocated <= t.budget_allocated;
    r.passed = r.result_ok && r.within_budget;
    if (!ran) {
        const int line = s.error() ? s.error()->line : 0;
        if (line > learner_lines) {
            r.message = "Not yet: " + s.exception_line();
        } else {
            r.error_line = line;
            r.message = fmt::format("Your code raised {} at line {}", s.exception_line(), line);
        }
    } else if (!r.within_budget) {
        r.message = fmt::format("Right result, but your code copied {} and allocated {} bytes; the budget is {} and {}",
                                r.copied, r.allocated, t.budget_copied, t.budget_allocated);
    } else {
        r.message = fmt::format("Passed: copied {} and allocated {} bytes (budget {} and {})", r.copied, r.allocated,
                                t.budget_copied, t.budget_allocated);
    }
    return r;
}

}  // namespace app
