// trace_bench: scene building and seeking (native only, Google Benchmark).
//
//   Scene/Full          scene of a 1 MiB bytearray with 64 overlapping strided views
//   Scene/VisibleRows   the same, 64 visible rows of 16 bytes
//   Scene/FullCoprimeSteps  20 views with steps 7..26 and two casts over 1 MiB
//                       (overlaps without a short period: the byte-by-byte case)
//   Seek/AcrossRun      seek from one end of a 100,000-step run to the other
//   Record/Loop         run and record that 100,000-step program (names, variables,
//                       index uses: the line hook's cost)
//   Record/Reads        run and record 80,000 steps that read through views (item
//                       reads, struct.unpack_from, bytes(view)): the cost of read
//                       and field events
//   Run/Reads           the same program as `bufview run` runs it: no observer, so
//                       reads must cost nothing
//
// Goals (issue 5): visible rows < 1 ms, full < 50 ms, seek < 50 ms.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "engine/python/interpreter.hpp"
#include "engine/session/session.hpp"

namespace {

using engine::scene::SceneOptions;
using engine::session::Session;

// 64 views over 1 MiB: starts every 16 KiB, steps 1..4, each reaching far past
// the next start, so most bytes are seen by several views.
constexpr const char* kViews = R"(ba = bytearray(1 << 20)
mv = memoryview(ba)
views = [mv[k * 16384 : k * 16384 + 262144 : k % 4 + 1] for k in range(64)]
n = len(views)
)";

// A worst case for periodic overlaps: 20 views with steps 7..26 (no short common
// period) over a 2-D cast of 4096 rows and a 4-byte cast.
constexpr const char* kCoprime = R"(ba = bytearray(1 << 20)
mv = memoryview(ba)
grid = mv.cast("B", [4096, 256])
words = mv.cast("I")
odd = [mv[k::7 + k] for k in range(20)]
)";

// 2 steps per iteration (the for header and the body): 100,000 steps.
constexpr const char* kLoop = R"(ba = bytearray(4096)
for i in range(49999):
    ba[i % 4096] = i % 251
)";

// 4 steps per iteration (the header, two lines, one with two statements): 80,000
// steps with 40,000 item reads, 20,000 unpack_from reads (2 fields each) and
// 20,000 bytes(view) reads.
constexpr const char* kReads = R"(import struct
ba = bytearray(range(256)) * 16
mv = memoryview(ba)
for i in range(19999):
    x = mv[i % 4096] + mv[(i * 7) % 4096]
    a, b = struct.unpack_from("<HH", mv, i % 4092); c = bytes(mv[i % 4000:i % 4000 + 8])
)";

Session& views_session() {
    static std::unique_ptr<Session> s = [] {
        auto p = std::make_unique<Session>();
        p->load(kViews);
        if (!p->run()) {
            std::fprintf(stderr, "bench program failed: %s\n", p->traceback().c_str());
            std::abort();
        }
        return p;
    }();
    return *s;
}

Session& coprime_session() {
    static std::unique_ptr<Session> s = [] {
        auto p = std::make_unique<Session>();
        p->load(kCoprime);
        if (!p->run()) std::abort();
        return p;
    }();
    return *s;
}

Session& loop_session() {
    static std::unique_ptr<Session> s = [] {
        engine::session::SessionOptions o;
        o.budget.max_steps = 200'000;
        auto p = std::make_unique<Session>(o);
        p->load(kLoop);
        if (!p->run()) std::abort();
        return p;
    }();
    return *s;
}

void BM_SceneFull(benchmark::State& state) {
    Session& s = views_session();
    int64_t last = s.step_count();
    size_t views = 0, overlaps = 0;
    for (auto _ : state) {
        auto sc = s.scene(last);
        views = sc.views.size();
        overlaps = sc.overlaps.size();
        benchmark::DoNotOptimize(sc);
    }
    state.counters["views"] = static_cast<double>(views);
    state.counters["overlap_runs"] = static_cast<double>(overlaps);
    // Bytes seen by two or more views (the same however the overlaps are stored).
    uint64_t shared = 0;
    for (const auto& o : s.scene(last).overlaps) shared += o.count * o.length;
    state.counters["shared_bytes"] = static_cast<double>(shared);
}
BENCHMARK(BM_SceneFull)->Name("Scene/Full")->Unit(benchmark::kMillisecond);

void BM_SceneFullCoprime(benchmark::State& state) {
    Session& s = coprime_session();
    int64_t last = s.step_count();
    size_t overlaps = 0;
    for (auto _ : state) {
        auto sc = s.scene(last);
        overlaps = sc.overlaps.size();
        benchmark::DoNotOptimize(sc);
    }
    state.counters["overlap_runs"] = static_cast<double>(overlaps);
}
BENCHMARK(BM_SceneFullCoprime)->Name("Scene/FullCoprimeSteps")->Unit(benchmark::kMillisecond);

void BM_SceneVisibleRows(benchmark::State& state) {
    Session& s = views_session();
    int64_t last = s.step_count();
    size_t runs = 0;
    for (auto _ : state) {
        auto sc = s.scene(last, SceneOptions::rows(8192, 64, 16));  // bytes 128 KiB..+1 KiB
        runs = 0;
        for (const auto& v : sc.views) runs += v.runs.size();
        benchmark::DoNotOptimize(sc);
    }
    state.counters["runs"] = static_cast<double>(runs);
}
BENCHMARK(BM_SceneVisibleRows)->Name("Scene/VisibleRows")->Unit(benchmark::kMillisecond);

void BM_SceneVisibleRowsJson(benchmark::State& state) {
    Session& s = views_session();
    int64_t last = s.step_count();
    for (auto _ : state) {
        std::string j = s.scene_json(last, SceneOptions::rows(8192, 64, 16));
        benchmark::DoNotOptimize(j);
    }
}
BENCHMARK(BM_SceneVisibleRowsJson)->Name("Scene/VisibleRowsJson")->Unit(benchmark::kMillisecond);

void BM_SeekAcrossRun(benchmark::State& state) {
    Session& s = loop_session();
    int64_t last = s.step_count();
    bool to_end = false;
    s.seek(1);
    for (auto _ : state) {
        s.seek(to_end ? last : 1);
        to_end = !to_end;
        benchmark::DoNotOptimize(s.trace().state());
    }
    state.counters["steps"] = static_cast<double>(last);
}
BENCHMARK(BM_SeekAcrossRun)->Name("Seek/AcrossRun")->Unit(benchmark::kMillisecond);

void BM_SeekAndScene(benchmark::State& state) {
    Session& s = loop_session();
    int64_t last = s.step_count();
    int64_t n = 1;
    for (auto _ : state) {
        auto sc = s.scene(n, SceneOptions::rows(0, 64, 16));
        benchmark::DoNotOptimize(sc);
        n = n == 1 ? last : 1;
    }
}
BENCHMARK(BM_SeekAndScene)->Name("Seek/AcrossRunWithScene")->Unit(benchmark::kMillisecond);

void BM_RecordLoop(benchmark::State& state) {
    engine::session::SessionOptions o;
    o.budget.max_steps = 200'000;
    int64_t steps = 0;
    for (auto _ : state) {
        Session s(o);
        s.load(kLoop);
        if (!s.run()) std::abort();
        steps = s.step_count();
        benchmark::DoNotOptimize(s.trace().state());
    }
    state.counters["steps"] = static_cast<double>(steps);
}
BENCHMARK(BM_RecordLoop)->Name("Record/Loop")->Unit(benchmark::kMillisecond);

void BM_RecordReads(benchmark::State& state) {
    engine::session::SessionOptions o;
    o.budget.max_steps = 200'000;
    int64_t steps = 0;
    for (auto _ : state) {
        Session s(o);
        s.load(kReads);
        if (!s.run()) std::abort();
        steps = s.step_count();
        benchmark::DoNotOptimize(s.trace().state());
    }
    state.counters["steps"] = static_cast<double>(steps);
}
BENCHMARK(BM_RecordReads)->Name("Record/Reads")->Unit(benchmark::kMillisecond);

void BM_RunReads(benchmark::State& state) {
    for (auto _ : state) {
        engine::py::RunOptions o;
        o.output = [](std::string_view) {};
        engine::py::Interpreter interp(o);
        if (!interp.run(kReads)) std::abort();
        benchmark::DoNotOptimize(interp);
    }
}
BENCHMARK(BM_RunReads)->Name("Run/Reads")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
