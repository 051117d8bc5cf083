// frame_bench: CPU time of one frame of the app's UI (native, Google Benchmark).
//
// The whole UI (menu, timeline, code, canvas, inspector, console, lessons) is
// built by ImGui and turned into draw lists, exactly as in the app; only the
// GPU upload is left out (headless ImGui context, font atlas built in memory).
//
//   Frame/Still        a 1 MiB bytearray with 64 overlapping strided views, at rest,
//                      showing the rows at 512 KiB (16 views cover every row there)
//   Frame/Scrolling    the same, one row further every frame from 512 KiB on
//                      (new rows every frame: row-windowed scenes rebuilt)
//
// Goal (issue 6): under 8 ms per frame.
#include <benchmark/benchmark.h>

#include <imgui.h>

#include <cstdio>
#include <cstdlib>

#include "imgui_app/app.hpp"

namespace {

// The same program as trace_bench's scene benchmark: 64 views over 1 MiB,
// starting every 16 KiB with steps 1..4, overlapping heavily.
constexpr const char* kViews = R"(ba = bytearray(1 << 20)
mv = memoryview(ba)
views = [mv[k * 16384 : k * 16384 + 262144 : k % 4 + 1] for k in range(64)]
n = len(views)
)";

constexpr float kWidth = 1600, kHeight = 1000;
constexpr int64_t kMiddle = 512 * 1024;

struct Headless {
    app::App app;
    double now = 0;

    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(kWidth, kHeight);
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas
        app::apply_style(1.0f);
        app.source = kViews;
        app::run_program(app);
        if (app.session->error()) {
            std::fprintf(stderr, "bench program failed: %s\n", app.session->traceback().c_str());
            std::abort();
        }
        app::seek(app, app.step_count);
        for (int i = 0; i < 3; ++i) frame(kMiddle);  // layout settles
    }
    ~Headless() { ImGui::DestroyContext(); }

    uint64_t ba_block() const {
        for (const auto& b : app.overview.blocks)
            for (const auto& n : b.names)
                if (n.name == "ba") return b.id;
        std::abort();
    }

    // One frame, the canvas scrolled to `offset` of ba when given.
    size_t frame(int64_t offset = -1) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        now += io.DeltaTime;
        app.now = now;
        const app::Rect& c = app.layout.canvas;
        io.MousePos = ImVec2(c.x + 40, c.y + c.h * 0.5f);  // over the address gutter
        if (offset >= 0) app.scroll_to = app::ByteHit{ba_block(), static_cast<uint64_t>(offset)};
        ImGui::NewFrame();
        app::draw_app(app, kWidth, kHeight);
        ImGui::Render();
        return static_cast<size_t>(ImGui::GetDrawData()->TotalVtxCount);
    }
};

Headless& headless() {
    static Headless h;
    return h;
}

void BM_FrameStill(benchmark::State& state) {
    Headless& h = headless();
    size_t vertices = 0;
    h.frame(kMiddle);
    for (auto _ : state) vertices = h.frame();
    state.counters["vertices"] = static_cast<double>(vertices);
}
BENCHMARK(BM_FrameStill)->Name("Frame/Still")->Unit(benchmark::kMillisecond);

void BM_FrameScrolling(benchmark::State& state) {
    Headless& h = headless();
    size_t vertices = 0;
    int64_t offset = kMiddle;
    for (auto _ : state) {
        offset = offset + 16 < (int64_t{1} << 20) ? offset + 16 : kMiddle;
        vertices = h.frame(offset);
    }
    state.counters["vertices"] = static_cast<double>(vertices);
}
BENCHMARK(BM_FrameScrolling)->Name("Frame/Scrolling")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
