// Recorder: events, the step-end byte sync and the undo log.
#include "engine/trace/recorder.hpp"

#include <algorithm>
#include <cstring>

namespace engine::trace {

namespace {

// Runs of changed bytes closer than this are stored as one run.
constexpr uint64_t kMergeGap = 8;

}  // namespace

Recorder::Recorder(RecordingBudget budget) : budget_(budget) {}

CopyMeter& Recorder::meter() { return trace_.steps_.back().meter; }

void Recorder::push_event(Event e) {
    if (!recording()) return;
    trace_.events_.push_back(std::move(e));
}

uint64_t Recorder::pool_bytes(const uint8_t* data, uint64_t n) {
    uint64_t at = trace_.pool_.size();
    if (n) trace_.pool_.insert(trace_.pool_.end(), data, data + n);
    return at;
}

void Recorder::push_op(const Op& op) {
    if (!recording()) return;
    trace_.ops_.push_back(op);
    trace_.apply(op, true);
}

void Recorder::mark_dirty(uint64_t block, uint64_t begin, uint64_t end) {
    if (!recording() || begin >= end) return;
    dirty_[block].push_back(Range{begin, end});
}

void Recorder::begin_step(int line) {
    if (finished_) return;
    end_step();
    if (recording()) {
        bool full = trace_.step_count() >= budget_.max_steps ||
                    trace_.pool_.size() >= budget_.max_undo_bytes;
        if (full) {
            trace_.stopped_ = true;
            trace_.stopped_line_ = line;
            dirty_.clear();
            pending_uses_.clear();
        }
    }
    if (!recording()) {
        ++trace_.unrecorded_steps_;
        return;
    }
    Step s;
    s.line = line;
    s.first_event = static_cast<uint32_t>(trace_.events_.size());
    s.first_op = static_cast<uint32_t>(trace_.ops_.size());
    s.names = trace_.steps_.back().names;
    s.frames = trace_.steps_.back().frames;
    s.carets = trace_.steps_.back().carets;
    trace_.steps_.push_back(s);
    trace_.position_ = trace_.step_count();
}

void Recorder::finish() {
    if (finished_) return;
    end_step();
    finished_ = true;
}

void Recorder::end_step() {
    if (!recording()) return;
    sync_bytes();
    Step& s = trace_.steps_.back();
    s.event_count = static_cast<uint32_t>(trace_.events_.size()) - s.first_event;
    s.op_count = static_cast<uint32_t>(trace_.ops_.size()) - s.first_op;
    if (trace_.steps_.size() > 1) {
        CopyMeter& lm = trace_.line_meters_[s.line];
        lm.copied += s.meter.copied;
        lm.allocated += s.meter.allocated;
    }
}

// Compares the touched ranges of each live block with its mirror and stores the
// changed runs (old and new bytes) as Bytes ops.
void Recorder::sync_bytes() {
    for (auto& [block_id, ranges] : dirty_) {
        auto sit = trace_.state_.blocks.find(block_id);
        if (sit == trace_.state_.blocks.end()) continue;  // freed in this step
        auto pit = blocks_.find(block_id);
        if (pit == blocks_.end()) continue;  // allocated before recording: bytes unknown
        const Block* block = pit->second;
        BlockState& mirror = sit->second;
        uint64_t size = std::min<uint64_t>(block->size(), mirror.bytes.size());
        const uint8_t* real = block->data();
        std::sort(ranges.begin(), ranges.end(),
                  [](const Range& x, const Range& y) { return x.begin < y.begin; });
        uint64_t done = 0;  // bytes below this offset are compared
        for (const Range& r : ranges) {
            uint64_t i = std::max(r.begin, done), end = std::min(r.end, size);
            while (i < end) {
                if (mirror.bytes[i] == real[i]) {
                    ++i;
                    continue;
                }
                uint64_t run_begin = i, run_end = i + 1, j = i + 1;
                while (j < end && j - run_end < kMergeGap) {
                    if (mirror.bytes[j] != real[j]) run_end = j + 1;
                    ++j;
                }
                Op op;
                op.kind = OpKind::Bytes;
                op.id = block_id;
                op.a = run_begin;
                op.b = run_end - run_begin;
                op.pool = pool_bytes(mirror.bytes.data() + run_begin, op.b);
                pool_bytes(real + run_begin, op.b);
                trace_.ops_.push_back(op);
                std::memcpy(mirror.bytes.data() + run_begin, real + run_begin, op.b);
                i = run_end;
            }
            done = std::max(done, end);
        }
    }
    dirty_.clear();
}

void Recorder::set_names(std::vector<NameRef> names) {
    if (!recording()) return;
    auto& sets = trace_.name_sets_;
    const auto& current = sets[trace_.steps_.back().names];
    bool same = current.size() == names.size();
    for (size_t i = 0; same && i < names.size(); ++i) {
        const NameRef &a = current[i], &b = names[i];
        same = a.target == b.target && a.is_view == b.is_view && a.depth == b.depth &&
               a.name == b.name && a.function == b.function;
    }
    if (same) return;
    sets.push_back(std::move(names));
    trace_.steps_.back().names = static_cast<uint32_t>(sets.size() - 1);
}

int32_t Recorder::intern(std::string_view text) {
    auto it = interned_.find(text);
    if (it != interned_.end()) return it->second;
    auto index = static_cast<int32_t>(trace_.texts_.size());
    trace_.texts_.emplace_back(text);
    interned_.emplace(std::string(text), index);
    return index;
}

void Recorder::note_index_use(std::string_view name, int depth, uint64_t target) {
    if (!recording() || target == 0) return;
    Event e;
    e.kind = EventKind::IndexUse;
    e.id = target;
    e.text = intern(name);
    e.line = depth;
    pending_uses_.push_back(static_cast<uint32_t>(trace_.events_.size()));
    push_event(std::move(e));
}

namespace {

const VarRecord* find_var(const FrameSet& set, const FrameRecord& f, int32_t name) {
    for (uint32_t i = 0; i < f.var_count; ++i) {
        const VarRecord& v = set.vars[f.first_var + i];
        if (v.name == name) return &v;
    }
    return nullptr;
}

const FrameRecord* frame_at(const FrameSet& set, int depth) {
    for (const FrameRecord& f : set.frames) {
        if (f.depth == depth) return &f;
    }
    return nullptr;
}

}  // namespace

void Recorder::set_frames(FrameSet frames) {
    if (!recording()) return;
    // Carets: the step's index uses, resolved to the frame that binds the name
    // (the frame that was running, else the module), then the carets of
    // variables still bound in the same frame.
    std::vector<CaretRef> carets = trace_.caret_sets_[trace_.steps_.back().carets];
    for (uint32_t index : pending_uses_) {
        Event& e = trace_.events_[index];
        const FrameRecord* f = frame_at(frames, e.line);
        if (!f || !find_var(frames, *f, e.text)) f = frame_at(frames, 0);
        if (!f || !find_var(frames, *f, e.text)) continue;
        e.line = f->depth;
        CaretRef ref{f->function, e.text, f->depth, e.id};
        auto same = [&](const CaretRef& c) {
            return c.name == ref.name && c.depth == ref.depth && c.function == ref.function;
        };
        auto it = std::find_if(carets.begin(), carets.end(), same);
        if (it == carets.end()) {
            carets.push_back(ref);
        } else {
            it->target = ref.target;
        }
    }
    pending_uses_.clear();
    std::erase_if(carets, [&](const CaretRef& c) {
        const FrameRecord* f = frame_at(frames, c.depth);
        return !f || f->function != c.function || !find_var(frames, *f, c.name);
    });
    Step& step = trace_.steps_.back();
    if (carets != trace_.caret_sets_[step.carets]) {
        trace_.caret_sets_.push_back(std::move(carets));
        step.carets = static_cast<uint32_t>(trace_.caret_sets_.size() - 1);
    }
    if (frames != trace_.frame_sets_[step.frames]) {
        trace_.frame_sets_.push_back(std::move(frames));
        step.frames = static_cast<uint32_t>(trace_.frame_sets_.size() - 1);
    }
}

void Recorder::note_print(std::string_view text) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::Print;
    e.text = static_cast<int32_t>(trace_.texts_.size());
    trace_.texts_.emplace_back(text);
    push_event(std::move(e));
}

void Recorder::note_exception(std::string text, int line) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::Exception;
    e.line = line;
    e.text = static_cast<int32_t>(trace_.texts_.size());
    trace_.texts_.push_back(std::move(text));
    push_event(std::move(e));
}

void Recorder::copy_geometry(ViewInfo& v, const BufferInfo& info) {
    v.has_geometry = true;
    v.offset = info.offset;
    v.itemsize = info.itemsize;
    v.len = info.len;
    v.ndim = info.ndim;
    v.readonly = info.readonly;
    v.format = info.has_format ? info.format : "B";
    v.shape = info.shape;
    v.strides = info.strides;
}

// ---- BufferObserver ----

void Recorder::on_object_created(uint64_t object_id, std::string_view type_name,
                                 uint64_t block_id) {
    if (!recording()) return;
    trace_.objects_[object_id] = ObjectInfo{object_id, block_id, std::string(type_name)};
    Event e;
    e.kind = EventKind::ObjectCreated;
    e.id = object_id;
    e.block = block_id;
    e.text = static_cast<int32_t>(trace_.texts_.size());
    trace_.texts_.emplace_back(type_name);
    push_event(std::move(e));
    push_op(Op{OpKind::ObjectCreate, object_id});
}

void Recorder::on_object_destroyed(uint64_t object_id) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::ObjectDestroyed;
    e.id = object_id;
    push_event(std::move(e));
    push_op(Op{OpKind::ObjectDestroy, object_id});
}

void Recorder::on_block_allocated(const BlockEvent& ev) {
    trace_.run_meter_.allocated += ev.size;
    if (!recording()) return;
    meter().allocated += ev.size;
    if (ev.block) blocks_[ev.block_id] = ev.block;
    Event e;
    e.kind = EventKind::Allocate;
    e.id = ev.block_id;
    e.other = ev.owner_id;
    e.bytes = ev.size;
    e.address = ev.address;
    push_event(std::move(e));
    Op op{OpKind::BlockAlloc, ev.block_id, ev.owner_id, ev.size, 0, ev.address};
    push_op(op);
    mark_dirty(ev.block_id, 0, ev.size);
}

void Recorder::on_block_resized(const BlockResizeEvent& ev) {
    uint64_t grown = ev.new_size > ev.old_size ? ev.new_size - ev.old_size : 0;
    trace_.run_meter_.allocated += grown;
    if (!recording()) return;
    meter().allocated += grown;
    Event e;
    e.kind = EventKind::Resize;
    e.id = ev.block_id;
    e.begin = ev.old_size;
    e.end = ev.new_size;
    e.address = ev.new_address;
    e.moved = ev.moved;
    push_event(std::move(e));
    Op op{OpKind::BlockResize, ev.block_id, 0, ev.old_size, ev.new_size, ev.old_address,
          ev.new_address};
    auto it = trace_.state_.blocks.find(ev.block_id);
    if (it != trace_.state_.blocks.end() && ev.new_size < ev.old_size &&
        it->second.bytes.size() >= ev.old_size) {
        op.pool = pool_bytes(it->second.bytes.data() + ev.new_size, ev.old_size - ev.new_size);
    }
    push_op(op);
    // Bytes may have moved inside the block without a write report: compare it all.
    mark_dirty(ev.block_id, 0, ev.new_size);
}

void Recorder::on_block_freed(uint64_t block_id) {
    blocks_.erase(block_id);
    if (!recording()) return;
    dirty_.erase(block_id);
    Event e;
    e.kind = EventKind::Free;
    e.id = block_id;
    push_event(std::move(e));
    auto it = trace_.state_.blocks.find(block_id);
    if (it == trace_.state_.blocks.end()) return;
    const BlockState& b = it->second;
    Op op{OpKind::BlockFree, block_id, b.owner, b.size, 0, b.address};
    op.pool = pool_bytes(b.bytes.data(), b.bytes.size());
    push_op(op);
}

void Recorder::on_write(const WriteEvent& ev) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::Write;
    e.block = ev.block_id;
    e.begin = ev.begin;
    e.end = ev.end;
    e.through = ev.through_id;
    e.first_piece = static_cast<uint32_t>(trace_.pieces_.size());
    e.piece_count = static_cast<uint32_t>(ev.pieces.size());
    for (const ByteRange& p : ev.pieces) trace_.pieces_.push_back(Range{p.begin, p.end});
    push_event(std::move(e));
    mark_dirty(ev.block_id, ev.begin, ev.end);
}

void Recorder::on_copy(const CopyEvent& ev) {
    trace_.run_meter_.copied += ev.bytes;
    if (!recording()) return;
    meter().copied += ev.bytes;
    Event e;
    e.kind = EventKind::Copy;
    e.bytes = ev.bytes;
    e.block = ev.from_block;
    e.to_block = ev.to_block;
    e.through = ev.through_id;
    push_event(std::move(e));
}

void Recorder::on_export_acquired(uint64_t exporter_id, uint64_t consumer_id) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::ExportAcquired;
    e.id = exporter_id;
    e.other = consumer_id;
    push_event(std::move(e));
    push_op(Op{OpKind::ExportAcquire, exporter_id, consumer_id});
}

void Recorder::on_export_released(uint64_t exporter_id, uint64_t consumer_id) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::ExportReleased;
    e.id = exporter_id;
    e.other = consumer_id;
    push_event(std::move(e));
    push_op(Op{OpKind::ExportRelease, exporter_id, consumer_id});
}

void Recorder::on_view_created(const ViewEvent& ev) {
    if (!recording()) return;
    ViewInfo& v = trace_.views_[ev.view_id];
    v.id = ev.view_id;
    v.parent = ev.parent_id;
    v.managed_buffer = ev.managed_buffer_id;
    v.exporter = ev.exporter_id;
    v.block = ev.block_id;
    v.color = color_++;
    v.created_step = trace_.step_count();
    if (ev.info) copy_geometry(v, *ev.info);
    Event e;
    e.kind = EventKind::ViewCreated;
    e.id = ev.view_id;
    e.other = ev.parent_id;
    e.block = ev.block_id;
    e.through = ev.exporter_id;
    push_event(std::move(e));
    push_op(Op{OpKind::ViewCreate, ev.view_id});
}

void Recorder::on_view_released(uint64_t view_id) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::ViewReleased;
    e.id = view_id;
    push_event(std::move(e));
    auto it = trace_.state_.views.find(view_id);
    auto prev = it == trace_.state_.views.end() ? ViewState::Alive : it->second;
    push_op(Op{OpKind::ViewRelease, view_id, 0, static_cast<uint64_t>(prev)});
}

void Recorder::on_view_destroyed(uint64_t view_id) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::ViewDestroyed;
    e.id = view_id;
    push_event(std::move(e));
    auto it = trace_.state_.views.find(view_id);
    auto prev = it == trace_.state_.views.end() ? ViewState::Alive : it->second;
    push_op(Op{OpKind::ViewDestroy, view_id, 0, static_cast<uint64_t>(prev)});
}

// The holders are the live views whose export of `object_id` (directly, or
// through their managed buffer) is counted at this moment.
void Recorder::on_refused(uint64_t object_id, std::string_view text) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::Refused;
    e.id = object_id;
    e.text = static_cast<int32_t>(trace_.texts_.size());
    trace_.texts_.emplace_back(text);
    e.first_piece = static_cast<uint32_t>(trace_.holders_.size());
    auto it = trace_.state_.exports.find(object_id);
    if (it != trace_.state_.exports.end()) {
        e.bytes = it->second.size();
        for (uint64_t consumer : it->second) {
            for (const auto& [id, state] : trace_.state_.views) {
                if (state != ViewState::Alive) continue;
                auto vit = trace_.views_.find(id);
                if (vit == trace_.views_.end()) continue;
                const ViewInfo& v = vit->second;
                bool holds =
                    id == consumer || (v.managed_buffer == consumer && v.exporter == object_id);
                if (holds && std::find(trace_.holders_.begin() + e.first_piece,
                                       trace_.holders_.end(), id) == trace_.holders_.end()) {
                    trace_.holders_.push_back(id);
                }
            }
        }
    }
    e.piece_count = static_cast<uint32_t>(trace_.holders_.size()) - e.first_piece;
    push_event(std::move(e));
}

}  // namespace engine::trace

namespace engine::trace {

void Recorder::on_read(const ReadEvent& ev) {
    if (!recording() || ev.begin >= ev.end) return;
    Event e;
    e.kind = EventKind::Read;
    e.block = ev.block_id;
    e.begin = ev.begin;
    e.end = ev.end;
    e.through = ev.through_id;
    e.text = intern(ev.what);
    e.first_piece = static_cast<uint32_t>(trace_.pieces_.size());
    e.piece_count = static_cast<uint32_t>(ev.pieces.size());
    for (const ByteRange& p : ev.pieces) trace_.pieces_.push_back(Range{p.begin, p.end});
    push_event(std::move(e));
}

void Recorder::on_field(const FieldEvent& ev) {
    if (!recording()) return;
    Event e;
    e.kind = EventKind::Field;
    e.block = ev.block_id;
    e.begin = ev.begin;
    e.end = ev.end;
    e.through = ev.through_id;
    e.other = static_cast<uint64_t>(ev.index);
    e.bytes = static_cast<uint64_t>(static_cast<uint8_t>(ev.code)) |
              static_cast<uint64_t>(static_cast<uint8_t>(ev.order)) << 8 |
              static_cast<uint64_t>(ev.write ? 1 : 0) << 16;
    e.text = intern(ev.value);
    push_event(std::move(e));
}

}  // namespace engine::trace
