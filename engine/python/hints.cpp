// "Did you mean" hints on NameError and AttributeError, as CPython 3.11 adds
// them when it prints a traceback (Python/suggestions.c, offer_suggestions_for_
// name_error / _attribute_error): a NameError looks among the raising frame's
// local variable names (its code's co_varnames), then the globals, then the
// builtins; an AttributeError among dir(obj).
#include <algorithm>

#include "engine/python/frame.hpp"
#include "engine/python/interpreter.hpp"
#include "engine/python/runtime/dir.hpp"
#include "engine/python/runtime/suggestions.hpp"

namespace engine::py {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// co_varnames of the code running in `f`: a function's parameters (positional,
// keyword-only, *args, **kwargs), then its other locals in the order they are
// bound, without the cell variables nested scopes read (they are co_cellvars).
// A comprehension's are its loop variables; module and class code has none.
std::vector<std::string> code_varnames(const Frame& f) {
    std::vector<std::string> out;
    if (f.kind == FrameKind::Comprehension) return f.order;
    if (f.kind != FrameKind::Function || !f.spec || f.spec->is_class) return out;
    const FunctionSpec& spec = *f.spec;
    for (const auto& p : spec.params) out.push_back(p.name);
    for (const auto& p : spec.kwonly) out.push_back(p.name);
    if (!spec.vararg.empty()) out.push_back(spec.vararg);
    if (!spec.kwarg.empty()) out.push_back(spec.kwarg);
    for (const auto& n : spec.locals)
        if (!contains(out, n) && !contains(spec.cellvars, n)) out.push_back(n);
    return out;
}

// A module's globals in CPython's order: what the interpreter puts in every
// __main__ before the program's own names.
const char* const kModuleDunders[] = {"__name__",        "__doc__",      "__package__",
                                      "__loader__",      "__spec__",     "__annotations__",
                                      "__builtins__",    "__file__",     "__cached__"};

}  // namespace

Error Interpreter::name_error(const std::string& name, const Frame& f, std::string message) {
    Error e = raise(ExcType::NameError, std::move(message));
    hint_ = HintContext{ExcType::NameError, e.message, name, code_varnames(f), nullptr};
    return e;
}

void Interpreter::attribute_missing(const Error& error, const Value& obj, std::string_view name) {
    if (error.type != ExcType::AttributeError) return;
    // The innermost attribute lookup that failed keeps its context (a
    // property's own failing lookup), as CPython augments an exception once.
    if (hint_ && hint_->type == ExcType::AttributeError && hint_->message == error.message) return;
    hint_ = HintContext{ExcType::AttributeError, error.message, std::string(name), {}, dir_names(obj)};
}

std::string Interpreter::hint_for(const Error& error) const {
    if (!hint_ || hint_->type != error.type || hint_->message != error.message) return "";
    std::optional<std::string> best;
    if (hint_->type == ExcType::AttributeError) {
        if (hint_->dir) best = suggest_name(*hint_->dir, hint_->name);
    } else {
        best = suggest_name(hint_->locals, hint_->name);
        if (!best) {
            std::vector<std::string> globals(std::begin(kModuleDunders), std::end(kModuleDunders));
            for (const auto& n : globals_->order)
                if (!contains(globals, n)) globals.push_back(n);
            best = suggest_name(globals, hint_->name);
        }
        if (!best) best = suggest_name(builtin_names(), hint_->name);
    }
    return best ? ". Did you mean: '" + *best + "'?" : "";
}

}  // namespace engine::py
