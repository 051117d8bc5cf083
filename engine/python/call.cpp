// Calling user functions: binding arguments to parameters with CPython 3.11's
// TypeError texts (Python/ceval.c, initialize_locals / missing_arguments /
// too_many_positional), frames, the recursion limit and traceback entries.
#include <algorithm>

#include "engine/python/frame.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

bool Frame::is_local(const std::string& name) const {
    return spec && std::find(spec->locals.begin(), spec->locals.end(), name) != spec->locals.end();
}

bool Frame::is_global_decl(const std::string& name) const {
    return spec &&
           std::find(spec->globals.begin(), spec->globals.end(), name) != spec->globals.end();
}

bool Frame::is_nonlocal_decl(const std::string& name) const {
    return spec && std::find(spec->nonlocals.begin(), spec->nonlocals.end(), name) !=
                       spec->nonlocals.end();
}

Frame* Frame::enclosing_owner(const std::string& name) {
    for (Frame* f = outer.get(); f != nullptr; f = f->outer.get()) {
        if (f->kind == FrameKind::Function && f->is_local(name)) return f;
    }
    return globals;
}

void Frame::forget(const std::string& name) {
    auto it = std::find(order.begin(), order.end(), name);
    if (it != order.end()) order.erase(it);
}

void Frame::keep_only(const std::vector<std::string>& names) {
    std::vector<std::string> kept;
    for (const auto& name : order) {
        if (std::find(names.begin(), names.end(), name) != names.end()) {
            kept.push_back(name);
            continue;
        }
        auto it = vars.find(name);
        if (it != vars.end()) {
            Value doomed = std::move(it->second);
            vars.erase(it);
        }
    }
    order = std::move(kept);
}

void Frame::clear() {
    // Drop in binding order; each erase destroys one Value at a time.
    for (const auto& name : order) {
        auto it = vars.find(name);
        if (it != vars.end()) {
            Value doomed = std::move(it->second);
            vars.erase(it);
        }
    }
    order.clear();
    vars.clear();
}

Result<Value> UserFunction::call(Interp& interp, CallArgs args) {
    return static_cast<Interpreter&>(interp).call_user(*this, std::move(args));
}

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
    // 'a' / 'a' and 'b' / 'a', 'b', and 'c'
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            if (names.size() == 2) {
                out += " and ";
            } else {
                out += i + 1 == names.size() ? ", and " : ", ";
            }
        }
        out += "'" + names[i] + "'";
    }
    return out;
}

Error missing(const std::string& fn, const std::vector<std::string>& names, const char* kind) {
    return raise(ExcType::TypeError,
                 fn + "() missing " + std::to_string(names.size()) + " required " + kind +
                     " argument" + (names.size() == 1 ? "" : "s") + ": " + quoted_list(names));
}

}  // namespace

Result<void> Interpreter::enter_call(int line) {
    (void)line;
    if (depth_ + 1 > options_.recursion_limit) {
        return raise(ExcType::RecursionError, "maximum recursion depth exceeded");
    }
    if (options_.stack_limit != 0 && stack_base_ != nullptr) {
        char marker = 0;
        const char* here = &marker;
        uint64_t used = stack_base_ > here ? static_cast<uint64_t>(stack_base_ - here)
                                           : static_cast<uint64_t>(here - stack_base_);
        if (used > options_.stack_limit) {
            return raise(ExcType::RecursionError, "maximum recursion depth exceeded");
        }
    }
    ++depth_;
    return ok();
}

// Binds arguments to parameters in `frame` (kept out of call_user, whose
// frame is on the recursive path).
[[gnu::noinline]] Result<void> Interpreter::bind_args(const UserFunction& fn, CallArgs& args,
                                                      Frame& frame_ref) {
    const FunctionSpec& spec = fn.spec();
    const std::string& qual = spec.qualname;
    Frame* frame = &frame_ref;

    const size_t nparams = spec.params.size();
    std::vector<std::optional<Value>> slots(nparams);
    std::vector<std::optional<Value>> kw_slots(spec.kwonly.size());
    size_t given = args.args.size();
    for (size_t i = 0; i < std::min(given, nparams); ++i) slots[i] = std::move(args.args[i]);
    std::vector<Value> extra;
    if (given > nparams) {
        if (spec.vararg.empty()) {
            size_t required = 0;
            for (const auto& p : spec.params) required += p.default_value ? 0 : 1;
            std::string takes =
                required == nparams
                    ? std::to_string(nparams) + " positional argument" + (nparams == 1 ? "" : "s")
                    : "from " + std::to_string(required) + " to " + std::to_string(nparams) +
                          " positional arguments";
            return raise(ExcType::TypeError, qual + "() takes " + takes + " but " +
                                                 std::to_string(given) +
                                                 (given == 1 ? " was" : " were") + " given");
        }
        for (size_t i = nparams; i < given; ++i) extra.push_back(std::move(args.args[i]));
    }
    std::optional<Value> extra_kw;  // **kwargs
    for (auto& [name, value] : args.kwargs) {
        bool found = false;
        for (size_t i = 0; i < nparams && !found; ++i) {
            if (spec.params[i].name == name) {
                if (slots[i]) {
                    return raise(ExcType::TypeError,
                                 qual + "() got multiple values for argument '" + name + "'");
                }
                slots[i] = std::move(value);
                found = true;
            }
        }
        for (size_t i = 0; i < spec.kwonly.size() && !found; ++i) {
            if (spec.kwonly[i].name == name) {
                kw_slots[i] = std::move(value);
                found = true;
            }
        }
        if (!found) {
            if (spec.kwarg.empty()) {
                return raise(ExcType::TypeError,
                             qual + "() got an unexpected keyword argument '" + name + "'");
            }
            if (!extra_kw) extra_kw = Value::dict();
            BV_CHECK(extra_kw->obj<DictObject>().set(Value::str(name), std::move(value)));
        }
    }
    std::vector<std::string> absent;
    for (size_t i = 0; i < nparams; ++i) {
        if (slots[i]) continue;
        if (spec.params[i].default_value) {
            slots[i] = fn.defaults()[i];
        } else {
            absent.push_back(spec.params[i].name);
        }
    }
    if (!absent.empty()) return missing(qual, absent, "positional");
    for (size_t i = 0; i < spec.kwonly.size(); ++i) {
        if (kw_slots[i]) continue;
        if (spec.kwonly[i].default_value) {
            kw_slots[i] = fn.kw_defaults()[i];
        } else {
            absent.push_back(spec.kwonly[i].name);
        }
    }
    if (!absent.empty()) return missing(qual, absent, "keyword-only");

    for (size_t i = 0; i < nparams; ++i) {
        frame->vars[spec.params[i].name] = std::move(*slots[i]);
        frame->order.push_back(spec.params[i].name);
    }
    if (!spec.vararg.empty()) {
        frame->vars[spec.vararg] = Value::tuple(std::move(extra));
        frame->order.push_back(spec.vararg);
    }
    for (size_t i = 0; i < spec.kwonly.size(); ++i) {
        frame->vars[spec.kwonly[i].name] = std::move(*kw_slots[i]);
        frame->order.push_back(spec.kwonly[i].name);
    }
    if (!spec.kwarg.empty()) {
        frame->vars[spec.kwarg] = extra_kw ? std::move(*extra_kw) : Value::dict();
        frame->order.push_back(spec.kwarg);
    }
    return ok();
}

// A returning frame: its locals die now, as in CPython. When a closure or a
// generator still holds the frame, only the cell variables (the names nested
// scopes read) stay; this also breaks the frame <-> function cycle of
// `def f(): g = lambda: x ...`.
void Interpreter::end_frame(std::shared_ptr<Frame> frame) {
    if (frame.use_count() > 1) frame->keep_only(frame->spec->cellvars);
    frame.reset();
}

Result<Value> Interpreter::call_user(const UserFunction& fn, CallArgs args) {
    const FunctionSpec& spec = fn.spec();
    auto frame = std::make_shared<Frame>();
    frame->kind = FrameKind::Function;
    frame->spec = &spec;
    frame->function = &fn;
    frame->outer = fn.closure();
    frame->globals = fn.globals();
    frame->line = spec.line;
    BV_CHECK(bind_args(fn, args, *frame));
    if (spec.is_generator) [[unlikely]] return make_generator(fn, std::move(frame));
    BV_CHECK(enter_call(spec.line));
    active_.push_back(frame.get());
    Result<Value> result = Value();
    if (spec.body_expr) {
        result = eval(*spec.body_expr, frame);
    } else {
        auto flow = exec_block(spec.body, frame);
        if (!flow) {
            result = std::move(flow).error();
        } else {
            result = std::move(return_value_);
            return_value_ = Value();
        }
    }
    leave_call();
    active_.pop_back();
    if (!result) {
        Error e = std::move(result).error();
        if (e.line == 0) e = stamp(std::move(e), frame->line);
        traceback_.push_back({spec.name, e.line, span_});
        e.line = 0;                   // the caller stamps its own line and span
        span_ = SourceSpan{};
        end_frame(std::move(frame));  // locals die before the caller sees the exception
        return e;
    }
    end_frame(std::move(frame));  // locals die at return, before the caller continues
    return result;
}

}  // namespace engine::py
