// Trace: the recorded run of a program, step by step, and a cursor that can be
// moved to any step forwards or backwards without re-running.
//
// A step is one executed line. Step N's state is the state AFTER that line ran
// (before the next line starts); position 0 is the state before the first line.
// Steps count from 1; step_count() is the last recorded one.
//
// What is stored:
//   - per step: the line, its events (what the buffer engine reported, plus
//     prints and the exception), its copy meter, the names in scope at its end;
//   - an undo log of invertible ops (block alloc/resize/free, changed byte runs
//     with their old and new bytes, view/object/export lifetimes). seek() walks
//     the ops forwards or backwards from the current position, so seeking costs
//     the ops between the two positions, never a re-run;
//   - tables of what never changes once created: each view's geometry and colour,
//     each object's type.
// Recording has a budget (steps, undo bytes). Past it the run finishes but no
// more steps are stored; stopped() / stopped_at_line() say where.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace engine::trace {

enum class EventKind : uint8_t {
    Allocate,         // block: id, owner, size, address
    Resize,           // block: id, old_size -> new_size, moved, address
    Free,             // block: id
    ObjectCreated,    // id, type name (text), block
    ObjectDestroyed,  // id
    Write,            // block, [begin, end), pieces, through
    Copy,             // bytes, from block, to block, through
    ExportAcquired,   // exporter id, consumer id
    ExportReleased,   // exporter id, consumer id
    ViewCreated,      // view id, parent, exporter, block
    ViewReleased,     // view id
    ViewDestroyed,    // view id
    Print,            // text
    Exception,        // text = "TypeError: message", line
    Refused,          // id = exporter or released view, text = "BufferError: ...",
                      // bytes = exports then, Trace::holders(): the views holding them
    IndexUse,         // a variable indexed a buffer: id = the object or view indexed,
                      // text = the variable's name, line = its frame's depth
    Read,             // block, [begin, end), pieces, through, text = what ("item", "tobytes")
    Field,            // block, [begin, end), through, text = the value's repr,
                      // other = index in the format, bytes = code | order << 8 | write << 16
};

const char* event_kind_name(EventKind kind);

struct Range {
    uint64_t begin = 0, end = 0;  // half-open byte offsets in a block
};

struct Event {
    EventKind kind = EventKind::Print;
    uint64_t id = 0;       // block / object / view / exporter id (see EventKind)
    uint64_t other = 0;    // owner (Allocate), consumer (Export*), parent (ViewCreated)
    uint64_t block = 0;    // Write/ViewCreated/ObjectCreated block; Copy: from block
    uint64_t to_block = 0;  // Copy: to block
    uint64_t through = 0;   // Write/Copy: the view or object it went through
    uint64_t begin = 0, end = 0;  // Write range; Resize: old size, new size
    uint64_t bytes = 0;           // Copy bytes; Allocate size; Resize/Allocate: address in `address`
    uint64_t address = 0;
    bool moved = false;
    uint32_t first_piece = 0, piece_count = 0;  // Write: exact ranges in Trace::pieces();
                                                // Refused: view ids in Trace::holders()
    int32_t text = -1;                          // Print/Exception/ObjectCreated: Trace::text()
    int line = 0;                               // Exception: its line
};

struct CopyMeter {
    uint64_t copied = 0;     // bytes copied (CopyEvent)
    uint64_t allocated = 0;  // bytes of new blocks and of block growth
};

// A name that refers to a buffer object or a view at the end of a step.
struct NameRef {
    std::string function;  // "<module>" or the function's name
    int depth = 0;         // 0: globals; 1..: active function frames, outermost first
    std::string name;      // "x", "parts[1]", "d['k']"
    uint64_t target = 0;   // view id or exporter (object) id
    bool is_view = false;
};

// The frames strip at a step's end: each live frame (module first) with its
// variables in binding order. Strings are Trace::text() indices, interned, so
// equal strings have equal indices and a step that changes nothing shares the
// previous step's set.
struct VarRecord {
    int32_t name = -1, type = -1, value = -1;  // value: a short repr
    uint64_t target = 0;                       // view or buffer object id, else 0
    bool is_view = false;
    bool operator==(const VarRecord&) const = default;
};

struct FrameRecord {
    int32_t function = -1;  // "<module>", the function, "<listcomp>"
    int depth = 0;          // 0: module; 1..: active frames outermost first
    int line = 0;           // the frame's current line (0: not known)
    uint32_t first_var = 0, var_count = 0;  // in FrameSet::vars
    bool operator==(const FrameRecord&) const = default;
};

struct FrameSet {
    std::vector<FrameRecord> frames;
    std::vector<VarRecord> vars;
    bool operator==(const FrameSet&) const = default;
};

// A variable that has indexed a buffer (`mv[left]`): its caret follows its value
// while the variable lives in that frame.
struct CaretRef {
    int32_t function = -1, name = -1;  // Trace::text() indices
    int depth = 0;
    uint64_t target = 0;  // the view or object it last indexed
    bool operator==(const CaretRef&) const = default;
};

struct Step {
    int line = 0;
    uint32_t first_event = 0, event_count = 0;
    uint32_t first_op = 0, op_count = 0;
    CopyMeter meter;
    uint32_t names = 0;   // index into Trace::name_set()
    uint32_t frames = 0;  // index into the frame sets
    uint32_t carets = 0;  // index into the caret sets
};

// View geometry: never changes after creation.
struct ViewInfo {
    uint64_t id = 0, parent = 0, managed_buffer = 0, exporter = 0, block = 0;
    int color = 0;           // creation order: stable across steps
    int64_t created_step = 0;
    bool has_geometry = false;
    int64_t offset = 0, itemsize = 1, len = 0;
    int ndim = 1;
    bool readonly = true;
    std::string format = "B";
    std::vector<int64_t> shape, strides;
};

struct ObjectInfo {
    uint64_t id = 0, block = 0;
    std::string type_name;
};

enum class ViewState : uint8_t { Alive, Released, Destroyed };
const char* view_state_name(ViewState s);

struct BlockState {
    uint64_t id = 0, owner = 0, size = 0, address = 0;
    std::vector<uint8_t> bytes;  // size bytes
};

// Everything that changes step by step. Ordered maps: stable output order.
struct TraceState {
    std::map<uint64_t, BlockState> blocks;                    // live blocks
    std::map<uint64_t, bool> objects;                         // live objects
    std::map<uint64_t, ViewState> views;                      // not yet destroyed
    std::map<uint64_t, std::vector<uint64_t>> exports;        // exporter -> consumers
};

// One invertible change of TraceState.
enum class OpKind : uint8_t {
    BlockAlloc,     // id, owner=other, size=a, address=c
    BlockResize,    // id, a=old size, b=new size, c=old address, d=new address, pool: cut tail
    BlockFree,      // id, owner=other, a=size, c=address, pool: bytes
    Bytes,          // id=block, a=offset, b=length, pool: old bytes then new bytes
    ObjectCreate,   // id
    ObjectDestroy,  // id
    ViewCreate,     // id
    ViewRelease,    // id, a=previous ViewState
    ViewDestroy,    // id, a=previous ViewState
    ExportAcquire,  // id=exporter, other=consumer
    ExportRelease,  // id=exporter, other=consumer
};

struct Op {
    OpKind kind = OpKind::Bytes;
    uint64_t id = 0, other = 0, a = 0, b = 0, c = 0, d = 0;
    uint64_t pool = 0;  // offset into the byte pool
};

struct RecordingBudget {
    int64_t max_steps = 1'000'000;
    uint64_t max_undo_bytes = uint64_t{64} << 20;
};

class Trace {
public:
    Trace();

    // ---- reading ----
    int64_t step_count() const { return static_cast<int64_t>(steps_.size()) - 1; }
    const Step& step(int64_t n) const { return steps_.at(static_cast<size_t>(n)); }  // 0: prologue
    std::span<const Event> events(int64_t n) const;
    std::span<const Range> pieces(const Event& e) const;
    std::span<const uint64_t> holders(const Event& e) const;  // Refused: views holding exports
    const std::string& text(int32_t index) const { return texts_.at(static_cast<size_t>(index)); }
    const std::vector<NameRef>& names(int64_t n) const { return name_sets_.at(step(n).names); }
    const FrameSet& frames(int64_t n) const { return frame_sets_.at(step(n).frames); }
    const std::vector<CaretRef>& carets(int64_t n) const { return caret_sets_.at(step(n).carets); }
    // Field events: code, byte order, write flag (packed in Event::bytes).
    static char field_code(const Event& e) { return static_cast<char>(e.bytes & 0xff); }
    static char field_order(const Event& e) { return static_cast<char>((e.bytes >> 8) & 0xff); }
    static bool field_write(const Event& e) { return ((e.bytes >> 16) & 1) != 0; }
    const ViewInfo* view(uint64_t id) const;
    const ObjectInfo* object(uint64_t id) const;
    const std::map<uint64_t, ViewInfo>& views() const { return views_; }

    CopyMeter run_meter() const { return run_meter_; }   // whole run, recorded or not
    CopyMeter line_meter(int line) const;                // recorded steps of that line
    const std::map<int, CopyMeter>& line_meters() const { return line_meters_; }
    uint64_t undo_bytes() const { return pool_.size(); }

    bool stopped() const { return stopped_; }         // the recording budget was reached
    int stopped_at_line() const { return stopped_line_; }  // first line not recorded
    int64_t unrecorded_steps() const { return unrecorded_steps_; }

    // ---- the cursor ----
    int64_t position() const { return position_; }
    void seek(int64_t n);  // clamps to [0, step_count()]
    const TraceState& state() const { return state_; }

private:
    friend class Recorder;
    void apply(const Op& op, bool forward);
    void seek_forward(int64_t n);
    void seek_backward(int64_t n);

    std::vector<Step> steps_;  // [0] is the prologue (events before the first line)
    std::vector<Event> events_;
    std::vector<Range> pieces_;
    std::vector<uint64_t> holders_;
    std::vector<std::string> texts_;
    std::vector<Op> ops_;
    std::vector<uint8_t> pool_;
    std::vector<std::vector<NameRef>> name_sets_;
    std::vector<FrameSet> frame_sets_;
    std::vector<std::vector<CaretRef>> caret_sets_;
    std::map<uint64_t, ViewInfo> views_;
    std::unordered_map<uint64_t, ObjectInfo> objects_;
    std::map<int, CopyMeter> line_meters_;
    CopyMeter run_meter_;
    bool stopped_ = false;
    int stopped_line_ = 0;
    int64_t unrecorded_steps_ = 0;

    TraceState state_;
    int64_t position_ = 0;
};

}  // namespace engine::trace
