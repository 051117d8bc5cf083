// Tracebacks as CPython prints them: source lines when the program has a file,
// none for "<stdin>" and "<string>" (CPython has nothing to read them back from).
#include <gtest/gtest.h>

#include "engine/session/session.hpp"

namespace engine::session {
namespace {

std::string traceback_of(const std::string& filename) {
    SessionOptions o;
    o.filename = filename;
    Session s(o);
    s.load("def f(v):\n    return v[9]\n\nf(b'ab')\n");
    EXPECT_FALSE(s.run());
    return s.traceback();
}

TEST(Traceback, ShowsSourceLinesOnlyForARealFile) {
    // (CPython 3.11 also draws ~^^^ under the failing expression: not modelled yet.)
    const std::string file = traceback_of("task.py");
    EXPECT_NE(file.find("  File \"task.py\", line 4, in <module>\n    f(b'ab')\n"), std::string::npos) << file;
    EXPECT_NE(file.find("  File \"task.py\", line 2, in f\n    return v[9]\n"), std::string::npos) << file;
    EXPECT_EQ(traceback_of("<stdin>"),
              "Traceback (most recent call last):\n"
              "  File \"<stdin>\", line 4, in <module>\n"
              "  File \"<stdin>\", line 2, in f\n"
              "IndexError: index out of range\n");
}

}  // namespace
}  // namespace engine::session
