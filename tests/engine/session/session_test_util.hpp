// Helpers for session/scene tests: run a program, find steps, views and blocks by name.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "engine/python/interpreter.hpp"
#include "engine/session/session.hpp"

namespace engine::session::testing {

template <class I>
constexpr bool has_visit_frames() {
    return requires(const I& i) {
        i.visit_frames([](std::string_view, int, std::string_view, const py::Value&) {});
    };
}
// Function locals are named only when the interpreter can list its frames.
inline constexpr bool kFunctionLocals = has_visit_frames<py::Interpreter>();

inline std::unique_ptr<Session> run_program(const std::string& src, SessionOptions o = {}) {
    auto s = std::make_unique<Session>(std::move(o));
    s->load(src);
    s->run();
    return s;
}

// The step that ran `line` for the nth time (1-based), or -1.
inline int64_t step_of(const Session& s, int line, int nth = 1) {
    for (int64_t n = 1; n <= s.step_count(); ++n) {
        if (s.line_of(n) == line && --nth == 0) return n;
    }
    return -1;
}

inline bool has_name(const std::vector<scene::Name>& names, const std::string& name) {
    return std::any_of(names.begin(), names.end(),
                       [&](const scene::Name& n) { return n.name == name; });
}

inline const scene::SceneView* view_named(const scene::Scene& sc, const std::string& name) {
    for (const auto& v : sc.views) {
        if (has_name(v.names, name)) return &v;
    }
    return nullptr;
}

inline const scene::SceneBlock* block_named(const scene::Scene& sc, const std::string& name) {
    for (const auto& b : sc.blocks) {
        if (has_name(b.names, name)) return &b;
    }
    return nullptr;
}

inline const scene::SceneExporter* exporter_named(const scene::Scene& sc, const std::string& name) {
    for (const auto& e : sc.exporters) {
        if (has_name(e.names, name)) return &e;
    }
    return nullptr;
}

// Every byte offset the view covers, in element order.
inline std::vector<uint64_t> covered(const scene::SceneView& v) {
    std::vector<uint64_t> out;
    for (const auto& r : v.runs) {
        int64_t p = static_cast<int64_t>(r.first);
        for (uint64_t i = 0; i < r.count; ++i, p += r.stride) {
            for (uint64_t k = 0; k < r.itemsize; ++k) out.push_back(static_cast<uint64_t>(p) + k);
        }
    }
    return out;
}

inline std::string bytes_str(const scene::SceneBlock& b) {
    return std::string(b.bytes.begin(), b.bytes.end());
}

inline int count_events(const trace::Trace& t, int64_t step, trace::EventKind kind) {
    int n = 0;
    for (const auto& e : t.events(step)) n += e.kind == kind;
    return n;
}

}  // namespace engine::session::testing
