// Statements, assignment targets and exception handling.
#include "engine/python/frame.hpp"
#include "engine/python/generator.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/modules.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

// ---- assignment ---------------------------------------------------------------

Result<void> Interpreter::store_name(const std::string& name, Value value,
                                     const std::shared_ptr<Frame>& f) {
    Frame* target = f.get();
    if (target->kind == FrameKind::Function && target->is_global_decl(name)) {
        target = target->globals;
    } else if (target->kind == FrameKind::Function && target->is_nonlocal_decl(name)) {
        target = target->enclosing_owner(name);
    }
    auto it = target->vars.find(name);
    if (it != target->vars.end()) {
        // Rebinding: the old value dies here, after the new one is in place.
        Value old = std::move(it->second);
        it->second = std::move(value);
        return ok();
    }
    target->vars.emplace(name, std::move(value));
    target->order.push_back(name);
    return ok();
}

Result<void> Interpreter::assign(const Expr& target, Value value, const std::shared_ptr<Frame>& f) {
    switch (target.kind) {
        case ExprKind::Name:
            return store_name(target.name, std::move(value), f);
        case ExprKind::Attribute: {
            BV_TRY(obj, eval(*target.a, f));
            auto r = setattr(*this, obj, target.name, value);
            if (!r) return stamp(std::move(r).error(), target);
            return ok();
        }
        case ExprKind::Subscript: {
            BV_TRY(obj, eval(*target.a, f));
            BV_TRY(key, eval_subscript_key(*target.b, f));
            if (options_.index_hook) report_index(*target.b, obj);
            auto r = setitem(*this, obj, key, value);
            if (!r) return stamp(std::move(r).error(), target);
            return ok();
        }
        case ExprKind::Tuple:
        case ExprKind::List:
            return unpack(target, value, f);
        default:
            return raise(ExcType::SyntaxError, "cannot assign to expression");
    }
}

Result<void> Interpreter::unpack(const Expr& target, const Value& value,
                                 const std::shared_ptr<Frame>& f) {
    size_t star = target.items.size();
    for (size_t i = 0; i < target.items.size(); ++i)
        if (target.items[i]->kind == ExprKind::Starred) star = i;
    if (star < target.items.size()) return unpack_starred(target, star, value, f);
    const size_t want = target.items.size();
    auto iter = get_iter(*this, value);
    if (!iter) {
        if (iter.error().type == ExcType::TypeError) {
            return raise(ExcType::TypeError,
                         "cannot unpack non-iterable " + type_name(value) + " object");
        }
        return std::move(iter).error();
    }
    std::vector<Value> items;
    items.reserve(want);
    for (;;) {
        BV_TRY(item, iter_next(*this, *iter));
        if (!item) break;
        if (items.size() == want) {
            return raise(ExcType::ValueError,
                         "too many values to unpack (expected " + std::to_string(want) + ")");
        }
        items.push_back(std::move(*item));
    }
    if (items.size() < want) {
        return raise(ExcType::ValueError, "not enough values to unpack (expected " +
                                              std::to_string(want) + ", got " +
                                              std::to_string(items.size()) + ")");
    }
    for (size_t i = 0; i < want; ++i) {
        BV_CHECK(assign(*target.items[i], std::move(items[i]), f));
    }
    return ok();
}

// a, *rest, z = value: the starred target takes a list of what the others leave.
Result<void> Interpreter::unpack_starred(const Expr& target, size_t star, const Value& value,
                                         const std::shared_ptr<Frame>& f) {
    const size_t before = star, after = target.items.size() - star - 1;
    auto all = collect(*this, value);
    if (!all) {
        if (all.error().type == ExcType::TypeError) {
            return raise(ExcType::TypeError,
                         "cannot unpack non-iterable " + type_name(value) + " object");
        }
        return std::move(all).error();
    }
    std::vector<Value>& items = *all;
    if (items.size() < before + after) {
        return raise(ExcType::ValueError, "not enough values to unpack (expected at least " +
                                              std::to_string(before + after) + ", got " +
                                              std::to_string(items.size()) + ")");
    }
    const size_t rest_end = items.size() - after;
    for (size_t i = 0; i < before; ++i) BV_CHECK(assign(*target.items[i], std::move(items[i]), f));
    std::vector<Value> rest;
    for (size_t i = before; i < rest_end; ++i) rest.push_back(std::move(items[i]));
    BV_CHECK(assign(*target.items[star]->a, Value::list(std::move(rest)), f));
    for (size_t i = 0; i < after; ++i) {
        BV_CHECK(assign(*target.items[star + 1 + i], std::move(items[rest_end + i]), f));
    }
    return ok();
}

Result<void> Interpreter::delete_target(const Expr& target, const std::shared_ptr<Frame>& f) {
    switch (target.kind) {
        case ExprKind::Name: {
            Frame* frame = f.get();
            if (frame->kind == FrameKind::Function && frame->is_global_decl(target.name)) {
                frame = frame->globals;
            } else if (frame->kind == FrameKind::Function &&
                       frame->is_nonlocal_decl(target.name)) {
                frame = frame->enclosing_owner(target.name);
            }
            auto it = frame->vars.find(target.name);
            if (it == frame->vars.end()) {
                if (frame->kind == FrameKind::Function && frame->is_local(target.name)) {
                    return raise(ExcType::UnboundLocalError,
                                 "cannot access local variable '" + target.name +
                                     "' where it is not associated with a value");
                }
                return name_error(target.name, *f, "name '" + target.name + "' is not defined");
            }
            Value doomed = std::move(it->second);
            frame->vars.erase(it);
            frame->forget(target.name);
            return ok();  // `doomed` dies here: a view's export is released at this line
        }
        case ExprKind::Subscript: {
            BV_TRY(obj, eval(*target.a, f));
            BV_TRY(key, eval_subscript_key(*target.b, f));
            return delitem(*this, obj, key);
        }
        case ExprKind::Attribute:
            return raise(ExcType::AttributeError, "attribute deletion is not supported");
        case ExprKind::Tuple:
        case ExprKind::List:
            for (const auto& item : target.items) BV_CHECK(delete_target(*item, f));
            return ok();
        default:
            return raise(ExcType::SyntaxError, "cannot delete expression");
    }
}

// ---- statements ---------------------------------------------------------------

Result<void> Interpreter::line_event(int line, const std::shared_ptr<Frame>& f) {
    f->line = line;
    if (options_.line_hook) options_.line_hook(line);
    gc_maybe_collect();  // the cycle collector's threshold (gc.hpp)
    return tick();
}

Result<Interpreter::Flow> Interpreter::exec_block(const Block& block,
                                                  const std::shared_ptr<Frame>& f) {
    size_t i = 0;
    if (resume_) [[unlikely]] i = take_index();  // a generator re-entering
    for (; i < block.size(); ++i) {
        BV_TRY(flow, exec(*block[i], f));
        if (flow != Flow::Normal) {
            if (flow == Flow::Yield) suspend_at(i, 0);
            return flow;
        }
    }
    return Flow::Normal;
}

Result<Interpreter::Flow> Interpreter::exec(const Stmt& s, const std::shared_ptr<Frame>& f) {
    if (resume_) [[unlikely]] {
        f->line = s.line;  // re-entered after a yield: not a new line event
    } else {
        auto r = line_event(s.line, f);
        if (!r) return stamp(std::move(r).error(), s.line);
    }
    auto flow = exec_inner(s, f);
    if (!flow && flow.error().line == 0) return stamp(std::move(flow).error(), f->line);
    return flow;
}

Result<Interpreter::Flow> Interpreter::exec_inner(const Stmt& s, const std::shared_ptr<Frame>& f) {
    switch (s.kind) {
        case StmtKind::Assign:
            return exec_assign(s, f);
        case StmtKind::AugAssign:
            return exec_augassign(s, f);
        case StmtKind::While:
            return exec_while(s, f);
        case StmtKind::For:
            return exec_for(s, f);
        case StmtKind::Break:
            return Flow::Break;
        case StmtKind::Continue:
            return Flow::Continue;
        case StmtKind::Pass:
        case StmtKind::Global:
        case StmtKind::Nonlocal:
            return Flow::Normal;
        case StmtKind::Try:
            return exec_try(s, f);
        case StmtKind::Raise:
            return exec_raise(s, f);
        case StmtKind::With:
            return exec_with(s, 0, f);
        case StmtKind::Import:
        case StmtKind::ImportFrom:
            return exec_import(s, f);
        default:
            return exec_simple(s, f);
    }
}

// Expression statements, if, def, return, del, assert: out of exec_inner so
// that the recursive path keeps a small C++ frame.
[[gnu::noinline]] Result<Interpreter::Flow> Interpreter::exec_simple(
    const Stmt& s, const std::shared_ptr<Frame>& f) {
    switch (s.kind) {
        case StmtKind::Expr: {
            // The value (and every temporary) dies at the end of the statement.
            BV_TRY(v, eval(*s.value, f));
            (void)v;
            return Flow::Normal;
        }
        case StmtKind::Assign:
            return exec_assign(s, f);
        case StmtKind::AugAssign:
            return exec_augassign(s, f);
        case StmtKind::If: {
            bool t = false;
            if (resume_) {
                t = take_phase() == 0;
            } else {
                BV_TRY(test, eval(*s.value, f));
                BV_TRY(tr, truthy(test));
                t = tr;
            }
            BV_TRY(flow, exec_block(t ? s.body : s.orelse, f));
            if (flow == Flow::Yield) suspend_at(0, t ? 0 : 1);
            return flow;
        }
        case StmtKind::While:
            return exec_while(s, f);
        case StmtKind::For:
            return exec_for(s, f);
        case StmtKind::Break:
            return Flow::Break;
        case StmtKind::Continue:
            return Flow::Continue;
        case StmtKind::Pass:
            return Flow::Normal;
        case StmtKind::ClassDef:
            return exec_class(s, f);
        case StmtKind::FunctionDef: {
            // Decorators are evaluated first, then applied innermost first.
            std::vector<Value> decorators;
            for (const auto& d : s.targets) {
                BV_TRY(v, eval(*d, f));
                decorators.push_back(std::move(v));
            }
            BV_TRY(fn, make_function(s.fn, f));
            for (size_t i = decorators.size(); i-- > 0;) {
                f->line = s.targets[i]->line;
                auto r = call(*this, decorators[i], std::vector<Value>{std::move(fn)});
                if (!r) return stamp(std::move(r).error(), *s.targets[i]);
                fn = std::move(*r);
            }
            BV_CHECK(store_name(s.fn->name, std::move(fn), f));
            return Flow::Normal;
        }
        case StmtKind::Return: {
            Value v;
            if (s.value) {
                BV_TRY(r, eval(*s.value, f));
                v = std::move(r);
            }
            return_value_ = std::move(v);
            return Flow::Return;
        }
        case StmtKind::Try:
            return exec_try(s, f);
        case StmtKind::Raise:
            return exec_raise(s, f);
        case StmtKind::With:
            return exec_with(s, 0, f);
        case StmtKind::Import:
        case StmtKind::ImportFrom:
            return exec_import(s, f);
        case StmtKind::Delete:
            for (const auto& t : s.targets) {
                auto r = delete_target(*t, f);
                if (!r) return stamp(std::move(r).error(), *t);
            }
            return Flow::Normal;
        case StmtKind::Assert:
            return exec_assert(s, f);
        case StmtKind::Global:
        case StmtKind::Nonlocal:
            return Flow::Normal;
        case StmtKind::Yield:
            return exec_yield(s, f);
    }
    return Flow::Normal;
}

[[gnu::noinline]] Result<Interpreter::Flow> Interpreter::exec_assert(
    const Stmt& s, const std::shared_ptr<Frame>& f) {
    BV_TRY(test, eval(*s.value, f));
    BV_TRY(t, truthy(test));
    if (t) return Flow::Normal;
    std::vector<Value> args;
    if (s.target) {
        BV_TRY(msg, eval(*s.target, f));
        args.push_back(std::move(msg));
    }
    Value exc = Value::exception(ExcType::AssertionError, std::move(args));
    Error err = error_from_raise(exc);
    raised_value_ = std::move(exc);
    raised_error_ = err;
    return err;
}

Result<Interpreter::Flow> Interpreter::exec_assign(const Stmt& s, const std::shared_ptr<Frame>& f) {
    BV_TRY(value, eval(*s.value, f));
    for (const auto& target : s.targets) BV_CHECK(assign(*target, value, f));
    return Flow::Normal;
}

Result<Interpreter::Flow> Interpreter::exec_augassign(const Stmt& s,
                                                      const std::shared_ptr<Frame>& f) {
    const Expr& t = *s.target;
    switch (t.kind) {
        case ExprKind::Name: {
            BV_TRY(old, eval(t, f));
            BV_TRY(rhs, eval(*s.value, f));
            BV_TRY(result, inplace_op(*this, s.bin_op, old, rhs));
            old = Value();
            BV_CHECK(store_name(t.name, std::move(result), f));
            return Flow::Normal;
        }
        case ExprKind::Subscript: {
            BV_TRY(obj, eval(*t.a, f));
            BV_TRY(key, eval_subscript_key(*t.b, f));
            if (options_.index_hook) report_index(*t.b, obj);
            BV_TRY(old, getitem(*this, obj, key));
            BV_TRY(rhs, eval(*s.value, f));
            BV_TRY(result, inplace_op(*this, s.bin_op, old, rhs));
            old = Value();
            BV_CHECK(setitem(*this, obj, key, result));
            return Flow::Normal;
        }
        case ExprKind::Attribute: {
            BV_TRY(obj, eval(*t.a, f));
            auto got = getattr(*this, obj, t.name);
            if (!got) attribute_missing(got.error(), obj, t.name);
            BV_TRY(old, std::move(got));
            BV_TRY(rhs, eval(*s.value, f));
            BV_TRY(result, inplace_op(*this, s.bin_op, old, rhs));
            old = Value();
            BV_CHECK(setattr(*this, obj, t.name, result));
            return Flow::Normal;
        }
        default:
            return raise(ExcType::SyntaxError, "illegal expression for augmented assignment");
    }
}

Result<Interpreter::Flow> Interpreter::exec_while(const Stmt& s, const std::shared_ptr<Frame>& f) {
    bool first = true, resumed = false;
    if (resume_) [[unlikely]] {
        if (take_phase() == 1) return exec_while_else(s, f);
        resumed = true;
    }
    for (;;) {
        if (!resumed) {
            if (!first) {
                auto r = line_event(s.line, f);
                if (!r) return stamp(std::move(r).error(), s.line);
            }
            BV_TRY(test, eval(*s.value, f));
            BV_TRY(t, truthy(test));
            if (!t) break;
        }
        first = resumed = false;
        BV_TRY(flow, exec_block(s.body, f));
        if (flow == Flow::Break) return Flow::Normal;
        if (flow == Flow::Return) return flow;
        if (flow == Flow::Yield) {
            suspend_at(0, 0);
            return flow;
        }
    }
    return exec_while_else(s, f);
}

// The else block of a while or for loop (phase 1 of its resume point).
Result<Interpreter::Flow> Interpreter::exec_while_else(const Stmt& s,
                                                       const std::shared_ptr<Frame>& f) {
    BV_TRY(flow, exec_block(s.orelse, f));
    if (flow == Flow::Yield) suspend_at(0, 1);
    return flow;
}

Result<Interpreter::Flow> Interpreter::exec_for(const Stmt& s, const std::shared_ptr<Frame>& f) {
    Value iter;
    bool first = true, resumed = false;
    if (resume_) [[unlikely]] {
        if (take_value(iter) == 1) return exec_while_else(s, f);
        resumed = true;
    } else {
        BV_TRY(iterable, eval(*s.value, f));
        auto got = get_iter(*this, iterable);
        if (!got) return stamp(std::move(got).error(), s.line);  // CPython underlines nothing here
        iter = std::move(*got);
        iterable = Value();
    }
    for (;;) {
        if (!resumed) {
            if (!first) {
                auto r = line_event(s.line, f);
                if (!r) return stamp(std::move(r).error(), s.line);
            }
            auto item = iter_next(*this, iter);
            if (!item) return stamp(std::move(item).error(), s.line);
            if (!*item) break;
            BV_CHECK(assign(*s.target, std::move(**item), f));
        }
        first = resumed = false;
        BV_TRY(flow, exec_block(s.body, f));
        if (flow == Flow::Break) return Flow::Normal;
        if (flow == Flow::Return) return flow;
        if (flow == Flow::Yield) {
            suspend_value(std::move(iter));
            return flow;
        }
    }
    return exec_while_else(s, f);
}

Value Interpreter::exception_value(const Error& error) {
    if (raised_value_ && raised_error_.type == error.type &&
        raised_error_.message == error.message) {
        return *raised_value_;
    }
    return exception_from_error(error);
}

// `except spec`: built-in classes match by type; a user exception class
// matches the instance in flight when it is one of its instances.
Result<bool> Interpreter::handler_matches(const Error& error, const Value& spec, int depth) {
    if (const ClassObject* cls = as_class(spec)) {
        if (!cls->exc_base) {
            return raise(ExcType::TypeError,
                         "catching classes that do not inherit from BaseException is not allowed");
        }
        Value current = exception_value(error);
        const ClassObject* raised = instance_class(current);
        return raised != nullptr && raised->is_subclass_of(*cls);
    }
    if (spec.is(Kind::Tuple) && depth < 50) {
        bool hit = false;
        for (const auto& item : spec.obj<TupleObject>().items) {
            BV_TRY(m, handler_matches(error, item, depth + 1));
            hit = hit || m;
        }
        return hit;
    }
    return exception_matches(error.type, spec);
}

// class C(Base): the body runs in its own frame; what it binds, in binding
// order, becomes the class's attribute table.
Result<Interpreter::Flow> Interpreter::exec_class(const Stmt& s, const std::shared_ptr<Frame>& f) {
    std::vector<Value> decorators;
    for (const auto& d : s.targets) {
        BV_TRY(v, eval(*d, f));
        decorators.push_back(std::move(v));
    }
    Value base;
    if (s.value) {
        BV_TRY(b, eval(*s.value, f));
        base = std::move(b);
    }
    auto cf = std::make_shared<Frame>();
    cf->kind = FrameKind::Function;
    cf->spec = s.fn.get();
    cf->outer = f->kind == FrameKind::Module ? nullptr : f;
    cf->globals = f->globals;
    cf->line = s.line;
    BV_CHECK(enter_call(s.line));
    active_.push_back(cf.get());
    auto flow = exec_block(s.fn->body, cf);
    active_.pop_back();
    leave_call();
    if (!flow) {
        Error e = std::move(flow).error();
        if (e.line == 0) e = stamp(std::move(e), cf->line);
        traceback_.push_back({s.fn->name, e.line, span_});
        e.line = 0;
        span_ = SourceSpan{};
        return e;
    }
    std::vector<std::pair<std::string, Value>> attrs;
    for (const auto& name : cf->order) {
        auto it = cf->vars.find(name);
        if (it != cf->vars.end()) attrs.emplace_back(name, std::move(it->second));
    }
    cf->clear();
    BV_TRY(cls, make_class(s.fn->name, s.fn->qualname, base, std::move(attrs)));
    // Methods learn their class (zero-argument super()).
    const TypeObject& t = cls.obj<TypeObject>();
    for (const auto& [name, attr] : t.cls->attrs) {
        (void)name;
        for (const Value& fn : underlying_functions(attr)) {
            if (!fn.is(Kind::Function)) continue;
            if (auto* user = dynamic_cast<UserFunction*>(&fn.obj<Callable>())) user->set_owner(t.cls);
        }
    }
    for (size_t i = decorators.size(); i-- > 0;) {
        f->line = s.targets[i]->line;
        auto r = call(*this, decorators[i], std::vector<Value>{std::move(cls)});
        if (!r) return stamp(std::move(r).error(), *s.targets[i]);
        cls = std::move(*r);
    }
    BV_CHECK(store_name(s.fn->name, std::move(cls), f));
    return Flow::Normal;
}

// A try statement's resume point phase: 0 body, 1 a handler, 2 else, 3 finally.
Result<Interpreter::Flow> Interpreter::exec_try(const Stmt& s, const std::shared_ptr<Frame>& f) {
    int phase = 0;
    std::unique_ptr<ResumePoint> rp;  // on the heap: this frame is on the recursive path
    if (resume_) [[unlikely]] {
        rp = std::make_unique<ResumePoint>(take_resume());
        phase = rp->phase;
        if (phase == 3) return exec_try_finally(s, Flow::Normal, rp.get(), f);
    }
    Result<Flow> outcome = Flow::Normal;
    if (phase == 1) {
        outcome = run_handler(*rp->handler, std::move(*rp->error), std::move(rp->exc), true, f);
    } else {
        Result<Flow> body = phase == 0 ? exec_block(s.body, f) : Result<Flow>(Flow::Normal);
        if (body && *body == Flow::Yield) {
            suspend_at(0, 0);
            return body;
        }
        if (body) {
            outcome = std::move(body);
            if (*outcome == Flow::Normal) {
                outcome = exec_block(s.orelse, f);
                if (outcome && *outcome == Flow::Yield) {
                    suspend_at(0, 2);
                    return outcome;
                }
            }
        } else {
            Error error = std::move(body).error();
            const Handler* match = nullptr;
            for (const auto& h : s.handlers) {
                if (!h.type) {
                    match = &h;
                    break;
                }
                auto spec = eval(*h.type, f);
                if (!spec) {
                    outcome = std::move(spec).error();
                    break;
                }
                auto m = handler_matches(error, *spec, 0);
                if (!m) {
                    outcome = stamp(std::move(m).error(), h.line);
                    break;
                }
                if (*m) {
                    match = &h;
                    break;
                }
            }
            if (match != nullptr) {
                Value exc = exception_value(error);
                raised_value_.reset();
                traceback_.clear();
                outcome = run_handler(*match, std::move(error), std::move(exc), false, f);
            } else if (outcome) {
                outcome = std::move(error);
            }
        }
    }
    if (outcome && *outcome == Flow::Yield) return outcome;  // suspended in a handler
    if (s.finalbody.empty()) return outcome;
    return exec_try_finally(s, std::move(outcome), nullptr, f);
}

// An except block: the exception is being handled (bare `raise`), bound to
// its `as` name, which is deleted at the end of the block.
Result<Interpreter::Flow> Interpreter::run_handler(const Handler& h, Error error, Value exc,
                                                   bool resumed, const std::shared_ptr<Frame>& f) {
    handling_.emplace_back(std::move(error), exc);
    Result<void> bound = ok();
    if (!resumed && !h.name.empty()) bound = store_name(h.name, exc, f);
    exc = Value();
    Result<Flow> outcome = Flow::Normal;
    if (!bound) {
        outcome = std::move(bound).error();
    } else {
        outcome = exec_block(h.body, f);
    }
    auto handled = std::move(handling_.back());
    handling_.pop_back();
    if (outcome && *outcome == Flow::Yield) {
        suspend(ResumePoint{.phase = 1,
                            .handler = &h,
                            .error = std::move(handled.first),
                            .exc = std::move(handled.second)});
        return outcome;
    }
    if (!h.name.empty()) {
        // CPython deletes the `as` name at the end of the handler.
        Frame* frame = f.get();
        if (frame->kind == FrameKind::Function && frame->is_global_decl(h.name)) {
            frame = frame->globals;
        }
        auto it = frame->vars.find(h.name);
        if (it != frame->vars.end()) {
            Value doomed = std::move(it->second);
            frame->vars.erase(it);
            frame->forget(h.name);
        }
    }
    return outcome;
}

// finally: runs on every path; its own break/return/exception wins. `rp`:
// re-entered after a yield inside it (the pending outcome is in rp).
Result<Interpreter::Flow> Interpreter::exec_try_finally(const Stmt& s, Result<Flow> outcome,
                                                        ResumePoint* rp,
                                                        const std::shared_ptr<Frame>& f) {
    Value saved_return;
    std::vector<TracebackEntry> saved_traceback;
    SourceSpan saved_span;  // the exception in flight, if any, keeps its carets
    if (rp) {
        if (rp->error) {
            outcome = std::move(*rp->error);
        } else {
            outcome = static_cast<Flow>(rp->flow);
        }
        saved_return = std::move(rp->saved_return);
        saved_traceback = std::move(rp->saved_traceback);
        saved_span = rp->saved_span;
    } else {
        saved_return = return_value_;
        saved_traceback = traceback_;
        saved_span = span_;
    }
    auto fin = exec_block(s.finalbody, f);
    if (fin && *fin == Flow::Yield) {
        ResumePoint p{.phase = 3};
        if (!outcome) {
            p.error = std::move(outcome).error();
        } else {
            p.flow = static_cast<int>(*outcome);
        }
        p.saved_return = std::move(saved_return);
        p.saved_traceback = std::move(saved_traceback);
        p.saved_span = saved_span;
        suspend(std::move(p));
        return fin;
    }
    if (!fin) return std::move(fin).error();
    if (*fin != Flow::Normal) return fin;
    return_value_ = std::move(saved_return);
    traceback_ = std::move(saved_traceback);
    span_ = saved_span;
    return outcome;
}

Result<Interpreter::Flow> Interpreter::exec_raise(const Stmt& s, const std::shared_ptr<Frame>& f) {
    if (!s.value) {
        if (handling_.empty()) {
            return raise(ExcType::RuntimeError, "No active exception to reraise");
        }
        raised_value_ = handling_.back().second;
        raised_error_ = handling_.back().first;
        Error e = handling_.back().first;
        e.line = 0;  // re-raised here: the raise statement is the place
        return e;
    }
    BV_TRY(exc, eval(*s.value, f));
    if (s.target) {
        BV_TRY(cause, eval(*s.target, f));
        (void)cause;  // __cause__ only changes the traceback text above the last line
    }
    if (const ClassObject* cls = as_class(exc); cls && cls->exc_base) {
        BV_TRY(instance, call_class(*this, exc, CallArgs{}));  // raise C: C()
        exc = std::move(instance);
    }
    if (as_class(exc) || (exc.is(Kind::Instance) && !instance_class(exc)->exc_base))
        return raise(ExcType::TypeError, "exceptions must derive from BaseException");
    Error err = error_from_raise(exc);
    if (exc.is(Kind::Exception) || exc.is(Kind::Instance)) {
        raised_value_ = std::move(exc);
    } else if (!exc.is(Kind::Type)) {
        raised_value_.reset();  // not an exception: the TypeError travels alone
    } else {
        raised_value_ = exception_from_error(err);
        // A class raised bare (raise BufferError) has no args.
        if (raised_value_->is(Kind::Exception)) {
            auto& obj = raised_value_->obj<ExceptionObject>();
            if (err.message.empty()) obj.args.clear();
        }
    }
    raised_error_ = err;
    err.line = 0;
    return err;
}

Result<Interpreter::Flow> Interpreter::exec_with(const Stmt& s, size_t index,
                                                 const std::shared_ptr<Frame>& f) {
    if (index == s.items.size()) return exec_block(s.body, f);
    const WithItem& item = s.items[index];
    Value manager;
    if (resume_) [[unlikely]] {
        take_value(manager);
    } else {
        BV_TRY(m, eval(*item.context, f));
        manager = std::move(m);
        BV_TRY(entered, context_enter(*this, manager));
        if (item.target) {
            auto bound = assign(*item.target, std::move(entered), f);
            if (!bound) {
                auto exit = context_exit(*this, manager);
                return std::move(bound).error();
            }
        } else {
            entered = Value();
        }
    }
    auto flow = exec_with(s, index + 1, f);
    if (flow && *flow == Flow::Yield) {
        suspend_value(std::move(manager));
        return flow;
    }
    f->line = s.line;
    if (!flow && manager.is(Kind::Instance)) {
        // A user __exit__ sees the exception; a true result swallows it.
        Error error = std::move(flow).error();
        Value exc = exception_value(error);
        auto saved_traceback = traceback_;
        const SourceSpan saved_span = span_;
        auto saved_raised = raised_value_;
        const Error saved_error = raised_error_;
        auto suppress = instance_exit_with(*this, manager, Value::type(type_of(exc)), exc);
        traceback_ = std::move(saved_traceback);
        span_ = saved_span;
        raised_value_ = std::move(saved_raised);
        raised_error_ = saved_error;
        if (!suppress) return stamp(std::move(suppress).error(), s.line);
        if (*suppress) {
            raised_value_.reset();
            return Flow::Normal;
        }
        return error;
    }
    auto exit = context_exit(*this, manager);
    if (!exit) return stamp(std::move(exit).error(), s.line);
    return flow;
}

Result<Interpreter::Flow> Interpreter::exec_import(const Stmt& s, const std::shared_ptr<Frame>& f) {
    if (s.kind == StmtKind::Import) {
        for (const auto& alias : s.names) {
            BV_TRY(module, import_module(*this, alias.name));
            std::string bind =
                alias.asname.empty() ? alias.name.substr(0, alias.name.find('.')) : alias.asname;
            BV_CHECK(store_name(bind, std::move(module), f));
        }
        return Flow::Normal;
    }
    BV_TRY(module, import_module(*this, s.module));
    for (const auto& alias : s.names) {
        auto attr = getattr(*this, module, alias.name);
        if (!attr) {
 
            // CPython adds the module's file path, which the playground has not got.
            return raise(ExcType::ImportError, "cannot import name '" + alias.name + "' from '" +
                                                      s.module + "' (unknown location)");
        }
        BV_CHECK(store_name(alias.asname.empty() ? alias.name : alias.asname, std::move(*attr), f));
    }
    return Flow::Normal;
}

}  // namespace engine::py
