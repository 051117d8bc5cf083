// short_repr and collect_frames: values of the frames strip.
#include "engine/session/variables.hpp"

#include <fmt/format.h>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/text.hpp"
#include "engine/session/frame_names.hpp"

namespace engine::session {

namespace {

using py::Kind;
using py::Value;

// Ints wider than this many bits are not converted to decimal every step.
constexpr int64_t kMaxIntBits = 4096;

// Appends repr(v) to `out`, stopping once `out` holds more than `limit` bytes.
class ShortRepr {
public:
    ShortRepr(std::string& out, size_t limit) : out_(out), limit_(limit) {}

    void put(const Value& v) {
        if (full()) return;
        switch (v.kind()) {
            case Kind::Str: out_ += py::str_repr(prefix(v.str_utf8())); return;
            case Kind::Bytes: bytes(v.obj<BytesObject>().view()); return;
            case Kind::ByteArray:
                out_ += "bytearray(";
                bytes(v.obj<ByteArrayObject>().view());
                out_ += ")";
                return;
            case Kind::MemoryView:
                out_ += v.obj<MemoryView>().released() ? "<released memory>" : "<memory>";
                return;
            case Kind::List: seq(v.obj<py::ListObject>().items, "[", "]", false); return;
            case Kind::Tuple: seq(v.obj<py::TupleObject>().items, "(", ")", true); return;
            case Kind::Dict: dict(v.obj<py::DictObject>()); return;
            case Kind::Array: array(v.obj<ArrayObject>()); return;
            case Kind::Function: out_ += "<function " + v.obj<py::Callable>().name() + ">"; return;
            case Kind::Module: out_ += "<module '" + v.obj<py::ModuleObject>().name + "'>"; return;
            case Kind::Int:
                if (v.is_big_int() && v.big_int().bit_length() > kMaxIntBits) {
                    out_ += fmt::format("<int of {} bits>", v.big_int().bit_length());
                    return;
                }
                break;
            default: break;
        }
        auto r = py::repr(v);
        out_ += r ? *r : "<" + py::type_name(v) + ">";
    }

private:
    bool full() const { return out_.size() > limit_; }

    // The first bytes of `s` that can show in the limit (whole UTF-8 characters).
    std::string_view prefix(std::string_view s) const {
        size_t room = (limit_ + 2) * 4;
        if (s.size() <= room) return s;
        size_t n = room;
        while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
        return s.substr(0, n);
    }

    void bytes(std::string_view b) {
        std::string_view p = b.substr(0, std::min(b.size(), limit_ + 2));
        out_ += py::bytes_repr(p);
    }

    void seq(const std::vector<Value>& items, const char* open, const char* close, bool tuple) {
        out_ += open;
        for (size_t i = 0; i < items.size() && !full(); ++i) {
            if (i) out_ += ", ";
            put(items[i]);
        }
        if (tuple && items.size() == 1) out_ += ",";
        out_ += close;
    }

    void dict(const py::DictObject& d) {
        out_ += "{";
        bool first = true;
        for (const auto& e : d.entries()) {
            if (full()) break;
            if (!e.live) continue;
            if (!first) out_ += ", ";
            first = false;
            put(e.key);
            out_ += ": ";
            put(e.value);
        }
        out_ += "}";
    }

    void array(const ArrayObject& a) {
        out_ += fmt::format("array('{}'", a.typecode());
        if (a.size() > 0) {
            out_ += ", [";
            for (int64_t i = 0; i < a.size() && !full(); ++i) {
                if (i) out_ += ", ";
                auto item = a.get(i);
                out_ += item ? item->repr() : "?";
            }
            out_ += "]";
        }
        out_ += ")";
    }

    std::string& out_;
    size_t limit_;
};

// Cuts `s` to `limit` bytes (whole UTF-8 characters) and marks the cut.
void elide(std::string& s, size_t limit) {
    if (s.size() <= limit) return;
    size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s.resize(n);
    s += "…";
}

}  // namespace

std::string short_repr(const py::Value& v, size_t limit) {
    std::string out;
    ShortRepr(out, limit).put(v);
    elide(out, limit);
    return out;
}

trace::FrameSet collect_frames(const py::Interpreter& interp, trace::Recorder& rec,
                               const std::vector<int>& lines) {
    trace::FrameSet set;
    interp.visit_frames(
        [&](std::string_view function, int depth, std::string_view name, const Value& v) {
            if (set.frames.empty() || set.frames.back().depth != depth) {
                trace::FrameRecord f;
                f.function = rec.intern(function);
                f.depth = depth;
                f.line = depth < static_cast<int>(lines.size()) ? lines[static_cast<size_t>(depth)] : 0;
                f.first_var = static_cast<uint32_t>(set.vars.size());
                set.frames.push_back(f);
            }
            trace::VarRecord var;
            var.name = rec.intern(name);
            var.type = rec.intern(py::type_short_name(py::type_of(v)));
            var.value = rec.intern(short_repr(v));
            var.target = buffer_target(v, &var.is_view);
            set.vars.push_back(var);
            ++set.frames.back().var_count;
        });
    return set;
}

}  // namespace engine::session
