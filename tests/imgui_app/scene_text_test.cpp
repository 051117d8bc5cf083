// The step's story in words (scene_text): positions and values of writes and
// reads, struct fields, refusals with their holders, temporaries and releases,
// on the use-case programs and lesson A6 run by a real Session.
#include "imgui_app/scene_text.hpp"

#include <gtest/gtest.h>

#include "engine/session/session.hpp"
#include "imgui_app/lessons.hpp"

namespace app {
namespace {

// tests/imgui_app/usecases/case1_reverse.py and case5_packet.py, verbatim
// (embedded: the wasm build of this test has no files).
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

std::string read(const std::string& path) {
    if (path.find("case1") != std::string::npos) return kCase1;
    if (path.find("case5") != std::string::npos) return kCase5;
    const std::string name = path.substr(path.rfind('/') + 1);
    for (const auto& f : embedded_lessons())
        if (name == f.name) return f.text;
    return {};
}

struct Program {
    engine::session::Session session;
    explicit Program(const std::string& source) {
        session.load(source);
        session.run();
    }
    // The nth step (0-based) that ran `line`.
    int64_t step_of(int line, int nth = 0) {
        for (int64_t s = 1; s <= session.step_count(); ++s)
            if (session.line_of(s) == line && nth-- == 0) return s;
        return -1;
    }
    std::vector<std::string> words(int64_t step, const std::string& code = {}) {
        engine::scene::Scene sc = session.scene(step);
        return describe_step(session.trace(), step, sc, code);
    }
};

std::string joined(const std::vector<std::string>& w) {
    std::string out;
    for (const auto& s : w) out += s + "\n";
    return out;
}

TEST(SceneTextTest, ASwapIsOneSentenceWithPositionsAndValues) {
    Program r(read("tests/imgui_app/usecases/case1_reverse.py"));
    const auto w = joined(r.words(r.step_of(8)));
    // a..z reversed: the first swap writes 'z' at 0 and 'a' at 25, through mv, in one sentence.
    EXPECT_NE(w.find("wrote 'z' (0x7a) at data[0] and 'a' (0x61) at data[25] through mv"), std::string::npos) << w;
    EXPECT_EQ(w.find("wrote", w.find("wrote") + 1), std::string::npos) << "one write sentence: " << w;
    EXPECT_EQ(w.find("lent"), std::string::npos) << "no jargon: " << w;
}

TEST(SceneTextTest, ARefusalNamesTheCodeTheErrorAndTheHolders) {
    Program r(read("lessons/a6_release_and_locks.py"));
    const auto w = r.words(r.step_of(12), "data.append(33)");
    ASSERT_FALSE(w.empty());
    EXPECT_EQ(w.front(), "refused: data.append(33): BufferError, 1 export of data held by view and part");
    EXPECT_EQ(step_story("data.append(33)", w).rfind("refused: data.append(33)", 0), 0u);
    // After view.release(), part still holds the export.
    const auto again = r.words(r.step_of(17), "data.append(33)");
    ASSERT_FALSE(again.empty());
    EXPECT_EQ(again.front(), "refused: data.append(33): BufferError, 1 export of data held by part");
}

TEST(SceneTextTest, ReleasesAndTemporaries) {
    Program r(read("tests/imgui_app/usecases/case5_packet.py"));
    const auto w = joined(r.words(r.step_of(24, 1)));
    EXPECT_NE(w.find("used a temporary view of buf[4:8] for this line"), std::string::npos) << w;
    EXPECT_NE(w.find("wrote b'DATA' at buf[4:8] through mv"), std::string::npos) << w;
    Program c1(read("tests/imgui_app/usecases/case1_reverse.py"));
    const auto rel = joined(c1.words(c1.step_of(11)));
    EXPECT_NE(rel.find("released mv: it can no longer be used; ba is unlocked again"), std::string::npos) << rel;
}

TEST(SceneTextTest, BytesAsALearnerReadsThem) {
    EXPECT_EQ(byte_words('z'), "'z' (0x7a)");
    EXPECT_EQ(byte_words(0), "0x00");
    EXPECT_EQ(byte_words('\''), "0x27");
}

}  // namespace
}  // namespace app
