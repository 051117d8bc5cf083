// Generator objects: a call of a function whose body yields.
//
// No threads, fibers or stack switching (the engine runs in WebAssembly):
// the generator owns its Frame, and a `yield` (only as a statement, or the
// right-hand side of an assignment, or `yield from` there) suspends by
// unwinding the C++ stack with Flow::Yield. On the way out each enclosing
// block, loop, if, try and with pushes a ResumePoint (the statement index,
// the live for-iterator, the try phase, the with manager); resume() re-enters
// the same blocks from the outermost point inward, and the yield statement
// continues with the sent value (or raises the thrown exception there).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/python/interpreter.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

struct Frame;
class UserFunction;

// One level of a suspended generator's statement path.
struct ResumePoint {
    size_t index = 0;  // Block: the statement being run
    int phase = 0;     // If/For/While: 0 body, 1 else; Try: see exec_try
    Value value;       // For: the iterator; With: the manager; yield from: the sub-iterator
    const Handler* handler = nullptr;  // Try, phase 1: the handler being run
    std::optional<Error> error;        // Try: the exception handled / pending for finally
    Value exc;                         // Try, phase 1: the exception instance being handled
    int flow = 0;                      // Try, phase 3: the pending Flow when no error
    Value saved_return;                // Try, phase 3
    std::vector<TracebackEntry> saved_traceback;
    SourceSpan saved_span;
};

class GeneratorObject final : public IteratorObject {
public:
    GeneratorObject(Interpreter& interp, std::shared_ptr<Frame> frame,
                    std::shared_ptr<const UserFunction> function);
    ~GeneratorObject() override;

    // The iteration protocol: nullopt when the body returns.
    Result<std::optional<Value>> next(Interp& interp) override;
    TypeId type_id() const override { return TypeId::Generator; }
    const char* type_name() const override { return "generator"; }
    std::string repr_name() const override;
    std::optional<Value> attribute(const Value& self, std::string_view name) const override;
    std::optional<Error> stop_error(Interp& interp) override;

    struct Step {
        bool yielded = false;  // false: the body returned `value`
        Value value;
    };
    // Runs the body to its next yield (sent: the value of the yield expression;
    // thrown: raised at the yield instead).
    Result<Step> resume(Value sent, std::optional<Error> thrown, std::optional<Value> thrown_value);
    // g.close(): GeneratorExit at the yield; finally blocks run.
    Result<void> close();

    // StopIteration(value), its instance in flight (e.value).
    Error stop_with(Value value);

    enum class State { Created, Suspended, Running, Done };
    State state() const { return state_; }

    // Used by the evaluator while the body runs.
    std::vector<ResumePoint> saved;
    Value yielded;
    Value sent;
    std::optional<Error> thrown;
    std::optional<Value> thrown_value;

    // The cycle collector (gc.hpp): the frame, the function, the saved
    // resume points; a suspended generator in a cycle is closed first.
    bool gc_holds() const override { return true; }
    void gc_traverse(GcVisitor& visit) const override;
    void gc_clear() override;
    bool gc_needs_finalize() const override;
    void gc_finalize() override;

private:
    void finish();
    void close_quietly();  // close() as a deletion runs it: errors only on stderr
    bool gc_finalized_ = false;

    Interpreter* interp_;
    std::shared_ptr<Frame> frame_;
    std::shared_ptr<const UserFunction> function_;
    State state_ = State::Created;
    std::optional<Value> just_returned_;  // the return value, for next()'s StopIteration
};

}  // namespace engine::py
