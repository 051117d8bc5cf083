#include "imgui_app/scene_text.hpp"

#include <fmt/format.h>

namespace app {

using engine::scene::Name;
using engine::scene::Scene;
using engine::scene::SceneBlock;
using engine::scene::SceneView;
using engine::trace::EventKind;
using engine::trace::Trace;

namespace {

std::string one_name(const Name& n) {
    if (n.depth == 0) return n.name;
    return fmt::format("{}(): {}", n.function, n.name);
}

// The names that referred to object `id` at `step`, or else at the step before
// (a view that just died was named a moment ago).
std::string name_of(const Trace& trace, int64_t step, uint64_t id) {
    for (int64_t s : {step, step - 1}) {
        if (s < 0 || s > trace.step_count()) continue;
        std::vector<Name> names;
        for (const auto& ref : trace.names(s))
            if (ref.target == id) names.push_back(Name{ref.function, ref.depth, ref.name});
        if (!names.empty()) return names_label(names);
    }
    if (const auto* v = trace.view(id)) return fmt::format("view #{}", v->id);
    if (const auto* o = trace.object(id)) return fmt::format("a {}", o->type_name);
    return fmt::format("#{}", id);
}

std::string owner_of_block(const Trace& trace, int64_t step, uint64_t block) {
    for (const auto& [id, b] : trace.state().blocks)
        if (id == block) return name_of(trace, step, b.owner);
    return fmt::format("block #{}", block);
}

}  // namespace

std::string names_label(const std::vector<Name>& names) {
    std::string out;
    for (const Name& n : names) {
        if (!out.empty()) out += " = ";
        out += one_name(n);
    }
    return out;
}

std::string view_label(const SceneView& v) {
    return v.names.empty() ? fmt::format("view #{}", v.id) : names_label(v.names);
}

std::string block_label(const SceneBlock& b) {
    return b.names.empty() ? fmt::format("a {}", b.owner_type) : names_label(b.names);
}

std::string byte_count(uint64_t n) {
    if (n == 1) return "1 byte";
    if (n < 10 * 1024) return fmt::format("{} bytes", n);
    if (n < 10 * 1024 * 1024) return fmt::format("{:.1f} KiB", static_cast<double>(n) / 1024.0);
    return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1024.0 * 1024.0));
}

std::vector<std::string> describe_step(const Trace& trace, int64_t step, const Scene& scene) {
    std::vector<std::string> out;
    if (step <= 0 || step > trace.step_count()) return out;
    auto label = [&](uint64_t id) { return name_of(trace, step, id); };
    size_t write_index = 0;
    for (const auto& e : trace.events(step)) {
        switch (e.kind) {
            case EventKind::Allocate:
                out.push_back(fmt::format("allocated {} for {}", byte_count(e.bytes), label(e.other)));
                break;
            case EventKind::Resize:
                out.push_back(fmt::format("{} grew from {} to {}{}", owner_of_block(trace, step, e.id),
                                          byte_count(e.begin), byte_count(e.end),
                                          e.moved ? ", moving to a new address" : ""));
                break;
            case EventKind::Write: {
                std::string through = label(e.through);
                std::string what = fmt::format("wrote {} of {} through {}", byte_count(e.end - e.begin),
                                               owner_of_block(trace, step, e.block), through);
                if (write_index < scene.writes.size()) {
                    const auto& w = scene.writes[write_index++];
                    if (!w.seen_by.empty()) {
                        what += "; also seen by ";
                        for (size_t i = 0; i < w.seen_by.size(); ++i)
                            what += (i ? ", " : "") + label(w.seen_by[i]);
                    }
                }
                out.push_back(std::move(what));
                break;
            }
            case EventKind::Copy:
                if (e.bytes > 0) out.push_back(fmt::format("copied {}", byte_count(e.bytes)));
                break;
            case EventKind::ExportAcquired:
                out.push_back(fmt::format("{} lent its buffer (an export)", label(e.id)));
                break;
            case EventKind::ExportReleased:
                out.push_back(fmt::format("{} got an export back", label(e.id)));
                break;
            case EventKind::ViewCreated:
                out.push_back(fmt::format("created {}", label(e.id)));
                break;
            case EventKind::ViewReleased:
                out.push_back(fmt::format("released {}", label(e.id)));
                break;
            case EventKind::ViewDestroyed:
                out.push_back(fmt::format("{} was destroyed: its last reference went away", label(e.id)));
                break;
            case EventKind::Exception:
                out.push_back(fmt::format("raised {}", trace.text(e.text)));
                break;
            case EventKind::Print:
            case EventKind::Free:
            case EventKind::ObjectCreated:
            case EventKind::ObjectDestroyed:
                break;
        }
    }
    return out;
}

}  // namespace app
