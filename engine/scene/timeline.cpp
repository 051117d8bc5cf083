// timeline_marks, printed_until: facts of the whole run for the timeline and
// the console, read from the trace's steps and events.
#include "engine/scene/scene.hpp"

namespace engine::scene {

TimelineMarks timeline_marks(const trace::Trace& trace) {
    TimelineMarks m;
    const int64_t n = trace.step_count();
    m.meters.reserve(static_cast<size_t>(n + 1));
    for (int64_t s = 0; s <= n; ++s) {
        m.meters.push_back(trace.step(s).meter);
        bool refused = false, raised = false;
        for (const trace::Event& e : trace.events(s)) {
            refused |= e.kind == trace::EventKind::Refused;
            raised |= e.kind == trace::EventKind::Exception;
        }
        if (refused) m.refusals.push_back(s);
        if (raised) m.exceptions.push_back(s);
    }
    return m;
}

std::string printed_until(const trace::Trace& trace, int64_t step) {
    std::string out;
    const int64_t last = std::min(step, trace.step_count());
    for (int64_t s = 0; s <= last; ++s) {
        for (const trace::Event& e : trace.events(s)) {
            if (e.kind == trace::EventKind::Print) out += trace.text(e.text);
        }
    }
    return out;
}

}  // namespace engine::scene
