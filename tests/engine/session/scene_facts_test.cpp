// Issue 11's scene facts at named steps of the use-case programs (verbatim
// copies of /work/shared/usecases/*.py) and lesson A6: refusals with their
// holders, tombstones of released views, temporary windows, exporters with
// their own names and locks.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/engine/session/session_test_util.hpp"

namespace engine::session {
namespace {

using namespace testing;
using trace::ViewState;

// /work/shared/usecases/case2_header.py, verbatim.
constexpr const char* kCase2 = R"py(import os
import struct

# Case 2: Binary Header Parse

# Step 1: Create a bytearray of 16 random bytes (could represent a binary file header)
header = bytearray(os.urandom(16))

# Step 2: Create a memoryview of the header to allow zero-copy access to its raw bytes
mv_head = memoryview(header)

# Step 3: Unpack the first 8 bytes of the header as:
#   - 1 x Big-endian unsigned int (4 bytes) -> 'magic'
#   - 2 x Big-endian unsigned short (2 bytes each) -> 'major', 'minor'
# Using the format string ">IHH" where:
#   '>' means big-endian
#   'I' means 4-byte unsigned int
#   'H' means 2-byte unsigned short
magic, major, minor = struct.unpack_from(">IHH", mv_head, 0)

# Step 4: Release the memoryview (good practice when working with low-level buffers)
mv_head.release()

# Step 5: Print the parsed values from the binary header
print("Parsed header magic:", magic)
print("Major version:", major)
print("Minor version:", minor)
)py";

// /work/shared/usecases/case3_mmap.py, verbatim.
constexpr const char* kCase3 = R"py(import mmap
import tempfile

# Case 3: mmap editing without copy

# Step 1: Create a temporary file and write some initial data to it
tmp = tempfile.TemporaryFile()
tmp.write(b"abcdefghij")  # Write 10 bytes of sample data
tmp.flush()               # Make sure data is written to disk

# Step 2: Memory-map the file so we can access and modify it directly in memory
# fileno() gives the OS-level file descriptor
# 0 as size means map the entire file
# access=mmap.ACCESS_WRITE allows reading and writing
mm = mmap.mmap(tmp.fileno(), 0, access=mmap.ACCESS_WRITE)

# Step 3: Get a memoryview of the mmap object
# This lets us work with the memory buffer directly, zero-copy
mv_map = memoryview(mm)

# Step 4: Modify the first 4 bytes of the memory-mapped file
# This changes the file on disk without needing to call write()
mv_map[0:4] = b"ZZZZ"

# Step 5: Print the updated content from the mmap view
print("After mmap edit  :", mm[:10])  # Should show b'ZZZZefghij'

# Step 6: Release the memoryview (good practice)
mv_map.release()

# Step 7: Close the mmap object to unmap the file from memory
mm.close()

# Step 8: Close the temporary file
tmp.close()
)py";

// /work/shared/usecases/case5_packet.py, verbatim.
constexpr const char* kCase5 = R"py(# Case 5: Packet assembly for TCP/IP or custom binary protocols

def build_packet(parts):
    """
    Builds a single binary packet from multiple byte-like parts.

    Args:
        parts (list of bytes/bytearray/memoryview): Components to assemble into one buffer

    Returns:
        bytearray: A single contiguous buffer containing all parts
    """
    # Step 1: Pre-allocate a bytearray of the exact size needed
    total_size = sum(len(p) for p in parts)
    buf = bytearray(total_size)

    # Step 2: Create a memoryview of the buffer for efficient slicing without copying
    mv = memoryview(buf)

    # Step 3: Copy each part into the correct position in the buffer
    offset = 0
    for part in parts:
        part_length = len(part)
        mv[offset:offset + part_length] = part  # No copy of the whole buffer
        offset += part_length  # Move to next writing position

    # Step 4: Release the memoryview (good practice, especially in C extensions)
    mv.release()

    # Step 5: Return the assembled packet
    return buf


# Example: Assemble a TCP-like packet with header and payload
pkt = build_packet([b"HEAD", b"DATA", b"TAIL"])
print("Assembled packet :", pkt)
)py";

// lessons/a6_release_and_locks.py, verbatim.
constexpr const char* kLessonA6 = R"py(# title: Release and locks
# track: A
# order: 6
#
# While a view exists the bytearray cannot change size: its bytes might move
# and leave the view pointing at freed memory. release() or a with-block gives
# the export back; views that share one export all have to go first.
data = bytearray(b"locked")
view = memoryview(data)
part = view[1:3]
try:
    data.append(33)
except BufferError as e:
    print("BufferError:", e)
view.release()
try:
    data.append(33)
except BufferError as e:
    print("still locked:", e)
part.release()
data.append(33)
print(data)
with memoryview(data) as v:
    print(v.tobytes())
data.append(33)
try:
    v[0]
except ValueError as e:
    print("ValueError:", e)
)py";

// /work/shared/usecases/case1_reverse.py, verbatim.
constexpr const char* kCase1 = R"py(import array, struct, os, mmap, tempfile, sys

# Case 1: Reverse in-place with memoryview
def reverse_inplace(data):
    mv = memoryview(data)
    left, right = 0, len(mv) - 1
    while left < right:
        mv[left], mv[right] = mv[right], mv[left]
        left += 1
        right -= 1
    mv.release()

ba = bytearray(b"abcdefghijklmnopqrstuvwxyz")
reverse_inplace(ba)
print("Reverse in-place :", ba[:10], "...")
)py";
// The 1-based line of the first source line containing `text`, or 0.
int line_with(const std::string& src, const std::string& text, int nth = 1) {
    int line = 1;
    size_t at = 0;
    while (at <= src.size()) {
        size_t end = src.find('\n', at);
        if (end == std::string::npos) end = src.size();
        if (src.substr(at, end - at).find(text) != std::string::npos && --nth == 0) return line;
        at = end + 1;
        ++line;
    }
    return 0;
}

bool contains(const std::vector<int64_t>& v, int64_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

const scene::SceneFrame* frame_of(const scene::Scene& sc, const std::string& function) {
    for (const auto& f : sc.frames) {
        if (f.function == function) return &f;
    }
    return nullptr;
}

const scene::SceneVariable* var_of(const scene::SceneFrame* f, const std::string& name) {
    if (!f) return nullptr;
    for (const auto& v : f->variables) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

const scene::SceneCaret* caret_of(const scene::Scene& sc, const std::string& name) {
    for (const auto& c : sc.carets) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

// The text after `label` up to the end of its line in `out`.
std::string printed_value(const std::string& out, const std::string& label) {
    size_t at = out.find(label);
    if (at == std::string::npos) return "";
    at += label.size();
    return out.substr(at, out.find('\n', at) - at);
}

TEST(SceneFactsTest, LessonA6RefusedAppendNamesItsHolders) {
    auto s = run_program(kLessonA6);
    ASSERT_FALSE(s->error()) << s->traceback();
    const std::string src = kLessonA6;
    const int append = line_with(src, "    data.append(33)");
    ASSERT_GT(append, 0);
    // First refusal: `view` and `part` share one export of `data`.
    const int64_t first = step_of(*s, append, 1);
    ASSERT_GT(first, 0);
    auto sc = s->scene(first);
    const auto* data = exporter_named(sc, "data");
    const auto* view = view_named(sc, "view");
    const auto* part = view_named(sc, "part");
    ASSERT_TRUE(data && view && part);
    ASSERT_EQ(sc.refusals.size(), 1u);
    const auto& r = sc.refusals[0];
    EXPECT_EQ(r.text, "BufferError: Existing exports of data: object cannot be re-sized");
    EXPECT_EQ(r.object, data->id);
    EXPECT_FALSE(r.released_view);
    EXPECT_EQ(r.exports, 1);
    EXPECT_EQ(r.holders, (std::vector<uint64_t>{view->id, part->id}));
    // The caught exception is no step exception, yet the timeline marks the step.
    auto marks = scene::timeline_marks(s->trace());
    EXPECT_TRUE(contains(marks.refusals, first));
    // Second refusal, after view.release(): only `part` holds the export.
    const int64_t second = step_of(*s, line_with(src, "    data.append(33)", 2));
    ASSERT_GT(second, first);
    auto sc2 = s->scene(second);
    ASSERT_EQ(sc2.refusals.size(), 1u);
    const auto* part2 = view_named(sc2, "part");
    ASSERT_TRUE(part2);
    EXPECT_EQ(sc2.refusals[0].holders, (std::vector<uint64_t>{part2->id}));
    EXPECT_TRUE(contains(marks.refusals, second));
    // The append after part.release() is no refusal.
    const int64_t free_append = step_of(*s, line_with(src, "part.release()") + 1);
    ASSERT_GT(free_append, 0);
    EXPECT_TRUE(s->scene(free_append).refusals.empty());
    EXPECT_FALSE(contains(marks.refusals, free_append));
    // v[0] on the view released by the with-block: a refusal by the released view.
    const int64_t use = step_of(*s, line_with(src, "    v[0]"));
    ASSERT_GT(use, 0);
    auto sc3 = s->scene(use);
    ASSERT_EQ(sc3.refusals.size(), 1u);
    const auto* v = view_named(sc3, "v");
    ASSERT_TRUE(v);
    EXPECT_EQ(sc3.refusals[0].object, v->id);
    EXPECT_TRUE(sc3.refusals[0].released_view);
    EXPECT_EQ(sc3.refusals[0].text,
              "ValueError: operation forbidden on released memoryview object");
    EXPECT_TRUE(sc3.refusals[0].holders.empty());
    EXPECT_EQ(v->state, ViewState::Released);
}

TEST(SceneFactsTest, UncaughtRefusalIsRecorded) {
    auto s = run_program("import mmap\nm = mmap.mmap(-1, 8)\nv = memoryview(m)\nm.close()\n");
    ASSERT_TRUE(s->error());
    auto sc = s->scene(s->step_count());
    const auto* m = exporter_named(sc, "m");
    const auto* v = view_named(sc, "v");
    ASSERT_TRUE(m && v);
    ASSERT_EQ(sc.refusals.size(), 1u);
    EXPECT_EQ(sc.refusals[0].text, "BufferError: cannot close exported pointers exist");
    EXPECT_EQ(sc.refusals[0].object, m->id);
    EXPECT_EQ(sc.refusals[0].holders, (std::vector<uint64_t>{v->id}));
}

TEST(SceneFactsTest, HeaderParseReleasedViewIsATombstone) {
    auto s = run_program(kCase2);
    ASSERT_FALSE(s->error()) << s->traceback();
    const std::string src = kCase2;
    const int64_t release = step_of(*s, line_with(src, "mv_head.release()"));
    ASSERT_GT(release, 0);
    auto sc = s->scene(release);
    const auto* mv = view_named(sc, "mv_head");
    ASSERT_TRUE(mv);
    EXPECT_TRUE(mv->released_here);
    EXPECT_FALSE(mv->gone);
    EXPECT_FALSE(mv->temporary);
    EXPECT_EQ(mv->state, ViewState::Released);
    EXPECT_FALSE(exporter_named(sc, "header")->locked);
    // Later steps: still there while the name refers to it, no longer "here".
    auto next = s->scene(release + 1);
    const auto* mv2 = view_named(next, "mv_head");
    ASSERT_TRUE(mv2);
    EXPECT_FALSE(mv2->released_here);
    EXPECT_EQ(mv2->state, ViewState::Released);
    // The step before: alive, holding the lock.
    auto before = s->scene(release - 1);
    const auto* mv0 = view_named(before, "mv_head");
    ASSERT_TRUE(mv0);
    EXPECT_EQ(mv0->state, ViewState::Alive);
    EXPECT_FALSE(mv0->released_here);
    EXPECT_TRUE(exporter_named(before, "header")->locked);
}

TEST(SceneFactsTest, ViewReleasedAndDestroyedInOneStepIsGone) {
    // Steps are statements: `m.release(); del m` is steps 3 and 4.
    auto s = run_program(
        "b = bytearray(b'abcd')\n"
        "m = memoryview(b)\n"
        "m.release(); del m\n"
        "memoryview(b)[1:3].release()\n"
        "x = 1\n");
    ASSERT_FALSE(s->error()) << s->traceback();
    ASSERT_EQ(s->step_count(), 6);
    auto released = s->scene(3);
    ASSERT_EQ(released.views.size(), 1u);
    EXPECT_TRUE(released.views[0].released_here);
    EXPECT_FALSE(released.views[0].gone);
    EXPECT_EQ(released.views[0].state, ViewState::Released);
    auto deleted = s->scene(4);
    ASSERT_EQ(deleted.views.size(), 1u);
    EXPECT_FALSE(deleted.views[0].released_here);
    EXPECT_TRUE(deleted.views[0].gone);
    EXPECT_FALSE(deleted.views[0].temporary);  // created in step 2
    EXPECT_EQ(deleted.views[0].state, ViewState::Destroyed);
    EXPECT_EQ(covered(deleted.views[0]), (std::vector<uint64_t>{0, 1, 2, 3}));
    // Both views of line 4 are temporaries, released and destroyed there.
    auto sc = s->scene(5);
    ASSERT_EQ(sc.views.size(), 2u);
    for (const auto& v : sc.views) {
        EXPECT_TRUE(v.temporary);
        EXPECT_TRUE(v.gone);
        EXPECT_TRUE(v.released_here);
        EXPECT_EQ(v.state, ViewState::Destroyed);
    }
    EXPECT_EQ(sc.views[1].parent, sc.views[0].id);
    EXPECT_EQ(covered(sc.views[0]), (std::vector<uint64_t>{0, 1, 2, 3}));
    EXPECT_EQ(covered(sc.views[1]), (std::vector<uint64_t>{1, 2}));
    EXPECT_TRUE(s->scene(6).views.empty());
}

TEST(SceneFactsTest, MmapOverTempfileKeepsEachObjectsNameAndLock) {
    auto s = run_program(kCase3);
    ASSERT_FALSE(s->error()) << s->traceback();
    const std::string src = kCase3;
    const int64_t edit = step_of(*s, line_with(src, "mv_map[0:4] = b\"ZZZZ\""));
    ASSERT_GT(edit, 0);
    auto sc = s->scene(edit);
    const auto* mm = exporter_named(sc, "mm");
    const auto* tmp = exporter_named(sc, "tmp");
    const auto* mv = view_named(sc, "mv_map");
    ASSERT_TRUE(mm && tmp && mv);
    EXPECT_NE(mm->id, tmp->id);
    EXPECT_EQ(mm->type, "mmap.mmap");
    EXPECT_EQ(tmp->type, "_io.BufferedRandom");
    EXPECT_EQ(mm->block, tmp->block);  // the mmap shows the file's bytes
    EXPECT_TRUE(mm->locked);
    EXPECT_EQ(mm->exports, 1);
    EXPECT_EQ(mm->views, (std::vector<uint64_t>{mv->id}));
    EXPECT_FALSE(tmp->locked);
    EXPECT_EQ(mv->exporter, mm->id);
    for (const auto& e : sc.exporters) {
        if (e.type == "bytes") {
            EXPECT_TRUE(e.readonly);
        } else {
            EXPECT_FALSE(e.readonly) << e.type;
        }
    }
    // After the release and the close: the mmap is no longer locked, nothing refused.
    const int64_t close = step_of(*s, line_with(src, "mm.close()"));
    ASSERT_GT(close, edit);
    auto sc2 = s->scene(close);
    EXPECT_TRUE(sc2.refusals.empty());
}

TEST(SceneFactsTest, PacketAssemblyTemporarySliceWindow) {
    auto s = run_program(kCase5);
    ASSERT_FALSE(s->error()) << s->traceback();
    const std::string src = kCase5;
    const int line = line_with(src, "mv[offset:offset + part_length] = part");
    ASSERT_GT(line, 0);
    for (int k = 0; k < 3; ++k) {
        const int64_t n = step_of(*s, line, k + 1);
        ASSERT_GT(n, 0) << k;
        auto sc = s->scene(n);
        const auto* mv = view_named(sc, "mv");
        ASSERT_TRUE(mv);
        EXPECT_FALSE(mv->temporary);
        const scene::SceneView* window = nullptr;
        for (const auto& v : sc.views) {
            if (v.temporary) window = &v;
        }
        ASSERT_TRUE(window) << k;
        EXPECT_TRUE(window->gone);
        EXPECT_TRUE(window->names.empty());
        EXPECT_EQ(window->parent, mv->id);
        EXPECT_EQ(window->block, mv->block);
        std::vector<uint64_t> want;
        for (uint64_t i = 0; i < 4; ++i) want.push_back(4 * static_cast<uint64_t>(k) + i);
        EXPECT_EQ(covered(*window), want) << k;
        // The bytes the step wrote are the window's.
        ASSERT_EQ(sc.writes.size(), 1u);
        EXPECT_EQ(sc.writes[0].begin, 4u * static_cast<uint64_t>(k));
        EXPECT_EQ(sc.writes[0].end, 4u * static_cast<uint64_t>(k) + 4);
    }
}

TEST(SceneFactsTest, ReverseFramesShowLeftAndRightMovingIn) {
    auto s = run_program(kCase1);
    ASSERT_FALSE(s->error()) << s->traceback();
    const std::string src = kCase1;
    const int swap = line_with(src, "mv[left], mv[right] = mv[right], mv[left]");
    for (int k = 0; k < 13; ++k) {
        const int64_t n = step_of(*s, swap, k + 1);
        ASSERT_GT(n, 0) << k;
        auto sc = s->scene(n);
        ASSERT_EQ(sc.frames.size(), 2u);
        EXPECT_EQ(sc.frames[0].function, "<module>");
        EXPECT_EQ(sc.frames[0].depth, 0);
        const auto* fn = frame_of(sc, "reverse_inplace");
        ASSERT_TRUE(fn);
        EXPECT_EQ(fn->depth, 1);
        EXPECT_EQ(fn->line, swap);
        std::vector<std::string> names;
        for (const auto& v : fn->variables) names.push_back(v.name);
        EXPECT_EQ(names, (std::vector<std::string>{"data", "mv", "left", "right"}));
        const auto* left = var_of(fn, "left");
        const auto* right = var_of(fn, "right");
        ASSERT_TRUE(left && right);
        EXPECT_EQ(left->type, "int");
        EXPECT_EQ(left->value, std::to_string(k));
        EXPECT_EQ(right->value, std::to_string(25 - k));
        EXPECT_FALSE(left->changed);  // the swap line rebinds neither
        const auto* mv = view_named(sc, "mv");
        ASSERT_TRUE(mv);
        const auto* mvar = var_of(fn, "mv");
        EXPECT_EQ(mvar->type, "memoryview");
        EXPECT_TRUE(mvar->is_view);
        EXPECT_EQ(mvar->target, mv->id);
        EXPECT_EQ(mvar->value, "<memory>");
        const auto* data = var_of(fn, "data");
        EXPECT_EQ(data->target, exporter_named(sc, "ba")->id);
        EXPECT_TRUE(data->changed);  // its bytes were written through mv
        // The carets of left and right under the bytes they index.
        const auto* cl = caret_of(sc, "left");
        const auto* cr = caret_of(sc, "right");
        ASSERT_TRUE(cl && cr) << k;
        EXPECT_EQ(cl->value, k);
        EXPECT_EQ(cl->byte, static_cast<uint64_t>(k));
        EXPECT_EQ(cr->byte, static_cast<uint64_t>(25 - k));
        EXPECT_EQ(cl->target, mv->id);
        EXPECT_EQ(cl->block, mv->block);
        EXPECT_EQ(cl->function, "reverse_inplace");
        EXPECT_EQ(cl->depth, 1);
        EXPECT_TRUE(cl->used_here);
        EXPECT_TRUE(cr->used_here);
        EXPECT_FALSE(cl->past_end);
        // The next step, `left += 1`: the caret follows, not used there.
        auto next = s->scene(n + 1);
        const auto* cl2 = caret_of(next, "left");
        ASSERT_TRUE(cl2);
        EXPECT_EQ(cl2->byte, static_cast<uint64_t>(k + 1));
        EXPECT_FALSE(cl2->used_here);
        EXPECT_TRUE(var_of(frame_of(next, "reverse_inplace"), "left")->changed);
        EXPECT_FALSE(var_of(frame_of(next, "reverse_inplace"), "right")->changed);
    }
    // Before the first swap, left and right have indexed nothing: no carets.
    EXPECT_TRUE(s->scene(step_of(*s, swap) - 1).carets.empty());
    // After the call returned: its frame and carets are gone.
    auto last = s->scene(s->step_count());
    EXPECT_EQ(last.frames.size(), 1u);
    EXPECT_TRUE(last.carets.empty());
    const auto* ba = var_of(frame_of(last, "<module>"), "ba");
    ASSERT_TRUE(ba);
    EXPECT_EQ(ba->type, "bytearray");
    EXPECT_EQ(ba->value, "bytearray(b'zyxwvutsrqponmlkjihgfedcba')");  // CPython's repr
    EXPECT_EQ(var_of(frame_of(last, "<module>"), "reverse_inplace")->type, "function");
}

TEST(SceneFactsTest, HeaderParseFramesHoldTheUnpackedValues) {
    auto s = run_program(kCase2);
    ASSERT_FALSE(s->error()) << s->traceback();
    const std::string src = kCase2;
    const int64_t n = step_of(*s, line_with(src, "magic, major, minor = struct.unpack_from"));
    ASSERT_GT(n, 0);
    auto sc = s->scene(n);
    ASSERT_EQ(sc.frames.size(), 1u);
    const auto* module = frame_of(sc, "<module>");
    const std::string out = s->output();
    const std::pair<const char*, const char*> expect[] = {
        {"magic", "Parsed header magic: "}, {"major", "Major version: "}, {"minor", "Minor version: "}};
    for (const auto& [name, label] : expect) {
        const auto* v = var_of(module, name);
        ASSERT_TRUE(v) << name;
        EXPECT_EQ(v->type, "int");
        EXPECT_EQ(v->value, printed_value(out, label)) << name;
        EXPECT_TRUE(v->changed);
        EXPECT_EQ(v->target, 0u);
    }
    EXPECT_FALSE(var_of(module, "header")->changed);
    EXPECT_EQ(var_of(module, "struct")->type, "module");
    // The step before: not yet bound.
    EXPECT_EQ(var_of(frame_of(s->scene(n - 1), "<module>"), "magic"), nullptr);
}

TEST(SceneFactsTest, PacketAssemblyOffsetCaretMoves) {
    auto s = run_program(kCase5);
    ASSERT_FALSE(s->error()) << s->traceback();
    const std::string src = kCase5;
    const int line = line_with(src, "mv[offset:offset + part_length] = part");
    for (int k = 0; k < 3; ++k) {
        auto sc = s->scene(step_of(*s, line, k + 1));
        const auto* mv = view_named(sc, "mv");
        const auto* offset = caret_of(sc, "offset");
        ASSERT_TRUE(mv && offset) << k;
        EXPECT_EQ(offset->value, 4 * k);
        EXPECT_EQ(offset->byte, 4u * static_cast<uint64_t>(k));
        EXPECT_EQ(offset->target, mv->id);
        EXPECT_TRUE(offset->used_here);
        EXPECT_EQ(offset->function, "build_packet");
        const auto* fn = frame_of(sc, "build_packet");
        ASSERT_TRUE(fn);
        EXPECT_EQ(var_of(fn, "part")->value, k == 0 ? "b'HEAD'" : k == 1 ? "b'DATA'" : "b'TAIL'");
        EXPECT_EQ(var_of(fn, "part_length")->value, "4");
    }
    // `offset += part_length` after the last part: offset == len(mv), past the end.
    auto sc = s->scene(step_of(*s, line_with(src, "offset += part_length"), 3));
    const auto* offset = caret_of(sc, "offset");
    ASSERT_TRUE(offset);
    EXPECT_EQ(offset->value, 12);
    EXPECT_TRUE(offset->past_end);
    EXPECT_EQ(offset->byte, 12u);
    EXPECT_FALSE(offset->used_here);
}

TEST(SceneFactsTest, CaretsOfModuleNamesNegativeIndicesAndObjects) {
    auto s = run_program(
        "ba = bytearray(b'abcdefgh')\n"
        "mv = memoryview(ba)[1::2]\n"
        "i = -1\n"
        "x = mv[i]\n"
        "ba[i - 2] = 65\n"
        "def f(n):\n"
        "    v = ba[n]\n"
        "    return v\n"
        "y = f(3)\n"
        "i = 'no longer an int'\n");
    ASSERT_FALSE(s->error()) << s->traceback();
    auto sc = s->scene(4);
    ASSERT_EQ(sc.carets.size(), 1u);
    EXPECT_EQ(sc.carets[0].name, "i");
    EXPECT_EQ(sc.carets[0].depth, 0);
    EXPECT_EQ(sc.carets[0].byte, 7u);  // mv[-1] is ba[7]
    EXPECT_EQ(sc.carets[0].target, view_named(sc, "mv")->id);
    auto sc2 = s->scene(5);  // ba[i - 2]: now i indexes ba itself
    ASSERT_EQ(sc2.carets.size(), 1u);
    EXPECT_EQ(sc2.carets[0].target, exporter_named(sc2, "ba")->id);
    EXPECT_EQ(sc2.carets[0].byte, 7u);  // caret at i's own value, -1 of ba
    EXPECT_TRUE(sc2.carets[0].used_here);
    // Inside f: n indexes ba; it dies with the frame.
    bool seen_n = false;
    for (int64_t k = 1; k <= s->step_count(); ++k) {
        for (const auto& c : s->scene(k).carets) {
            if (c.name == "n") {
                seen_n = true;
                EXPECT_EQ(c.byte, 3u);
                EXPECT_EQ(c.function, "f");
            }
        }
    }
    EXPECT_TRUE(seen_n);
    EXPECT_EQ(caret_of(s->scene(s->step_count()), "n"), nullptr);
    // i rebound to a str: no caret.
    EXPECT_EQ(caret_of(s->scene(s->step_count()), "i"), nullptr);
}

TEST(SceneFactsTest, VariablesShowCPythonReprsShortened) {
    auto s = run_program(
        "t = (1, 'a', b'x\\x00', [1, 2.5, None, True], (3,))\n"
        "q = \"it's\"\n"
        "d = {'k': [1, 2]}\n"
        "u = (1, 'a', b'x\\x00', [None, True], (3,))\n"
        "big = 2 ** 70\n"
        "one = (1,)\n"
        "r = range(0, 10)\n"
        "long = 'x' * 50\n"
        "huge = bytearray(1 << 20)\n"
        "import array\n"
        "a = array.array('B', [1, 2, 3])\n");
    ASSERT_FALSE(s->error()) << s->traceback();
    auto sc = s->scene(s->step_count());
    const auto* m = frame_of(sc, "<module>");
    // Expected strings: CPython 3.11's repr() of the same values.
    EXPECT_EQ(var_of(m, "t")->value, "(1, 'a', b'x\\x00', [1, 2.5, None, True],…");
    EXPECT_EQ(var_of(m, "t")->type, "tuple");
    EXPECT_EQ(var_of(m, "u")->value, "(1, 'a', b'x\\x00', [None, True], (3,))");
    EXPECT_EQ(var_of(m, "q")->value, "\"it's\"");
    EXPECT_EQ(var_of(m, "d")->value, "{'k': [1, 2]}");
    EXPECT_EQ(var_of(m, "big")->value, "1180591620717411303424");
    EXPECT_EQ(var_of(m, "one")->value, "(1,)");
    EXPECT_EQ(var_of(m, "r")->value, "range(0, 10)");
    EXPECT_EQ(var_of(m, "a")->value, "array('B', [1, 2, 3])");
    EXPECT_EQ(var_of(m, "a")->type, "array");
    // Past 40 characters: the first 40 of CPython's repr and an ellipsis.
    EXPECT_EQ(var_of(m, "long")->value, "'" + std::string(39, 'x') + "…");
    const std::string h = var_of(m, "huge")->value;
    EXPECT_EQ(h, "bytearray(b'\\x00\\x00\\x00\\x00\\x00\\x00\\x00…");
}

TEST(SceneFactsTest, UseCasesRunEveryStep) {
    for (const char* src : {kCase1, kCase2, kCase3, kCase5, kLessonA6}) {
        auto s = run_program(src);
        ASSERT_FALSE(s->error()) << s->traceback();
        EXPECT_FALSE(s->trace_json().empty());
        for (int64_t n = 0; n <= s->step_count(); ++n) EXPECT_FALSE(s->scene_json(n).empty());
    }
}

}  // namespace
}  // namespace engine::session
