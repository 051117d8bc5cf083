// Frames, user functions and generator expressions: the evaluator's objects.
//
// A Frame holds one scope's variables. Module frame: the globals. Function
// frame: its locals (spec->locals says which names are local). Comprehension
// frame: only its loop targets; every other name is looked up in `outer`.
// A function frame links `outer` to its defining frame only when the function
// reads an enclosing function's names (FunctionSpec::uses_enclosing).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/python/ast.hpp"
#include "engine/python/interpreter.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

enum class FrameKind { Module, Function, Comprehension };

class UserFunction;

struct Frame {
    FrameKind kind = FrameKind::Module;
    const FunctionSpec* spec = nullptr;  // Function frames (and class bodies: spec->is_class)
    const UserFunction* function = nullptr;  // the function being run (super())
    const char* scope_name = nullptr;    // Comprehension frames: "<listcomp>", "<genexpr>"
    std::shared_ptr<Frame> outer;        // enclosing scope for lookups (not the caller)
    Frame* globals = nullptr;            // the module frame (self for the module)
    std::unordered_map<std::string, Value> vars;
    // Variables in binding order, so that a frame's locals die in CPython's order.
    std::vector<std::string> order;
    int line = 0;  // the line being executed (tracebacks)

    bool is_local(const std::string& name) const;
    bool is_global_decl(const std::string& name) const;
    bool is_nonlocal_decl(const std::string& name) const;
    // The enclosing function frame whose local `name` is (a `nonlocal name`
    // target); the module frame when none (the parser refuses that case).
    Frame* enclosing_owner(const std::string& name);
    // Removes a deleted name from `order` (it is appended again if rebound).
    void forget(const std::string& name);
    // Drops every variable not in `names`, in binding order.
    void keep_only(const std::vector<std::string>& names);
    // Drops the variables in binding order (CPython clears fast locals in order).
    void clear();
    ~Frame() { clear(); }
    GcHead gc_head;  // tracked once a function closes over it (frame_gc.cpp)
};

// The cycle collector's view of a frame: its variables and `outer`.
extern const GcType kFrameGc;

class UserFunction final : public Callable,
                           public std::enable_shared_from_this<UserFunction> {
public:
    UserFunction(std::shared_ptr<FunctionSpec> spec, std::vector<Value> defaults,
                 std::vector<Value> kw_defaults, std::shared_ptr<Frame> closure, Frame* globals)
        : spec_(std::move(spec)),
          defaults_(std::move(defaults)),
          kw_defaults_(std::move(kw_defaults)),
          closure_(std::move(closure)),
          globals_(globals) {
        if (closure_) gc_track(closure_->gc_head, kFrameGc, closure_);  // closures in cycles
    }

    Result<Value> call(Interp& interp, CallArgs args) override;
    std::string name() const override { return spec_->name; }

    const FunctionSpec& spec() const { return *spec_; }
    const std::vector<Value>& defaults() const { return defaults_; }        // for params
    const std::vector<Value>& kw_defaults() const { return kw_defaults_; }  // for kwonly
    const std::shared_ptr<Frame>& closure() const { return closure_; }
    Frame* globals() const { return globals_; }
    // The cycle collector (gc.hpp): defaults and the closure frame.
    void gc_traverse(GcVisitor& visit) const override;
    void gc_clear() override;
    // The class whose body defined this function (zero-argument super()).
    std::shared_ptr<ClassObject> owner() const { return owner_.lock(); }
    void set_owner(const std::shared_ptr<ClassObject>& cls) const { owner_ = cls; }

private:
    std::shared_ptr<FunctionSpec> spec_;
    std::vector<Value> defaults_;     // one per param (None-kind placeholder when no default)
    std::vector<Value> kw_defaults_;  // one per kwonly param
    std::shared_ptr<Frame> closure_;
    Frame* globals_;
    mutable std::weak_ptr<ClassObject> owner_;
};

// A generator expression, evaluated lazily like CPython's: the first
// iterable is iterated at creation, everything else on each next().
class GeneratorExpression final : public IteratorObject {
public:
    GeneratorExpression(const Expr* node, std::shared_ptr<Frame> frame, Value first_iter)
        : node_(node), frame_(std::move(frame)) {
        iters_.push_back(std::move(first_iter));
        gc_track(frame_->gc_head, kFrameGc, frame_);  // the cycle collector: its loop targets
    }
    Result<std::optional<Value>> next(Interp& interp) override;
    TypeId type_id() const override { return TypeId::Generator; }
    const char* type_name() const override { return "generator"; }
    std::string repr_name() const override { return "<genexpr>"; }
    bool gc_holds() const override { return true; }  // frame_gc.cpp
    void gc_traverse(GcVisitor& visit) const override;
    void gc_clear() override;

private:
    const Expr* node_;
    bool running_ = false;  // next() inside its own next(): "generator already executing"
    std::shared_ptr<Frame> frame_;
    std::vector<Value> iters_;  // one live iterator per `for` clause entered
    bool done_ = false;
};

}  // namespace engine::py
