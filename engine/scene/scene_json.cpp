// scene_json / trace_json: the JSON documented in SCHEMA.md.
#include <string>

#include "engine/scene/json_writer.hpp"
#include "engine/scene/scene.hpp"
#include "engine/scene/trace_json.hpp"

namespace engine::scene {

namespace {

void write_names(JsonWriter& w, const std::vector<Name>& names) {
    w.key("names").begin_array();
    for (const Name& n : names) {
        w.begin_object().field("name", n.name).field("function", n.function);
        w.field("depth", n.depth).end_object();
    }
    w.end_array();
}

void write_meter(JsonWriter& w, std::string_view key, const trace::CopyMeter& m) {
    w.key(key).begin_object().field("copied", m.copied).field("allocated", m.allocated);
    w.end_object();
}

std::string hex_bytes(const std::vector<uint8_t>& bytes) {
    static const char* hex = "0123456789abcdef";
    std::string s;
    s.reserve(bytes.size() * 2);
    for (uint8_t b : bytes) {
        s += hex[b >> 4];
        s += hex[b & 15];
    }
    return s;
}

void write_ranges(JsonWriter& w, std::string_view key, const std::vector<trace::Range>& rs) {
    w.key(key).begin_array();
    for (const trace::Range& r : rs) w.begin_array().value(r.begin).value(r.end).end_array();
    w.end_array();
}

void write_event(JsonWriter& w, const trace::Trace& t, const trace::Event& e) {
    using trace::EventKind;
    w.begin_object().field("kind", trace::event_kind_name(e.kind));
    switch (e.kind) {
        case EventKind::Allocate:
            w.field("block", e.id).field("owner", e.other).field("size", e.bytes);
            w.field("address", e.address);
            break;
        case EventKind::Resize:
            w.field("block", e.id).field("old_size", e.begin).field("new_size", e.end);
            w.field("address", e.address).field("moved", e.moved);
            break;
        case EventKind::Free: w.field("block", e.id); break;
        case EventKind::ObjectCreated:
            w.field("object", e.id).field("type", t.text(e.text)).field("block", e.block);
            break;
        case EventKind::ObjectDestroyed: w.field("object", e.id); break;
        case EventKind::Write: {
            w.field("block", e.block).field("begin", e.begin).field("end", e.end);
            w.field("through", e.through);
            auto p = t.pieces(e);
            if (!p.empty()) write_ranges(w, "pieces", {p.begin(), p.end()});
            break;
        }
        case EventKind::Copy:
            w.field("bytes", e.bytes).field("from_block", e.block).field("to_block", e.to_block);
            w.field("through", e.through);
            break;
        case EventKind::ExportAcquired:
        case EventKind::ExportReleased:
            w.field("exporter", e.id).field("consumer", e.other);
            break;
        case EventKind::ViewCreated:
            w.field("view", e.id).field("parent", e.other).field("exporter", e.through);
            w.field("block", e.block);
            break;
        case EventKind::ViewReleased:
        case EventKind::ViewDestroyed: w.field("view", e.id); break;
        case EventKind::Print: w.field("text", t.text(e.text)); break;
        case EventKind::Exception:
            w.field("text", t.text(e.text)).field("line", e.line);
            break;
        case EventKind::Refused:
            w.field("object", e.id).field("text", t.text(e.text)).field("exports", e.bytes);
            w.key("holders").begin_array();
            for (uint64_t h : t.holders(e)) w.value(h);
            w.end_array();
            break;
        case EventKind::IndexUse:
            w.field("target", e.id).field("name", t.text(e.text)).field("depth", e.line);
            break;
        case EventKind::Read: {
            w.field("block", e.block).field("begin", e.begin).field("end", e.end);
            w.field("through", e.through).field("what", t.text(e.text));
            auto p = t.pieces(e);
            if (!p.empty()) write_ranges(w, "pieces", {p.begin(), p.end()});
            break;
        }
        case EventKind::Field:
            w.field("block", e.block).field("begin", e.begin).field("end", e.end);
            w.field("through", e.through).field("index", e.other);
            w.field("code", std::string(1, trace::Trace::field_code(e)));
            w.field("order", std::string(1, trace::Trace::field_order(e)));
            w.field("value", t.text(e.text)).field("write", trace::Trace::field_write(e));
            break;
    }
    w.end_object();
}

}  // namespace

std::string scene_json(const Scene& sc) {
    JsonWriter w;
    w.begin_object();
    w.field("step", sc.step).field("step_count", sc.step_count).field("line", sc.line);
    w.key("meter").begin_object();
    write_meter(w, "step", sc.step_meter);
    write_meter(w, "line", sc.line_meter);
    write_meter(w, "run", sc.run_meter);
    w.end_object();
    w.key("recording").begin_object().field("stopped", sc.recording_stopped);
    w.field("stopped_at_line", sc.stopped_at_line).end_object();
    w.key("window").begin_object().field("row_width", sc.options.row_width);
    w.field("row_begin", sc.options.row_begin);
    if (sc.options.row_end == std::numeric_limits<uint64_t>::max()) {
        w.key("row_end").null();
    } else {
        w.field("row_end", sc.options.row_end);
    }
    w.field("block", sc.options.block).end_object();

    w.key("blocks").begin_array();
    for (const SceneBlock& b : sc.blocks) {
        w.begin_object().field("id", b.id).field("owner", b.owner).field("owner_type", b.owner_type);
        w.field("size", b.size).field("address", b.address);
        write_names(w, b.names);
        w.field("window_begin", b.window_begin).field("window_end", b.window_end);
        w.field("bytes", hex_bytes(b.bytes)).end_object();
    }
    w.end_array();

    w.key("exporters").begin_array();
    for (const SceneExporter& e : sc.exporters) {
        w.begin_object().field("id", e.id).field("type", e.type).field("block", e.block);
        write_names(w, e.names);
        w.field("exports", e.exports).field("locked", e.locked).field("readonly", e.readonly);
        w.array("consumers", e.consumers).array("views", e.views).end_object();
    }
    w.end_array();

    w.key("views").begin_array();
    for (const SceneView& v : sc.views) {
        w.begin_object().field("id", v.id).field("color", v.color);
        w.field("state", trace::view_state_name(v.state));
        write_names(w, v.names);
        w.field("parent", v.parent).field("exporter", v.exporter).field("block", v.block);
        w.field("managed_buffer", v.managed_buffer).field("has_geometry", v.has_geometry);
        w.field("format", v.format).field("itemsize", v.itemsize).field("ndim", v.ndim);
        w.array("shape", v.shape).array("strides", v.strides);
        w.field("offset", v.offset).field("nbytes", v.nbytes).field("readonly", v.readonly);
        w.field("elements", v.elements).field("exports", v.exports);
        w.field("released_here", v.released_here).field("gone", v.gone);
        w.field("temporary", v.temporary);
        w.key("runs").begin_array();
        for (const ElementRun& r : v.runs) {
            w.begin_array().value(r.first).value(r.count).value(r.stride).value(r.itemsize);
            w.value(r.index).end_array();
        }
        w.end_array().end_object();
    }
    w.end_array();

    w.key("overlaps").begin_array();
    for (const Overlap& o : sc.overlaps) {
        w.begin_object().field("block", o.block).field("begin", o.begin).field("end", o.end);
        w.field("length", o.length).field("period", o.period).field("count", o.count);
        w.array("views", *o.views).end_object();
    }
    w.end_array();

    w.key("writes").begin_array();
    for (const SceneWrite& x : sc.writes) {
        w.begin_object().field("block", x.block).field("begin", x.begin).field("end", x.end);
        write_ranges(w, "pieces", x.pieces);
        w.field("through", x.through).field("through_view", x.through_view);
        w.field("view", x.view);
        w.array("seen_by", x.seen_by).end_object();
    }
    w.end_array();

    w.key("refusals").begin_array();
    for (const SceneRefusal& r : sc.refusals) {
        w.begin_object().field("text", r.text).field("object", r.object);
        w.field("released_view", r.released_view).field("exports", r.exports);
        w.array("holders", r.holders).end_object();
    }
    w.end_array();

    w.key("frames").begin_array();
    for (const SceneFrame& f : sc.frames) {
        w.begin_object().field("function", f.function).field("depth", f.depth);
        w.field("line", f.line).key("variables").begin_array();
        for (const SceneVariable& v : f.variables) {
            w.begin_object().field("name", v.name).field("type", v.type).field("value", v.value);
            w.field("target", v.target).field("is_view", v.is_view).field("changed", v.changed);
            w.end_object();
        }
        w.end_array().end_object();
    }
    w.end_array();

    w.key("carets").begin_array();
    for (const SceneCaret& c : sc.carets) {
        w.begin_object().field("name", c.name).field("function", c.function);
        w.field("depth", c.depth).field("value", c.value).field("target", c.target);
        w.field("block", c.block).field("byte", c.byte).field("past_end", c.past_end);
        w.field("used_here", c.used_here).end_object();
    }
    w.end_array();

    w.key("reads").begin_array();
    for (const SceneRead& r : sc.reads) {
        w.begin_object().field("block", r.block).field("begin", r.begin).field("end", r.end);
        write_ranges(w, "pieces", r.pieces);
        w.field("through", r.through).field("what", r.what).end_object();
    }
    w.end_array();

    w.key("fields").begin_array();
    for (const SceneField& f : sc.fields) {
        w.begin_object().field("block", f.block).field("begin", f.begin).field("end", f.end);
        w.field("through", f.through).field("index", f.index);
        w.field("code", std::string(1, f.code)).field("order", std::string(1, f.order));
        w.field("value", f.value).field("write", f.write).end_object();
    }
    w.end_array();

    w.array("printed", sc.printed);
    if (sc.exception.empty()) {
        w.key("exception").null();
    } else {
        w.field("exception", sc.exception);
    }
    w.end_object();
    return w.take();
}

std::string step_json(const trace::Trace& t, int64_t n) {
    JsonWriter w;
    const trace::Step& s = t.step(n);
    w.begin_object().field("step", n).field("line", s.line);
    write_meter(w, "meter", s.meter);
    w.key("events").begin_array();
    for (const trace::Event& e : t.events(n)) write_event(w, t, e);
    w.end_array().end_object();
    return w.take();
}

std::string trace_json(const trace::Trace& t) {
    std::string out = "{\"step_count\":" + std::to_string(t.step_count());
    JsonWriter rec;
    rec.begin_object().field("stopped", t.stopped()).field("stopped_at_line", t.stopped_at_line());
    rec.field("unrecorded_steps", t.unrecorded_steps()).field("undo_bytes", t.undo_bytes());
    rec.end_object();
    out += ",\"recording\":" + rec.str();
    JsonWriter m;
    m.begin_object();
    write_meter(m, "run", t.run_meter());
    m.key("lines").begin_array();
    for (const auto& [line, lm] : t.line_meters()) {
        m.begin_object().field("line", line).field("copied", lm.copied);
        m.field("allocated", lm.allocated).end_object();
    }
    m.end_array().end_object();
    out += ",\"meter\":" + m.str();
    out += ",\"prologue\":" + step_json(t, 0);
    out += ",\"steps\":[";
    for (int64_t n = 1; n <= t.step_count(); ++n) {
        if (n > 1) out += ',';
        out += step_json(t, n);
    }
    out += "]}";
    return out;
}

}  // namespace engine::scene
