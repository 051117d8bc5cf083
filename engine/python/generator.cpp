// Generator functions: the generator object, the yield statement and the
// resume path (see generator.hpp).
#include "engine/python/generator.hpp"

#include "engine/python/frame.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

ResumePoint Interpreter::take_resume() {
    ResumePoint p = std::move(resume_->back());
    resume_->pop_back();
    return p;
}

void Interpreter::suspend(ResumePoint point) { gen_->saved.push_back(std::move(point)); }

// Small out-of-line forms, so the recursive exec path keeps a small C++ frame.
[[gnu::noinline]] size_t Interpreter::take_index() { return take_resume().index; }
[[gnu::noinline]] int Interpreter::take_phase() { return take_resume().phase; }
[[gnu::noinline]] int Interpreter::take_value(Value& out) {
    ResumePoint p = take_resume();
    out = std::move(p.value);
    return p.phase;
}
[[gnu::noinline]] void Interpreter::suspend_at(size_t index, int phase) {
    suspend(ResumePoint{.index = index, .phase = phase});
}
[[gnu::noinline]] void Interpreter::suspend_value(Value value) {
    suspend(ResumePoint{.value = std::move(value)});
}

Result<Value> Interpreter::make_generator(const UserFunction& fn, std::shared_ptr<Frame> frame) {
    auto gen = std::make_shared<GeneratorObject>(*this, std::move(frame), fn.shared_from_this());
    return Value::wrap(std::shared_ptr<IteratorObject>(std::move(gen)));
}

// `yield v`, `x = yield v`, `yield from it`, `x = yield from it`.
Result<Interpreter::Flow> Interpreter::exec_yield(const Stmt& s, const std::shared_ptr<Frame>& f) {
    const Expr& y = *s.value;
    Value result;
    if (resume_) {
        ResumePoint rp = take_resume();
        resume_ = nullptr;  // the innermost point: from here on the body runs
        if (y.kind == ExprKind::YieldFrom) return yield_from_step(s, std::move(rp.value), f);
        if (gen_->thrown) {
            Error err = std::move(*gen_->thrown);
            gen_->thrown.reset();
            if (gen_->thrown_value) raised_value_ = std::move(*gen_->thrown_value);
            gen_->thrown_value.reset();
            raised_error_ = err;
            err.line = 0;  // raised at the yield
            return err;
        }
        result = std::move(gen_->sent);
        gen_->sent = Value();
    } else {
        if (y.kind == ExprKind::YieldFrom) {
            BV_TRY(iterable, eval(*y.a, f));
            BV_TRY(sub, get_iter(*this, iterable));
            iterable = Value();
            return yield_from_step(s, std::move(sub), f);
        }
        Value v;
        if (y.a) {
            BV_TRY(r, eval(*y.a, f));
            v = std::move(r);
        }
        gen_->yielded = std::move(v);
        suspend(ResumePoint{});
        return Flow::Yield;
    }
    for (const auto& target : s.targets) BV_CHECK(assign(*target, result, f));
    return Flow::Normal;
}

// One step of `yield from sub`: pass the sent value (or the thrown
// exception) on; yield what it yields; when it ends, its return value is the
// statement's value.
Result<Interpreter::Flow> Interpreter::yield_from_step(const Stmt& s, Value sub,
                                                       const std::shared_ptr<Frame>& f) {
    Value sent = std::move(gen_->sent);
    gen_->sent = Value();
    std::optional<Error> thrown = std::move(gen_->thrown);
    std::optional<Value> thrown_value = std::move(gen_->thrown_value);
    gen_->thrown.reset();
    gen_->thrown_value.reset();
    GeneratorObject* inner = nullptr;
    if (sub.is(Kind::Iterator)) inner = dynamic_cast<GeneratorObject*>(&sub.obj<IteratorObject>());
    Value result;
    bool yielded = false;
    if (thrown) {
        auto raise_here = [&]() -> Error {
            if (thrown_value) raised_value_ = std::move(*thrown_value);
            raised_error_ = *thrown;
            Error err = std::move(*thrown);
            err.line = 0;
            return err;
        };
        if (!inner) return raise_here();
        if (thrown->type == ExcType::GeneratorExit) {  // close the sub-generator, then ourselves
            BV_CHECK(inner->close());
            return raise_here();
        }
        auto step = inner->resume(Value(), std::move(*thrown), std::move(thrown_value));
        if (!step) return stamp(std::move(step).error(), *s.value);
        yielded = step->yielded;
        result = std::move(step->value);
    } else if (inner) {
        auto step = inner->resume(std::move(sent), std::nullopt, std::nullopt);
        if (!step) return stamp(std::move(step).error(), *s.value);
        yielded = step->yielded;
        result = std::move(step->value);
    } else {
        if (!sent.is_none()) {
            return raise(ExcType::AttributeError,
                         "'" + type_name(sub) + "' object has no attribute 'send'");
        }
        auto item = iter_next(*this, sub);
        if (!item) return stamp(std::move(item).error(), *s.value);
        if (*item) {
            yielded = true;
            result = std::move(**item);
        }
    }
    if (yielded) {
        gen_->yielded = std::move(result);
        suspend(ResumePoint{.value = std::move(sub)});
        return Flow::Yield;
    }
    sub = Value();
    for (const auto& target : s.targets) BV_CHECK(assign(*target, result, f));
    return Flow::Normal;
}

// ---- the generator object ------------------------------------------------------

GeneratorObject::GeneratorObject(Interpreter& interp, std::shared_ptr<Frame> frame,
                                 std::shared_ptr<const UserFunction> function)
    : interp_(&interp), frame_(std::move(frame)), function_(std::move(function)) {
    if (frame_) gc_track(frame_->gc_head, kFrameGc, frame_);  // a cycle through its locals
}

GeneratorObject::~GeneratorObject() {
    // Deleted while suspended: CPython closes it, so its finally blocks and
    // with-exits run now (errors there are only reported on stderr).
    if (state_ == State::Suspended && !interp_->closing_) close_quietly();
    finish();
}

void GeneratorObject::close_quietly() {
    Interpreter& in = *interp_;
    auto saved_traceback = std::move(in.traceback_);
    auto saved_raised = std::move(in.raised_value_);
    Error saved_error = in.raised_error_;
    SourceSpan saved_span = in.span_;
    Value saved_return = std::move(in.return_value_);
    auto r = close();
    (void)r;
    in.traceback_ = std::move(saved_traceback);
    in.raised_value_ = std::move(saved_raised);
    in.raised_error_ = saved_error;
    in.span_ = saved_span;
    in.return_value_ = std::move(saved_return);
}

void GeneratorObject::gc_traverse(GcVisitor& visit) const {
    if (frame_) visit.visit(frame_.get());
    if (function_) visit.visit(static_cast<const Callable*>(function_.get()));
    for (const ResumePoint& p : saved) {
        visit(p.value);
        visit(p.exc);
        visit(p.saved_return);
    }
    visit(yielded);
    visit(sent);
    if (thrown_value) visit(*thrown_value);
    if (just_returned_) visit(*just_returned_);
}

bool GeneratorObject::gc_needs_finalize() const {
    return state_ == State::Suspended && !gc_finalized_ && !interp_->closing_;
}

void GeneratorObject::gc_finalize() {
    gc_finalized_ = true;
    close_quietly();
}

void GeneratorObject::gc_clear() {
    if (state_ == State::Running) return;
    finish();  // a suspended one here was finalized already (or the run is ending)
    thrown.reset();
    thrown_value.reset();
    just_returned_.reset();
}

void GeneratorObject::finish() {
    state_ = State::Done;
    saved.clear();
    yielded = Value();
    sent = Value();
    if (frame_) interp_->end_frame(std::move(frame_));  // the locals die now
    frame_.reset();
}

std::string GeneratorObject::repr_name() const { return function_->spec().qualname; }

Result<GeneratorObject::Step> GeneratorObject::resume(Value send_value,
                                                      std::optional<Error> throw_error,
                                                      std::optional<Value> throw_value) {
    Interpreter& in = *interp_;
    just_returned_.reset();
    if (state_ == State::Running) return raise(ExcType::ValueError, "generator already executing");
    if (state_ == State::Done) {
        if (throw_error) {
            if (throw_value) in.raised_value_ = std::move(*throw_value);
            in.raised_error_ = *throw_error;
            return std::move(*throw_error);
        }
        return Step{};
    }
    if (state_ == State::Created && !throw_error && !send_value.is_none()) {
        return raise(ExcType::TypeError, "can't send non-None value to a just-started generator");
    }
    const FunctionSpec& spec = function_->spec();
    if (state_ == State::Created && throw_error) {  // raised before the first line
        finish();
        if (throw_value) in.raised_value_ = std::move(*throw_value);
        in.raised_error_ = *throw_error;
        Error e = std::move(*throw_error);
        in.traceback_.push_back({spec.name, spec.line, SourceSpan{}});
        e.line = 0;
        return e;
    }
    BV_CHECK(in.enter_call(spec.line));
    const bool started = state_ == State::Suspended;
    state_ = State::Running;
    sent = std::move(send_value);
    thrown = std::move(throw_error);
    thrown_value = std::move(throw_value);
    GeneratorObject* outer_gen = in.gen_;
    std::vector<ResumePoint>* outer_resume = in.resume_;
    in.gen_ = this;
    in.resume_ = started ? &saved : nullptr;
    in.active_.push_back(frame_.get());
    std::shared_ptr<Frame> frame = frame_;  // alive while the body runs
    auto flow = in.exec_block(spec.body, frame);
    in.active_.pop_back();
    in.gen_ = outer_gen;
    in.resume_ = outer_resume;
    in.leave_call();
    if (!flow) {
        Error e = std::move(flow).error();
        if (e.line == 0) e = in.stamp(std::move(e), frame->line);
        in.traceback_.push_back({spec.name, e.line, in.span_});
        e.line = 0;
        in.span_ = SourceSpan{};
        if (e.type == ExcType::StopIteration) {  // PEP 479
            e = raise(ExcType::RuntimeError, "generator raised StopIteration");
            in.raised_value_.reset();
        }
        frame.reset();
        finish();
        return e;
    }
    if (*flow == Interpreter::Flow::Yield) {
        state_ = State::Suspended;
        Value v = std::move(yielded);
        yielded = Value();
        return Step{true, std::move(v)};
    }
    Value result = std::move(in.return_value_);
    in.return_value_ = Value();
    frame.reset();
    finish();
    return Step{false, std::move(result)};
}

Result<std::optional<Value>> GeneratorObject::next(Interp&) {
    BV_TRY(step, resume(Value(), std::nullopt, std::nullopt));
    if (step.yielded) return std::optional<Value>(std::move(step.value));
    just_returned_ = std::move(step.value);
    return std::optional<Value>();
}

std::optional<Error> GeneratorObject::stop_error(Interp&) {
    if (!just_returned_ || just_returned_->is_none()) return std::nullopt;
    Value v = std::move(*just_returned_);
    just_returned_.reset();
    return stop_with(std::move(v));
}

Error GeneratorObject::stop_with(Value value) {
    Value exc = Value::exception(ExcType::StopIteration, {std::move(value)});
    Error err = error_from_raise(exc);
    interp_->raised_value_ = std::move(exc);
    interp_->raised_error_ = err;
    return err;
}

Result<void> GeneratorObject::close() {
    if (state_ == State::Created || state_ == State::Done) {
        finish();
        return ok();
    }
    if (state_ == State::Running) return raise(ExcType::ValueError, "generator already executing");
    auto step = resume(Value(), raise(ExcType::GeneratorExit, ""), std::nullopt);
    if (!step) {
        ExcType t = step.error().type;
        if (t == ExcType::GeneratorExit || t == ExcType::StopIteration) {
            interp_->exception_swallowed();
            return ok();
        }
        return std::move(step).error();
    }
    if (step->yielded) return raise(ExcType::RuntimeError, "generator ignored GeneratorExit");
    return ok();
}

namespace {

GeneratorObject& self_gen(const Value& self) {
    return static_cast<GeneratorObject&>(self.obj<IteratorObject>());
}

// The value a finished resume gives send()/throw(): StopIteration(value).
Result<Value> step_result(Interp& interp, GeneratorObject& g, Result<GeneratorObject::Step> step) {
    if (!step) return std::move(step).error();
    if (step->yielded) return std::move(step->value);
    if (step->value.is_none()) return raise(ExcType::StopIteration, "");
    (void)interp;
    return g.stop_with(std::move(step->value));
}

Result<Value> gen_send(Interp& interp, const Value& self, CallArgs& args) {
    if (args.args.size() != 1 || !args.kwargs.empty()) {
        return raise(ExcType::TypeError, "generator.send() takes exactly one argument (" +
                                             std::to_string(args.args.size()) + " given)");
    }
    GeneratorObject& g = self_gen(self);
    return step_result(interp, g, g.resume(std::move(args.args[0]), std::nullopt, std::nullopt));
}

Result<Value> gen_close(Interp&, const Value& self, CallArgs& args) {
    if (!args.args.empty() || !args.kwargs.empty()) {
        return raise(ExcType::TypeError, "generator.close() takes no arguments (" +
                                             std::to_string(args.args.size()) + " given)");
    }
    BV_CHECK(self_gen(self).close());
    return Value::none();
}

Result<Value> gen_throw(Interp& interp, const Value& self, CallArgs& args) {
    if (args.args.size() != 1 || !args.kwargs.empty()) {
        return raise(ExcType::NotImplementedError,
                     "generator.throw() with other than one argument is not supported in the "
                     "playground");
    }
    Value exc = args.args[0];
    if (exc.is(Kind::Type)) {
        auto made = call(interp, exc, std::vector<Value>{});
        if (!made) return std::move(made).error();
        exc = std::move(*made);
    }
    if (!exc.is(Kind::Exception) && !exc.is(Kind::Instance)) {
        return raise(ExcType::TypeError, "exceptions must derive from BaseException");
    }
    Error err = error_from_raise(exc);
    GeneratorObject& g = self_gen(self);
    return step_result(interp, g, g.resume(Value(), std::move(err), std::move(exc)));
}

}  // namespace

std::optional<Value> GeneratorObject::attribute(const Value& self, std::string_view name) const {
    if (name == "send") return bind_method(self, "send", gen_send);
    if (name == "close") return bind_method(self, "close", gen_close);
    if (name == "throw") return bind_method(self, "throw", gen_throw);
    if (name == "__name__") return Value::str(function_->spec().name);
    if (name == "__qualname__") return Value::str(function_->spec().qualname);
    return std::nullopt;
}

}  // namespace engine::py
