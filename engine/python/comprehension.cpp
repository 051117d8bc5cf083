// List comprehensions (eager, in their own scope) and generator expressions
// (lazy). As in CPython 3.11 the outermost iterable is evaluated in the
// enclosing scope when the comprehension starts; the rest runs in the
// comprehension's scope, which counts as one frame against the recursion limit.
#include "engine/python/frame.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/set.hpp"

namespace engine::py {
namespace {

std::shared_ptr<Frame> comprehension_frame(const std::shared_ptr<Frame>& f, const char* name) {
    auto cf = std::make_shared<Frame>();
    cf->kind = FrameKind::Comprehension;
    cf->scope_name = name;
    cf->outer = f;
    cf->globals = f->globals;
    cf->line = f->line;
    return cf;
}

}  // namespace

// An exception leaving a comprehension's scope: one traceback entry, like
// CPython's <listcomp> / <genexpr> frames; the enclosing frame stamps its line.
Error Interpreter::leave_scope_with(Error error, const char* name, int line) {
    if (error.line == 0) error = stamp(std::move(error), line);
    traceback_.push_back({name, error.line, span_});
    error.line = 0;
    span_ = SourceSpan{};
    return error;
}

Result<void> Interpreter::comp_level(const Expr& e, size_t level, const Value& iter,
                                     const std::shared_ptr<Frame>& cf, std::vector<Value>& out) {
    const Comprehension& gen = e.generators[level];
    for (;;) {
        BV_CHECK(tick());
        BV_TRY(item, iter_next(*this, iter));
        if (!item) return ok();
        BV_CHECK(assign(*gen.target, std::move(*item), cf));
        bool keep = true;
        for (const auto& cond : gen.ifs) {
            BV_TRY(c, eval(*cond, cf));
            BV_TRY(t, truthy(c));
            if (!t) {
                keep = false;
                break;
            }
        }
        if (!keep) continue;
        if (level + 1 < e.generators.size()) {
            BV_TRY(sub, eval(*e.generators[level + 1].iter, cf));
            BV_TRY(sub_iter, get_iter(*this, sub));
            BV_CHECK(comp_level(e, level + 1, sub_iter, cf, out));
        } else {
            BV_TRY(v, eval(*e.a, cf));
            out.push_back(std::move(v));
            if (e.kind == ExprKind::DictComp) {  // key, then value (CPython 3.8+)
                BV_TRY(value, eval(*e.b, cf));
                out.push_back(std::move(value));
            }
        }
    }
}

Result<Value> Interpreter::eval_listcomp(const Expr& e, const std::shared_ptr<Frame>& f) {
    BV_TRY(first, eval(*e.generators[0].iter, f));
    BV_TRY(iter, get_iter(*this, first));
    const bool dict = e.kind == ExprKind::DictComp;
    const bool set = e.kind == ExprKind::SetComp;
    const char* name = dict ? "<dictcomp>" : set ? "<setcomp>" : "<listcomp>";
    auto cf = comprehension_frame(f, name);
    BV_CHECK(enter_call(e.line));
    std::vector<Value> out;
    active_.push_back(cf.get());  // its loop variables are named while it runs
    auto r = comp_level(e, 0, iter, cf, out);
    Value result;
    if (r && dict) {
        result = Value::dict();
        for (size_t i = 0; r && i + 1 < out.size(); i += 2) {
            r = result.obj<DictObject>().set(out[i], std::move(out[i + 1]));
        }
    }
    if (r && set) {
        auto s = make_set_from(*this, false, out);
        if (s) result = std::move(*s);
        else r = std::move(s).error();
    }
    active_.pop_back();
    leave_call();
    if (!r) return leave_scope_with(std::move(r).error(), name, e.line);
    if (dict || set) return result;
    return Value::list(std::move(out));
}

Result<Value> Interpreter::eval_genexp(const Expr& e, const std::shared_ptr<Frame>& f) {
    BV_TRY(first, eval(*e.generators[0].iter, f));
    BV_TRY(iter, get_iter(*this, first));
    auto gen = std::make_shared<GeneratorExpression>(&e, comprehension_frame(f, "<genexpr>"),
                                                     std::move(iter));
    return Value::wrap(std::shared_ptr<IteratorObject>(std::move(gen)));
}

Result<std::optional<Value>> GeneratorExpression::next(Interp& interp) {
    auto& in = static_cast<Interpreter&>(interp);
    if (done_) return std::optional<Value>();
    if (running_) return raise(ExcType::ValueError, "generator already executing");
    BV_CHECK(in.enter_call(node_->line));
    running_ = true;
    in.push_active(frame_.get());  // its loop variables are named while it runs
    Result<std::optional<Value>> result = std::optional<Value>();
    for (;;) {
        if (iters_.empty()) {
            done_ = true;
            break;
        }
        auto tick = in.tick();
        if (!tick) {
            result = std::move(tick).error();
            break;
        }
        size_t level = iters_.size() - 1;
        const Comprehension& gen = node_->generators[level];
        auto item = iter_next(in, iters_.back());
        if (!item) {
            result = std::move(item).error();
            break;
        }
        if (!*item) {
            iters_.pop_back();
            continue;
        }
        auto assigned = in.assign(*gen.target, std::move(**item), frame_);
        if (!assigned) {
            result = std::move(assigned).error();
            break;
        }
        bool keep = true;
        Error failure;
        bool failed = false;
        for (const auto& cond : gen.ifs) {
            auto c = in.eval(*cond, frame_);
            if (!c) {
                failure = std::move(c).error();
                failed = true;
                break;
            }
            auto t = truthy(*c);
            if (!t) {
                failure = std::move(t).error();
                failed = true;
                break;
            }
            if (!*t) {
                keep = false;
                break;
            }
        }
        if (failed) {
            result = std::move(failure);
            break;
        }
        if (!keep) continue;
        if (level + 1 < node_->generators.size()) {
            auto sub = in.eval(*node_->generators[level + 1].iter, frame_);
            if (!sub) {
                result = std::move(sub).error();
                break;
            }
            auto sub_iter = get_iter(in, *sub);
            if (!sub_iter) {
                result = std::move(sub_iter).error();
                break;
            }
            iters_.push_back(std::move(*sub_iter));
            continue;
        }
        auto v = in.eval(*node_->a, frame_);
        if (!v) {
            result = std::move(v).error();
        } else {
            result = std::optional<Value>(std::move(*v));
        }
        break;
    }
    in.pop_active();
    in.leave_call();
    running_ = false;
    if (!result) {
        done_ = true;
        iters_.clear();
        return in.leave_scope_with(std::move(result).error(), "<genexpr>", node_->line);
    }
    return result;
}

}  // namespace engine::py
