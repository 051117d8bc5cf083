// The embedded lessons: every file of lessons/ is there, its header parses,
// tracks are numbered without gaps, and each program runs in the engine.
#include "imgui_app/lessons.hpp"

#include <gtest/gtest.h>

#include <map>

#include "engine/session/session.hpp"

namespace app {
namespace {

TEST(Lessons, HeaderGivesTitleTrackOrderAndNarrative) {
    std::string error;
    auto l = parse_lesson("x.py",
                          "# title: Slicing without copying\n# track: A\n# order: 3\n#\n"
                          "# A slice is a window,\n# not a copy.\n#\n# Second paragraph.\n"
                          "data = bytearray(4)\n# not narrative\n",
                          error);
    ASSERT_TRUE(l) << error;
    EXPECT_EQ(l->title, "Slicing without copying");
    EXPECT_EQ(l->track, "A");
    EXPECT_EQ(l->order, 3);
    EXPECT_EQ(l->narrative, "A slice is a window, not a copy.\n\nSecond paragraph.");
    EXPECT_FALSE(parse_lesson("y.py", "# title: No track\nx = 1\n", error));
    EXPECT_EQ(error, "y.py: the header needs '# title:', '# track:' and '# order:'");
}

TEST(Lessons, EveryFileIsEmbeddedAndTracksHaveNoGaps) {
    ASSERT_FALSE(embedded_lessons().empty());
    EXPECT_EQ(lessons().size(), embedded_lessons().size());  // every file parses
    std::map<std::string, int> last;
    for (const Lesson& l : lessons()) {
        EXPECT_EQ(l.order, last[l.track] + 1) << l.file;
        last[l.track] = l.order;
        EXPECT_FALSE(l.narrative.empty()) << l.file;
    }
    EXPECT_EQ(last.count("A"), 1u);
    EXPECT_EQ(last.count("B"), 1u);
}

TEST(Lessons, EveryProgramRunsToItsEnd) {
    for (const Lesson& l : lessons()) {
        engine::session::Session s;
        s.load(l.program);
        EXPECT_TRUE(s.run()) << l.file << ": " << s.exception_line();
        EXPECT_GT(s.step_count(), 2) << l.file;
        EXPECT_FALSE(s.output().empty()) << l.file;
    }
}

}  // namespace
}  // namespace app
