// Scene: what step N looks like, as plain data, built from a Trace.
//
//     trace.seek(n);
//     Scene s = build_scene(trace, SceneOptions{});            // every byte
//     Scene v = build_scene(trace, SceneOptions::rows(64, 16));  // rows 64..79 only
//
// Blocks with the names that refer to them, views with their names, stable
// colour, state and the exact bytes they cover (as element runs: element i of
// a run covers [first + i*stride, first + i*stride + itemsize)), exporters with
// their lock state and the views that hold their exports, the bytes seen by more
// than one live view (as periodic runs, see Overlap), and the bytes the step
// wrote, through which view, seen by which other views. A row window restricts
// bytes, element runs and overlaps to [row_begin*row_width, row_end*row_width)
// of every block, so the canvas pays only for what it shows. The JSON form is
// documented in SCHEMA.md.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engine/trace/trace.hpp"

namespace engine::scene {

struct SceneOptions {
    uint64_t row_width = 16;
    uint64_t row_begin = 0;
    uint64_t row_end = std::numeric_limits<uint64_t>::max();
    uint64_t block = 0;  // 0: every block; else only this block
    bool bytes = true;   // include byte values

    static SceneOptions rows(uint64_t first, uint64_t count, uint64_t width = 16) {
        SceneOptions o;
        o.row_width = width;
        o.row_begin = first;
        o.row_end = first + count;
        return o;
    }
};

struct Name {
    std::string function;  // "<module>" or the function
    int depth = 0;         // 0: globals, 1..: active frames outermost first
    std::string name;      // "x", "parts[0]"
};

struct ElementRun {
    uint64_t first = 0;   // byte offset in the block of the run's first element
    uint64_t count = 0;   // elements
    int64_t stride = 0;   // bytes between elements (may be negative)
    uint64_t itemsize = 1;
    uint64_t index = 0;   // flat (C-order) index of the run's first element in the view
};

struct SceneView {
    uint64_t id = 0, parent = 0, exporter = 0, managed_buffer = 0, block = 0;
    int color = 0;
    trace::ViewState state = trace::ViewState::Alive;
    std::vector<Name> names;
    bool has_geometry = false;
    std::string format = "B";
    int64_t itemsize = 1, offset = 0, nbytes = 0;
    int ndim = 1;
    bool readonly = true;
    std::vector<int64_t> shape, strides;
    uint64_t elements = 0;           // elements of the view (all, not only in the window)
    std::vector<ElementRun> runs;    // covered bytes, restricted to the window
    int64_t exports = 0;             // exports of the view itself (bytes(mv) in progress...)
    // Drawn for this step only (issue 11): released or destroyed in this step
    // (a tombstone), or created and destroyed within it (a temporary: the
    // window of `mv[a:b] = part`, `bytes(mv[2:6])`). A view released earlier
    // and still referenced has state Released and stays until it is destroyed.
    bool released_here = false;  // release() (or a with-block's end) in this step
    bool gone = false;           // destroyed in this step (state Destroyed)
    bool temporary = false;      // created and destroyed in this step, never named
};

struct SceneExporter {
    uint64_t id = 0, block = 0;
    std::string type;
    std::vector<Name> names;
    int64_t exports = 0;
    bool locked = false;              // exports > 0: resize/close raise BufferError
    bool readonly = false;            // bytes are immutable (bytes): "exported", never "LOCKED"
    std::vector<uint64_t> consumers;  // managed buffers / iterators holding exports
    std::vector<uint64_t> views;      // live views that hold those exports
};

struct SceneBlock {
    uint64_t id = 0, owner = 0, size = 0, address = 0;
    std::string owner_type;
    std::vector<Name> names;           // names of the objects whose bytes these are
    uint64_t window_begin = 0, window_end = 0;  // byte window shown
    std::vector<uint8_t> bytes;        // bytes [window_begin, window_end)
};

// Bytes that two or more live views see, and no other live view: `count` pieces
// of `length` bytes, piece i covering [begin + i*period, begin + i*period + length).
// count 1 is one run [begin, end) (period == length); else period > length.
// `end` is the last piece's end. Overlaps with the same set share `views`.
struct Overlap {
    uint64_t block = 0, begin = 0, end = 0;
    uint64_t length = 0, period = 0, count = 1;
    std::shared_ptr<const std::vector<uint64_t>> views;
};

// The pieces of an overlap that meet [begin, end), clipped to it, in order.
std::vector<trace::Range> overlap_pieces(const Overlap& o, uint64_t begin = 0,
                                         uint64_t end = std::numeric_limits<uint64_t>::max());

struct SceneWrite {
    uint64_t block = 0;
    uint64_t begin = 0, end = 0;    // covering range
    std::vector<trace::Range> pieces;  // exact ranges (in the window); one when contiguous
    uint64_t through = 0;           // the view or object the engine wrote through
    bool through_view = false;      // `through` is a view
    // The view whose bytes were written: `through` when it is a view, else a view
    // `through` held an export of during this step (f.readinto(view)); 0: none.
    uint64_t view = 0;
    std::vector<uint64_t> seen_by;  // other live views covering a written byte
};

// A variable of a live frame at the step's end: the frames strip.
struct SceneVariable {
    std::string name;
    std::string type;        // CPython's type name: "int", "str", "memoryview", "tuple"...
    std::string value;       // a short repr, elided with "…" past ~40 characters
    uint64_t target = 0;     // view or object id when the value is a view or buffer object
    bool is_view = false;
    bool changed = false;    // bound, rebound or changed in this step
};

struct SceneFrame {
    std::string function;  // "<module>", "reverse_inplace", "<listcomp>"
    int depth = 0;         // 0: module; 1..: active frames outermost first
    int line = 0;          // the line the frame is at (its current call site or statement)
    std::vector<SceneVariable> variables;  // in binding order
};

// An int variable used as an index or offset into a buffer (`mv[left]`,
// `buf[offset:offset + n]`): a caret under the byte it points at. Once a
// variable has indexed a buffer, its caret follows its value while it lives.
struct SceneCaret {
    std::string name;          // "left"
    std::string function;      // its frame
    int depth = 0;
    int64_t value = 0;         // the variable's value
    uint64_t target = 0;       // the view or object it indexes
    uint64_t block = 0;
    uint64_t byte = 0;         // block offset of the element it points at (or the end)
    bool past_end = false;     // value == len (an end bound): caret after the last byte
    bool used_here = false;    // this step's line indexed with it
};

// Bytes the step read: an item or slice read, tobytes(), bytes(view),
// int.from_bytes, struct.unpack(_from)...
struct SceneRead {
    uint64_t block = 0, begin = 0, end = 0;
    std::vector<trace::Range> pieces;  // exact ranges (in the window); one when contiguous
    uint64_t through = 0;              // the view or object read through
    std::string what;                  // "item", "slice", "tobytes", "unpack_from", ...
};

// One field of a struct read or write (unpack, unpack_from, pack_into, Struct).
struct SceneField {
    uint64_t block = 0, begin = 0, end = 0;  // the field's bytes
    uint64_t through = 0;
    int index = 0;          // position in the format ("HH": 0, 1)
    char code = 'B';        // format code: 'I', 'H', 's', ...
    char order = '@';       // '@', '=', '<', '>', '!'
    std::string value;      // the value as Python prints it: "3405691582", "b'BV'"
    bool write = false;     // pack_into wrote it; else it was read
};

// A BufferError/ValueError raised in this step by a resize, close or export of
// a locked exporter, or by the use of a released view, caught or not.
struct SceneRefusal {
    std::string text;                // "BufferError: Existing exports of data cannot be re-sized"
    uint64_t object = 0;             // the exporter that refused, or the released view used
    bool released_view = false;      // `object` is a released view
    int64_t exports = 0;             // the exporter's export count then
    std::vector<uint64_t> holders;   // views holding those exports then
};

struct Scene {
    int64_t step = 0, step_count = 0;
    int line = 0;
    trace::CopyMeter step_meter, line_meter, run_meter;
    SceneOptions options;
    std::vector<SceneBlock> blocks;
    std::vector<SceneExporter> exporters;
    std::vector<SceneView> views;
    std::vector<Overlap> overlaps;
    std::vector<SceneWrite> writes;
    std::vector<SceneFrame> frames;      // module first, then active frames
    std::vector<SceneCaret> carets;
    std::vector<SceneRead> reads;
    std::vector<SceneField> fields;
    std::vector<SceneRefusal> refusals;
    std::vector<std::string> printed;  // this step's output
    std::string exception;             // "ValueError: ..." when this step raised it
    bool recording_stopped = false;
    int stopped_at_line = 0;
};

// Per-step marks of the whole run, for the timeline: the copy sparkline
// (index 0 is the prologue) and the steps with a refusal or an exception.
struct TimelineMarks {
    std::vector<trace::CopyMeter> meters;
    std::vector<int64_t> refusals, exceptions;
};
TimelineMarks timeline_marks(const trace::Trace& trace);

// What the program printed in steps [0, step], concatenated.
std::string printed_until(const trace::Trace& trace, int64_t step);

// The scene at trace.position(). Pure: reads the trace only.
Scene build_scene(const trace::Trace& trace, const SceneOptions& options = {});

// The elements of a view as runs over its innermost dimension (whole view).
std::vector<ElementRun> element_runs(const trace::ViewInfo& view);

std::string scene_json(const Scene& scene);

}  // namespace engine::scene
