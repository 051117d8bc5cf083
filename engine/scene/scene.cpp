// build_scene: blocks, exporters, views with covered bytes, overlaps and writes
// of the trace's current step.
#include "engine/scene/scene.hpp"

#include "engine/scene/overlaps.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace engine::scene {

using trace::Trace;
using trace::ViewInfo;
using trace::ViewState;

namespace {

int64_t floor_div(int64_t a, int64_t b) {  // b > 0
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}
int64_t ceil_div(int64_t a, int64_t b) { return -floor_div(-a, b); }  // b > 0

// Elements i in [0, count) of base + i*stride whose bytes meet [wb, we).
void clip(int64_t base, int64_t stride, int64_t count, int64_t itemsize, int64_t wb, int64_t we,
          int64_t& lo, int64_t& hi) {
    if (stride == 0) {
        bool in = base < we && base + itemsize > wb;
        lo = 0;
        hi = in ? count : 0;
        return;
    }
    if (stride > 0) {
        lo = floor_div(wb - itemsize - base, stride) + 1;
        hi = ceil_div(we - base, stride);
    } else {
        int64_t t = -stride;
        lo = floor_div(base - we, t) + 1;
        hi = ceil_div(base - wb + itemsize, t);
    }
    lo = std::max<int64_t>(lo, 0);
    hi = std::min<int64_t>(hi, count);
    if (hi < lo) hi = lo;
}

// Appends the view's element runs that meet [wb, we) to `out`.
void runs_in_window(const ViewInfo& v, uint64_t wb, uint64_t we, std::vector<ElementRun>& out) {
    if (!v.has_geometry || wb >= we) return;
    const int64_t isz = std::max<int64_t>(v.itemsize, 1);
    const int64_t w0 = static_cast<int64_t>(wb), w1 = static_cast<int64_t>(we);
    if (v.ndim == 0 || v.shape.empty()) {
        if (v.offset < w1 && v.offset + isz > w0) {
            out.push_back(ElementRun{static_cast<uint64_t>(v.offset), 1, 0,
                                     static_cast<uint64_t>(isz), 0});
        }
        return;
    }
    const size_t nd = v.shape.size();
    if (v.strides.size() != nd) return;
    for (int64_t n : v.shape) {
        if (n <= 0) return;
    }
    const int64_t inner = v.shape[nd - 1], inner_stride = v.strides[nd - 1];
    std::vector<int64_t> idx(nd - 1, 0);
    int64_t flat = 0;
    while (true) {
        int64_t base = v.offset;
        for (size_t d = 0; d + 1 < nd; ++d) base += idx[d] * v.strides[d];
        int64_t lo = 0, hi = 0;
        clip(base, inner_stride, inner, isz, w0, w1, lo, hi);
        if (hi > lo) {
            out.push_back(ElementRun{static_cast<uint64_t>(base + lo * inner_stride),
                                     static_cast<uint64_t>(hi - lo), inner_stride,
                                     static_cast<uint64_t>(isz),
                                     static_cast<uint64_t>(flat + lo)});
        }
        flat += inner;
        size_t d = nd - 1;
        while (d > 0) {  // odometer over the outer dimensions
            if (++idx[d - 1] < v.shape[d - 1]) break;
            idx[d - 1] = 0;
            --d;
        }
        if (d == 0) break;
    }
}

bool view_meets(const ViewInfo& v, uint64_t b, uint64_t e) {
    std::vector<ElementRun> runs;
    runs_in_window(v, b, e, runs);
    return !runs.empty();
}

// Pieces at most this many are checked one by one for seen_by; more use the covering range.
constexpr size_t kExactPieces = 4096;

const trace::FrameRecord* frame_at(const trace::FrameSet& set, int depth) {
    for (const trace::FrameRecord& f : set.frames) {
        if (f.depth == depth) return &f;
    }
    return nullptr;
}

const trace::VarRecord* var_in(const trace::FrameSet& set, const trace::FrameRecord& f,
                               int32_t name) {
    for (uint32_t i = 0; i < f.var_count; ++i) {
        if (set.vars[f.first_var + i].name == name) return &set.vars[f.first_var + i];
    }
    return nullptr;
}

// The frames strip: each variable with `changed` when it was not bound the
// same way at the previous step's end, or its buffer object's bytes were
// written in this step.
void add_frames(const Trace& trace, Scene& sc) {
    const trace::FrameSet& now = trace.frames(sc.step);
    static const trace::FrameSet kNone;
    const trace::FrameSet& before = sc.step > 0 ? trace.frames(sc.step - 1) : kNone;
    std::vector<uint64_t> written;  // blocks written in this step
    for (const trace::Event& e : trace.events(sc.step)) {
        if (e.kind == trace::EventKind::Write) written.push_back(e.block);
    }
    for (const trace::FrameRecord& f : now.frames) {
        SceneFrame sf;
        sf.function = trace.text(f.function);
        sf.depth = f.depth;
        sf.line = f.line;
        const trace::FrameRecord* old = frame_at(before, f.depth);
        if (old && old->function != f.function) old = nullptr;
        for (uint32_t i = 0; i < f.var_count; ++i) {
            const trace::VarRecord& v = now.vars[f.first_var + i];
            SceneVariable sv;
            sv.name = trace.text(v.name);
            sv.type = trace.text(v.type);
            sv.value = trace.text(v.value);
            sv.target = v.target;
            sv.is_view = v.is_view;
            const trace::VarRecord* was = old ? var_in(before, *old, v.name) : nullptr;
            sv.changed = !was || !(*was == v);
            if (!sv.changed && v.target && !v.is_view) {
                const trace::ObjectInfo* o = trace.object(v.target);
                sv.changed = o && o->block &&
                             std::find(written.begin(), written.end(), o->block) != written.end();
            }
            sf.variables.push_back(std::move(sv));
        }
        sc.frames.push_back(std::move(sf));
    }
}

// Carets: each variable that has indexed a buffer and is still bound to an int
// in its frame, at the byte its value points at in the object it indexed.
template <class Wanted>
void add_carets(const Trace& trace, Scene& sc, const Wanted& wanted) {
    const trace::FrameSet& now = trace.frames(sc.step);
    const trace::TraceState& st = trace.state();
    for (const trace::CaretRef& c : trace.carets(sc.step)) {
        const trace::FrameRecord* f = frame_at(now, c.depth);
        if (!f || f->function != c.function) continue;
        const trace::VarRecord* v = var_in(now, *f, c.name);
        if (!v || trace.text(v->type) != "int") continue;
        const std::string& text = trace.text(v->value);
        int64_t value = 0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || ptr != text.data() + text.size()) continue;  // elided big int
        // The element's byte: offset + index * stride of a 1-D view; the byte
        // itself for an object with 1-byte items.
        uint64_t block = 0;
        int64_t offset = 0, stride = 1, len = 0;
        if (const ViewInfo* view = trace.view(c.target)) {
            if (!view->has_geometry || view->ndim != 1 || view->shape.size() != 1 ||
                view->strides.size() != 1) {
                continue;
            }
            block = view->block;
            offset = view->offset;
            stride = view->strides[0];
            len = view->shape[0];
        } else if (const trace::ObjectInfo* o = trace.object(c.target)) {
            if (o->type_name == "array.array") continue;  // item size not in the trace
            block = o->block;
            auto bit = st.blocks.find(block);
            if (bit == st.blocks.end()) continue;
            len = static_cast<int64_t>(bit->second.size);
        }
        if (block == 0 || !wanted(block) || !st.blocks.count(block)) continue;
        int64_t index = value < 0 ? value + len : value;
        if (index < 0 || index > len) continue;
        SceneCaret caret;
        caret.name = trace.text(c.name);
        caret.function = trace.text(c.function);
        caret.depth = c.depth;
        caret.value = value;
        caret.target = c.target;
        caret.block = block;
        caret.past_end = index == len;
        // |index| <= len and the view's bytes lie in its block: no overflow.
        int64_t byte = offset + index * stride;
        if (byte < 0) continue;
        caret.byte = static_cast<uint64_t>(byte);
        for (const trace::Event& e : trace.events(sc.step)) {
            if (e.kind == trace::EventKind::IndexUse && e.text == c.name && e.line == c.depth &&
                e.id == c.target) {
                caret.used_here = true;
            }
        }
        sc.carets.push_back(std::move(caret));
    }
}

}  // namespace

std::vector<ElementRun> element_runs(const ViewInfo& view) {
    std::vector<ElementRun> out;
    runs_in_window(view, 0, std::numeric_limits<int64_t>::max() / 2, out);
    return out;
}

Scene build_scene(const Trace& trace, const SceneOptions& options) {
    Scene sc;
    sc.options = options;
    sc.step = trace.position();
    sc.step_count = trace.step_count();
    const trace::Step& step = trace.step(sc.step);
    sc.line = step.line;
    sc.step_meter = step.meter;
    sc.line_meter = sc.step > 0 ? trace.line_meter(step.line) : trace::CopyMeter{};
    sc.run_meter = trace.run_meter();
    sc.recording_stopped = trace.stopped();
    sc.stopped_at_line = trace.stopped_at_line();
    const trace::TraceState& st = trace.state();
    const uint64_t width = std::max<uint64_t>(options.row_width, 1);
    const uint64_t wbegin = options.row_begin > UINT64_MAX / width ? UINT64_MAX
                                                                      : options.row_begin * width;
    const uint64_t wend = options.row_end > UINT64_MAX / width ? UINT64_MAX
                                                                 : options.row_end * width;
    auto wanted = [&](uint64_t block) { return options.block == 0 || options.block == block; };

    // Names by target.
    std::unordered_map<uint64_t, std::vector<Name>> view_names, object_names;
    for (const trace::NameRef& n : trace.names(sc.step)) {
        auto& m = n.is_view ? view_names : object_names;
        m[n.target].push_back(Name{n.function, n.depth, n.name});
    }
    auto names_of = [](std::unordered_map<uint64_t, std::vector<Name>>& m, uint64_t id) {
        auto it = m.find(id);
        return it == m.end() ? std::vector<Name>{} : it->second;
    };

    // Events of this step: destroyed views stay in the scene once, writes, output.
    std::vector<uint64_t> destroyed, released, created;
    for (const trace::Event& e : trace.events(sc.step)) {
        if (e.kind == trace::EventKind::ViewDestroyed) destroyed.push_back(e.id);
        if (e.kind == trace::EventKind::ViewReleased) released.push_back(e.id);
        if (e.kind == trace::EventKind::ViewCreated) created.push_back(e.id);
        if (e.kind == trace::EventKind::Print) sc.printed.push_back(trace.text(e.text));
        if (e.kind == trace::EventKind::Exception) sc.exception = trace.text(e.text);
    }

    // Views.
    auto add_view = [&](const ViewInfo& v, ViewState state) {
        SceneView sv;
        sv.id = v.id;
        sv.parent = v.parent;
        sv.exporter = v.exporter;
        sv.managed_buffer = v.managed_buffer;
        sv.block = v.block;
        sv.color = v.color;
        sv.state = state;
        sv.names = names_of(view_names, v.id);
        sv.has_geometry = v.has_geometry;
        sv.format = v.format;
        sv.itemsize = v.itemsize;
        sv.offset = v.offset;
        sv.nbytes = v.len;
        sv.ndim = v.ndim;
        sv.readonly = v.readonly;
        sv.shape = v.shape;
        sv.strides = v.strides;
        sv.elements = v.has_geometry ? 1 : 0;
        for (int64_t n : v.shape) sv.elements *= static_cast<uint64_t>(std::max<int64_t>(n, 0));
        if (auto it = st.exports.find(v.id); it != st.exports.end()) {
            sv.exports = static_cast<int64_t>(it->second.size());
        }
        auto in = [](const std::vector<uint64_t>& ids, uint64_t id) {
            return std::find(ids.begin(), ids.end(), id) != ids.end();
        };
        sv.gone = state == ViewState::Destroyed;
        sv.released_here = in(released, v.id);
        sv.temporary = sv.gone && in(created, v.id) && sv.names.empty();
        if (wanted(v.block)) {
            auto bit = st.blocks.find(v.block);
            uint64_t size = bit == st.blocks.end() ? 0 : bit->second.size;
            runs_in_window(v, wbegin, std::min(wend, size), sv.runs);
        }
        sc.views.push_back(std::move(sv));
    };
    for (const auto& [id, state] : st.views) {
        if (const ViewInfo* v = trace.view(id)) {
            if (wanted(v->block)) add_view(*v, state);
        }
    }
    for (uint64_t id : destroyed) {
        const ViewInfo* v = trace.view(id);
        if (v && !st.views.count(id) && wanted(v->block)) add_view(*v, ViewState::Destroyed);
    }
    std::sort(sc.views.begin(), sc.views.end(),
              [](const SceneView& a, const SceneView& b) { return a.color < b.color; });

    // Exporters: live objects that own or show bytes, or hold exports.
    for (const auto& [id, alive] : st.objects) {
        (void)alive;
        if (trace.view(id)) continue;  // memoryviews are listed as views
        const trace::ObjectInfo* o = trace.object(id);
        if (!o) continue;
        auto eit = st.exports.find(id);
        if (o->block == 0 && eit == st.exports.end()) continue;
        if (!wanted(o->block)) continue;
        SceneExporter ex;
        ex.id = id;
        ex.block = o->block;
        ex.type = o->type_name;
        ex.names = names_of(object_names, id);
        if (eit != st.exports.end()) {
            ex.consumers = eit->second;
            ex.exports = static_cast<int64_t>(eit->second.size());
        }
        ex.readonly = o->type_name == "bytes";
        ex.locked = ex.exports > 0;
        for (const SceneView& v : sc.views) {
            if (v.state != ViewState::Alive) continue;
            bool holds = std::find(ex.consumers.begin(), ex.consumers.end(), v.managed_buffer) !=
                             ex.consumers.end() ||
                         std::find(ex.consumers.begin(), ex.consumers.end(), v.id) !=
                             ex.consumers.end();
            if (holds && v.exporter == id) ex.views.push_back(v.id);
        }
        sc.exporters.push_back(std::move(ex));
    }

    // Blocks.
    for (const auto& [id, b] : st.blocks) {
        if (!wanted(id)) continue;
        SceneBlock sb;
        sb.id = id;
        sb.owner = b.owner;
        sb.size = b.size;
        sb.address = b.address;
        if (const trace::ObjectInfo* o = trace.object(b.owner)) sb.owner_type = o->type_name;
        sb.names = names_of(object_names, b.owner);
        for (const SceneExporter& ex : sc.exporters) {
            if (ex.block == id && ex.id != b.owner) {
                sb.names.insert(sb.names.end(), ex.names.begin(), ex.names.end());
            }
        }
        sb.window_begin = std::min(wbegin, b.size);
        sb.window_end = std::min(wend, b.size);
        if (options.bytes && sb.window_end > sb.window_begin) {
            sb.bytes.assign(b.bytes.begin() + static_cast<ptrdiff_t>(sb.window_begin),
                            b.bytes.begin() + static_cast<ptrdiff_t>(sb.window_end));
        }
        // Overlaps among the live views of this block.
        std::vector<OverlapInput> live;
        for (const SceneView& v : sc.views) {
            if (v.block == id && v.state == ViewState::Alive) live.push_back({v.id, &v.runs});
        }
        compute_overlaps(id, sb.window_begin, sb.window_end, live, sc.overlaps);
        sc.blocks.push_back(std::move(sb));
    }

    // Refusals of this step, with the views that held the exports then.
    for (const trace::Event& e : trace.events(sc.step)) {
        if (e.kind != trace::EventKind::Refused) continue;
        SceneRefusal r;
        r.text = trace.text(e.text);
        r.object = e.id;
        r.released_view = trace.view(e.id) != nullptr && r.text.rfind("ValueError", 0) == 0;
        r.exports = static_cast<int64_t>(e.bytes);
        auto h = trace.holders(e);
        r.holders.assign(h.begin(), h.end());
        bool same = !sc.refusals.empty() && sc.refusals.back().object == r.object &&
                    sc.refusals.back().text == r.text;
        if (!same) sc.refusals.push_back(std::move(r));  // one use checked twice: one refusal
    }

    // Writes of this step.
    for (const trace::Event& e : trace.events(sc.step)) {
        if (e.kind != trace::EventKind::Write || !wanted(e.block)) continue;
        SceneWrite w;
        w.block = e.block;
        w.begin = e.begin;
        w.end = e.end;
        w.through = e.through;
        w.through_view = trace.view(e.through) != nullptr;
        if (w.through_view) {
            w.view = e.through;
        } else {
            for (const trace::Event& x : trace.events(sc.step)) {
                if (x.kind == trace::EventKind::ExportAcquired && x.other == e.through &&
                    trace.view(x.id)) {
                    w.view = x.id;
                }
            }
        }
        auto pieces = trace.pieces(e);
        std::vector<trace::Range> all(pieces.begin(), pieces.end());
        if (all.empty()) all.push_back(trace::Range{e.begin, e.end});
        for (const trace::Range& r : all) {
            uint64_t b = std::max(r.begin, wbegin), en = std::min(r.end, wend);
            if (b < en) w.pieces.push_back(trace::Range{b, en});
        }
        for (const auto& [id, state] : st.views) {
            if (state != ViewState::Alive || id == e.through || id == w.view) continue;
            const ViewInfo* v = trace.view(id);
            if (!v || v->block != e.block || !view_meets(*v, e.begin, e.end)) continue;
            bool sees = all.size() > kExactPieces;
            for (size_t i = 0; !sees && i < all.size(); ++i) {
                sees = view_meets(*v, all[i].begin, all[i].end);
            }
            if (sees) w.seen_by.push_back(id);
        }
        sc.writes.push_back(std::move(w));
    }

    add_frames(trace, sc);
    add_carets(trace, sc, wanted);
    // Reads and struct fields of this step, restricted to the window.
    for (const trace::Event& e : trace.events(sc.step)) {
        if (!wanted(e.block)) continue;
        if (e.kind == trace::EventKind::Read) {
            SceneRead r;
            r.block = e.block;
            r.begin = e.begin;
            r.end = e.end;
            r.through = e.through;
            r.what = trace.text(e.text);
            auto pieces = trace.pieces(e);
            std::vector<trace::Range> all(pieces.begin(), pieces.end());
            if (all.empty()) all.push_back(trace::Range{e.begin, e.end});
            for (const trace::Range& x : all) {
                uint64_t b = std::max(x.begin, wbegin), en = std::min(x.end, wend);
                if (b < en) r.pieces.push_back(trace::Range{b, en});
            }
            sc.reads.push_back(std::move(r));
        } else if (e.kind == trace::EventKind::Field) {
            SceneField f;
            f.block = e.block;
            f.begin = e.begin;
            f.end = e.end;
            f.through = e.through;
            f.index = static_cast<int>(e.other);
            f.code = Trace::field_code(e);
            f.order = Trace::field_order(e);
            f.write = Trace::field_write(e);
            f.value = trace.text(e.text);
            sc.fields.push_back(std::move(f));
        }
    }
    return sc;
}

}  // namespace engine::scene
