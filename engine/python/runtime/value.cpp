// Value factories and the accessors that need complete object types.
#include "engine/python/runtime/value.hpp"

#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/dict.hpp"

namespace engine::py {

Value Value::integer(BigInt big) {
    if (big.fits_int64()) return integer(big.to_int64());
    return Value(Kind::Int, std::make_shared<BigInt>(std::move(big)));
}

Value Value::str(std::string utf8) {
    auto s = std::make_shared<StrObject>();
    s->ascii = true;
    int64_t n = 0;
    for (unsigned char c : utf8) {
        if (c >= 0x80) s->ascii = false;
        if ((c & 0xC0) != 0x80) ++n;  // count lead bytes
    }
    s->length = n;
    s->utf8 = std::move(utf8);
    return Value(Kind::Str, std::move(s));
}

Value Value::list(std::vector<Value> items) {
    auto l = std::make_shared<ListObject>();
    l->items = std::move(items);
    return Value(Kind::List, std::move(l));
}

Value Value::tuple(std::vector<Value> items) {
    auto t = std::make_shared<TupleObject>();
    t->items = std::move(items);
    return Value(Kind::Tuple, std::move(t));
}

Value Value::dict() { return Value(Kind::Dict, std::make_shared<DictObject>()); }

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
    return Value(Kind::Type, std::make_shared<TypeObject>(type));
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
