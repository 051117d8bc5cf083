// The copy meter for bytes copied into a bytearray (+=, extend, slice
// assignment), by bytes/bytearray concatenation, and into and between arrays,
// where CPython memcpy's them.
#include <gtest/gtest.h>

#include "tests/engine/session/session_test_util.hpp"

namespace engine::session {
namespace {

using namespace testing;

constexpr const char* kCopies = R"(ba = bytearray(b"hi")
src = b"abcd"
mv = memoryview(src)
ba.extend(src)
ba += mv[1:3]
ba.extend([1, 2, 3])
ba[0:2] = mv[:2]
ba.append(5)
t = src + src
u = src + b""
v = ba + mv
ba += b""
ba.extend(x for x in [7, 8])
print(ba, t, u is src, v)
)";

uint64_t copied(Session& s, int line) { return s.scene(step_of(s, line)).step_meter.copied; }

TEST(CopiesTest, BytesCopiedIntoABytearrayAreMetered) {
    auto s = run_program(kCopies);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(),
              "bytearray(b'ababcdbc\\x01\\x02\\x03\\x05\\x07\\x08') b'abcdabcd' True "
              "bytearray(b'ababcdbc\\x01\\x02\\x03\\x05abcd')\n");
    EXPECT_EQ(copied(*s, 4), 4u);  // extend(bytes)
    EXPECT_EQ(copied(*s, 5), 2u);  // += memoryview slice (the slice itself copies nothing)
    EXPECT_EQ(copied(*s, 6), 3u);  // extend(list): from the bytearray CPython builds
    // Slice assignment: into the bytearray CPython makes of the value, then from it.
    EXPECT_EQ(copied(*s, 7), 4u);
    EXPECT_EQ(copied(*s, 8), 0u);    // append writes one int
    EXPECT_EQ(copied(*s, 9), 8u);    // bytes + bytes: both sides
    EXPECT_EQ(copied(*s, 10), 0u);   // bytes + b"": the same object
    EXPECT_EQ(copied(*s, 11), 16u);  // bytearray + memoryview: 12 + 4
    EXPECT_EQ(copied(*s, 12), 0u);
    EXPECT_EQ(copied(*s, 13), 2u);
}

TEST(CopiesTest, ExtendNamesTheBlocksItCopiesBetween) {
    auto s = run_program(kCopies);
    ASSERT_FALSE(s->error()) << s->traceback();
    const int64_t step = step_of(*s, 4);
    auto sc = s->scene(step);
    const auto* ba = block_named(sc, "ba");
    const auto* src = block_named(sc, "src");
    ASSERT_TRUE(ba && src);
    s->seek(step);
    int copies = 0;
    for (const trace::Event& e : s->trace().events(step)) {
        if (e.kind != trace::EventKind::Copy) continue;
        ++copies;
        EXPECT_EQ(e.bytes, 4u);
        EXPECT_EQ(e.block, src->id);
        EXPECT_EQ(e.to_block, ba->id);
        EXPECT_EQ(e.through, ba->owner);
    }
    EXPECT_EQ(copies, 1);
    uint64_t sum = 0;
    for (int line = 4; line <= 13; ++line) sum += copied(*s, line);
    EXPECT_EQ(sum, 4u + 2 + 3 + 4 + 8 + 16 + 2);
}

constexpr const char* kArrayCopies = R"(from array import array
a = array('H', [1, 2, 3])
b = array('H', [4, 5])
a.extend(b)
a += b
a.frombytes(b"\x01\x00\x02\x00")
a[0:2] = b
a *= 2
c = a + b
a[::9] = b
a += a
print(len(a), list(c[-3:]), a[:4])
)";

TEST(CopiesTest, ArrayItemsCopiedBetweenArraysAreMetered) {
    auto s = run_program(kArrayCopies);
    ASSERT_FALSE(s->error()) << s->traceback();
    EXPECT_EQ(s->output(), "36 [2, 4, 5] array('H', [4, 5, 3, 4])\n");
    EXPECT_EQ(copied(*s, 4), 4u);    // extend(array)
    EXPECT_EQ(copied(*s, 5), 4u);    // += array
    EXPECT_EQ(copied(*s, 6), 4u);    // frombytes
    EXPECT_EQ(copied(*s, 7), 4u);    // slice assignment
    EXPECT_EQ(copied(*s, 8), 18u);   // *= 2: the 9 items once more
    EXPECT_EQ(copied(*s, 9), 40u);   // a + b: 36 + 4 into a new array
    EXPECT_EQ(copied(*s, 10), 4u);   // extended slice assignment
    EXPECT_EQ(copied(*s, 11), 36u);  // a += a: itself, once
}

}  // namespace
}  // namespace engine::session
