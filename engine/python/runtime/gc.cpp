// The cycle collector (see gc.hpp): the tracked list, the collection, and the
// traversal and clearing of each runtime container kind, in one place.
#include "engine/python/runtime/gc.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/set.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

void GcVisitor::operator()(const Value& v) {
    if (const void* p = v.identity()) visit(p);
}

// ---- the list -------------------------------------------------------------

void GcHead::unlink() {
    if (!list) return;
    prev->next = next;
    next->prev = prev;
    list->unlinked();
    list = nullptr;
    prev = next = nullptr;
    self.reset();
}

GcList::GcList() { sentinel_.prev = sentinel_.next = &sentinel_; }

GcList::~GcList() {
    GcHead* h = sentinel_.next;
    while (h != &sentinel_) {
        GcHead* next = h->next;
        h->list = nullptr;
        h->prev = h->next = nullptr;
        h->self.reset();
        h = next;
    }
    sentinel_.prev = sentinel_.next = &sentinel_;
}

void GcList::link(GcHead& head) {
    head.list = this;
    head.prev = sentinel_.prev;
    head.next = &sentinel_;
    sentinel_.prev->next = &head;
    sentinel_.prev = &head;
    ++count_;
    ++young_;
}

bool GcList::due() const {
    if (!enabled || collecting_ || threshold <= 0) return false;
    return young_ > threshold && young_ > survivors_ / 4;
}

void gc_track_raw(GcHead& head, const GcType& type, void* obj, std::weak_ptr<void> self) {
    GcList* list = current_gc();
    if (!list || head.tracked()) return;
    head.type = &type;
    head.obj = obj;
    head.self = std::move(self);
    list->link(head);
}

GcList* current_gc() {
    HeapMeter* heap = current_heap();
    return heap ? &heap->gc() : nullptr;
}

int64_t gc_collect() {
    GcList* list = current_gc();
    return list ? list->collect() : 0;
}

void gc_maybe_collect() {
    GcList* list = current_gc();
    if (!list) return;
    list->pressure_collected = false;
    if (list->due()) list->collect();
}

// ---- the collection -------------------------------------------------------

namespace {

using HeadMap = std::unordered_map<const void*, GcHead*>;

// Step 3: each internal reference to a tracked object is one count less.
class Subtract final : public GcVisitor {
public:
    explicit Subtract(const HeadMap& map) : map_(map) {}
    void visit(const void* p) override {
        auto it = map_.find(p);
        if (it != map_.end()) --it->second->refs;
    }

private:
    const HeadMap& map_;
};

// Step 4: what a reachable object references is reachable (refs = 1).
class Mark final : public GcVisitor {
public:
    Mark(const HeadMap& map, std::vector<GcHead*>& stack) : map_(map), stack_(stack) {}
    void visit(const void* p) override {
        auto it = map_.find(p);
        if (it != map_.end() && it->second->refs == 0) {
            it->second->refs = 1;
            stack_.push_back(it->second);
        }
    }

private:
    const HeadMap& map_;
    std::vector<GcHead*>& stack_;
};

}  // namespace

int64_t GcList::collect(bool finalizers) {
    if (collecting_) return 0;
    collecting_ = true;
    int64_t found = collect_once(finalizers);
    while (found < 0) found = collect_once(finalizers);  // each pass finalizes new objects
    survivors_ = count_;
    young_ = 0;
    ++collections;
    collecting_ = false;
    return found;
}

int64_t GcList::collect_once(bool finalizers) {
    std::vector<GcHead*> heads;
    heads.reserve(static_cast<size_t>(count_));
    HeadMap map;
    map.reserve(static_cast<size_t>(count_));
    for (GcHead* h = sentinel_.next; h != &sentinel_; h = h->next) {
        h->refs = h->self.use_count();
        if (h->refs == 0) continue;  // being destroyed (its destructor runs user code)
        heads.push_back(h);
        map.emplace(h->obj, h);
    }
    Subtract subtract(map);
    for (GcHead* h : heads) h->type->traverse(h->obj, subtract);
    std::vector<GcHead*> stack;
    for (GcHead* h : heads) {
        // Without finalizers, an object that still needs one is a root.
        const bool pinned = !finalizers && h->type->needs_finalize &&
                            h->type->needs_finalize(h->obj);
        if (h->refs > 0 || pinned) {
            h->refs = 1;
            stack.push_back(h);
        } else {
            h->refs = 0;  // unreachable unless marked below
        }
    }
    Mark mark(map, stack);
    while (!stack.empty()) {
        GcHead* h = stack.back();
        stack.pop_back();
        h->type->traverse(h->obj, mark);
    }
    // Step 5: hold the garbage, clear it, let it go.
    std::vector<std::pair<GcHead*, std::shared_ptr<void>>> garbage;
    for (GcHead* h : heads) {
        if (h->refs != 0) continue;
        if (auto strong = h->self.lock()) garbage.emplace_back(h, std::move(strong));
    }
    heads.clear();
    map.clear();
    // Finalizers first (user code: it may resurrect or unlink objects, so the
    // pass is redone afterwards instead of clearing what it saw).
    bool finalized = false;
    for (auto& [h, strong] : garbage) {
        if (h->type->needs_finalize && h->type->needs_finalize(h->obj)) {
            h->type->finalize(h->obj);
            finalized = true;
        }
    }
    if (finalized) {
        while (!garbage.empty()) garbage.pop_back();
        return -1;
    }
    for (auto& [h, strong] : garbage) h->type->clear(h->obj);
    const auto freed = static_cast<int64_t>(garbage.size());
    while (!garbage.empty()) garbage.pop_back();  // newest first, like a stack unwinding
    return freed;
}

// ---- the container kinds --------------------------------------------------

namespace {

void visit_items(const std::vector<Value>& items, GcVisitor& visit) {
    for (const Value& v : items) visit(v);
}

void list_traverse(const void* obj, GcVisitor& visit) {
    visit_items(static_cast<const ListObject*>(obj)->items, visit);
}
void list_clear(void* obj) {
    auto* l = static_cast<ListObject*>(obj);
    std::vector<Value> doomed = std::move(l->items);
    l->items.clear();
    l->recharge();
    release_items(doomed);
}

void tuple_traverse(const void* obj, GcVisitor& visit) {
    visit_items(static_cast<const TupleObject*>(obj)->items, visit);
}
void tuple_clear(void* obj) {
    auto* t = static_cast<TupleObject*>(obj);
    std::vector<Value> doomed = std::move(t->items);
    t->items.clear();
    release_items(doomed);
}

void dict_traverse(const void* obj, GcVisitor& visit) {
    for (const auto& e : static_cast<const DictObject*>(obj)->entries()) {
        visit(e.key);
        visit(e.value);
    }
}
void dict_clear(void* obj) { static_cast<DictObject*>(obj)->clear(); }

void instance_traverse(const void* obj, GcVisitor& visit) {
    const auto* inst = static_cast<const InstanceObject*>(obj);
    if (inst->cls) visit.visit(inst->cls.get());
    for (const auto& [name, v] : inst->dict) visit(v);
    visit_items(inst->args, visit);
}
void instance_clear(void* obj) {
    auto* inst = static_cast<InstanceObject*>(obj);
    // Attributes die in the order they were set, as the instance's dict clears.
    std::vector<std::pair<std::string, Value>> doomed = std::move(inst->dict);
    inst->dict.clear();
    for (auto& entry : doomed) Value gone = std::move(entry.second);
    std::vector<Value> args = std::move(inst->args);
    inst->args.clear();
    release_items(args);
    // The class stays: it is what a cleared instance still reports as its type.
}

void class_traverse(const void* obj, GcVisitor& visit) {
    const auto* cls = static_cast<const ClassObject*>(obj);
    if (cls->base) visit.visit(cls->base.get());
    for (const auto& [name, v] : cls->attrs) visit(v);
    for (const auto& s : cls->slots)
        if (s) visit(*s);
}
void class_clear(void* obj) { static_cast<ClassObject*>(obj)->clear(); }

// A class's type object: it holds the class (cleared through the class).
void type_traverse(const void* obj, GcVisitor& visit) {
    const auto* t = static_cast<const TypeObject*>(obj);
    if (t->cls) visit.visit(t->cls.get());
}
void type_clear(void*) {}

void function_traverse(const void* obj, GcVisitor& visit) {
    static_cast<const Callable*>(obj)->gc_traverse(visit);
}
void function_clear(void* obj) { static_cast<Callable*>(obj)->gc_clear(); }

void builtin_traverse(const void* obj, GcVisitor& visit) {
    visit(static_cast<const BuiltinFunction*>(obj)->self());
}
void builtin_clear(void* obj) { static_cast<BuiltinFunction*>(obj)->gc_clear(); }

void iterator_traverse(const void* obj, GcVisitor& visit) {
    static_cast<const IteratorObject*>(obj)->gc_traverse(visit);
}
void iterator_clear(void* obj) { static_cast<IteratorObject*>(obj)->gc_clear(); }
bool iterator_needs_finalize(const void* obj) {
    return static_cast<const IteratorObject*>(obj)->gc_needs_finalize();
}
void iterator_finalize(void* obj) { static_cast<IteratorObject*>(obj)->gc_finalize(); }

void set_traverse(const void* obj, GcVisitor& visit) {
    for (const auto& e : static_cast<const SetObject*>(obj)->table())
        if (e.state == SetObject::State::Active) visit(e.key);
}
void set_clear(void* obj) { static_cast<SetObject*>(obj)->clear(); }

}  // namespace

const GcType kListGc{"list", list_traverse, list_clear};
const GcType kTupleGc{"tuple", tuple_traverse, tuple_clear};
const GcType kDictGc{"dict", dict_traverse, dict_clear};
const GcType kInstanceGc{"instance", instance_traverse, instance_clear};
const GcType kClassGc{"class", class_traverse, class_clear};
const GcType kTypeGc{"type", type_traverse, type_clear};
const GcType kFunctionGc{"function", function_traverse, function_clear};
const GcType kBuiltinGc{"builtin_function_or_method", builtin_traverse, builtin_clear};
const GcType kIteratorGc{"iterator", iterator_traverse, iterator_clear, iterator_needs_finalize,
                         iterator_finalize};
const GcType kSetGc{"set", set_traverse, set_clear};

}  // namespace engine::py
