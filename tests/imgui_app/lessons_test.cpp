// The embedded lessons: every file of lessons/ is there, its header parses,
// tracks are numbered without gaps, and each program runs in the engine.
#include "imgui_app/lessons.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

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

TEST(Lessons, TheCodePanelShowsTheHeaderAsATitle) {
    int lines = -1;
    std::string title;
    const std::string src = "# title: Reverse in place\n# track: B\n# order: 1\n#\n# The story.\nx = 1\n";
    const size_t n = lesson_header_length(src, lines, title);
    EXPECT_EQ(src.substr(n), "# The story.\nx = 1\n");  // the narrative is code's comments
    EXPECT_EQ(lines, 4);
    EXPECT_EQ(title, "Reverse in place");
    EXPECT_EQ(lesson_header_length("x = 1\n", lines, title), 0u);
    EXPECT_EQ(lines, 0);
    EXPECT_EQ(lesson_header_length("# track: A\n# order: 2\nx = 1\n", lines, title), 0u);  // no title
    EXPECT_EQ(lesson_header_length("# title: T", lines, title), 0u);  // unfinished line
    // Every embedded lesson has one, and its body starts right after it.
    for (const Lesson& l : lessons()) {
        const size_t len = lesson_header_length(l.program, lines, title);
        EXPECT_GT(len, 0u) << l.file;
        EXPECT_EQ(title, l.title) << l.file;
        EXPECT_EQ(lines, static_cast<int>(std::count(l.program.begin(), l.program.begin() + static_cast<long>(len), '\n')));
    }
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
