// Session: the glue the CLI, the app and the web bindings use.
//
//     Session s;
//     s.load(source);
//     bool ok = s.run();              // runs to the end or the first uncaught exception
//     s.step_count();                 // recorded steps, counting from 1
//     std::string j = s.scene_json(3, SceneOptions::rows(0, 64));
//     s.trace_json();  s.output();  s.error();  s.traceback();
//
// run() records a trace (engine/trace) with the interpreter's line hook: at
// each line the session finds the names that refer to buffers and views in
// every active frame (and in list/tuple/dict items), hands them and the blocks
// it sees to the recorder, and starts a new step. Scenes are built from the
// trace alone, so any step can be shown forwards or backwards without a re-run.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/core/result.hpp"
#include "engine/scene/scene.hpp"
#include "engine/trace/recorder.hpp"
#include "engine/trace/trace.hpp"

namespace engine::session {

struct SessionOptions {
    trace::RecordingBudget budget;
    int64_t step_budget = 20'000'000;
    uint64_t memory_budget = uint64_t{256} << 20;
    uint64_t stack_limit = 0;  // C++ stack bytes for the evaluator (0: no guard)
    std::string filename = "<string>";
};

class Session {
public:
    explicit Session(SessionOptions options = {});
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    void load(std::string source);  // forgets any previous run
    const std::string& source() const { return source_; }
    // Runs the loaded program with recording. False when it raised.
    bool run();

    bool ran() const { return recorder_ != nullptr; }
    int64_t step_count() const;
    int line_of(int64_t step) const;
    void seek(int64_t step);  // clamps to [0, step_count()]
    int64_t position() const;

    scene::Scene scene(int64_t step, const scene::SceneOptions& options = {});
    std::string scene_json(int64_t step, const scene::SceneOptions& options = {});
    std::string trace_json() const;

    const std::string& output() const { return output_; }
    const std::optional<Error>& error() const { return error_; }  // .line: its line
    const std::string& traceback() const { return traceback_; }   // CPython's text
    std::string exception_line() const;                           // "ValueError: ..."

    const trace::Trace& trace() const;
    trace::Trace& trace();

private:
    SessionOptions options_;
    std::string source_;
    std::unique_ptr<trace::Recorder> recorder_;
    std::string output_;
    std::optional<Error> error_;
    std::string traceback_;
};

}  // namespace engine::session
