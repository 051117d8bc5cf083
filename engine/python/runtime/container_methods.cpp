// Methods of list, tuple and dict.
#include <fmt/format.h>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/iter.hpp"
#include "engine/python/runtime/methods.hpp"
#include "engine/python/runtime/ops.hpp"

namespace engine::py {

namespace {

std::vector<Value>& items_of(const Value& list) { return list.obj<ListObject>().items; }

Result<Value> l_append(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "list.append", 1, 1));
    BV_CHECK(self.obj<ListObject>().grow(1));
    items_of(self).push_back(args.args[0]);
    return Value();
}

Result<Value> l_extend(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "list.extend", 1, 1));
    BV_TRY(items, collect(interp, args.args[0]));
    BV_CHECK(self.obj<ListObject>().grow(items.size()));
    auto& l = items_of(self);
    l.insert(l.end(), items.begin(), items.end());
    return Value();
}

Result<Value> l_insert(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "insert", 2, 2));
    BV_TRY(i, to_ssize(args.args[0]));
    auto& l = items_of(self);
    int64_t n = static_cast<int64_t>(l.size());
    if (i < 0) i = std::max<int64_t>(0, i + n);
    if (i > n) i = n;
    BV_CHECK(self.obj<ListObject>().grow(1));
    l.insert(l.begin() + i, args.args[1]);
    return Value();
}

Result<Value> l_pop(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "pop", 0, 1));
    auto& l = items_of(self);
    int64_t i = -1;
    if (!args.args.empty()) {
        BV_TRY(k, to_ssize(args.args[0]));
        i = k;
    }
    if (l.empty()) return raise(ExcType::IndexError, "pop from empty list");
    int64_t n = static_cast<int64_t>(l.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(ExcType::IndexError, "pop index out of range");
    Value v = std::move(l[static_cast<size_t>(i)]);
    l.erase(l.begin() + i);
    return v;
}

Result<int64_t> find_item(const std::vector<Value>& items, const Value& x, int64_t start,
                          int64_t stop) {
    int64_t n = static_cast<int64_t>(items.size());
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
    for (int64_t i = start; i < std::min(stop, static_cast<int64_t>(items.size())); ++i) {
        Value item = items[static_cast<size_t>(i)];
        if (item.same_as(x)) return i;
        BV_TRY(e, eq(item, x));
        if (e) return i;
    }
    return int64_t{-1};
}

Result<Value> l_remove(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "list.remove", 1, 1));
    auto& l = items_of(self);
    BV_TRY(i, find_item(l, args.args[0], 0, INT64_MAX));
    if (i < 0 || i >= static_cast<int64_t>(l.size()))
        return raise(ExcType::ValueError, "list.remove(x): x not in list");
    Value old = std::move(l[static_cast<size_t>(i)]);
    l.erase(l.begin() + i);
    return Value();
}

Result<Value> index_common(const std::vector<Value>& items, CallArgs& args, bool list) {
    BV_CHECK(check_positional(args, "index", 1, 3));
    int64_t start = 0, stop = INT64_MAX;
    if (args.args.size() > 1) {
        BV_TRY(s, to_index(args.args[1]));
        start = s;
    }
    if (args.args.size() > 2) {
        BV_TRY(s, to_index(args.args[2]));
        stop = s;
    }
    BV_TRY(i, find_item(items, args.args[0], start, stop));
    if (i < 0) {
        if (!list) return raise(ExcType::ValueError, "tuple.index(x): x not in tuple");
        BV_TRY(r, repr(args.args[0]));
        return raise(ExcType::ValueError, r + " is not in list");
    }
    return Value::integer(i);
}

Result<Value> count_common(const std::vector<Value>& items, CallArgs& args, const char* name) {
    BV_CHECK(check_positional(args, name, 1, 1));
    int64_t n = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        Value item = items[i];
        if (item.same_as(args.args[0])) {
            ++n;
            continue;
        }
        BV_TRY(e, eq(item, args.args[0]));
        if (e) ++n;
    }
    return Value::integer(n);
}

Result<Value> l_index(Interp&, const Value& self, CallArgs& args) {
    std::vector<Value> copy = items_of(self);
    return index_common(copy, args, true);
}
Result<Value> l_count(Interp&, const Value& self, CallArgs& args) {
    std::vector<Value> copy = items_of(self);
    return count_common(copy, args, "list.count");
}
Result<Value> t_index(Interp&, const Value& self, CallArgs& args) {
    return index_common(self.obj<TupleObject>().items, args, false);
}
Result<Value> t_count(Interp&, const Value& self, CallArgs& args) {
    return count_common(self.obj<TupleObject>().items, args, "tuple.count");
}

Result<Value> l_sort(Interp& interp, const Value& self, CallArgs& args) {
    if (!args.args.empty())
        return raise(ExcType::TypeError, "sort() takes no positional arguments");
    const Value* key = nullptr;
    bool reverse = false;
    for (const auto& [k, v] : args.kwargs) {
        if (k == "key") {
            key = &v;
        } else if (k == "reverse") {
            if (v.is_float())
                return raise(ExcType::TypeError,
                             "'float' object cannot be interpreted as an integer");
            BV_TRY(r, to_index(v));
            reverse = r != 0;
        } else {
            return raise(ExcType::TypeError,
                         "'" + k + "' is an invalid keyword argument for sort()");
        }
    }
    // Sort a copy; the list reads as empty meanwhile, as in CPython.
    auto& l = items_of(self);
    std::vector<Value> work = std::move(l);
    l.clear();
    auto r = sort_values(interp, work, key, reverse);
    bool modified = !l.empty();
    std::vector<Value> during = std::move(l);
    l = std::move(work);
    if (!r) return r.error();
    if (modified) return raise(ExcType::ValueError, "list modified during sort");
    return Value();
}

Result<Value> l_reverse(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "list.reverse", 0, 0));
    auto& l = items_of(self);
    std::reverse(l.begin(), l.end());
    return Value();
}

Result<Value> l_clear(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "list.clear", 0, 0));
    std::vector<Value> old = std::move(items_of(self));
    items_of(self).clear();
    return Value();
}

Result<Value> l_copy(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "list.copy", 0, 0));
    return Value::list(items_of(self));
}

const MethodDef kListMethods[] = {
    {"append", l_append},   {"extend", l_extend}, {"insert", l_insert}, {"pop", l_pop},
    {"remove", l_remove},   {"index", l_index},   {"count", l_count},   {"sort", l_sort},
    {"reverse", l_reverse}, {"clear", l_clear},   {"copy", l_copy},
};

const MethodDef kTupleMethods[] = {{"index", t_index}, {"count", t_count}};

// ---- dict ---------------------------------------------------------------------

DictObject& dict_of(const Value& v) { return v.obj<DictObject>(); }

Result<Value> d_get(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "get", 1, 2));
    BV_TRY(v, dict_of(self).get(args.args[0]));
    if (v) return std::move(*v);
    return args.args.size() == 2 ? args.args[1] : Value();
}

Result<Value> d_view(const Value& self, CallArgs& args, DictViewKind kind, const char* name) {
    BV_CHECK(check_positional(args, name, 0, 0));
    return Value::wrap(std::shared_ptr<IteratorObject>(std::make_shared<DictView>(self, kind)));
}
Result<Value> d_keys(Interp&, const Value& self, CallArgs& args) {
    return d_view(self, args, DictViewKind::Keys, "dict.keys");
}
Result<Value> d_values(Interp&, const Value& self, CallArgs& args) {
    return d_view(self, args, DictViewKind::Values, "dict.values");
}
Result<Value> d_items(Interp&, const Value& self, CallArgs& args) {
    return d_view(self, args, DictViewKind::Items, "dict.items");
}

Result<Value> d_pop(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "pop", 1, 2));
    BV_TRY(v, dict_of(self).erase(args.args[0]));
    if (v) return std::move(*v);
    if (args.args.size() == 2) return args.args[1];
    return key_error(args.args[0]);
}

Result<Value> d_popitem(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "dict.popitem", 0, 0));
    auto e = dict_of(self).pop_last();
    if (!e) return key_error(Value::str("popitem(): dictionary is empty"));
    return Value::tuple({e->key, e->value});
}

Result<Value> d_setdefault(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "setdefault", 1, 2));
    BV_TRY(v, dict_of(self).get(args.args[0]));
    if (v) return std::move(*v);
    Value dflt = args.args.size() == 2 ? args.args[1] : Value();
    BV_CHECK(dict_of(self).set(args.args[0], dflt));
    return dflt;
}

}  // namespace

Result<void> dict_merge_args(Interp& interp, DictObject& dict, const CallArgs& args,
                             std::string_view who) {
    if (args.args.size() > 1)
        return raise(ExcType::TypeError,
                     fmt::format("{} expected at most 1 argument, got {}", who, args.args.size()));
    if (!args.args.empty()) {
        const Value& src = args.args[0];
        if (src.is(Kind::Dict)) {
            auto entries = src.obj<DictObject>().entries();
            for (const auto& e : entries)
                if (e.live) BV_CHECK(dict.set(e.key, e.value));
        } else {
            BV_TRY(items, collect(interp, src));
            for (size_t i = 0; i < items.size(); ++i) {
                auto pair = collect(interp, items[i]);
                if (!pair)
                    return raise(
                        ExcType::TypeError,
                        fmt::format(
                            "cannot convert dictionary update sequence element #{} to a sequence",
                            i));
                if (pair->size() != 2)
                    return raise(
                        ExcType::ValueError,
                        fmt::format(
                            "dictionary update sequence element #{} has length {}; 2 is required",
                            i, pair->size()));
                BV_CHECK(dict.set((*pair)[0], (*pair)[1]));
            }
        }
    }
    for (const auto& [k, v] : args.kwargs) BV_CHECK(dict.set(Value::str(k), v));
    return {};
}

namespace {

Result<Value> d_update(Interp& interp, const Value& self, CallArgs& args) {
    BV_CHECK(dict_merge_args(interp, dict_of(self), args, "update"));
    return Value();
}

Result<Value> d_clear(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "dict.clear", 0, 0));
    dict_of(self).clear();
    return Value();
}

Result<Value> d_copy(Interp&, const Value& self, CallArgs& args) {
    BV_CHECK(check_positional(args, "dict.copy", 0, 0));
    Value out = Value::dict();
    for (const auto& e : dict_of(self).entries())
        if (e.live) BV_CHECK(out.obj<DictObject>().set(e.key, e.value));
    return out;
}

const MethodDef kDictMethods[] = {
    {"get", d_get},     {"keys", d_keys},       {"values", d_values},         {"items", d_items},
    {"pop", d_pop},     {"popitem", d_popitem}, {"setdefault", d_setdefault}, {"update", d_update},
    {"clear", d_clear}, {"copy", d_copy},
};

}  // namespace

Result<Value> dict_fromkeys(Interp& interp, const Value&, CallArgs& args) {
    BV_CHECK(check_positional(args, "fromkeys", 1, 2));
    BV_TRY(keys, collect(interp, args.args[0]));
    Value out = Value::dict();
    Value v = args.args.size() == 2 ? args.args[1] : Value();
    for (const auto& k : keys) BV_CHECK(out.obj<DictObject>().set(k, v));
    return out;
}

MethodTable list_methods() {
    return {kListMethods, sizeof(kListMethods) / sizeof(kListMethods[0])};
}
MethodTable tuple_methods() {
    return {kTupleMethods, sizeof(kTupleMethods) / sizeof(kTupleMethods[0])};
}
MethodTable dict_methods() {
    return {kDictMethods, sizeof(kDictMethods) / sizeof(kDictMethods[0])};
}

}  // namespace engine::py
