// Tracebacks as CPython prints them: source lines and carets when the program
// has a file, none for "<stdin>" and "<string>" (CPython has nothing to read
// them back from). tests/tracebacks holds more cases, compared with CPython.
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
    EXPECT_EQ(traceback_of("task.py"),
              "Traceback (most recent call last):\n"
              "  File \"task.py\", line 4, in <module>\n"
              "    f(b'ab')\n"
              "  File \"task.py\", line 2, in f\n"
              "    return v[9]\n"
              "           ~^^^\n"
              "IndexError: index out of range\n");
    EXPECT_EQ(traceback_of("<stdin>"),
              "Traceback (most recent call last):\n"
              "  File \"<stdin>\", line 4, in <module>\n"
              "  File \"<stdin>\", line 2, in f\n"
              "IndexError: index out of range\n");
}

}  // namespace
}  // namespace engine::session
