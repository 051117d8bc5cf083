// bufview trace / bufview scene: run a program with recording and print JSON.
#include "tools/bufview/trace_commands.hpp"

#include "tools/bufview/cli_common.hpp"

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

#include "engine/scene/trace_json.hpp"
#include "engine/session/session.hpp"

namespace bufview {

namespace {

constexpr const char* kTraceUsage =
    "usage: bufview trace [options] FILE.py\n"
    "  prints {step_count, recording, meter, steps:[{step, line, meter, events}]} as JSON\n"
    "options:\n"
    "  --max-steps N        recording budget: steps (default 1000000)\n"
    "  --max-undo-bytes N   recording budget: undo log bytes (default 67108864)\n"
    "  --steps N            interpreter step budget (default 20000000)\n";

constexpr const char* kSceneUsage =
    "usage: bufview scene [options] FILE.py --step N|last\n"
    "  prints the scene of step N (steps count from 1; 0 = before the first line)\n"
    "options:\n"
    "  --rows FIRST:COUNT   only rows FIRST..FIRST+COUNT-1 of each block\n"
    "  --width W            bytes per row (default 16)\n"
    "  --block ID           only this block (and its views)\n"
    "  --max-steps N, --max-undo-bytes N, --steps N   as for bufview trace\n";

#ifndef __EMSCRIPTEN__
constexpr size_t kThreadStack = size_t{1} << 30;
constexpr uint64_t kStackLimit = uint64_t{768} << 20;
#else
constexpr uint64_t kStackLimit = 0;
#endif


struct Job {
    bool scene = false;
    std::string path, source;
    engine::session::SessionOptions options;
    engine::scene::SceneOptions scene_options;
    bool last = false;
    int64_t step = 0;
    std::string out;
    std::string err;
    int status = 0;
};

void run_job(Job& job) {
    job.options.stack_limit = kStackLimit;
    job.options.filename = bufview::program_name(job.path);
    engine::session::Session s(job.options);
    s.load(job.source);
    s.run();
    if (!job.scene) {
        job.out = s.trace_json();
        return;
    }
    int64_t step = job.last ? s.step_count() : job.step;
    if (step < 0 || step > s.step_count()) {
        job.err = "bufview: step " + std::to_string(step) + " out of range 0.." +
                  std::to_string(s.step_count()) + "\n";
        job.status = 2;
        return;
    }
    job.out = s.scene_json(step, job.scene_options);
}

#ifndef __EMSCRIPTEN__
void* thread_main(void* arg) {
    run_job(*static_cast<Job*>(arg));
    return nullptr;
}
#endif

int run_command(int argc, char** argv, bool scene) {
    const char* usage = scene ? kSceneUsage : kTraceUsage;
    Job job;
    job.scene = scene;
    bool have_step = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        uint64_t n = 0;
        bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            std::fputs(usage, stdout);
            return 0;
        } else if (arg == "--step" && scene && has_value) {
            std::string v = argv[++i];
            have_step = true;
            if (v == "last") {
                job.last = true;
            } else if (parse_u64(v.c_str(), n) && n <= INT64_MAX) {
                job.step = static_cast<int64_t>(n);
            } else {
                std::fprintf(stderr, "bufview: --step needs a number or 'last'\n");
                return 2;
            }
        } else if (arg == "--rows" && scene && has_value) {
            std::string v = argv[++i];
            size_t colon = v.find(':');
            uint64_t first = 0, count = 0;
            if (colon == std::string::npos || !parse_u64(v.substr(0, colon).c_str(), first) ||
                !parse_u64(v.substr(colon + 1).c_str(), count) || first > UINT64_MAX - count) {
                std::fprintf(stderr, "bufview: --rows needs FIRST:COUNT\n");
                return 2;
            }
            job.scene_options.row_begin = first;
            job.scene_options.row_end = first + count;
        } else if ((arg == "--width" || arg == "--block" || arg == "--max-steps" ||
                    arg == "--max-undo-bytes" || arg == "--steps") &&
                   has_value) {
            if (!parse_u64(argv[++i], n) || (arg == "--width" && n == 0)) {
                std::fprintf(stderr, "bufview: %s needs a number\n", arg.c_str());
                return 2;
            }
            if (arg == "--width") job.scene_options.row_width = n;
            if (arg == "--block") job.scene_options.block = n;
            if (arg == "--max-steps") job.options.budget.max_steps = static_cast<int64_t>(std::min<uint64_t>(n, INT64_MAX));
            if (arg == "--max-undo-bytes") job.options.budget.max_undo_bytes = n;
            if (arg == "--steps") job.options.step_budget = static_cast<int64_t>(std::min<uint64_t>(n, INT64_MAX));
        } else if (job.path.empty() && (arg == "-" || arg.rfind("--", 0) != 0)) {
            job.path = arg;
        } else {
            std::fputs(usage, stderr);
            return 2;
        }
    }
    if (job.path.empty() || (scene && !have_step)) {
        std::fputs(usage, stderr);
        return 2;
    }
    if (!read_all(job.path, job.source)) {
        std::fprintf(stderr, "bufview: can't open file '%s'\n", job.path.c_str());
        return 2;
    }
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
    std::fwrite(job.out.data(), 1, job.out.size(), stdout);
    if (!job.out.empty()) std::fputc('\n', stdout);
    std::fwrite(job.err.data(), 1, job.err.size(), stderr);
    return job.status;
}

}  // namespace

int run_trace_command(int argc, char** argv) { return run_command(argc, argv, false); }
int run_scene_command(int argc, char** argv) { return run_command(argc, argv, true); }

}  // namespace bufview
