// Benchmarks of the buffer engine's copies against plain memcpy:
//   16 MiB contiguous tobytes and slice assignment vs memcpy of the same bytes,
//   strided copies with step 2 and step -1, and cast('I').tolist() of 1 MiB.
// Run: build/buffer-release/bench/buffer_bench --benchmark_repetitions=5
//      --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/memory_view.hpp"

namespace {

using namespace engine;

constexpr int64_t k16MiB = int64_t{16} << 20;
constexpr int64_t k1MiB = int64_t{1} << 20;

std::string pattern(int64_t n) {
    std::string s(static_cast<size_t>(n), '\0');
    for (int64_t i = 0; i < n; ++i) s[static_cast<size_t>(i)] = static_cast<char>(i * 131 + 7);
    return s;
}

struct Setup {
    BufferContext ctx{uint64_t{1} << 30};
    std::shared_ptr<ByteArrayObject> src, dst;
    ViewPtr src_view, dst_view;
    explicit Setup(int64_t n) {
        src = *ByteArrayObject::create(ctx, pattern(n));
        dst = *ByteArrayObject::create(ctx, std::string(static_cast<size_t>(n), '\0'));
        src_view = *MemoryView::from_object(src);
        dst_view = *MemoryView::from_object(dst);
    }
};

Subscript slice(Item start, Item stop, Item step) { return Subscript::of_slice({start, stop, step}); }

void BM_Memcpy16MiB(benchmark::State& state) {
    std::vector<char> a(static_cast<size_t>(k16MiB), 1), b(static_cast<size_t>(k16MiB), 0);
    for (auto _ : state) {
        std::memcpy(b.data(), a.data(), a.size());
        benchmark::DoNotOptimize(b.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * k16MiB);
}
BENCHMARK(BM_Memcpy16MiB)->Unit(benchmark::kMillisecond);

// memcpy into a freshly allocated buffer: what any bytes-producing copy pays.
void BM_MemcpyFresh16MiB(benchmark::State& state) {
    std::vector<char> a(static_cast<size_t>(k16MiB), 1);
    for (auto _ : state) {
        std::unique_ptr<char[]> b(new char[static_cast<size_t>(k16MiB)]);
        std::memcpy(b.get(), a.data(), a.size());
        benchmark::DoNotOptimize(b.get());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * k16MiB);
}
BENCHMARK(BM_MemcpyFresh16MiB)->Unit(benchmark::kMillisecond);

void BM_TobytesContiguous16MiB(benchmark::State& state) {
    Setup s(k16MiB);
    for (auto _ : state) {
        auto bytes = s.src_view->tobytes();
        benchmark::DoNotOptimize(bytes.ok());
    }
    state.SetBytesProcessed(state.iterations() * k16MiB);
}
BENCHMARK(BM_TobytesContiguous16MiB)->Unit(benchmark::kMillisecond);

void BM_SliceAssignContiguous16MiB(benchmark::State& state) {
    Setup s(k16MiB);
    const Subscript all = slice(Item::none(), Item::none(), Item::none());
    const AssignValue value = AssignValue::of_buffer(s.src_view);
    for (auto _ : state) {
        auto r = s.dst_view->set(all, value);
        benchmark::DoNotOptimize(r.ok());
    }
    state.SetBytesProcessed(state.iterations() * k16MiB);
}
BENCHMARK(BM_SliceAssignContiguous16MiB)->Unit(benchmark::kMillisecond);

void BM_TobytesStep2_16MiB(benchmark::State& state) {
    Setup s(k16MiB);
    auto strided = std::get<ViewPtr>(*s.src_view->get(slice(Item::none(), Item::none(), Item::integer(2))));
    for (auto _ : state) {
        auto bytes = strided->tobytes();
        benchmark::DoNotOptimize(bytes.ok());
    }
    state.SetBytesProcessed(state.iterations() * (k16MiB / 2));
}
BENCHMARK(BM_TobytesStep2_16MiB)->Unit(benchmark::kMillisecond);

void BM_TobytesStepMinus1_16MiB(benchmark::State& state) {
    Setup s(k16MiB);
    auto reversed = std::get<ViewPtr>(*s.src_view->get(slice(Item::none(), Item::none(), Item::integer(-1))));
    for (auto _ : state) {
        auto bytes = reversed->tobytes();
        benchmark::DoNotOptimize(bytes.ok());
    }
    state.SetBytesProcessed(state.iterations() * k16MiB);
}
BENCHMARK(BM_TobytesStepMinus1_16MiB)->Unit(benchmark::kMillisecond);

void BM_SliceAssignStep2_16MiB(benchmark::State& state) {
    Setup s(k16MiB);
    const Subscript every2 = slice(Item::none(), Item::none(), Item::integer(2));
    auto src = std::get<ViewPtr>(*s.src_view->get(every2));
    const AssignValue value = AssignValue::of_buffer(src);
    for (auto _ : state) {
        auto r = s.dst_view->set(every2, value);
        benchmark::DoNotOptimize(r.ok());
    }
    state.SetBytesProcessed(state.iterations() * (k16MiB / 2));
}
BENCHMARK(BM_SliceAssignStep2_16MiB)->Unit(benchmark::kMillisecond);

void BM_SliceAssignStepMinus1_16MiB(benchmark::State& state) {
    Setup s(k16MiB);
    const Subscript rev = slice(Item::none(), Item::none(), Item::integer(-1));
    const AssignValue value = AssignValue::of_buffer(s.src_view);
    for (auto _ : state) {
        auto r = s.dst_view->set(rev, value);
        benchmark::DoNotOptimize(r.ok());
    }
    state.SetBytesProcessed(state.iterations() * k16MiB);
}
BENCHMARK(BM_SliceAssignStepMinus1_16MiB)->Unit(benchmark::kMillisecond);

void BM_CastITolist1MiB(benchmark::State& state) {
    Setup s(k1MiB);
    auto as_uint = *s.src_view->cast("I");
    for (auto _ : state) {
        auto list = as_uint->tolist();
        benchmark::DoNotOptimize(list.ok());
    }
    state.SetBytesProcessed(state.iterations() * k1MiB);
    state.SetItemsProcessed(state.iterations() * (k1MiB / 4));
}
BENCHMARK(BM_CastITolist1MiB)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
