// libFuzzer harness: a program text through `run`, `trace` or `scene` (chosen
// at compile time by BUFVIEW_FUZZ_MODE: 0 run, 1 trace, 2 scene). Whatever the
// text, the engine must end with a Python exception or normally: no crash, no
// sanitizer report, no leak, no hang (small step and memory budgets keep each
// input short). Built only with -DBUFVIEW_FUZZ=ON (preset `fuzz`, clang).
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/python/interpreter.hpp"
#include "engine/session/session.hpp"

#ifndef BUFVIEW_FUZZ_MODE
#define BUFVIEW_FUZZ_MODE 0
#endif

namespace {
constexpr int64_t kSteps = 20'000;
constexpr uint64_t kMemory = uint64_t{16} << 20;
constexpr uint64_t kStack = uint64_t{2} << 20;  // the guard; libFuzzer's thread has 8 MiB
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 4096) return 0;  // long inputs only slow the search down
    std::string source(reinterpret_cast<const char*>(data), size);
#if BUFVIEW_FUZZ_MODE == 0
    engine::py::RunOptions options;
    options.step_budget = kSteps;
    options.memory_budget = kMemory;
    options.stack_limit = kStack;
    options.filename = "fuzz.py";
    options.output = [](std::string_view) {};
    engine::py::Interpreter interp(options);
    auto result = interp.run(source);
    if (!result) (void)interp.format_traceback(result.error());
#else
    engine::session::SessionOptions options;
    options.step_budget = kSteps;
    options.memory_budget = kMemory;
    options.stack_limit = kStack;
    options.budget.max_steps = 2'000;
    options.budget.max_undo_bytes = uint64_t{4} << 20;
    options.filename = "fuzz.py";
    engine::session::Session s(options);
    s.load(std::move(source));
    s.run();
#if BUFVIEW_FUZZ_MODE == 1
    (void)s.trace_json();
#else
    const int64_t last = s.step_count();
    (void)s.scene_json(last);
    if (last > 1) (void)s.scene_json(last / 2);
#endif
#endif
    return 0;
}
