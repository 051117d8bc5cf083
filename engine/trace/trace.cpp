// Trace: reading the recorded steps and moving the cursor through the undo log.
#include "engine/trace/trace.hpp"

#include <algorithm>
#include <cassert>
#include <cstring>

namespace engine::trace {

const char* event_kind_name(EventKind kind) {
    switch (kind) {
        case EventKind::Allocate: return "allocate";
        case EventKind::Resize: return "resize";
        case EventKind::Free: return "free";
        case EventKind::ObjectCreated: return "object_created";
        case EventKind::ObjectDestroyed: return "object_destroyed";
        case EventKind::Write: return "write";
        case EventKind::Copy: return "copy";
        case EventKind::ExportAcquired: return "export_acquired";
        case EventKind::ExportReleased: return "export_released";
        case EventKind::ViewCreated: return "view_created";
        case EventKind::ViewReleased: return "view_released";
        case EventKind::ViewDestroyed: return "view_destroyed";
        case EventKind::Print: return "print";
        case EventKind::Exception: return "exception";
        case EventKind::Refused: return "refused";
        case EventKind::IndexUse: return "index_use";
        case EventKind::Read: return "read";
        case EventKind::Field: return "field";
    }
    return "?";
}

const char* view_state_name(ViewState s) {
    switch (s) {
        case ViewState::Alive: return "alive";
        case ViewState::Released: return "released";
        case ViewState::Destroyed: return "destroyed";
    }
    return "?";
}

Trace::Trace() {
    steps_.emplace_back();     // the prologue
    name_sets_.emplace_back();  // no names
    frame_sets_.emplace_back();   // no frames
    caret_sets_.emplace_back();   // no carets
}

std::span<const Event> Trace::events(int64_t n) const {
    const Step& s = step(n);
    return {events_.data() + s.first_event, s.event_count};
}

std::span<const Range> Trace::pieces(const Event& e) const {
    if (e.kind == EventKind::Refused) return {};
    return {pieces_.data() + e.first_piece, e.piece_count};
}

std::span<const uint64_t> Trace::holders(const Event& e) const {
    if (e.kind != EventKind::Refused) return {};
    return {holders_.data() + e.first_piece, e.piece_count};
}

const ViewInfo* Trace::view(uint64_t id) const {
    auto it = views_.find(id);
    return it == views_.end() ? nullptr : &it->second;
}

const ObjectInfo* Trace::object(uint64_t id) const {
    auto it = objects_.find(id);
    return it == objects_.end() ? nullptr : &it->second;
}

CopyMeter Trace::line_meter(int line) const {
    auto it = line_meters_.find(line);
    return it == line_meters_.end() ? CopyMeter{} : it->second;
}

void Trace::seek(int64_t n) {
    n = std::clamp<int64_t>(n, 0, step_count());
    if (n > position_) seek_forward(n);
    if (n < position_) seek_backward(n);
}

void Trace::seek_forward(int64_t n) {
    for (int64_t s = position_ + 1; s <= n; ++s) {
        const Step& st = steps_[static_cast<size_t>(s)];
        for (uint32_t i = 0; i < st.op_count; ++i) apply(ops_[st.first_op + i], true);
    }
    position_ = n;
}

void Trace::seek_backward(int64_t n) {
    for (int64_t s = position_; s > n; --s) {
        const Step& st = steps_[static_cast<size_t>(s)];
        for (uint32_t i = st.op_count; i > 0; --i) apply(ops_[st.first_op + i - 1], false);
    }
    position_ = n;
}

namespace {

void remove_one(std::vector<uint64_t>& v, uint64_t x) {
    auto it = std::find(v.begin(), v.end(), x);
    if (it != v.end()) v.erase(it);
}

}  // namespace

// Applies `op` (forward) or its inverse (backward) to state_.
void Trace::apply(const Op& op, bool forward) {
    TraceState& st = state_;
    switch (op.kind) {
        case OpKind::BlockAlloc:
        case OpKind::BlockFree: {
            bool create = (op.kind == OpKind::BlockAlloc) == forward;
            if (!create) {
                st.blocks.erase(op.id);
                break;
            }
            BlockState b;
            b.id = op.id;
            b.owner = op.other;
            b.size = op.a;
            b.address = op.c;
            b.bytes.assign(static_cast<size_t>(op.a), 0);
            if (op.kind == OpKind::BlockFree && op.a) {
                std::memcpy(b.bytes.data(), pool_.data() + op.pool, static_cast<size_t>(op.a));
            }
            st.blocks[op.id] = std::move(b);
            break;
        }
        case OpKind::BlockResize: {
            auto it = st.blocks.find(op.id);
            if (it == st.blocks.end()) break;
            BlockState& b = it->second;
            uint64_t from = forward ? op.a : op.b, to = forward ? op.b : op.a;
            b.bytes.resize(static_cast<size_t>(to), 0);
            if (!forward && op.a > op.b) {  // restore the cut tail
                std::memcpy(b.bytes.data() + op.b, pool_.data() + op.pool,
                            static_cast<size_t>(op.a - op.b));
            }
            (void)from;
            b.size = to;
            b.address = forward ? op.d : op.c;
            break;
        }
        case OpKind::Bytes: {
            auto it = st.blocks.find(op.id);
            if (it == st.blocks.end() || op.a + op.b > it->second.bytes.size()) break;
            const uint8_t* src = pool_.data() + op.pool + (forward ? op.b : 0);
            std::memcpy(it->second.bytes.data() + op.a, src, static_cast<size_t>(op.b));
            break;
        }
        case OpKind::ObjectCreate:
        case OpKind::ObjectDestroy:
            if ((op.kind == OpKind::ObjectCreate) == forward) {
                st.objects[op.id] = true;
            } else {
                st.objects.erase(op.id);
            }
            break;
        case OpKind::ViewCreate:
            if (forward) {
                st.views[op.id] = ViewState::Alive;
            } else {
                st.views.erase(op.id);
            }
            break;
        case OpKind::ViewRelease:
            st.views[op.id] = forward ? ViewState::Released : static_cast<ViewState>(op.a);
            break;
        case OpKind::ViewDestroy:
            if (forward) {
                st.views.erase(op.id);
            } else {
                st.views[op.id] = static_cast<ViewState>(op.a);
            }
            break;
        case OpKind::ExportAcquire:
        case OpKind::ExportRelease:
            if ((op.kind == OpKind::ExportAcquire) == forward) {
                st.exports[op.id].push_back(op.other);
            } else {
                auto it = st.exports.find(op.id);
                if (it != st.exports.end()) {
                    remove_one(it->second, op.other);
                    if (it->second.empty()) st.exports.erase(it);
                }
            }
            break;
    }
}

}  // namespace engine::trace
