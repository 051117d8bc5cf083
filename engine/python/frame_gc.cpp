// The cycle collector's traversal of the evaluator's objects (gc.hpp): a
// frame a function closes over or a generator runs in (its variables and its
// outer frame), a user function (its defaults and its closure frame), a
// generator expression (its frame and live iterators). The owner class is a
// weak reference and the globals a raw pointer: neither is visited.
#include "engine/python/frame.hpp"

namespace engine::py {
namespace {

void frame_traverse(const void* obj, GcVisitor& visit) {
    const auto* f = static_cast<const Frame*>(obj);
    for (const auto& [name, v] : f->vars) visit(v);
    if (f->outer) visit.visit(f->outer.get());
}

void frame_clear(void* obj) {
    auto* f = static_cast<Frame*>(obj);
    f->clear();
    f->outer.reset();
}

}  // namespace

const GcType kFrameGc{"frame", frame_traverse, frame_clear};

void UserFunction::gc_traverse(GcVisitor& visit) const {
    for (const Value& v : defaults_) visit(v);
    for (const Value& v : kw_defaults_) visit(v);
    if (closure_) visit.visit(closure_.get());
}

void UserFunction::gc_clear() {
    std::vector<Value> d = std::move(defaults_);
    std::vector<Value> k = std::move(kw_defaults_);
    defaults_.clear();
    kw_defaults_.clear();
    closure_.reset();
}

void GeneratorExpression::gc_traverse(GcVisitor& visit) const {
    if (frame_) visit.visit(frame_.get());
    for (const Value& v : iters_) visit(v);
}

void GeneratorExpression::gc_clear() {
    if (running_) return;
    std::vector<Value> doomed = std::move(iters_);
    iters_.clear();
    done_ = true;
    doomed.clear();
}

}  // namespace engine::py
