// User classes: the class object's attribute and slot tables, instances,
// bound methods, staticmethod/classmethod/property and super().
#include "engine/python/runtime/class_object.hpp"

#include <fmt/format.h>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {
namespace {

thread_local Interp* g_interp = nullptr;

constexpr const char* kSlotNames[] = {
    "__init__", "__repr__", "__str__",     "__len__",  "__getitem__", "__setitem__",
    "__delitem__", "__iter__", "__next__", "__enter__", "__exit__",   "__eq__",
    "__ne__",   "__lt__",   "__le__",      "__gt__",   "__ge__",      "__bool__",
    "__index__", "__contains__", "__call__", "__hash__",
};
static_assert(sizeof(kSlotNames) / sizeof(kSlotNames[0]) == static_cast<size_t>(Slot::Count_));

// A function bound to its instance (or, for a classmethod, to its class).
class BoundMethod final : public Callable {
public:
    BoundMethod(Value fn, Value self) : fn_(std::move(fn)), self_(std::move(self)) {}
    Result<Value> call(Interp& interp, CallArgs args) override {
        args.args.insert(args.args.begin(), self_);
        return py::call(interp, fn_, std::move(args));
    }
    std::string name() const override {
        if (fn_.is(Kind::Function)) return fn_.obj<Callable>().name();
        return "method";
    }
    const Value& self() const { return self_; }
    const Value& function() const { return fn_; }
    void gc_traverse(GcVisitor& visit) const override {
        visit(fn_);
        visit(self_);
    }
    void gc_clear() override {
        fn_ = Value();
        self_ = Value();
    }

private:
    Value fn_;
    Value self_;
};

enum class WrapKind { Static, Class, Property, Super };

// staticmethod(f), classmethod(f), property(fget, fset) and super objects:
// held as Kind::Function values, recognised by attribute lookup on classes.
class Wrapper final : public Callable {
public:
    Wrapper(WrapKind kind, Value a, Value b = Value()) : kind_(kind), a_(std::move(a)), b_(std::move(b)) {}
    Result<Value> call(Interp& interp, CallArgs args) override {
        if (kind_ == WrapKind::Static) return py::call(interp, a_, std::move(args));
        const char* what = kind_ == WrapKind::Class      ? "classmethod"
                           : kind_ == WrapKind::Property ? "property"
                                                         : "super";
        return raise(ExcType::TypeError, fmt::format("'{}' object is not callable", what));
    }
    std::string name() const override {
        if (a_.is(Kind::Function)) return a_.obj<Callable>().name();
        return "wrapper";
    }
    WrapKind kind() const { return kind_; }
    const Value& a() const { return a_; }  // the function / fget / super's start class holder
    const Value& b() const { return b_; }  // fset / super's self
    std::shared_ptr<ClassObject> start;    // super: lookups begin at this class
    void gc_traverse(GcVisitor& visit) const override {
        visit(a_);
        visit(b_);
        if (start) visit.visit(start.get());
    }
    void gc_clear() override {
        a_ = Value();
        b_ = Value();
        start.reset();
    }

private:
    WrapKind kind_;
    Value a_, b_;
};

const Wrapper* as_wrapper(const Value& v) {
    if (!v.is(Kind::Function)) return nullptr;
    return dynamic_cast<const Wrapper*>(&v.obj<Callable>());
}

Value bound(Value fn, Value self) {
    return Value::wrap(std::shared_ptr<Callable>(
        std::make_shared<BoundMethod>(std::move(fn), std::move(self))));
}

Value class_value(const std::shared_ptr<ClassObject>& cls) {
    TypeObject t;
    t.id = TypeId::Class;
    t.cls = cls;
    return Value::type(t);
}

// What `obj.name` gives for a class attribute found by lookup.
Result<Value> bind_class_attr(const Value& attr, const Value& self,
                              const std::shared_ptr<ClassObject>& cls) {
    if (const Wrapper* w = as_wrapper(attr)) {
        switch (w->kind()) {
            case WrapKind::Static:
                return w->a();
            case WrapKind::Class:
                return bound(w->a(), class_value(cls));
            case WrapKind::Property: {
                if (self.is_none()) return attr;
                Interp* interp = current_interp();
                if (!interp) return raise(ExcType::RuntimeError, "bufview: no interpreter");
                return py::call(*interp, w->a(), std::vector<Value>{self});
            }
            case WrapKind::Super:
                return attr;
        }
    }
    if (attr.is(Kind::Function) && !self.is_none()) return bound(attr, self);
    return attr;
}

std::string default_repr(const Value& v) {
    const ClassObject* cls = instance_class(v);
    return fmt::format("<__main__.{} object at {:#x}>", cls ? cls->qualname : "object",
                       reinterpret_cast<uintptr_t>(v.identity()));
}

// object.__init__ / BaseException.__init__ reached through super().
Result<Value> base_init(Interp&, const Value& self, CallArgs& args) {
    ClassObject* cls = instance_class(self);
    if (cls && cls->exc_base) {
        self.obj<InstanceObject>().args = args.args;
        return Value();
    }
    if (!args.args.empty() || !args.kwargs.empty()) {
        return raise(ExcType::TypeError,
                     "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    return Value();
}

// prop.setter(fset): a new property with the same getter.
Result<Value> property_setter(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "setter", 1, 1));
    const Wrapper* p = as_wrapper(self);
    return Value::wrap(std::shared_ptr<Callable>(
        std::make_shared<Wrapper>(WrapKind::Property, p->a(), args.args[0])));
}

Result<std::optional<Value>> call_slot_here(const Value& self, Slot slot, std::vector<Value> args) {
    Interp* interp = current_interp();
    if (!interp) return std::optional<Value>();
    return call_slot(*interp, self, slot, std::move(args));
}

}  // namespace

Interp* current_interp() { return g_interp; }
void set_current_interp(Interp* interp) { g_interp = interp; }

const Value* ClassObject::lookup(std::string_view attr) const {
    for (const ClassObject* c = this; c != nullptr; c = c->base.get()) {
        for (const auto& [k, v] : c->attrs)
            if (k == attr) return &v;
    }
    return nullptr;
}

bool ClassObject::is_subclass_of(const ClassObject& other) const {
    for (const ClassObject* c = this; c != nullptr; c = c->base.get())
        if (c == &other) return true;
    return false;
}

void ClassObject::fill_slots() {
    for (size_t i = 0; i < slots.size(); ++i) {
        const Value* v = lookup(kSlotNames[i]);
        slots[i] = v ? std::optional<Value>(*v) : std::nullopt;
    }
}

void ClassObject::clear() {
    for (auto& s : slots) s.reset();
    while (!attrs.empty()) {
        Value doomed = std::move(attrs.back().second);
        attrs.pop_back();
    }
}

Value* InstanceObject::find(std::string_view name) {
    for (auto& [k, v] : dict)
        if (k == name) return &v;
    return nullptr;
}

InstanceObject::~InstanceObject() {
    // Attributes die in the order they were first set, as a dict clears.
    for (auto& entry : dict) {
        Value doomed = std::move(entry.second);
    }
    release_items(args);
}

Result<Value> make_class(std::string name, std::string qualname, const Value& base,
                         std::vector<std::pair<std::string, Value>> attrs) {
    auto cls = std::make_shared<ClassObject>();
    cls->name = std::move(name);
    cls->qualname = std::move(qualname);
    if (!base.is_none() && !(base.is(Kind::Type) && base.obj<TypeObject>().id == TypeId::Object)) {
        if (!base.is(Kind::Type)) {
            return raise(ExcType::TypeError, "bases must be types");
        }
        const TypeObject& t = base.obj<TypeObject>();
        if (t.id == TypeId::Class) {
            cls->base = t.cls;
            cls->exc_base = t.cls->exc_base;
        } else if (t.id == TypeId::Exception) {
            cls->exc_base = t.exc;
        } else {
            return raise(ExcType::NotImplementedError,
                         "subclassing the built-in type '" + type_name(t) +
                             "' is not supported in the playground");
        }
    }
    cls->attrs = std::move(attrs);
    cls->fill_slots();
    return class_value(cls);
}

const ClassObject* as_class(const Value& v) {
    if (!v.is(Kind::Type)) return nullptr;
    const TypeObject& t = v.obj<TypeObject>();
    return t.id == TypeId::Class ? t.cls.get() : nullptr;
}

ClassObject* instance_class(const Value& v) {
    if (!v.is(Kind::Instance)) return nullptr;
    return v.obj<InstanceObject>().cls.get();
}

Result<Value> call_class(Interp& interp, const Value& cls_value, CallArgs args) {
    std::shared_ptr<ClassObject> cls = cls_value.obj<TypeObject>().cls;
    auto inst = std::make_shared<InstanceObject>();
    inst->cls = cls;
    if (cls->exc_base) inst->args = args.args;  // BaseException.__new__ keeps the args
    Value self = Value::wrap(inst);
    const Value* init = cls->slot(Slot::Init);
    if (init) {
        args.args.insert(args.args.begin(), self);
        BV_TRY(r, py::call(interp, *init, std::move(args)));
        if (!r.is_none()) {
            return raise(ExcType::TypeError,
                         "__init__() should return None, not '" + type_name(r) + "'");
        }
    } else if (!cls->exc_base && (!args.args.empty() || !args.kwargs.empty())) {
        return raise(ExcType::TypeError, cls->name + "() takes no arguments");
    } else if (cls->exc_base && !args.kwargs.empty()) {
        return raise(ExcType::TypeError, cls->name + "() takes no keyword arguments");
    }
    return self;
}

Result<std::optional<Value>> call_slot(Interp& interp, const Value& self, Slot slot,
                                       std::vector<Value> args) {
    const ClassObject* cls = instance_class(self);
    if (!cls) return std::optional<Value>();
    const Value* fn = cls->slot(slot);
    if (!fn) return std::optional<Value>();
    Value keep = *fn;  // the method stays alive for the call even if the class changes
    if (const Wrapper* w = as_wrapper(keep)) {
        if (w->kind() == WrapKind::Static) {
            BV_TRY(r, py::call(interp, w->a(), std::move(args)));
            return std::optional<Value>(std::move(r));
        }
    }
    args.insert(args.begin(), self);
    BV_TRY(r, py::call(interp, keep, std::move(args)));
    return std::optional<Value>(std::move(r));
}

Result<std::string> instance_repr(const Value& v) {
    BV_TRY(r, call_slot_here(v, Slot::Repr, {}));
    if (!r) {
        const ClassObject* cls = instance_class(v);
        if (cls && cls->exc_base) {
            // BaseException.__repr__: Name(args...)
            const auto& args = v.obj<InstanceObject>().args;
            std::string out = cls->name + "(";
            for (size_t i = 0; i < args.size(); ++i) {
                if (i) out += ", ";
                BV_TRY(s, repr(args[i]));
                out += s;
            }
            return out + ")";
        }
        return default_repr(v);
    }
    if (!r->is_str()) {
        return raise(ExcType::TypeError,
                     "__repr__ returned non-string (type " + type_name(*r) + ")");
    }
    return r->str_utf8();
}

Result<std::string> instance_str(const Value& v) {
    const ClassObject* cls = instance_class(v);
    if (cls && !cls->slot(Slot::Str)) {
        if (cls->exc_base && !cls->slot(Slot::Repr)) {
            const auto& args = v.obj<InstanceObject>().args;
            if (args.empty()) return std::string();
            if (args.size() == 1) return to_str(args[0]);
            return repr(Value::tuple(args));
        }
        return instance_repr(v);
    }
    BV_TRY(r, call_slot_here(v, Slot::Str, {}));
    if (!r) return default_repr(v);
    if (!r->is_str()) {
        return raise(ExcType::TypeError,
                     "__str__ returned non-string (type " + type_name(*r) + ")");
    }
    return r->str_utf8();
}

Result<bool> instance_truthy(const Value& v) {
    const ClassObject* cls = instance_class(v);
    if (cls && cls->slot(Slot::Bool)) {
        BV_TRY(r, call_slot_here(v, Slot::Bool, {}));
        if (!r) return true;
        if (!r->is_bool()) {
            return raise(ExcType::TypeError,
                         "__bool__ should return bool, returned " + type_name(*r));
        }
        return r->as_bool();
    }
    if (cls && cls->slot(Slot::Len)) {
        BV_TRY(n, instance_len(v));
        return n != 0;
    }
    return true;
}

Result<int64_t> instance_len(const Value& v) {
    BV_TRY(r, call_slot_here(v, Slot::Len, {}));
    if (!r) {
        return raise(ExcType::TypeError, "object of type '" + type_name(v) + "' has no len()");
    }
    if (!r->is_int() && !r->is_bool()) {
        return raise(ExcType::TypeError,
                     "'" + type_name(*r) + "' object cannot be interpreted as an integer");
    }
    BV_TRY(n, to_index(*r));
    if (n < 0) return raise(ExcType::ValueError, "__len__() should return >= 0");
    return n;
}

Result<Value> instance_getattr(Interp&, const Value& obj, std::string_view name) {
    auto& inst = obj.obj<InstanceObject>();
    if (Value* v = inst.find(name)) {
        // A property (data descriptor) on the class wins over the instance dict.
        const Value* attr = inst.cls->lookup(name);
        if (!(attr && as_wrapper(*attr) && as_wrapper(*attr)->kind() == WrapKind::Property))
            return *v;
    }
    if (const Value* attr = inst.cls->lookup(name)) return bind_class_attr(*attr, obj, inst.cls);
    if (name == "__class__") return class_value(inst.cls);
    if (name == "__dict__")
        return raise(ExcType::NotImplementedError, "__dict__ is not supported in the playground");
    if (inst.cls->exc_base && name == "args") return Value::tuple(inst.args);
    return raise(ExcType::AttributeError,
                 fmt::format("'{}' object has no attribute '{}'", inst.cls->name, name));
}

Result<void> instance_setattr(Interp& interp, const Value& obj, std::string_view name,
                              const Value& value) {
    auto& inst = obj.obj<InstanceObject>();
    if (const Value* attr = inst.cls->lookup(name)) {
        if (const Wrapper* w = as_wrapper(*attr); w && w->kind() == WrapKind::Property) {
            if (w->b().is_none()) {
                return raise(ExcType::AttributeError,
                             fmt::format("can't set attribute '{}'", name));
            }
            Value setter = w->b();
            BV_TRY(r, py::call(interp, setter, std::vector<Value>{obj, value}));
            (void)r;
            return ok();
        }
    }
    if (inst.cls->exc_base && name == "args") {
        BV_TRY(items, collect(interp, value));
        inst.args = std::move(items);
        return ok();
    }
    if (Value* v = inst.find(name)) {
        Value old = std::move(*v);  // the old value dies after the new one is in place
        *v = value;
        return ok();
    }
    inst.dict.emplace_back(std::string(name), value);
    return ok();
}

Result<Value> class_getattr(const Value& cls_value, std::string_view name) {
    const std::shared_ptr<ClassObject>& cls = cls_value.obj<TypeObject>().cls;
    if (const Value* attr = cls->lookup(name)) return bind_class_attr(*attr, Value(), cls);
    if (name == "__name__") return Value::str(cls->name);
    if (name == "__qualname__") return Value::str(cls->qualname);
    if (name == "__module__") return Value::str("__main__");
    return raise(ExcType::AttributeError,
                 fmt::format("type object '{}' has no attribute '{}'", cls->name, name));
}

Result<void> class_setattr(const Value& cls_value, std::string_view name, const Value& value) {
    const std::shared_ptr<ClassObject>& cls = cls_value.obj<TypeObject>().cls;
    bool found = false;
    for (auto& [k, v] : cls->attrs) {
        if (k == name) {
            Value old = std::move(v);
            v = value;
            found = true;
            break;
        }
    }
    if (!found) cls->attrs.emplace_back(std::string(name), value);
    cls->fill_slots();
    return ok();
}

std::optional<Result<Value>> descriptor_getattr(const Value& v, std::string_view name) {
    const Wrapper* w = as_wrapper(v);
    if (!w) {
        if (v.is(Kind::Function)) {
            if (auto* b = dynamic_cast<const BoundMethod*>(&v.obj<Callable>())) {
                if (name == "__self__") return Result<Value>(b->self());
                if (name == "__func__") return Result<Value>(b->function());
            }
        }
        return std::nullopt;
    }
    if (w->kind() == WrapKind::Super) {
        Value self = w->b();
        for (const ClassObject* c = w->start.get(); c != nullptr; c = c->base.get()) {
            for (const auto& [k, attr] : c->attrs) {
                if (k == name) {
                    return bind_class_attr(attr, self,
                                           self.is(Kind::Instance)
                                               ? self.obj<InstanceObject>().cls
                                               : w->start);
                }
            }
        }
        // Past the user classes: object / the built-in exception base.
        if (name == "__init__") return Result<Value>(bind_method(self, "__init__", base_init));
        return Result<Value>(raise(ExcType::AttributeError,
                                   fmt::format("'super' object has no attribute '{}'", name)));
    }
    if (w->kind() == WrapKind::Property) {
        if (name == "setter") {
            return Result<Value>(bind_method(v, "setter", property_setter));
        }
        if (name == "fget") return Result<Value>(w->a());
        if (name == "fset") return Result<Value>(w->b());
    }
    if (name == "__func__") return Result<Value>(w->a());
    if (name == "__name__") return Result<Value>(Value::str(w->name()));
    return std::nullopt;
}

std::optional<std::string> exception_class_name(const Value& v) {
    const ClassObject* cls = instance_class(v);
    if (!cls || !cls->exc_base) return std::nullopt;
    return cls->qualname;
}

Result<Value> builtin_staticmethod(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "staticmethod", 1, 1));
    return Value::wrap(
        std::shared_ptr<Callable>(std::make_shared<Wrapper>(WrapKind::Static, args.args[0])));
}

Result<Value> builtin_classmethod(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "classmethod", 1, 1));
    return Value::wrap(
        std::shared_ptr<Callable>(std::make_shared<Wrapper>(WrapKind::Class, args.args[0])));
}

Result<Value> builtin_property(Interp&, const Value&, CallArgs& args) {
    BV_TRY(a, bind_args(args, "property", {"fget", "fset"}, 0, 2));
    Value fget = a.has(0) ? *a.get(0) : Value();
    Value fset = a.has(1) ? *a.get(1) : Value();
    return Value::wrap(std::shared_ptr<Callable>(
        std::make_shared<Wrapper>(WrapKind::Property, std::move(fget), std::move(fset))));
}

Result<Value> builtin_issubclass(Interp&, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "issubclass", 2, 2));
    if (!args.args[0].is(Kind::Type))
        return raise(ExcType::TypeError, "issubclass() arg 1 must be a class");
    const Value& spec = args.args[1];
    std::vector<Value> specs;
    if (spec.is(Kind::Tuple)) {
        specs = spec.obj<TupleObject>().items;
    } else {
        specs.push_back(spec);
    }
    const ClassObject* c = as_class(args.args[0]);
    for (const Value& s : specs) {
        if (!s.is(Kind::Type)) {
            return raise(ExcType::TypeError,
                         "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        }
        if (const ClassObject* base = as_class(s)) {
            if (c && c->is_subclass_of(*base)) return Value::boolean(true);
            continue;
        }
        const TypeObject& t = s.obj<TypeObject>();
        if (t.id == TypeId::Object) return Value::boolean(true);
        if (c) {
            if (c->exc_base && t.id == TypeId::Exception && exc_is_subclass(*c->exc_base, t.exc))
                return Value::boolean(true);
            continue;
        }
        // Built-in to built-in: an instance test on the type's own terms.
        const TypeObject& a = args.args[0].obj<TypeObject>();
        if (a == t) return Value::boolean(true);
        if (a.id == TypeId::Bool && t.id == TypeId::Int) return Value::boolean(true);
        if (a.id == TypeId::Exception && t.id == TypeId::Exception && exc_is_subclass(a.exc, t.exc))
            return Value::boolean(true);
    }
    return Value::boolean(false);
}

std::vector<Value> underlying_functions(const Value& attr) {
    if (const Wrapper* w = as_wrapper(attr)) return {w->a(), w->b()};
    return {attr};
}

Value make_super(std::shared_ptr<ClassObject> start, Value self) {
    auto w = std::make_shared<Wrapper>(WrapKind::Super, Value(), std::move(self));
    w->start = std::move(start);
    return Value::wrap(std::shared_ptr<Callable>(std::move(w)));
}

namespace {

// iter(obj) of an instance whose __iter__ returned an instance with __next__.
class InstanceIterator final : public IteratorObject {
public:
    explicit InstanceIterator(Value obj) : obj_(std::move(obj)) {}
    Result<std::optional<Value>> next(Interp& interp) override { return instance_next(interp, obj_); }
    const char* type_name() const override {
        const ClassObject* cls = instance_class(obj_);
        return cls ? cls->name.c_str() : "iterator";
    }

private:
    Value obj_;
};

// iter(obj) of an instance with __getitem__ and no __iter__: obj[0], obj[1],
// ... until IndexError (CPython's sequence iterator, type name "iterator").
class GetItemIterator final : public IteratorObject {
public:
    explicit GetItemIterator(Value obj) : obj_(std::move(obj)) {}
    Result<std::optional<Value>> next(Interp& interp) override {
        if (done_) return std::optional<Value>();
        auto r = call_slot(interp, obj_, Slot::GetItem, {Value::integer(index_)});
        if (!r) {
            done_ = true;
            if (r.error().type == ExcType::IndexError || r.error().type == ExcType::StopIteration) {
                interp.exception_swallowed();
                return std::optional<Value>();
            }
            return std::move(r).error();
        }
        if (index_ == INT64_MAX) return raise(ExcType::OverflowError, "iter index too large");
        ++index_;
        return std::move(*r);
    }

private:
    Value obj_;
    int64_t index_ = 0;
    bool done_ = false;
};

std::string quoted_type(const Value& v) { return "'" + type_name(v) + "'"; }

}  // namespace

Result<Value> instance_getitem(Interp& interp, const Value& obj, const Value& key) {
    BV_TRY(r, call_slot(interp, obj, Slot::GetItem, {key}));
    if (!r) return raise(ExcType::TypeError, quoted_type(obj) + " object is not subscriptable");
    return std::move(*r);
}

Result<void> instance_setitem(Interp& interp, const Value& obj, const Value& key,
                              const Value& value) {
    BV_TRY(r, call_slot(interp, obj, Slot::SetItem, {key, value}));
    if (!r) {
        return raise(ExcType::TypeError,
                     quoted_type(obj) + " object does not support item assignment");
    }
    return ok();
}

Result<void> instance_delitem(Interp& interp, const Value& obj, const Value& key) {
    BV_TRY(r, call_slot(interp, obj, Slot::DelItem, {key}));
    if (!r) return raise(ExcType::TypeError, quoted_type(obj) + " object doesn't support item deletion");
    return ok();
}

Result<Value> instance_iter(Interp& interp, const Value& obj) {
    BV_TRY(r, call_slot(interp, obj, Slot::Iter, {}));
    if (!r) {
        if (instance_class(obj)->slot(Slot::GetItem))
            return Value::wrap(
                std::shared_ptr<IteratorObject>(std::make_shared<GetItemIterator>(obj)));
        return raise(ExcType::TypeError, quoted_type(obj) + " object is not iterable");
    }
    if (r->is(Kind::Iterator)) return std::move(*r);
    const ClassObject* cls = instance_class(*r);
    if (!cls || !cls->slot(Slot::Next)) {
        return raise(ExcType::TypeError,
                     "iter() returned non-iterator of type '" + type_name(*r) + "'");
    }
    return Value::wrap(std::shared_ptr<IteratorObject>(std::make_shared<InstanceIterator>(*r)));
}

Result<std::optional<Value>> instance_next(Interp& interp, const Value& obj) {
    auto r = call_slot(interp, obj, Slot::Next, {});
    if (!r) {
        if (r.error().type == ExcType::StopIteration) {
            interp.exception_swallowed();
            return std::optional<Value>();
        }
        return std::move(r).error();
    }
    if (!*r) return raise(ExcType::TypeError, quoted_type(obj) + " object is not an iterator");
    return std::move(*r);
}

Result<bool> instance_contains(Interp& interp, const Value& obj, const Value& item) {
    const ClassObject* cls = instance_class(obj);
    if (cls->slot(Slot::Contains)) {
        BV_TRY(r, call_slot(interp, obj, Slot::Contains, {item}));
        return truthy(*r);
    }
    if (!cls->slot(Slot::Iter) && !cls->slot(Slot::GetItem)) {
        return raise(ExcType::TypeError, "argument of type " + quoted_type(obj) + " is not iterable");
    }
    BV_TRY(it, instance_iter(interp, obj));
    for (;;) {
        BV_TRY(x, iter_next(interp, it));
        if (!x) return false;
        if (x->same_as(item)) return true;
        BV_TRY(e, eq(*x, item));
        if (e) return true;
        BV_CHECK(interp.tick());
    }
}

Result<Value> instance_enter(Interp& interp, const Value& obj) {
    const ClassObject* cls = instance_class(obj);
    if (!cls->slot(Slot::Enter) || !cls->slot(Slot::Exit)) {
        return raise(ExcType::TypeError, quoted_type(obj) +
                                             " object does not support the context manager "
                                             "protocol");
    }
    BV_TRY(r, call_slot(interp, obj, Slot::Enter, {}));
    return std::move(*r);
}

Result<void> instance_exit(Interp& interp, const Value& obj) {
    BV_TRY(r, call_slot(interp, obj, Slot::Exit, {Value(), Value(), Value()}));
    (void)r;
    return ok();
}

Result<bool> instance_exit_with(Interp& interp, const Value& obj, const Value& type,
                                const Value& value) {
    BV_TRY(r, call_slot(interp, obj, Slot::Exit, {type, value, Value()}));
    if (!r) return false;
    return truthy(*r);
}

Result<Value> instance_call(Interp& interp, const Value& obj, CallArgs args) {
    const ClassObject* cls = instance_class(obj);
    const Value* fn = cls->slot(Slot::Call);
    if (!fn) return raise(ExcType::TypeError, quoted_type(obj) + " object is not callable");
    Value keep = *fn;
    args.args.insert(args.args.begin(), obj);
    return py::call(interp, keep, std::move(args));
}

}  // namespace engine::py
