#include "imgui_app/scene_text.hpp"

#include <algorithm>

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

std::string byte_words(uint8_t b) {
    if (b >= 32 && b < 127 && b != '\'' && b != '\\') return fmt::format("'{}' (0x{:02x})", static_cast<char>(b), b);
    return fmt::format("0x{:02x}", b);
}

namespace {

// The name a learner knows an object by at `step`: the innermost frame's (the
// function running now), bare; a view or object nobody names by its kind.
std::string short_name(const Trace& trace, int64_t step, uint64_t id) {
    for (int64_t s : {step, step - 1}) {
        if (s < 0 || s > trace.step_count()) continue;
        const engine::trace::NameRef* best = nullptr;
        for (const auto& ref : trace.names(s))
            if (ref.target == id && (!best || ref.depth > best->depth)) best = &ref;
        if (best) return best->name;
    }
    if (trace.view(id)) return fmt::format("view #{}", id);
    if (const auto* o = trace.object(id)) return fmt::format("a {}", o->type_name);
    return fmt::format("#{}", id);
}

// The object a write or read at `block` through `through` is seen as: the
// viewed object of a view (mm for mv_map), else the block's owner.
uint64_t object_of(const Trace& trace, uint64_t block, uint64_t through) {
    if (const auto* v = trace.view(through)) return v->exporter;
    const auto it = trace.state().blocks.find(block);
    return it == trace.state().blocks.end() ? 0 : it->second.owner;
}

const uint8_t* bytes_of(const Trace& trace, uint64_t block, uint64_t begin, uint64_t end) {
    const auto it = trace.state().blocks.find(block);
    if (it == trace.state().blocks.end() || end > it->second.bytes.size() || begin > end) return nullptr;
    return it->second.bytes.data() + begin;
}

std::string bytes_literal(const uint8_t* p, uint64_t n) {
    std::string out = "b'";
    for (uint64_t i = 0; i < n; ++i) {
        const uint8_t b = p[i];
        if (b == '\\' || b == '\'') out += fmt::format("\\{}", static_cast<char>(b));
        else if (b >= 32 && b < 127) out += static_cast<char>(b);
        else out += fmt::format("\\x{:02x}", b);
    }
    return out + "'";
}

std::string range_words(const std::string& name, uint64_t a, uint64_t b) {
    return b == a + 1 ? fmt::format("{}[{}]", name, a) : fmt::format("{}[{}:{}]", name, a, b);
}

// "'z' (0x7a) at data[0] and 'a' (0x61) at data[25]", or "4 bytes b'ZZZZ' at mm[0:4]".
std::string pieces_words(const Trace& trace, uint64_t block, const std::string& name,
                         const std::vector<engine::trace::Range>& pieces, bool values) {
    uint64_t total = 0;
    for (const auto& p : pieces) total += p.end - p.begin;
    std::string out;
    if (pieces.size() <= 4 && total <= 4 && values) {
        for (size_t i = 0; i < pieces.size(); ++i) {
            const auto& p = pieces[i];
            const uint8_t* b = bytes_of(trace, block, p.begin, p.end);
            std::string v = !b ? "" : p.end - p.begin == 1 ? byte_words(*b) : bytes_literal(b, p.end - p.begin);
            out += (i ? (i + 1 == pieces.size() ? " and " : ", ") : "") + v + (v.empty() ? "" : " at ") +
                   range_words(name, p.begin, p.end);
        }
        return out;
    }
    if (pieces.size() == 1) {
        const auto& p = pieces.front();
        const uint8_t* b = values && total <= 16 ? bytes_of(trace, block, p.begin, p.end) : nullptr;
        return fmt::format("{}{} at {}", byte_count(total), b ? " " + bytes_literal(b, total) : "",
                           range_words(name, p.begin, p.end));
    }
    return fmt::format("{} in {} pieces of {} ({}..{})", byte_count(total), pieces.size(), name,
                       pieces.front().begin, pieces.back().end - 1);
}

std::string list_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i)
        out += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    return out;
}

bool overlaps(const std::vector<engine::trace::Range>& a, uint64_t begin, uint64_t end) {
    for (const auto& r : a)
        if (r.begin < end && begin < r.end) return true;
    return false;
}

}  // namespace

std::vector<std::string> describe_step(const Trace& trace, int64_t step, const Scene& scene, const std::string& code) {
    std::vector<std::string> out;
    if (step <= 0 || step > trace.step_count()) return out;
    auto name = [&](uint64_t id) { return short_name(trace, step, id); };
    const auto events = trace.events(step);

    // Refusals lead: the learner's question on such a line is "why not?".
    for (const auto& r : scene.refusals) {
        const std::string type = r.text.substr(0, r.text.find(':'));
        std::string why;
        if (r.released_view) {
            why = fmt::format("{} was released", name(r.object));
        } else {
            std::vector<std::string> holders;
            for (uint64_t h : r.holders) holders.push_back(name(h));
            why = fmt::format("{} export{} of {}{}", r.exports, r.exports == 1 ? "" : "s", name(r.object),
                              holders.empty() ? "" : " held by " + list_names(holders));
        }
        out.push_back(fmt::format("refused: {}{}, {}", code.empty() ? "" : code + ": ", type, why));
    }

    // Struct fields, then the reads they do not cover.
    std::vector<engine::trace::Range> written;
    for (const auto& w : scene.writes)
        for (const auto& p : w.pieces) written.push_back(p);
    for (const auto& w : scene.writes)
        if (w.pieces.empty()) written.push_back({w.begin, w.end});
    std::vector<engine::trace::Range> in_fields;
    for (size_t i = 0; i < scene.fields.size();) {
        size_t j = i;
        std::string codes, values;
        const auto& f0 = scene.fields[i];
        uint64_t lo = f0.begin, hi = f0.end;
        while (j < scene.fields.size() && scene.fields[j].through == f0.through && scene.fields[j].write == f0.write &&
               scene.fields[j].block == f0.block && (j == i || scene.fields[j].index > scene.fields[j - 1].index)) {
            const auto& f = scene.fields[j];
            codes += f.code;
            values += (j == i ? "" : ", ") + f.value;
            lo = std::min(lo, f.begin);
            hi = std::max(hi, f.end);
            in_fields.push_back({f.begin, f.end});
            ++j;
        }
        const std::string where = range_words(name(object_of(trace, f0.block, f0.through)), lo, hi);
        const std::string order = f0.order == '>' || f0.order == '!' ? "big-endian"
                                  : f0.order == '<'                  ? "little-endian"
                                                                     : "native order";
        out.push_back(fmt::format("{} {} as {} ({}): {}{}", f0.write ? "packed into" : "read", where,
                                  std::string(1, f0.order) + codes, order, values,
                                  trace.view(f0.through) ? " through " + name(f0.through) : ""));
        i = j;
    }
    {
        // Reads grouped by what they went through.
        std::vector<uint64_t> seen;
        for (const auto& r : scene.reads) {
            if (std::find(seen.begin(), seen.end(), r.through) != seen.end()) continue;
            seen.push_back(r.through);
            std::vector<engine::trace::Range> pieces;
            bool values = true;
            uint64_t block = r.block;
            for (const auto& q : scene.reads) {
                if (q.through != r.through || q.block != r.block) continue;
                const auto qp = q.pieces.empty() ? std::vector<engine::trace::Range>{{q.begin, q.end}} : q.pieces;
                for (const auto& p : qp) {
                    if (overlaps(in_fields, p.begin, p.end)) continue;
                    values &= !overlaps(written, p.begin, p.end);  // the value read is gone
                    pieces.push_back(p);
                }
            }
            if (pieces.empty()) continue;
            out.push_back(fmt::format("read {}{}", pieces_words(trace, block, name(object_of(trace, block, r.through)), pieces, values),
                                      trace.view(r.through) ? " through " + name(r.through) : ""));
        }
    }

    // Writes: one sentence per (view, block), every piece with its value.
    {
        std::vector<size_t> done;
        for (size_t i = 0; i < scene.writes.size(); ++i) {
            if (std::find(done.begin(), done.end(), i) != done.end()) continue;
            const auto& w0 = scene.writes[i];
            std::vector<engine::trace::Range> pieces;
            std::vector<std::string> seen_by;
            for (size_t j = i; j < scene.writes.size(); ++j) {
                const auto& w = scene.writes[j];
                if (w.through != w0.through || w.block != w0.block) continue;
                done.push_back(j);
                if (w.pieces.empty()) pieces.push_back({w.begin, w.end});
                for (const auto& p : w.pieces) pieces.push_back(p);
                for (uint64_t v : w.seen_by)
                    if (std::find(seen_by.begin(), seen_by.end(), name(v)) == seen_by.end()) seen_by.push_back(name(v));
            }
            std::sort(pieces.begin(), pieces.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
            if (pieces.empty()) continue;  // outside the scene's window: said by the overview
            std::string what = "wrote " + pieces_words(trace, w0.block, name(object_of(trace, w0.block, w0.through)),
                                                       pieces, true);
            if (w0.through_view) what += " through " + name(w0.through);
            if (!seen_by.empty()) what += "; also seen by " + list_names(seen_by);
            out.push_back(std::move(what));
        }
    }

    // Growth, copies and allocations, summed.
    uint64_t copied = 0;
    for (const auto& e : events) {
        if (e.kind == EventKind::Resize)
            out.push_back(fmt::format("{} grew from {} to {}{}", name(trace.state().blocks.count(e.id) ?
                                                                     trace.state().blocks.at(e.id).owner : 0),
                                      byte_count(e.begin), byte_count(e.end),
                                      e.moved ? ", moving to a new address" : ""));
        if (e.kind == EventKind::Copy) copied += e.bytes;
    }
    if (copied > 0) out.push_back(fmt::format("copied {}", byte_count(copied)));

    // Views made, used for this line only, released, gone.
    std::vector<uint64_t> created, destroyed;
    for (const auto& e : events) {
        if (e.kind == EventKind::ViewCreated) created.push_back(e.id);
        if (e.kind == EventKind::ViewDestroyed) destroyed.push_back(e.id);
    }
    const auto exporter_words = [&](uint64_t exporter) -> std::string {
        for (const auto& ex : scene.exporters) {
            if (ex.id != exporter) continue;
            if (ex.readonly) return "";
            if (ex.exports == 0) return fmt::format("; {} is unlocked again", name(exporter));
            return fmt::format("; {} is locked ({} export{})", name(exporter), ex.exports, ex.exports == 1 ? "" : "s");
        }
        return "";
    };
    for (const auto& e : events) {
        const auto* v = trace.view(e.id);
        if (e.kind == EventKind::ViewCreated && v) {
            const bool temp = std::find(destroyed.begin(), destroyed.end(), e.id) != destroyed.end();
            const std::string of = name(v->exporter);
            const bool flat = v->ndim == 1 && !v->strides.empty() && v->strides[0] == v->itemsize;
            const std::string span = flat ? range_words(of, static_cast<uint64_t>(v->offset),
                                                        static_cast<uint64_t>(v->offset + v->len))
                                          : fmt::format("{} bytes of {}", v->len, of);
            if (temp) out.push_back(fmt::format("used a temporary view of {} for this line", span));
            else out.push_back(fmt::format("created {}, a view of {}{}", name(e.id), span, exporter_words(v->exporter)));
        } else if (e.kind == EventKind::ViewReleased && v) {
            out.push_back(fmt::format("released {}: it can no longer be used{}", name(e.id), exporter_words(v->exporter)));
        } else if (e.kind == EventKind::ViewDestroyed && v) {
            bool quiet = std::find(created.begin(), created.end(), e.id) != created.end();
            for (const auto& sv : scene.views) quiet |= sv.id == e.id && sv.released_here;
            if (!quiet) out.push_back(fmt::format("{} is gone: no name refers to it any more", name(e.id)));
        }
    }
    for (const auto& e : events) {
        if (e.kind != EventKind::Exception) continue;
        const std::string text = trace.text(e.text);
        bool said = false;
        for (const auto& r : scene.refusals) said |= r.text == text;
        if (!said) out.push_back("raised " + text);
    }
    return out;
}

std::string step_story(const std::string& code, const std::vector<std::string>& sentences) {
    std::string words;
    for (const std::string& w : sentences) words += (words.empty() ? "" : ";  ") + w;
    if (sentences.empty() || code.empty()) return words;
    if (sentences.front().rfind("refused: ", 0) == 0) return words;
    return code + ":  " + words;
}

}  // namespace app
