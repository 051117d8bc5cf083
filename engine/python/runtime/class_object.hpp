// User-defined classes and their instances: the type object of a `class`
// statement (ClassObject: name, base, attribute table and a slot table of the
// special methods), and InstanceObject (a class and its own attributes).
//
// A class value is a Kind::Type Value whose TypeObject has id TypeId::Class and
// points at its ClassObject; an instance is a Kind::Instance Value. Instances
// are reference counted like every Value: `self.view = memoryview(buf)` lives
// exactly as long as the instance, and its export is released at the line the
// last reference goes (the attributes die in assignment order, as CPython's
// instance dict clears).
//
// The slot table is filled when the class is made (own methods first, then the
// base's), so the runtime's operations (repr, len, getitem, iter, ...) find a
// special method with one array lookup; ops/attrs/iter/subscript call the
// instance_* hooks below for Kind::Instance. Built-in types keep their own
// dispatch for now; the slot table is the shape they can move onto (issue 14
// item 1).
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/python/runtime/value.hpp"

namespace engine::py {

enum class Slot : uint8_t {
    Init,
    Repr,
    Str,
    Len,
    GetItem,
    SetItem,
    DelItem,
    Iter,
    Next,
    Enter,
    Exit,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Bool,
    Index,
    Contains,
    Call,
    Hash,
    Count_
};

struct ClassObject {
    std::string name;
    std::string qualname;
    std::shared_ptr<ClassObject> base;  // null: object (or a built-in exception, see exc_base)
    // Set when the class derives (directly or not) from a built-in exception:
    // instances are raisable and carry args.
    std::optional<ExcType> exc_base;
    std::vector<std::pair<std::string, Value>> attrs;  // the class namespace, in order
    std::array<std::optional<Value>, static_cast<size_t>(Slot::Count_)> slots;

    // Attribute lookup along the bases (the MRO of single inheritance).
    const Value* lookup(std::string_view name) const;
    const Value* slot(Slot s) const {
        const auto& v = slots[static_cast<size_t>(s)];
        return v ? &*v : nullptr;
    }
    bool is_subclass_of(const ClassObject& other) const;
    void fill_slots();
    ~ClassObject() { clear(); }
    void clear();
    GcHead gc_head;  // the cycle collector (gc.hpp)
};

struct InstanceObject {
    std::shared_ptr<ClassObject> cls;
    std::vector<std::pair<std::string, Value>> dict;  // instance attributes, in order
    std::vector<Value> args;                          // exception subclasses: e.args
    Value* find(std::string_view name);
    ~InstanceObject();
    GcHead gc_head;  // the cycle collector (gc.hpp)
};

// The Interp of the run in progress, for operations that reach user code from
// places that have no Interp parameter (repr, eq, truthy). Set by the
// evaluator for the duration of a run.
Interp* current_interp();
void set_current_interp(Interp* interp);

// The `class` statement: base is None (object), a user class, or a built-in
// exception class; anything else is refused (NotImplementedError / TypeError).
Result<Value> make_class(std::string name, std::string qualname, const Value& base,
                         std::vector<std::pair<std::string, Value>> attrs);
const ClassObject* as_class(const Value& v);  // null unless a user class
ClassObject* instance_class(const Value& v);  // null unless an instance

// staticmethod / classmethod / property (the builtins).
Result<Value> builtin_staticmethod(Interp& interp, const Value& self, CallArgs& args);
Result<Value> builtin_classmethod(Interp& interp, const Value& self, CallArgs& args);
Result<Value> builtin_property(Interp& interp, const Value& self, CallArgs& args);
Result<Value> builtin_issubclass(Interp& interp, const Value& self, CallArgs& args);
// The functions inside a class attribute: itself, or what a staticmethod /
// classmethod / property wraps.
std::vector<Value> underlying_functions(const Value& attr);
// super(cls, obj): zero-argument super() is resolved by the evaluator.
Value make_super(std::shared_ptr<ClassObject> start, Value self);

// ---- hooks for Kind::Instance (and user class values) ---------------------
Result<Value> call_class(Interp& interp, const Value& cls, CallArgs args);
// Calls a special method if the class has it; nullopt when it does not.
Result<std::optional<Value>> call_slot(Interp& interp, const Value& self, Slot slot,
                                       std::vector<Value> args);
Result<std::string> instance_repr(const Value& v);
Result<std::string> instance_str(const Value& v);
Result<bool> instance_truthy(const Value& v);
Result<int64_t> instance_len(const Value& v);
Result<Value> instance_getattr(Interp& interp, const Value& obj, std::string_view name);
Result<void> instance_setattr(Interp& interp, const Value& obj, std::string_view name,
                              const Value& value);
Result<Value> class_getattr(const Value& cls, std::string_view name);
Result<Value> instance_getitem(Interp& interp, const Value& obj, const Value& key);
Result<void> instance_setitem(Interp& interp, const Value& obj, const Value& key,
                              const Value& value);
Result<void> instance_delitem(Interp& interp, const Value& obj, const Value& key);
Result<Value> instance_iter(Interp& interp, const Value& obj);
Result<std::optional<Value>> instance_next(Interp& interp, const Value& obj);
Result<bool> instance_contains(Interp& interp, const Value& obj, const Value& item);
Result<Value> instance_enter(Interp& interp, const Value& obj);
Result<void> instance_exit(Interp& interp, const Value& obj);
// __exit__(type, value, None) for an exception in flight: whether it is swallowed.
Result<bool> instance_exit_with(Interp& interp, const Value& obj, const Value& type,
                                const Value& value);
Result<Value> instance_call(Interp& interp, const Value& obj, CallArgs args);
Result<void> class_setattr(const Value& cls, std::string_view name, const Value& value);
// attribute access on the staticmethod/classmethod/property/super objects;
// nullopt when v is none of them.
std::optional<Result<Value>> descriptor_getattr(const Value& v, std::string_view name);
// The name an instance of a user exception class shows in a traceback.
std::optional<std::string> exception_class_name(const Value& v);

}  // namespace engine::py
