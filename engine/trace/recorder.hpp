// Recorder: the BufferObserver that turns a run into a Trace.
//
//     Recorder rec(budget);
//     ctx.set_observer(&rec);
//     options.line_hook = [&](int line) { rec.set_names(...); rec.begin_step(line); };
//     ... run ...
//     rec.note_exception("ValueError: ...", line);   // if the run failed
//     rec.finish();
//     Trace& t = rec.trace();   // position() == step_count()
//
// Byte contents: the buffer engine reports writes before they happen and
// allocations without their bytes, so the recorder keeps a mirror of every live
// block (TraceState, the state at the last step end) and, at each step end,
// compares the ranges touched in the step with the real bytes. The changed runs
// become Bytes ops holding old and new bytes: the undo log.
//
// Ownership: the recorder is fed by the observer only. It reads a block's bytes
// through the Block pointer of its allocation event, which the buffer engine
// keeps valid until on_block_freed (which forgets it); a view's geometry is
// copied from its creation event. Nothing the trace keeps points into the
// program's objects, so a released view or a freed block can never be read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/buffer/context.hpp"
#include "engine/buffer/exporter.hpp"
#include "engine/buffer/observer.hpp"
#include "engine/trace/trace.hpp"

namespace engine::trace {

class Recorder final : public BufferObserver {
public:
    explicit Recorder(RecordingBudget budget = {});

    // Ends the current step (syncing bytes) and starts one for `line`. When the
    // budget is used up, recording stops here: this line is the first unrecorded.
    void begin_step(int line);
    // Ends the last step. Call once, after the run.
    void finish();

    // Names at the end of the current step (call just before begin_step/finish).
    void set_names(std::vector<NameRef> names);
    // The frames strip at the end of the current step (call just before
    // begin_step/finish). Resolves this step's index uses to their frames and
    // drops the carets of variables that no longer live.
    void set_frames(FrameSet frames);
    // A variable named `name` indexed `target` (a view or buffer object) while
    // `depth` frames were active (0: module code): `mv[left]`, `buf[a:a + n]`.
    void note_index_use(std::string_view name, int depth, uint64_t target);
    // The Trace::text() index of `s`, the same for equal strings.
    int32_t intern(std::string_view s);
    void note_print(std::string_view text);
    void note_exception(std::string text, int line);  // "ValueError: message"

    Trace& trace() { return trace_; }
    const Trace& trace() const { return trace_; }
    bool recording() const { return !trace_.stopped_; }

    // BufferObserver
    void on_object_created(uint64_t object_id, std::string_view type_name,
                           uint64_t block_id) override;
    void on_object_destroyed(uint64_t object_id) override;
    void on_block_allocated(const BlockEvent& ev) override;
    void on_block_resized(const BlockResizeEvent& ev) override;
    void on_block_freed(uint64_t block_id) override;
    void on_write(const WriteEvent& ev) override;
    void on_copy(const CopyEvent& ev) override;
    void on_export_acquired(uint64_t exporter_id, uint64_t consumer_id) override;
    void on_export_released(uint64_t exporter_id, uint64_t consumer_id) override;
    void on_view_created(const ViewEvent& ev) override;
    void on_view_released(uint64_t view_id) override;
    void on_view_destroyed(uint64_t view_id) override;
    void on_refused(uint64_t object_id, std::string_view text) override;
    void on_read(const ReadEvent& ev) override;
    void on_field(const FieldEvent& ev) override;

private:
    void end_step();
    void sync_bytes();
    void push_event(Event e);
    void push_op(const Op& op);  // appends and applies to the head state
    uint64_t pool_bytes(const uint8_t* data, uint64_t n);
    void mark_dirty(uint64_t block, uint64_t begin, uint64_t end);
    void copy_geometry(ViewInfo& view, const BufferInfo& info);
    CopyMeter& meter();

    Trace trace_;
    RecordingBudget budget_;
    bool finished_ = false;
    int color_ = 0;
    // Live blocks of the recorded state, from their allocation events (see above).
    std::unordered_map<uint64_t, const Block*> blocks_;
    std::unordered_map<uint64_t, std::vector<Range>> dirty_;  // touched this step
    struct StringHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, int32_t, StringHash, std::equal_to<>> interned_;
    std::vector<uint32_t> pending_uses_;  // IndexUse events of this step, not yet resolved
};

}  // namespace engine::trace
