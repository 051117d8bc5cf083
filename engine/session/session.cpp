// Session: run with recording, then seek and build scenes from the trace.
#include "engine/session/session.hpp"

#include "engine/python/interpreter.hpp"
#include "engine/scene/trace_json.hpp"
#include "engine/session/frame_names.hpp"
#include "engine/session/variables.hpp"

namespace engine::session {

Session::Session(SessionOptions options) : options_(std::move(options)) {}
Session::~Session() = default;

void Session::load(std::string source) {
    source_ = std::move(source);
    recorder_.reset();
    output_.clear();
    error_.reset();
    traceback_.clear();
}

bool Session::run() {
    recorder_ = std::make_unique<trace::Recorder>(options_.budget);
    output_.clear();
    error_.reset();
    traceback_.clear();
    trace::Recorder& rec = *recorder_;

    py::RunOptions ro;
    ro.step_budget = options_.step_budget;
    ro.memory_budget = options_.memory_budget;
    ro.stack_limit = options_.stack_limit;
    ro.filename = options_.filename;
    ro.output = [&](std::string_view text) {
        output_ += text;
        rec.note_print(text);
    };
    py::Interpreter* interp_ptr = nullptr;
    std::vector<int> lines;  // the last line run at each frame depth
    auto end_step = [&] {
        if (!interp_ptr || !rec.recording()) return;
        rec.set_names(collect_names(*interp_ptr));
        rec.set_frames(collect_frames(*interp_ptr, rec, lines));
    };
    ro.line_hook = [&](int line) {
        end_step();
        rec.begin_step(line);
        if (interp_ptr) {
            lines.resize(static_cast<size_t>(interp_ptr->active_depth()) + 1, 0);
            lines.back() = line;
        }
    };
    ro.index_hook = [&](std::string_view name, const py::Value& object) {
        if (!interp_ptr || !rec.recording()) return;
        if (uint64_t target = buffer_target(object)) {
            rec.note_index_use(name, interp_ptr->active_depth(), target);
        }
    };
    {
        py::Interpreter interp(ro);
        interp_ptr = &interp;
        interp.buffer_context().set_observer(&rec);
        Result<void> r = interp.run(source_);
        if (!r) {
            error_ = r.error();
            traceback_ = interp.format_traceback(r.error());
            rec.note_exception(py::Interpreter::format_exception_line(r.error()), r.error().line);
        }
        end_step();
        rec.finish();
        // What the interpreter frees from here on is not part of the program's run.
        interp.buffer_context().set_observer(nullptr);
    }
    return !error_;
}

int64_t Session::step_count() const { return recorder_ ? trace().step_count() : 0; }

int Session::line_of(int64_t step) const {
    if (!recorder_ || step < 0 || step > step_count()) return 0;
    return trace().step(step).line;
}

void Session::seek(int64_t step) {
    if (recorder_) trace().seek(step);
}

int64_t Session::position() const { return recorder_ ? trace().position() : 0; }

scene::Scene Session::scene(int64_t step, const scene::SceneOptions& options) {
    if (!recorder_) return scene::Scene{};
    trace().seek(step);
    return scene::build_scene(trace(), options);
}

std::string Session::scene_json(int64_t step, const scene::SceneOptions& options) {
    return scene::scene_json(scene(step, options));
}

std::string Session::trace_json() const {
    if (!recorder_) return "{\"step_count\":0,\"steps\":[]}";
    return scene::trace_json(trace());
}

std::string Session::exception_line() const {
    return error_ ? py::Interpreter::format_exception_line(*error_) : std::string();
}

const trace::Trace& Session::trace() const { return recorder_->trace(); }
trace::Trace& Session::trace() { return recorder_->trace(); }

}  // namespace engine::session
