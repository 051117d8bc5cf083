// Value factories and the accessors that need complete object types.
#include "engine/python/runtime/value.hpp"

#include <algorithm>
#include <cstring>

#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/set.hpp"

#include "engine/buffer/context.hpp"

namespace engine::py {

// ---- HeapMeter ----------------------------------------------------------

namespace {
thread_local HeapMeter* g_heap = nullptr;

// A big int with its charge: the Value points at the BigInt base.
struct BigIntBox {
    BigInt value;
    HeapCharge charge;
};
}  // namespace

void HeapMeter::attach(engine::BufferContext* ctx, uint64_t total) {
    account_->ctx = ctx;
    account_->total = total;
    account_->steer();
}

void HeapAccount::steer() {
    if (ctx) ctx->set_memory_budget(objects >= total ? 0 : total - objects);
}

void HeapAccount::add(uint64_t bytes) {
    objects = bytes > UINT64_MAX - objects ? UINT64_MAX : objects + bytes;
    steer();
}

void HeapAccount::sub(uint64_t bytes) {
    objects = bytes > objects ? 0 : objects - bytes;
    steer();
}

Result<void> HeapMeter::check(uint64_t bytes) const {
    const HeapAccount& a = *account_;
    auto fits = [&] {
        uint64_t blocks = a.ctx ? a.ctx->bytes_in_use() : 0;
        uint64_t used = a.objects + blocks;
        return used <= a.total && bytes <= a.total - used;
    };
    if (fits()) return ok();
    // Near the limit: free the cycles first (once per statement), then decide.
    if (!gc_.collecting() && !gc_.pressure_collected && gc_.count() > 0) {
        gc_.pressure_collected = true;
        if (gc_.collect(/*finalizers=*/false) > 0 && fits()) return ok();
    }
    return raise(ExcType::MemoryError, "");
}

bool HeapMeter::over() const {
    const HeapAccount& a = *account_;
    uint64_t blocks = a.ctx ? a.ctx->bytes_in_use() : 0;
    return a.objects > a.total || blocks > a.total - a.objects;
}

HeapMeter* current_heap() { return g_heap; }

HeapScope::HeapScope(HeapMeter* meter) : saved_(g_heap) { g_heap = meter; }
HeapScope::~HeapScope() { g_heap = saved_; }

Result<void> heap_reserve(uint64_t bytes) {
    if (g_heap) return g_heap->check(bytes);
    return ok();
}

Result<void> heap_reserve(uint64_t count, uint64_t each) {
    if (each != 0 && count > UINT64_MAX / each) return raise(ExcType::MemoryError, "");
    return heap_reserve(count * each);
}

void HeapCharge::set(uint64_t now) {
    if (!account) {
        if (!g_heap) return;
        account = g_heap->account();
    }
    if (now > bytes) {
        account->add(now - bytes);
    } else {
        account->sub(bytes - now);
    }
    bytes = now;
}

Result<void> ListObject::grow(uint64_t more) {
    const uint64_t size = items.size();
    if (more > static_cast<uint64_t>(INT64_MAX) / kValueSlot - size)
        return raise(ExcType::MemoryError, "");
    const uint64_t need = size + more;
    if (need > items.capacity()) {
        // std::vector doubles; charge what it will hold.
        uint64_t cap = std::max<uint64_t>(need, items.capacity() * 2);
        uint64_t extra = (cap - items.capacity()) * kValueSlot;
        if (g_heap && !g_heap->check(extra)) {
            cap = need;  // exactly what is needed, if that fits
            BV_CHECK(heap_reserve((cap - items.capacity()) * kValueSlot));
        }
        items.reserve(cap);
        recharge();
    }
    return ok();
}

// ---- factories ----------------------------------------------------------

Value Value::integer(BigInt big) {
    if (big.fits_int64()) return integer(big.to_int64());
    auto box = std::make_shared<BigIntBox>();
    box->value = std::move(big);
    box->charge.set(sizeof(BigIntBox) + box->value.limb_count() * 4);
    std::shared_ptr<BigInt> p(box, &box->value);  // aliasing: the box owns the BigInt
    return Value(Kind::Int, std::move(p));
}

Value Value::str(std::string utf8) {
    auto s = std::make_shared<StrObject>();
    s->charge.set(sizeof(StrObject) + utf8.capacity());
    // ASCII words first (8 bytes at a time), then count lead bytes.
    const unsigned char* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const size_t size = utf8.size();
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL) break;
    }
    int64_t n = static_cast<int64_t>(i);
    s->ascii = true;
    for (; i < size; ++i) {
        unsigned char c = p[i];
        if (c >= 0x80) s->ascii = false;
        if ((c & 0xC0) != 0x80) ++n;  // count lead bytes
    }
    s->length = n;
    s->utf8 = std::move(utf8);
    return Value(Kind::Str, std::move(s));
}

Value Value::str_known(std::string utf8, int64_t length, bool ascii) {
    auto s = std::make_shared<StrObject>();
    s->charge.set(sizeof(StrObject) + utf8.capacity());
    s->length = length;
    s->ascii = ascii;
    s->utf8 = std::move(utf8);
    return Value(Kind::Str, std::move(s));
}

Value Value::list(std::vector<Value> items) {
    auto l = std::make_shared<ListObject>();
    l->items = std::move(items);
    l->recharge();
    return wrap(std::move(l));
}

Value Value::tuple(std::vector<Value> items) {
    auto t = std::make_shared<TupleObject>();
    t->items = std::move(items);
    t->charge.set(sizeof(TupleObject) + t->items.capacity() * kValueSlot);
    gc_track(t->gc_head, kTupleGc, t);
    return Value(Kind::Tuple, std::move(t));
}

Value Value::dict() { return wrap(std::make_shared<DictObject>()); }

// Containers: tracked by the cycle collector when wrapped.
Value Value::wrap(std::shared_ptr<ListObject> p) {
    gc_track(p->gc_head, kListGc, p);
    return Value(Kind::List, std::move(p));
}
Value Value::wrap(std::shared_ptr<DictObject> p) {
    gc_track(p->gc_head, kDictGc, p);
    return Value(Kind::Dict, std::move(p));
}
Value Value::wrap(std::shared_ptr<Callable> p) {
    gc_track(p->gc_head, kFunctionGc, p);
    return Value(Kind::Function, std::move(p));
}
Value Value::wrap(std::shared_ptr<BuiltinFunction> p) {
    if (p->is_method()) gc_track(p->gc_head, kBuiltinGc, p);  // a plain builtin holds nothing
    return Value(Kind::Builtin, std::move(p));
}
Value Value::wrap(std::shared_ptr<IteratorObject> p) {
    if (p->gc_holds()) gc_track(p->gc_head, kIteratorGc, p);  // most iterators hold no cycle
    return Value(Kind::Iterator, std::move(p));
}
Value Value::wrap(std::shared_ptr<SetObject> p, bool frozen) {
    gc_track(p->gc_head, kSetGc, p);
    return Value(frozen ? Kind::FrozenSet : Kind::Set, std::move(p));
}
Value Value::wrap(std::shared_ptr<InstanceObject> p) {
    gc_track(p->gc_head, kInstanceGc, p);
    return Value(Kind::Instance, std::move(p));
}

Value Value::range(int64_t start, int64_t stop, int64_t step) {
    return Value(Kind::Range, std::make_shared<RangeObject>(RangeObject{start, stop, step}));
}

Value Value::slice(Value start, Value stop, Value step) {
    return Value(Kind::Slice, std::make_shared<SliceObject>(
                                  SliceObject{std::move(start), std::move(stop), std::move(step)}));
}

Value Value::exception(ExcType type, std::vector<Value> args) {
    auto e = std::make_shared<ExceptionObject>();
    e->type = type;
    e->args = std::move(args);
    return Value(Kind::Exception, std::move(e));
}

Value Value::type(const TypeObject& type) {
    auto t = std::make_shared<TypeObject>(type);
    if (t->cls) {
        gc_track(t->cls->gc_head, kClassGc, t->cls);
        gc_track(t->gc_head, kTypeGc, std::shared_ptr<const TypeObject>(t));
    }
    return Value(Kind::Type, std::move(t));
}

const BigInt& Value::big_int() const { return *static_cast<const BigInt*>(ptr_.get()); }
const StrObject& Value::as_str() const { return *static_cast<const StrObject*>(ptr_.get()); }
const std::string& Value::str_utf8() const { return as_str().utf8; }

bool Value::same_as(const Value& other) const {
    if (kind_ != other.kind_) return false;
    switch (kind_) {
        case Kind::None:
        case Kind::Ellipsis:
        case Kind::NotImplemented:
            return true;
        case Kind::Bool:
            return i_ == other.i_;
        case Kind::Int:
            if (!ptr_ && !other.ptr_) return i_ == other.i_;
            return ptr_ == other.ptr_;
        case Kind::Float:
            return serial_ != 0 && serial_ == other.serial_;  // a float built twice is two objects
        case Kind::Type:
            return obj<const TypeObject>() == other.obj<const TypeObject>();
        default:
            return ptr_ == other.ptr_;
    }
}

namespace {
thread_local int g_release_depth = 0;
thread_local std::vector<Value>* g_parked = nullptr;
}  // namespace

void release_items(std::vector<Value>& items) {
    if (items.empty()) return;
    if (g_release_depth >= 64 && g_parked) {
        for (auto& v : items) g_parked->push_back(std::move(v));
        items.clear();
        return;
    }
    std::vector<Value> parked;
    bool outermost = g_parked == nullptr;
    if (outermost) g_parked = &parked;
    ++g_release_depth;
    items.clear();
    --g_release_depth;
    if (outermost) {
        // Drain what deeper containers parked; each batch may park more.
        while (!parked.empty()) {
            std::vector<Value> batch = std::move(parked);
            parked.clear();
            ++g_release_depth;
            batch.clear();
            --g_release_depth;
        }
        g_parked = nullptr;
    }
}

int64_t RangeObject::length() const {
    // Computed in unsigned 64-bit so start/stop at the int64 limits cannot overflow.
    if (step > 0 && start < stop) {
        uint64_t span = static_cast<uint64_t>(stop) - static_cast<uint64_t>(start) - 1;
        uint64_t n = span / static_cast<uint64_t>(step) + 1;
        return n > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX
                                                    : static_cast<int64_t>(n);  // saturates
    }
    if (step < 0 && start > stop) {
        uint64_t span = static_cast<uint64_t>(start) - static_cast<uint64_t>(stop) - 1;
        uint64_t s = static_cast<uint64_t>(-(step + 1)) + 1;
        uint64_t n = span / s + 1;
        return n > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(n);
    }
    return 0;
}

}  // namespace engine::py
