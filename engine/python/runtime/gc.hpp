// The cycle collector: frees reference cycles that counting alone never frees
// (`a = []; a.append(a)`, `self.parent = ...`, a function whose closure holds
// itself), so a memoryview inside a cycle gives its export back.
//
// Algorithm (CPython's Modules/gcmodule.c, one generation):
//   1. every container object is tracked: it embeds a GcHead, linked into the
//      run's list (GcList, owned by the HeapMeter) when it is first wrapped;
//   2. gc_refs = the object's strong count (the shared_ptr's use_count);
//   3. each tracked object's children are traversed and every reference to a
//      tracked object subtracts 1 from that object's gc_refs;
//   4. what keeps gc_refs > 0 is referenced from outside the tracked set (a
//      frame, the C++ stack, an untracked object): reachable, and so is all
//      it references (propagated);
//   5. the rest is garbage: held alive by strong references taken for the
//      duration, each garbage object is cleared (its references dropped),
//      which breaks the cycles, then the strong references are dropped.
// No root scanning: an object referenced by anything not traversed just stays
// (conservative). Visiting a reference that is not a strong one (a weak_ptr,
// a raw pointer) would free live objects: a traversal visits owning
// references only, each once.
//
// When: gc.collect(); at a statement boundary once the net count of tracked
// allocations since the last collection passes the threshold (700, CPython's
// generation-0 threshold, or a quarter of the survivors when that is more, so
// a large live heap is not rescanned every 700 allocations); when the heap
// budget would refuse an allocation (before MemoryError is raised); and when
// the interpreter ends (so LeakSanitizer sees nothing).
//
// Container kinds: one GcType each (traverse + clear), all in gc.cpp except
// the evaluator's own objects (frames, generator expressions:
// engine/python/frame_gc.cpp; generators: generator.cpp; user functions
// traverse through Callable::gc_traverse, iterators through
// IteratorObject::gc_traverse). Tracked: list, tuple, dict, set, frozenset,
// instance, class (ClassObject and its type object), function (Callable:
// user functions with their defaults and closure frame, bound methods,
// staticmethod/classmethod/property/super wrappers), builtin method (its
// bound self), frame (of a closure, a generator or a generator expression),
// generator (frame, function, saved resume points; a suspended one is closed
// first, its finally blocks run: CPython's PEP 442 finalizer, run once),
// generator expression, map, filter, callable_iterator, list_iterator,
// tuple_iterator, dict key/value/item iterators, enumerate, zip.
// A new container kind adds: a GcHead member, a GcType with its traverse and
// clear next to the others, and one gc_track() call where it is wrapped (an
// iterator: override gc_holds/gc_traverse/gc_clear).
// Not tracked (a cycle through them leaks): other iterators (reversed, set
// and dict-view iterators, iterators over instances, struct.iter_unpack),
// dict views, modules, exceptions (e.args), slices, struct objects.
#pragma once

#include <cstdint>
#include <memory>
#include <type_traits>

namespace engine::py {

class Value;
class HeapMeter;

// Called by a traversal for each strong reference a container holds.
class GcVisitor {
public:
    virtual ~GcVisitor() = default;
    virtual void visit(const void* identity) = 0;  // the referenced object's address
    void operator()(const Value& v);               // a Value (inline kinds: nothing)
};

struct GcType {
    const char* name;
    void (*traverse)(const void* obj, GcVisitor& visit);
    void (*clear)(void* obj);  // drops the object's references
    // Optional: a finalizer that runs user code (a suspended generator's
    // close()); needs_finalize says whether it has still to run.
    bool (*needs_finalize)(const void* obj) = nullptr;
    void (*finalize)(void* obj) = nullptr;
};

// Embedded in every tracked object. A copy of an object is not tracked until
// it is wrapped itself.
struct GcHead {
    GcHead* prev = nullptr;
    GcHead* next = nullptr;
    class GcList* list = nullptr;
    const GcType* type = nullptr;
    void* obj = nullptr;       // the object, as the Values referring to it hold it
    std::weak_ptr<void> self;  // its strong count
    int64_t refs = 0;          // gc_refs during a collection
    GcHead() = default;
    GcHead(const GcHead&) {}
    GcHead& operator=(const GcHead&) { return *this; }
    ~GcHead() { unlink(); }
    void unlink();
    bool tracked() const { return list != nullptr; }
};

// The tracked objects of one run.
class GcList {
public:
    GcList();
    ~GcList();  // objects that outlive the list are untracked, not freed
    GcList(const GcList&) = delete;
    GcList& operator=(const GcList&) = delete;
    void link(GcHead& head);
    void unlinked() {
        --count_;
        if (young_ > 0) --young_;
    }
    int64_t count() const { return count_; }
    int64_t young() const { return young_; }  // net tracked allocations since the last collection
    // The collection; returns the number of unreachable objects found.
    // finalizers=false (a collection inside an allocation, where user code
    // must not run): an object whose finalizer has still to run is kept, and
    // everything it references.
    int64_t collect(bool finalizers = true);
    bool enabled = true;   // gc.enable()/gc.disable(): the automatic collections
    int64_t threshold = 700;
    int64_t collections = 0;
    bool collecting() const { return collecting_; }
    bool pressure_collected = false;  // a budget refusal collected in this statement
    bool due() const;  // automatic collection wanted now

private:
    // One pass: -1 when finalizers ran (the pass is redone, as CPython redoes
    // its reachability after finalize_garbage, for resurrected objects).
    int64_t collect_once(bool finalizers);
    GcHead sentinel_;
    int64_t count_ = 0;
    int64_t young_ = 0;
    int64_t survivors_ = 0;
    bool collecting_ = false;
};

// Tracks `head` (embedded in *p) in the current run's list: nothing outside a
// run or when already tracked.
void gc_track_raw(GcHead& head, const GcType& type, void* obj, std::weak_ptr<void> self);
template <class T>
void gc_track(GcHead& head, const GcType& type, const std::shared_ptr<T>& p) {
    if (head.tracked() || !p) return;
    gc_track_raw(head, type, static_cast<void*>(const_cast<std::remove_const_t<T>*>(p.get())),
                 std::weak_ptr<void>(std::static_pointer_cast<void>(
                     std::const_pointer_cast<std::remove_const_t<T>>(p))));
}

// The current run's list (null outside a run).
GcList* current_gc();
// gc.collect() of the current run: the number of unreachable objects.
int64_t gc_collect();
// At a statement boundary: collects when enabled and due.
void gc_maybe_collect();

// The GcTypes of the runtime's containers (defined in gc.cpp).
extern const GcType kListGc, kTupleGc, kDictGc, kInstanceGc, kClassGc, kTypeGc, kFunctionGc,
    kBuiltinGc, kIteratorGc, kSetGc;

}  // namespace engine::py
