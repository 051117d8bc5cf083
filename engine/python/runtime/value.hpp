// Value: one Python object reference, the currency of the evaluator.
//
// Memory: one budget for the whole heap (HeapMeter below). str, list, tuple,
// dict and big int objects charge their storage to the meter of the run that
// made them and give it back when they die; buffer blocks charge the same
// budget through the BufferContext. Producers of large results check the
// size first (heap_reserve, checked arithmetic), so a bomb ends in
// MemoryError at its line before anything is allocated.
//
// Ownership: a Value is a counted reference (std::shared_ptr underneath) to a
// heap object, or holds None/bool/small int/float/Ellipsis inline. The object
// is destroyed the moment its last Value goes, as in CPython: a memoryview
// whose last reference drops releases its export at that line. Reference
// cycles (a list containing itself) are freed by the cycle collector (gc.hpp):
// container objects embed a GcHead and are tracked when wrapped.
//
// The kind decides the C++ class behind the pointer (table next to `Kind`).
// Objects of the buffer layer (bytes, bytearray, memoryview, array, mmap,
// BytesIO, TemporaryFile) are held directly, without a wrapper, so the buffer
// helper's classes are the only state of those objects.
//
// Operations on Values (repr, arithmetic, getitem, calls, ...) are free
// functions in ops.hpp / builtins.hpp; this header only defines the shapes.
#pragma once

#include <cstdint>
#include <memory>
#include <type_traits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/exceptions.hpp"
#include "engine/core/result.hpp"
#include "engine/python/runtime/gc.hpp"

namespace engine {
class BufferContext;
// The buffer layer's objects (engine/buffer/), held as they are.
class BytesObject;
class ByteArrayObject;
class MemoryView;
class ArrayObject;
class MmapObject;
class BytesIOObject;
class TempFile;
class Exporter;
}  // namespace engine

namespace engine::py {

class BigInt;
class Value;
class Interp;
struct StrObject;
struct ListObject;
struct TupleObject;
class DictObject;
struct RangeObject;
struct SliceObject;
struct ExceptionObject;
struct TypeObject;
struct ModuleObject;
class Callable;
class BuiltinFunction;
class IteratorObject;
struct StructObject;  // struct.Struct: defined in modules.hpp
struct ClassObject;     // a user class: class_object.hpp
struct InstanceObject;  // an instance of a user class: class_object.hpp
class SetObject;        // set / frozenset: set.hpp

// Kind -> class behind the pointer:
//   None, Bool, Int (small), Float, Ellipsis, NotImplemented: inline, no pointer
//   Int (big)   const BigInt          Str        const StrObject
//   Bytes       engine::BytesObject   ByteArray  engine::ByteArrayObject
//   MemoryView  engine::MemoryView    List       ListObject
//   Tuple       const TupleObject     Dict       DictObject
//   Range       const RangeObject     Slice      const SliceObject
//   Function    Callable (the evaluator's user functions and lambdas)
//   Builtin     BuiltinFunction (builtins, and methods bound to their self)
//   Exception   ExceptionObject       Type       const TypeObject
//   Iterator    IteratorObject        Module     ModuleObject
//   Array       engine::ArrayObject   Mmap       engine::MmapObject
//   BytesIO     engine::BytesIOObject TempFile   engine::TempFile
//   Struct      StructObject (struct.Struct, runtime-owned)
//   Exporter    engine::Exporter: another buffer exporter handed out by the
//               buffer layer (mv.obj of a BytesIO's getbuffer(): _io._BytesIOBuffer)
//   Instance    InstanceObject (an instance of a user class)
//   Set, FrozenSet  SetObject (set.hpp)
enum class Kind : uint8_t {
    None,
    Bool,
    Int,
    Float,
    Ellipsis,
    NotImplemented,
    Str,
    Bytes,
    ByteArray,
    MemoryView,
    List,
    Tuple,
    Dict,
    Range,
    Slice,
    Function,
    Builtin,
    Exception,
    Type,
    Iterator,
    Module,
    Array,
    Mmap,
    BytesIO,
    TempFile,
    Struct,
    Exporter,
    Instance,
    Set,
    FrozenSet,
};

class Value {
public:
    Value() = default;  // None

    // Inline kinds.
    static Value none() { return Value(); }
    static Value boolean(bool b) {
        Value v(Kind::Bool);
        v.i_ = b ? 1 : 0;
        return v;
    }
    static Value integer(int64_t i) {
        Value v(Kind::Int);
        v.i_ = i;
        return v;
    }
    static Value integer(BigInt big);  // normalised: stays inline when it fits int64
    static Value floating(double d) {
        Value v(Kind::Float);
        v.f_ = d;
        v.serial_ = next_float_serial();  // each float built is its own object
        return v;
    }
    static Value ellipsis() { return Value(Kind::Ellipsis); }
    static Value not_implemented() { return Value(Kind::NotImplemented); }

    // Heap kinds (defined in value.cpp).
    static Value str(std::string utf8);  // utf8 must be valid UTF-8
    // When the caller knows the length in code points and whether it is ASCII
    // (concatenation, repetition): no scan of the text.
    static Value str_known(std::string utf8, int64_t length, bool ascii);
    static Value list(std::vector<Value> items = {});
    static Value tuple(std::vector<Value> items = {});
    static Value dict();
    static Value range(int64_t start, int64_t stop, int64_t step);
    static Value slice(Value start, Value stop, Value step);
    static Value exception(ExcType type, std::vector<Value> args = {});
    static Value type(const TypeObject& type);

    // Wrapping existing objects. The pointer must be non-null.
    static Value wrap(std::shared_ptr<engine::BytesObject> p) {
        return Value(Kind::Bytes, std::move(p));
    }
    static Value wrap(std::shared_ptr<engine::ByteArrayObject> p) {
        return Value(Kind::ByteArray, std::move(p));
    }
    static Value wrap(std::shared_ptr<engine::MemoryView> p) {
        return Value(Kind::MemoryView, std::move(p));
    }
    static Value wrap(std::shared_ptr<engine::ArrayObject> p) {
        return Value(Kind::Array, std::move(p));
    }
    static Value wrap(std::shared_ptr<engine::MmapObject> p) {
        return Value(Kind::Mmap, std::move(p));
    }
    static Value wrap(std::shared_ptr<engine::BytesIOObject> p) {
        return Value(Kind::BytesIO, std::move(p));
    }
    static Value wrap(std::shared_ptr<engine::TempFile> p) {
        return Value(Kind::TempFile, std::move(p));
    }
    static Value wrap(std::shared_ptr<StructObject> p) { return Value(Kind::Struct, std::move(p)); }
    static Value wrap_exporter(std::shared_ptr<engine::Exporter> p) {
        return Value(Kind::Exporter, std::move(p));
    }
    // Containers: tracked by the cycle collector (value.cpp).
    static Value wrap(std::shared_ptr<ListObject> p);
    static Value wrap(std::shared_ptr<DictObject> p);
    static Value wrap(std::shared_ptr<Callable> p);
    static Value wrap(std::shared_ptr<BuiltinFunction> p);
    static Value wrap(std::shared_ptr<ExceptionObject> p) {
        return Value(Kind::Exception, std::move(p));
    }
    static Value wrap(std::shared_ptr<IteratorObject> p);
    static Value wrap(std::shared_ptr<ModuleObject> p) { return Value(Kind::Module, std::move(p)); }
    static Value wrap(std::shared_ptr<InstanceObject> p);
    static Value wrap(std::shared_ptr<SetObject> p, bool frozen);

    Kind kind() const { return kind_; }
    bool is(Kind k) const { return kind_ == k; }
    bool is_none() const { return kind_ == Kind::None; }
    bool is_bool() const { return kind_ == Kind::Bool; }
    bool is_int() const { return kind_ == Kind::Int; }  // bool is not included
    bool is_small_int() const { return kind_ == Kind::Int && !ptr_; }
    bool is_big_int() const { return kind_ == Kind::Int && ptr_; }
    bool is_float() const { return kind_ == Kind::Float; }
    bool is_str() const { return kind_ == Kind::Str; }

    bool as_bool() const { return i_ != 0; }  // Kind::Bool
    int64_t small_int() const { return i_; }  // is_small_int() (or Bool: 0/1)
    const BigInt& big_int() const;            // is_big_int()
    double as_float() const { return f_; }    // Kind::Float
    const StrObject& as_str() const;          // Kind::Str
    const std::string& str_utf8() const;      // Kind::Str: the UTF-8 text

    // The object behind a heap kind; T must match the table above.
    template <class T>
    T& obj() const {
        return *static_cast<T*>(ptr_.get());
    }
    template <class T>
    std::shared_ptr<T> shared() const {
        return std::static_pointer_cast<T>(ptr_);
    }
    const void* identity() const { return ptr_.get(); }  // null for inline kinds

    // Identity as `is` sees it. Inline kinds compare by value (True is True),
    // small ints by value too (CPython caches -5..256; larger equal ints built
    // separately are usually not `is` there, a difference the subset accepts).
    bool same_as(const Value& other) const;

private:
    explicit Value(Kind k) : kind_(k) {}
    template <class T>
    Value(Kind k, std::shared_ptr<T> p) : kind_(k), ptr_(std::move(p)) {}

    // A float's identity (`x is x`, and the identity-first comparisons of
    // `x in [x]` with x a NaN): copies share it, floats built apart do not.
    static uint32_t next_float_serial() {
        static thread_local uint32_t n = 0;
        return ++n != 0 ? n : ++n;
    }

    Kind kind_ = Kind::None;
    uint32_t serial_ = 0;  // Kind::Float only
    union {
        int64_t i_ = 0;
        double f_;
    };
    std::shared_ptr<void> ptr_;
};

// ---- the whole-heap budget ---------------------------------------------

// The counts of one meter. Shared with every object it charged, so an object
// that outlives its run (a thread-local cache of the last KeyError key) still
// uncounts itself safely.
struct HeapAccount {
    engine::BufferContext* ctx = nullptr;  // null once the run's context is gone
    uint64_t total = UINT64_MAX;
    uint64_t objects = 0;
    void add(uint64_t bytes);
    void sub(uint64_t bytes);
    void steer();  // the context's block budget = total - objects
};

// The bytes a run's Python objects hold, and the one budget they share with
// the run's buffer blocks: the BufferContext's own budget is kept at
// (total - bytes held by objects), so a block charge fails exactly when
// blocks + objects would pass the total.
class HeapMeter {
public:
    HeapMeter() : account_(std::make_shared<HeapAccount>()) {}
    HeapMeter(const HeapMeter&) = delete;
    HeapMeter& operator=(const HeapMeter&) = delete;
    // Starts metering objects against `total` bytes shared with ctx's blocks.
    void attach(engine::BufferContext* ctx, uint64_t total);
    // The context is going away: keep counting, stop steering its budget.
    void detach() { account_->ctx = nullptr; }
    // MemoryError when `bytes` more would pass the budget.
    Result<void> check(uint64_t bytes) const;
    uint64_t objects_bytes() const { return account_->objects; }
    uint64_t total() const { return account_->total; }
    bool over() const;  // objects + blocks past the total (an unchecked growth)
    const std::shared_ptr<HeapAccount>& account() const { return account_; }
    // The run's tracked containers (the cycle collector's list).
    GcList& gc() const { return gc_; }

private:
    std::shared_ptr<HeapAccount> account_;
    mutable GcList gc_;
};

// The meter new objects charge; null outside a run (nothing is metered).
HeapMeter* current_heap();
// Makes `meter` current for a scope (Interpreter::run).
class HeapScope {
public:
    explicit HeapScope(HeapMeter* meter);
    ~HeapScope();
    HeapScope(const HeapScope&) = delete;
    HeapScope& operator=(const HeapScope&) = delete;

private:
    HeapMeter* saved_;
};

// Before making a result of `bytes` (or `count` items of `each` bytes, the
// product checked): MemoryError when it would pass the current budget.
Result<void> heap_reserve(uint64_t bytes);
Result<void> heap_reserve(uint64_t count, uint64_t each);
// Bytes one Value slot takes in a list/tuple/dict.
inline constexpr uint64_t kValueSlot = 32;

// What one object charged, given back when it dies.
struct HeapCharge {
    std::shared_ptr<HeapAccount> account;
    uint64_t bytes = 0;
    HeapCharge() = default;
    HeapCharge(const HeapCharge&) : HeapCharge() {}  // a copy charges itself
    HeapCharge& operator=(const HeapCharge&) { return *this; }
    ~HeapCharge() {
        if (account) account->sub(bytes);
    }
    // Sets this object's charge to `now` bytes (unchecked: the growth was
    // checked by the caller, or is small).
    void set(uint64_t now);
};

// ---- plain Python objects ------------------------------------------------

// str: UTF-8 text with its length in code points. Immutable.
struct StrObject {
    std::string utf8;
    int64_t length = 0;  // code points
    bool ascii = true;   // every byte < 0x80: byte index == code point index
    HeapCharge charge;
};

// Destroys container items without deep C++ recursion (CPython's
// "trashcan"): past a nesting depth, items are parked and destroyed by the
// outermost container, so `a = [a]` nested 10**5 deep cannot overflow the stack.
void release_items(std::vector<Value>& items);

struct ListObject {
    std::vector<Value> items;
    HeapCharge charge;
    GcHead gc_head;
    ListObject() = default;
    ListObject(const ListObject&) = default;
    ListObject& operator=(const ListObject&) = default;
    ~ListObject() { release_items(items); }
    // Before adding `more` items: MemoryError when the grown storage would
    // pass the budget; otherwise reserves it and charges it.
    Result<void> grow(uint64_t more);
    // Re-charges the storage after a change made without grow().
    void recharge() { charge.set(items.capacity() * kValueSlot); }
};

struct TupleObject {
    std::vector<Value> items;
    HeapCharge charge;
    GcHead gc_head;
    TupleObject() = default;
    TupleObject(const TupleObject&) = default;
    ~TupleObject() { release_items(items); }
};

struct RangeObject {
    int64_t start = 0, stop = 0, step = 1;
    int64_t length() const;  // never negative; fits because start/stop are int64
};

struct SliceObject {
    Value start, stop, step;  // None when omitted
};

// An exception instance. `args` as Python sees them. When the runtime raises
// (an engine::Error carries only text), the instance is rebuilt from the
// Error: args = (message,), and `text` keeps the message as str(e) must show
// it (KeyError's message is already repr(key)).
struct ExceptionObject {
    ExcType type = ExcType::Exception;
    std::vector<Value> args;
    std::optional<std::string> text;  // str(e) when set; otherwise derived from args
};

// Which built-in type a type object is. Exception classes carry their ExcType.
enum class TypeId : uint8_t {
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    MemoryView,
    List,
    Tuple,
    Dict,
    Range,
    Slice,
    Ellipsis,
    NotImplementedType,
    Function,
    BuiltinFunction,
    Exception,
    Type,
    Module,
    Array,
    Mmap,
    BytesIO,
    TempFile,
    Struct,
    // iterators and iterator-returning builtins
    ListIterator,
    TupleIterator,
    StrIterator,
    BytesIterator,
    RangeIterator,
    DictKeyIterator,
    DictValueIterator,
    DictItemIterator,
    Enumerate,
    Zip,
    Reversed,
    Generator,
    DictKeys,
    DictValues,
    DictItems,
    Iterator /* any other */,
    Class /* a user class: TypeObject::cls */,
    Object /* the built-in `object`, base of every class */,
    Set,
    FrozenSet,
};

struct TypeObject {
    TypeId id = TypeId::NoneType;
    ExcType exc = ExcType::Exception;  // meaningful when id == Exception
    const char* iter_name = nullptr;   // id == Iterator: "list_iterator", "enumerate", ...
    std::shared_ptr<ClassObject> cls;  // id == Class
    GcHead gc_head;                    // id == Class: tracked (it holds the class)
    bool operator==(const TypeObject& o) const {
        if (id != o.id) return false;
        if (id == TypeId::Class) return cls == o.cls;
        if (id == TypeId::Exception) return exc == o.exc;
        if (id == TypeId::Iterator)
            return std::string_view(iter_name ? iter_name : "") ==
                   std::string_view(o.iter_name ? o.iter_name : "");
        return true;
    }
};

// Positional and keyword arguments of one call.
struct CallArgs {
    std::vector<Value> args;
    std::vector<std::pair<std::string, Value>> kwargs;
};

// A user-defined function or lambda. The evaluator subclasses it; the runtime
// only calls it (sorted(key=f), min(key=), map-like builtins).
class Callable {
public:
    virtual ~Callable() = default;
    virtual Result<Value> call(Interp& interp, CallArgs args) = 0;
    virtual std::string name() const = 0;  // __name__; "<lambda>" for lambdas
    // The cycle collector: visit every Value / tracked object this function
    // holds a strong reference to; drop them.
    virtual void gc_traverse(GcVisitor&) const {}
    virtual void gc_clear() {}
    GcHead gc_head;
};

// A built-in function or a method bound to its receiver ("bound method").
// `self` is None for plain functions such as len.
using BuiltinFn = Result<Value> (*)(Interp& interp, const Value& self, CallArgs& args);
class BuiltinFunction {
public:
    BuiltinFunction(std::string name, BuiltinFn fn, Value self = Value(), bool has_self = false)
        : name_(std::move(name)), fn_(fn), self_(std::move(self)), has_self_(has_self) {}
    Result<Value> call(Interp& interp, CallArgs& args) const { return fn_(interp, self_, args); }
    const std::string& name() const { return name_; }
    const Value& self() const { return self_; }
    bool is_method() const {
        return has_self_;
    }  // repr: <built-in method append of list object ...>
    void gc_clear() { self_ = Value(); }  // the cycle collector
    GcHead gc_head;

private:
    std::string name_;
    BuiltinFn fn_;
    Value self_;
    bool has_self_;
};

// The iteration protocol: next() gives the next item, nullopt when exhausted
// (StopIteration is raised only by the `next` builtin). The evaluator
// subclasses it for generator expressions.
class IteratorObject {
public:
    virtual ~IteratorObject() = default;
    virtual Result<std::optional<Value>> next(Interp& interp) = 0;
    virtual TypeId type_id() const { return TypeId::Iterator; }
    // type(it).__name__ when type_id() is Iterator: "list_iterator", "enumerate"...
    virtual const char* type_name() const { return "iterator"; }
    // Generators: the name repr shows ("<generator object f at 0x...>"); empty: none.
    virtual std::string repr_name() const { return {}; }
    // Generators: a method (send, close, throw) bound to `self`; nullopt: none.
    virtual std::optional<Value> attribute(const Value& self, std::string_view name) const {
        (void)self;
        (void)name;
        return std::nullopt;
    }
    // The exception the `next` builtin raises when this iterator just ended
    // (a generator's StopIteration(value)); nullopt: a bare StopIteration.
    virtual std::optional<Error> stop_error(Interp& interp) {
        (void)interp;
        return std::nullopt;
    }
    // The cycle collector (gc.hpp): an iterator that holds user values says
    // so (gc_holds) and is tracked when wrapped; a suspended generator has a
    // finalizer (its close()), run once before it is cleared.
    virtual bool gc_holds() const { return false; }
    virtual void gc_traverse(GcVisitor&) const {}
    virtual void gc_clear() {}
    virtual bool gc_needs_finalize() const { return false; }
    virtual void gc_finalize() {}
    GcHead gc_head;
};

// import struct / array / mmap / io / tempfile / os / sys.
struct ModuleObject {
    std::string name;
    std::vector<std::pair<std::string, Value>> attrs;  // few entries: linear lookup
    const Value* find(std::string_view attr) const {
        for (const auto& [k, v] : attrs)
            if (k == attr) return &v;
        return nullptr;
    }
};

// What the runtime needs from the evaluator: calling back into user code,
// printing, and budgets. The runtime never stores an Interp beyond a call.
class Interp {
public:
    virtual ~Interp() = default;
    // print() writes here.
    virtual void write_output(std::string_view text) = 0;
    // The run's buffer engine state: every bytes/bytearray/memoryview/array/
    // mmap/BytesIO/TemporaryFile the runtime creates is created in it.
    virtual engine::BufferContext& buffer_context() = 0;
    // Called once per item by builtins that loop (sum, sorted, list(), join,
    // ...), so long loops inside one line still meet the step budget.
    virtual Result<void> tick() { return ok(); }
    // The runtime caught an exception that user code raised (hasattr, a
    // StopIteration ending __next__): the evaluator forgets its traceback.
    virtual void exception_swallowed() {}
    // getattr(obj, name) raised AttributeError `error`: the evaluator keeps
    // obj's names for the printed traceback's "Did you mean" hint.
    virtual void attribute_missing(const Error& error, const Value& obj, std::string_view name) {
        (void)error, (void)obj, (void)name;
    }
    // Deterministic os.urandom: a per-run xorshift64* state; reset per run by
    // the evaluator if it wants lessons to replay identically.
    uint64_t urandom_state = 0x9E3779B97F4A7C15ULL;
    // Files from tempfile.TemporaryFile(), so mmap.mmap(f.fileno(), ...) can
    // find the file by its number.
    std::vector<std::weak_ptr<engine::TempFile>> temp_files;
    // The whole-heap budget of this run's objects (see HeapMeter). A member of
    // the base, so it outlives every Value the derived evaluator holds.
    HeapMeter heap;
};

}  // namespace engine::py
