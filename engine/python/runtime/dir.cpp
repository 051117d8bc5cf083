// dir(obj): CPython's names for built-in types and modules (type_dirs.cpp),
// computed from the namespaces for user classes and their instances.
#include "engine/python/runtime/dir.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "engine/python/runtime/args.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/type_dirs.hpp"

namespace engine::py {

namespace {

std::vector<std::string> split_names(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const size_t space = text.find(' ');
        out.emplace_back(text.substr(0, space));
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
    }
    return out;
}

// The CPython table for a type name or "module:NAME"; null when there is none.
NameList table(std::string_view key) {
    static const auto* tables = [] {
        auto* m = new std::unordered_map<std::string_view, NameList>();
        for (size_t i = 0; i < kTypeDirCount; ++i)
            m->emplace(kTypeDirs[i].type,
                       std::make_shared<const std::vector<std::string>>(split_names(kTypeDirs[i].names)));
        return m;
    }();
    auto it = tables->find(key);
    return it == tables->end() ? nullptr : it->second;
}

NameList empty_list() {
    static const NameList empty = std::make_shared<const std::vector<std::string>>();
    return empty;
}

NameList sorted_unique(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return std::make_shared<const std::vector<std::string>>(std::move(names));
}

// A user class's names: its namespace and its bases', what every class body
// adds (__module__; __dict__ and __weakref__ from the first class over
// object), and the names of the built-in base (object or an exception).
void add_class_names(const ClassObject& cls, std::vector<std::string>& out) {
    const ClassObject* root = &cls;
    for (const ClassObject* c = &cls; c != nullptr; c = c->base.get()) {
        for (const auto& [name, value] : c->attrs) out.push_back(name);
        root = c;
    }
    for (const char* n : {"__dict__", "__module__", "__weakref__"}) out.emplace_back(n);
    NameList base = root->exc_base ? table(exc_qualified_name(*root->exc_base)) : table("object");
    if (base) out.insert(out.end(), base->begin(), base->end());
}

}  // namespace

NameList dir_names(const Value& obj) {
    switch (obj.kind()) {
        case Kind::Instance: {
            const auto& inst = obj.obj<InstanceObject>();
            std::vector<std::string> names;
            for (const auto& [name, value] : inst.dict) names.push_back(name);
            add_class_names(*inst.cls, names);
            return sorted_unique(std::move(names));
        }
        case Kind::Type: {
            if (const ClassObject* cls = as_class(obj)) {
                std::vector<std::string> names;
                add_class_names(*cls, names);
                return sorted_unique(std::move(names));
            }
            NameList t = table(type_name(obj.obj<TypeObject>()));
            return t ? t : empty_list();
        }
        case Kind::Module: {
            const auto& m = obj.obj<ModuleObject>();
            if (NameList t = table("module:" + m.name)) return t;
            std::vector<std::string> names{"__name__"};
            for (const auto& [name, value] : m.attrs) names.push_back(name);
            return sorted_unique(std::move(names));
        }
        default: {
            NameList t = table(type_name(obj));
            return t ? t : empty_list();
        }
    }
}

const std::vector<std::string>& builtin_names() {
    static const std::vector<std::string> names = split_names(kBuiltinNames);
    return names;
}

Result<Value> builtin_dir(Interp&, const Value&, CallArgs& args) {
    if (args.args.empty() && args.kwargs.empty())
        return raise(ExcType::NotImplementedError,
                     "dir() without an argument is not supported in the playground");
    BV_CHECK(check_positional(args, "dir", 0, 1));
    std::vector<Value> items;
    const NameList names = dir_names(args.args[0]);
    for (const auto& name : *names) items.push_back(Value::str(name));
    return Value::list(std::move(items));
}

}  // namespace engine::py
