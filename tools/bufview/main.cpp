// bufview run FILE.py | bufview run - | bufview --help
//
// Runs a program in the playground's interpreter. The program's output goes to
// stdout as it is printed; an uncaught exception prints CPython's traceback
// layout on stderr and exits with status 1 (SyntaxError at parse time too).
// Natively the interpreter runs on a thread with a large stack, so that 1000
// Python frames fit even in sanitizer builds.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#ifndef __EMSCRIPTEN__
#include <pthread.h>
#endif

#include "engine/python/interpreter.hpp"
#include "tools/bufview/cli_common.hpp"
#include "tools/bufview/trace_commands.hpp"

namespace {

constexpr const char* kUsage =
    "usage: bufview run [options] FILE.py   run a program (FILE '-' reads stdin)\n"
    "       bufview trace FILE.py           the recorded steps as JSON\n"
    "       bufview scene FILE.py --step N  the scene of one step as JSON\n"
    "       bufview --help                  show this help\n"
    "\n"
    "options:\n"
    "  --steps N    step budget (default 20000000); past it: TimeoutError\n"
    "  --memory N   memory budget in bytes for buffers (default 268435456)\n"
    "  --stack N    C++ stack bytes the evaluator may use (RecursionError past it)\n"
    "\n"
    "Prints the program's stdout. An uncaught exception prints a traceback on\n"
    "stderr and exits with status 1.\n";

#ifndef __EMSCRIPTEN__
constexpr size_t kThreadStack = size_t{1} << 30;  // reserved, touched only as needed
constexpr uint64_t kStackLimit = uint64_t{768} << 20;
#else
constexpr uint64_t kStackLimit = 0;
#endif

struct Job {
    std::string source;
    engine::py::RunOptions options;
    uint64_t stack_limit = kStackLimit;
    int status = 0;
};

void run_job(Job& job) {
    job.options.output = [](std::string_view text) {
        std::fwrite(text.data(), 1, text.size(), stdout);
    };
    job.options.stack_limit = job.stack_limit;
    engine::py::Interpreter interp(job.options);
    auto result = interp.run(job.source);
    std::fflush(stdout);
    if (!result) {
        std::string tb = interp.format_traceback(result.error());
        std::fwrite(tb.data(), 1, tb.size(), stderr);
        std::fflush(stderr);
        job.status = 1;
    }
}

#ifndef __EMSCRIPTEN__
void* thread_main(void* arg) {
    run_job(*static_cast<Job*>(arg));
    return nullptr;
}
#endif


}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (argc >= 2 && std::strcmp(argv[1], "trace") == 0) {
        return bufview::run_trace_command(argc - 1, argv + 1);
    }
    if (argc >= 2 && std::strcmp(argv[1], "scene") == 0) {
        return bufview::run_scene_command(argc - 1, argv + 1);
    }
    if (argc < 3 || std::strcmp(argv[1], "run") != 0) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    Job job;
    std::string path;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        uint64_t n = 0;
        if ((arg == "--steps" || arg == "--memory" || arg == "--stack") && i + 1 < argc) {
            if (!bufview::parse_u64(argv[++i], n)) {
                std::fprintf(stderr, "bufview: %s needs a number\n", arg.c_str());
                return 2;
            }
            if (arg == "--steps") job.options.step_budget = static_cast<int64_t>(n);
            if (arg == "--memory") job.options.memory_budget = n;
            if (arg == "--stack") job.stack_limit = n;
        } else if (path.empty()) {
            path = arg;
        } else {
            std::fputs(kUsage, stderr);
            return 2;
        }
    }
    if (path.empty() || !bufview::read_all(path, job.source)) {
        std::fprintf(stderr, "bufview: can't open file '%s'\n", path.c_str());
        return 2;
    }
    job.options.filename = bufview::program_name(path);
#ifndef __EMSCRIPTEN__
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, kThreadStack);
    pthread_t thread;
    if (pthread_create(&thread, &attr, thread_main, &job) != 0) {
        run_job(job);
    } else {
        pthread_join(thread, nullptr);
    }
    pthread_attr_destroy(&attr);
#else
    run_job(job);
#endif
    return job.status;
}
