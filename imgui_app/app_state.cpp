// Running the program and moving between steps: everything that changes the
// App outside of drawing.
#include <algorithm>

#include <fmt/format.h>

#include "imgui_app/app.hpp"

namespace app {

namespace {

void rebuild_console(App& app) {
    app.console.clear();
    const auto& trace = app.session->trace();
    for (int64_t s = 0; s <= trace.step_count(); ++s) {
        for (const auto& e : trace.events(s)) {
            if (e.kind != engine::trace::EventKind::Print) continue;
            // print() output arrives in pieces; split it into lines, tagged with the step.
            std::string text = trace.text(e.text);
            size_t start = 0;
            while (start < text.size()) {
                const size_t nl = text.find('\n', start);
                const size_t end = nl == std::string::npos ? text.size() : nl;
                if (!app.console.empty() && !app.console.back().error &&
                    app.console.back().text.back() != '\n' && app.console.back().step == s) {
                    app.console.back().text += text.substr(start, end - start);
                } else {
                    app.console.push_back({text.substr(start, end - start), s, false});
                }
                if (nl != std::string::npos) app.console.back().text += '\n';
                start = end + (nl == std::string::npos ? 0 : 1);
            }
        }
    }
    for (auto& line : app.console)
        if (!line.text.empty() && line.text.back() == '\n') line.text.pop_back();
    if (app.session->error()) {
        std::string tb = app.session->traceback();
        if (tb.empty()) tb = app.session->exception_line();
        app.console.push_back({tb, app.step_count, true});
    }
}

}  // namespace

void run_program(App& app) {
    const int64_t keep = app.step;
    engine::session::SessionOptions options;
    options.filename = app.file_path.empty() ? "playground.py" : app.file_path;
    options.step_budget = 2'000'000;
    // The evaluator's C++ stack guard: under the wasm stack (16 MiB, cmake/BufviewOptions.cmake)
    // and under a desktop main thread's usual 8 MiB. Past it: RecursionError, never a crash.
#ifdef __EMSCRIPTEN__
    options.stack_limit = 12u << 20;
#else
    options.stack_limit = 6u << 20;
#endif
    app.session = std::make_unique<engine::session::Session>(options);
    app.session->load(app.source);
    app.session->run();
    app.ran_source = app.source;
    app.edited_at = -1.0;
    app.step_count = app.session->step_count();
    app.step = -1;  // force a rebuild
    rebuild_console(app);
    seek(app, keep > 0 ? std::min(keep, app.step_count) : 1);
}

void load_program(App& app, std::string source, const std::string& file_path) {
    app.source = std::move(source);
    app.file_path = file_path;
    app.saved_source = file_path.empty() ? std::string() : app.source;
    app.selection.reset();
    app.step = 0;
    run_program(app);
}

void seek(App& app, int64_t n) {
    if (!app.session) return;
    n = std::clamp<int64_t>(n, app.step_count > 0 ? 1 : 0, app.step_count);
    if (n == app.step) return;
    app.step = n;
    engine::scene::SceneOptions overview;
    overview.bytes = false;
    overview.row_begin = 0;
    overview.row_end = 0;
    app.overview = app.session->scene(n, overview);
    app.block_scenes.clear();
    app.stepped_at = app.now;
    if (app.selected_view && !find_view(app, app.selected_view)) app.selected_view = 0;
    if (!app.selected_view) {
        // Select the newest live view so the inspector has something to show.
        for (const auto& v : app.overview.views)
            if (v.state == engine::trace::ViewState::Alive) app.selected_view = v.id;
    }
}

void apply_edit(App& app, const CodeEdit& edit) {
    std::vector<int> old_lines;
    if (app.session)
        for (int64_t s = 1; s <= app.step_count; ++s) old_lines.push_back(app.session->line_of(s));
    const int64_t old_step = app.step;
    app.source = edit.source;
    run_program(app);
    std::vector<int> new_lines;
    for (int64_t s = 1; s <= app.step_count; ++s) new_lines.push_back(app.session->line_of(s));
    seek(app, step_after_edit(old_lines, old_step, new_lines, edit));
    app.selection.reset();
    app.status = fmt::format("line {}: {}", edit.inserted_line, edit.statement);
}

void rerun_if_edited(App& app, double delay) {
    if (app.edited_at >= 0.0 && app.now - app.edited_at >= delay && app.source != app.ran_source)
        run_program(app);
}

namespace {
std::string json_escape(const std::string& s) {
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') out += '\\', out += ch;
        else if (c == '\n') out += "\\n";
        else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += ch;
    }
    return out;
}
}  // namespace

std::string probe_json(const std::vector<ProbeItem>& items) {
    std::string out = "[\n";
    for (size_t i = 0; i < items.size(); ++i) {
        const ProbeItem& p = items[i];
        const uint32_t c = p.colour;  // ImU32 is 0xAABBGGRR
        out += fmt::format(
            "  {{\"kind\": \"{}\", \"block\": {}, \"offset\": {}, \"view\": \"{}\", \"state\": \"{}\", "
            "\"shared\": {}, \"written\": {}, \"rgb\": [{}, {}, {}], \"rect\": [{:.1f}, {:.1f}, {:.1f}, {:.1f}]",
            p.kind, p.block, p.offset, json_escape(p.view), p.state, p.shared ? "true" : "false",
            p.written ? "true" : "false", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, p.x0, p.y0, p.x1, p.y1);
        if (!p.panel.empty())
            out += fmt::format(", \"text\": \"{}\", \"text_w\": {:.1f}, \"elided\": {}, \"clipped\": {}, "
                               "\"panel\": \"{}\", \"panel_rect\": [{:.1f}, {:.1f}, {:.1f}, {:.1f}]",
                               json_escape(p.text), p.text_w, p.elided ? "true" : "false",
                               p.clipped ? "true" : "false", json_escape(p.panel), p.px0, p.py0, p.px1, p.py1);
        out += i + 1 < items.size() ? "},\n" : "}\n";
    }
    return out + "]\n";
}

const engine::scene::SceneView* find_view(const App& app, uint64_t id) {
    for (const auto& v : app.overview.views)
        if (v.id == id) return &v;
    return nullptr;
}

}  // namespace app
