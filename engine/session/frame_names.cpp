// collect_names: walks frames (and list/tuple/dict items and the attributes of
// instances of user classes, two levels deep: `parts[1]`, `reader.view`).
#include "engine/session/frame_names.hpp"

#include <algorithm>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_io.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/buffer/mmap_object.hpp"
#include "engine/buffer/temp_file.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/dict.hpp"

namespace engine::session {

namespace {

using py::Kind;
using py::Value;

constexpr int kMaxContainerDepth = 2;
constexpr size_t kMaxItems = 256;  // items of one container that are looked at

// Walks values only to name them: nothing here reaches the recorder. What the
// trace keeps of blocks and views comes from the buffer engine's observer
// events alone, so a released view's dangling BufferInfo::block, or a block
// already freed, is never looked at.
class Walker {
public:
    explicit Walker(std::vector<trace::NameRef>& out) : out_(out) {}

    void visit(std::string_view function, int depth, const std::string& name, const Value& v,
               int level = 0) {
        switch (v.kind()) {
            case Kind::MemoryView: add(function, depth, name, v.obj<MemoryView>().id(), true); break;
            case Kind::Bytes: add(function, depth, name, v.obj<BytesObject>().id(), false); break;
            case Kind::ByteArray: add(function, depth, name, v.obj<ByteArrayObject>().id(), false); break;
            case Kind::Array: add(function, depth, name, v.obj<ArrayObject>().id(), false); break;
            case Kind::BytesIO: add(function, depth, name, v.obj<BytesIOObject>().id(), false); break;
            case Kind::Mmap: add(function, depth, name, v.obj<MmapObject>().id(), false); break;
            case Kind::TempFile: add(function, depth, name, v.obj<TempFile>().id(), false); break;
            case Kind::List:
                if (level < kMaxContainerDepth) items(function, depth, name, v.obj<py::ListObject>().items, level);
                break;
            case Kind::Tuple:
                if (level < kMaxContainerDepth) items(function, depth, name, v.obj<py::TupleObject>().items, level);
                break;
            case Kind::Dict:
                if (level < kMaxContainerDepth) dict(function, depth, name, v.obj<py::DictObject>(), level);
                break;
            case Kind::Instance:
                if (level < kMaxContainerDepth) attributes(function, depth, name, v.obj<py::InstanceObject>(), level);
                break;
            default: break;
        }
    }

private:
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

    void attributes(std::string_view function, int depth, const std::string& name,
                    const py::InstanceObject& obj, int level) {
        size_t n = std::min(obj.dict.size(), kMaxItems);
        for (size_t i = 0; i < n; ++i) {
            visit(function, depth, name + "." + obj.dict[i].first, obj.dict[i].second, level + 1);
        }
    }

    void add(std::string_view function, int depth, const std::string& name, uint64_t id,
             bool is_view) {
        out_.push_back(trace::NameRef{std::string(function), depth, name, id, is_view});
    }

    std::vector<trace::NameRef>& out_;
};

}  // namespace

uint64_t buffer_target(const py::Value& v, bool* is_view) {
    if (is_view) *is_view = v.kind() == Kind::MemoryView;
    switch (v.kind()) {
        case Kind::MemoryView: return v.obj<MemoryView>().id();
        case Kind::Bytes: return v.obj<BytesObject>().id();
        case Kind::ByteArray: return v.obj<ByteArrayObject>().id();
        case Kind::Array: return v.obj<ArrayObject>().id();
        case Kind::BytesIO: return v.obj<BytesIOObject>().id();
        case Kind::Mmap: return v.obj<MmapObject>().id();
        case Kind::TempFile: return v.obj<TempFile>().id();
        default: return 0;
    }
}

std::vector<trace::NameRef> collect_names(const py::Interpreter& interp) {
    std::vector<trace::NameRef> out;
    Walker walker(out);
    interp.visit_frames(
        [&](std::string_view function, int depth, std::string_view name, const Value& v) {
            walker.visit(function, depth, std::string(name), v);
        });
    return out;
}

}  // namespace engine::session
