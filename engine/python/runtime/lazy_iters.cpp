// map, filter and iter(callable, sentinel): iterators that call back into
// user code one item at a time.
#include "engine/python/runtime/lazy_iters.hpp"

#include <fmt/format.h>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {
namespace {

class MapIterator final : public IteratorObject {
public:
    MapIterator(Value fn, std::vector<Value> iters) : fn_(std::move(fn)), iters_(std::move(iters)) {}
    Result<std::optional<Value>> next(Interp& interp) override {
        std::vector<Value> args;
        args.reserve(iters_.size());
        for (const Value& it : iters_) {
            BV_TRY(item, iter_next(interp, it));
            if (!item) return std::optional<Value>();
            args.push_back(std::move(*item));
        }
        BV_TRY(r, call(interp, fn_, std::move(args)));
        return std::optional<Value>(std::move(r));
    }
    const char* type_name() const override { return "map"; }
    bool gc_holds() const override { return true; }  // the cycle collector (gc.hpp)
    void gc_traverse(GcVisitor& visit) const override {
        visit(fn_);
        for (const Value& v : iters_) visit(v);
    }
    void gc_clear() override {
        Value f = std::move(fn_);
        std::vector<Value> its = std::move(iters_);
        fn_ = Value();
        iters_.clear();
    }

private:
    Value fn_;
    std::vector<Value> iters_;
};

class FilterIterator final : public IteratorObject {
public:
    FilterIterator(Value fn, Value iter) : fn_(std::move(fn)), iter_(std::move(iter)) {}
    Result<std::optional<Value>> next(Interp& interp) override {
        for (;;) {
            BV_TRY(item, iter_next(interp, iter_));
            if (!item) return std::optional<Value>();
            bool keep = false;
            if (fn_.is_none()) {
                BV_TRY(t, truthy(*item));
                keep = t;
            } else {
                BV_TRY(r, call(interp, fn_, std::vector<Value>{*item}));
                BV_TRY(t, truthy(r));
                keep = t;
            }
            if (keep) return item;
            BV_CHECK(interp.tick());
        }
    }
    const char* type_name() const override { return "filter"; }
    bool gc_holds() const override { return true; }  // the cycle collector (gc.hpp)
    void gc_traverse(GcVisitor& visit) const override {
        visit(fn_);
        visit(iter_);
    }
    void gc_clear() override {
        Value f = std::move(fn_);
        Value it = std::move(iter_);
        fn_ = Value();
        iter_ = Value();
    }

private:
    Value fn_;
    Value iter_;
};

class CallableIterator final : public IteratorObject {
public:
    CallableIterator(Value fn, Value sentinel) : fn_(std::move(fn)), sentinel_(std::move(sentinel)) {}
    Result<std::optional<Value>> next(Interp& interp) override {
        if (done_) return std::optional<Value>();
        BV_TRY(r, call(interp, fn_, std::vector<Value>{}));
        BV_TRY(same, eq(r, sentinel_));
        if (same) {
            done_ = true;
            fn_ = Value();
            sentinel_ = Value();
            return std::optional<Value>();
        }
        return std::optional<Value>(std::move(r));
    }
    const char* type_name() const override { return "callable_iterator"; }
    bool gc_holds() const override { return true; }  // the cycle collector (gc.hpp)
    void gc_traverse(GcVisitor& visit) const override {
        visit(fn_);
        visit(sentinel_);
    }
    void gc_clear() override {
        Value f = std::move(fn_);
        Value s = std::move(sentinel_);
        fn_ = Value();
        sentinel_ = Value();
        done_ = true;
    }

private:
    Value fn_;
    Value sentinel_;
    bool done_ = false;
};

}  // namespace

Result<Value> builtin_map(Interp& interp, const Value&, CallArgs& args) {
    if (!args.kwargs.empty()) return raise(ExcType::TypeError, "map() takes no keyword arguments");
    if (args.args.size() < 2)
        return raise(ExcType::TypeError, "map() must have at least two arguments.");
    std::vector<Value> iters;
    for (size_t i = 1; i < args.args.size(); ++i) {
        BV_TRY(it, get_iter(interp, args.args[i]));
        iters.push_back(std::move(it));
    }
    return Value::wrap(std::shared_ptr<IteratorObject>(
        std::make_shared<MapIterator>(args.args[0], std::move(iters))));
}

Result<Value> builtin_filter(Interp& interp, const Value&, CallArgs& args) {
    if (!args.kwargs.empty())
        return raise(ExcType::TypeError, "filter() takes no keyword arguments");
    if (args.args.size() != 2)
        return raise(ExcType::TypeError,
                     fmt::format("filter expected 2 arguments, got {}", args.args.size()));
    BV_TRY(it, get_iter(interp, args.args[1]));
    return Value::wrap(std::shared_ptr<IteratorObject>(
        std::make_shared<FilterIterator>(args.args[0], std::move(it))));
}

Result<Value> builtin_iter(Interp& interp, const Value&, CallArgs& args) {
    if (!args.kwargs.empty()) return raise(ExcType::TypeError, "iter() takes no keyword arguments");
    if (args.args.size() == 1) return get_iter(interp, args.args[0]);
    if (args.args.size() != 2)
        return raise(ExcType::TypeError,
                     fmt::format("iter expected at most 2 arguments, got {}", args.args.size()));
    Kind k = args.args[0].kind();
    if (k != Kind::Function && k != Kind::Builtin && k != Kind::Type)
        return raise(ExcType::TypeError, "iter(v, w): v must be callable");
    return Value::wrap(std::shared_ptr<IteratorObject>(
        std::make_shared<CallableIterator>(args.args[0], args.args[1])));
}

}  // namespace engine::py
