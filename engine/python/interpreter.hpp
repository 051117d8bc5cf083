// The evaluator: runs a parsed Module over the runtime's Values.
//
//     RunOptions opts;
//     opts.output = [&](std::string_view s) { out += s; };
//     Interpreter interp(opts);
//     Result<void> r = interp.run(source);   // r.error(): type, message, innermost line
//     interp.traceback();                     // frames, outermost first
//
// Ownership and lifetimes: the BufferContext outlives every Value the run
// made. Temporaries are C++ temporaries, so they die at the end of the
// expression that made them; locals die when their frame returns; a rebinding
// or `del` drops the old Value at once. That is what makes memoryview exports
// lift at the same line as in CPython.
//
// Budgets: a step budget (statements, loop iterations and the runtime's
// per-item ticks; past it -> TimeoutError at that line), a recursion limit
// (1000 frames like CPython -> RecursionError), a C++ stack guard, and the
// buffer layer's memory budget (MemoryError).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/buffer/context.hpp"
#include "engine/core/result.hpp"
#include "engine/python/ast.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

struct RunOptions {
    int64_t step_budget = 20'000'000;
    int recursion_limit = 1000;
    uint64_t memory_budget = uint64_t{256} << 20;
    // Bytes of C++ stack the evaluator may use before it raises RecursionError
    // (the host's stack must be larger). 0 disables the guard.
    uint64_t stack_limit = 0;
    std::string filename = "<string>";
    std::function<void(std::string_view)> output;  // print(); default: collected in output()
    std::function<void(int line)> line_hook;       // called for each executed line
    // Called for each variable a subscript's index or slice bounds mention
    // (`mv[left]`, `buf[a:a + n]`, `data[i] = x`), with the subscripted object,
    // before the item is read or written. For the trace's carets.
    std::function<void(std::string_view name, const Value& object)> index_hook;
};

// Where on its line an exception was raised: the expression being evaluated,
// as CPython's traceback underlines it (1-based byte columns; 0: unknown).
// Binary operators and subscripts also keep their operands' ends, the
// traceback's ~~~^^^ anchors.
struct SourceSpan {
    enum class Anchor { None, Binary, Subscript };
    int col = 0, end_line = 0, end_col = 0;
    Anchor anchor = Anchor::None;
    int left_end = 0;     // end of the left operand / of the subscripted value
    int right_begin = 0;  // Binary: start of the right operand
    int right_end = 0;    // Subscript: end of the index
};

struct TracebackEntry {
    std::string function;  // "<module>", "describe", "<lambda>"
    int line = 0;
    SourceSpan span;       // the expression on that line (carets), if known
};

struct Frame;
class UserFunction;
class GeneratorObject;
struct ResumePoint;

class Interpreter final : public Interp {
public:
    explicit Interpreter(RunOptions options = {});
    ~Interpreter() override;
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // Parses and runs a program. A second call runs in the same globals.
    Result<void> run(std::string_view source);

    // After a failed run: the frames the exception passed, outermost first.
    const std::vector<TracebackEntry>& traceback() const { return traceback_; }
    // The last line of CPython's traceback: "KeyError: 'x'", "AssertionError".
    static std::string format_exception_line(const Error& error);
    // CPython's whole traceback text for an error of the last run.
    std::string format_traceback(const Error& error) const;

    const std::string& output() const { return output_; }
    std::optional<Value> global(std::string_view name) const;

    // Every bound variable of the live frames: depth 0 is the module
    // ("<module>"), then each active function or comprehension frame
    // ("<listcomp>", "<genexpr>" as CPython names them), outermost first, with
    // its variables in binding order. For the trace's names (line hook time).
    using FrameVisitor = std::function<void(std::string_view function, int depth,
                                            std::string_view name, const Value& value)>;
    void visit_frames(const FrameVisitor& fn) const;
    int64_t steps() const { return steps_; }
    // Active function and comprehension frames (visit_frames' deepest depth).
    int active_depth() const { return static_cast<int>(active_.size()); }

    // Interp
    void write_output(std::string_view text) override;
    engine::BufferContext& buffer_context() override { return buffers_; }
    Result<void> tick() override;
    void exception_swallowed() override {
        traceback_.clear();
        raised_value_.reset();
    }
    void attribute_missing(const Error& error, const Value& obj, std::string_view name) override;

    // Used by function and generator objects (call.cpp, comprehension.cpp).
    Result<Value> call_user(const UserFunction& fn, CallArgs args);
    void end_frame(std::shared_ptr<Frame> frame);
    Result<void> enter_call(int line);
    void leave_call() { --depth_; }
    // Frames whose variables visit_frames lists: functions and running comprehensions.
    void push_active(const Frame* frame) { active_.push_back(frame); }
    void pop_active() { active_.pop_back(); }
    Error leave_scope_with(Error error, const char* name, int line);

    // ---- evaluation (eval.cpp, exec.cpp) ----
    Result<Value> eval(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<void> assign(const Expr& target, Value value, const std::shared_ptr<Frame>& f);

private:
    enum class Flow { Normal, Break, Continue, Return, Yield };

    Result<Value> eval_inner(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_operator(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<void> eval_args(const Expr& e, const Value& callee, CallArgs& args,
                           const std::shared_ptr<Frame>& f);
    Result<void> bind_args(const UserFunction& fn, CallArgs& args, Frame& frame);
    Result<Flow> exec_assert(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_simple(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Value> eval_constant(const Expr& e);
    Result<Value> eval_name(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_fstring(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_boolop(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_compare(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_call(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_super(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_subscript_key(const Expr& e, const std::shared_ptr<Frame>& f);
    void report_index(const Expr& index, const Value& object);  // options_.index_hook
    Result<Value> eval_display(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_listcomp(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> eval_genexp(const Expr& e, const std::shared_ptr<Frame>& f);
    Result<Value> make_function(const std::shared_ptr<FunctionSpec>& spec,
                                const std::shared_ptr<Frame>& f);
    Result<void> comp_level(const Expr& e, size_t level, const Value& iter,
                            const std::shared_ptr<Frame>& cf, std::vector<Value>& out);
    Result<void> unpack(const Expr& target, const Value& value, const std::shared_ptr<Frame>& f);
    Result<void> unpack_starred(const Expr& target, size_t star, const Value& value,
                                const std::shared_ptr<Frame>& f);
    Result<void> store_name(const std::string& name, Value value, const std::shared_ptr<Frame>& f);
    Result<void> delete_target(const Expr& target, const std::shared_ptr<Frame>& f);

    Result<Flow> exec_block(const Block& block, const std::shared_ptr<Frame>& f);
    Result<Flow> exec(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_inner(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_assign(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_augassign(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_while(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_while_else(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_for(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_try(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<bool> handler_matches(const Error& error, const Value& spec, int depth);
    Result<Flow> exec_class(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_with(const Stmt& s, size_t item, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_raise(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_import(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_yield(const Stmt& s, const std::shared_ptr<Frame>& f);
    Result<Flow> yield_from_step(const Stmt& s, Value sub, const std::shared_ptr<Frame>& f);
    Result<Flow> exec_try_finally(const Stmt& s, Result<Flow> outcome, ResumePoint* rp,
                                  const std::shared_ptr<Frame>& f);
    Result<Flow> run_handler(const Handler& h, Error error, Value exc, bool resumed,
                             const std::shared_ptr<Frame>& f);
    // Generators (generator.cpp): the resume path being re-entered, outermost
    // point last; each level takes its own.
    ResumePoint take_resume();
    void suspend(ResumePoint point);
    size_t take_index();
    int take_phase();
    int take_value(Value& out);  // returns the phase
    void suspend_at(size_t index, int phase);
    void suspend_value(Value value);
    Result<Value> make_generator(const UserFunction& fn, std::shared_ptr<Frame> frame);
    Result<void> line_event(int line, const std::shared_ptr<Frame>& f);

    // "Did you mean" hints (hints.cpp). A NameError / AttributeError the
    // runtime raised keeps what its hint is chosen from, as CPython keeps the
    // name (and obj) on the exception; the hint is computed only when the
    // traceback is printed, and str(e) never has it.
    struct HintContext {
        ExcType type = ExcType::NameError;
        std::string message;  // matches the Error printed
        std::string name;
        std::vector<std::string> locals;  // NameError: the raising frame's local names
        std::shared_ptr<const std::vector<std::string>> dir;  // AttributeError: dir(obj)
    };
    Error name_error(const std::string& name, const Frame& f, std::string message);
    std::string hint_for(const Error& error) const;  // ". Did you mean: 'x'?" or ""
    std::optional<HintContext> hint_;

    Value exception_value(const Error& error);
    Error stamp(Error error, int line);
    Error stamp(Error error, const Expr& at);  // line and span of the expression that raised
    // The span of the error in flight in the current frame, set with its line
    // by stamp (kept here, not in Error, so every Result stays small).
    SourceSpan span_;

    // Members are destroyed in reverse order: buffers_ last, after every Value.
    RunOptions options_;
    engine::BufferContext buffers_;
    std::vector<std::unique_ptr<Module>> modules_;
    std::shared_ptr<Frame> globals_;
    std::unordered_map<const Expr*, Value> constants_;
    std::string output_;
    int64_t steps_ = 0;
    int depth_ = 0;
    const char* stack_base_ = nullptr;
    std::vector<TracebackEntry> traceback_;
    // Function and comprehension frames being executed, outermost first.
    std::vector<const Frame*> active_;
    std::string source_;
    // The instance a `raise` statement raised, while its Error is in flight.
    std::optional<Value> raised_value_;
    Error raised_error_;
    // Exceptions being handled (innermost last), for a bare `raise`.
    std::vector<std::pair<Error, Value>> handling_;
    Value return_value_;
    // The generator whose body is running (innermost), and while it is being
    // re-entered after a yield, its saved path (null otherwise).
    GeneratorObject* gen_ = nullptr;
    std::vector<ResumePoint>* resume_ = nullptr;
    bool closing_ = false;  // ~Interpreter: generators are not closed any more
    // The class name of the last uncaught exception when it was a user
    // exception class (format_traceback's last line); empty otherwise.
    std::string uncaught_class_;

    friend class UserFunction;
    friend class GeneratorExpression;
    friend class GeneratorObject;
};

}  // namespace engine::py
