// collect_names: walks frames (and list/tuple/dict items, two levels deep).
#include "engine/session/frame_names.hpp"

#include <algorithm>
#include <set>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_io.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/buffer/temp_file.hpp"
#include "engine/python/runtime/dict.hpp"

namespace engine::session {

namespace {

using py::Kind;
using py::Value;

constexpr int kMaxContainerDepth = 2;
constexpr size_t kMaxItems = 256;  // items of one container that are looked at

class Walker {
public:
    Walker(trace::Recorder& rec, std::vector<trace::NameRef>& out) : rec_(rec), out_(out) {}

    void visit(std::string_view function, int depth, const std::string& name, const Value& v,
               int level = 0) {
        switch (v.kind()) {
            case Kind::MemoryView: {
                const MemoryView& mv = v.obj<MemoryView>();
                rec_.note_view_geometry(mv.id(), mv.view());
                if (mv.view().block) rec_.note_block(mv.view().block);
                add(function, depth, name, mv.id(), true);
                break;
            }
            case Kind::Bytes: object(function, depth, name, v.obj<BytesObject>()); break;
            case Kind::ByteArray: object(function, depth, name, v.obj<ByteArrayObject>()); break;
            case Kind::Array: object(function, depth, name, v.obj<ArrayObject>()); break;
            case Kind::BytesIO: object(function, depth, name, v.obj<BytesIOObject>()); break;
            case Kind::Mmap: {
                const MmapObject& m = v.obj<MmapObject>();
                if (m.block()) rec_.note_block(m.block());
                add(function, depth, name, m.id(), false);
                break;
            }
            case Kind::TempFile: {
                const TempFile& f = v.obj<TempFile>();
                if (f.storage()) rec_.note_block(&f.storage()->block());
                add(function, depth, name, f.id(), false);
                break;
            }
            case Kind::List:
                if (level < kMaxContainerDepth) items(function, depth, name, v.obj<py::ListObject>().items, level);
                break;
            case Kind::Tuple:
                if (level < kMaxContainerDepth) items(function, depth, name, v.obj<py::TupleObject>().items, level);
                break;
            case Kind::Dict:
                if (level < kMaxContainerDepth) dict(function, depth, name, v.obj<py::DictObject>(), level);
                break;
            default: break;
        }
    }

private:
    template <class T>
    void object(std::string_view function, int depth, const std::string& name, const T& obj) {
        rec_.note_block(&obj.block());
        add(function, depth, name, obj.id(), false);
    }

    void items(std::string_view function, int depth, const std::string& name,
               const std::vector<Value>& items, int level) {
        size_t n = std::min(items.size(), kMaxItems);
        for (size_t i = 0; i < n; ++i) {
            visit(function, depth, name + "[" + std::to_string(i) + "]", items[i], level + 1);
        }
    }

    void dict(std::string_view function, int depth, const std::string& name,
              const py::DictObject& d, int level) {
        size_t seen = 0;
        for (const auto& e : d.entries()) {
            if (!e.live) continue;
            if (++seen > kMaxItems) break;
            std::string key = "…";
            if (e.key.is_str()) key = "'" + e.key.str_utf8() + "'";
            if (e.key.is_small_int()) key = std::to_string(e.key.small_int());
            visit(function, depth, name + "[" + key + "]", e.value, level + 1);
        }
    }

    void add(std::string_view function, int depth, const std::string& name, uint64_t id,
             bool is_view) {
        out_.push_back(trace::NameRef{std::string(function), depth, name, id, is_view});
    }

    trace::Recorder& rec_;
    std::vector<trace::NameRef>& out_;
};

}  // namespace

std::vector<std::string> source_identifiers(std::string_view src) {
    std::set<std::string> names;
    size_t i = 0;
    auto ident_start = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    auto ident_char = [&](char c) { return ident_start(c) || (c >= '0' && c <= '9'); };
    while (i < src.size()) {
        char c = src[i];
        if (c == '#') {
            while (i < src.size() && src[i] != '\n') ++i;
        } else if (ident_start(c)) {
            size_t j = i;
            while (j < src.size() && ident_char(src[j])) ++j;
            bool attribute = i > 0 && src[i - 1] == '.';
            if (!attribute) names.emplace(src.substr(i, j - i));
            i = j;
        } else {
            ++i;
        }
    }
    return {names.begin(), names.end()};
}

namespace {

// A template so that the `requires` test is on a dependent type: it compiles
// whether or not the interpreter has visit_frames yet.
template <class I>
void walk_frames(const I& interp, const std::vector<std::string>& globals, Walker& walker) {
    if constexpr (requires {
                      interp.visit_frames(
                          [](std::string_view, int, std::string_view, const Value&) {});
                  }) {
        (void)globals;
        interp.visit_frames(
            [&](std::string_view function, int depth, std::string_view name, const Value& v) {
                walker.visit(function, depth, std::string(name), v);
            });
    } else {
        for (const std::string& name : globals) {
            if (auto v = interp.global(name)) walker.visit("<module>", 0, name, *v);
        }
    }
}

}  // namespace

std::vector<trace::NameRef> collect_names(const py::Interpreter& interp,
                                          const std::vector<std::string>& globals,
                                          trace::Recorder& recorder) {
    std::vector<trace::NameRef> out;
    Walker walker(recorder, out);
    walk_frames(interp, globals, walker);
    return out;
}

}  // namespace engine::session
