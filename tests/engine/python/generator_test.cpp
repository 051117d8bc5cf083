// The generator resume machinery: re-entry at the saved statement inside
// nested blocks, loops, try/finally and with; line events; frames.
#include <gtest/gtest.h>

#include "engine/python/interpreter.hpp"

namespace engine::py {
namespace {

std::string run_ok(std::string_view src, RunOptions options = {}) {
    Interpreter interp(std::move(options));
    auto r = interp.run(src);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : Interpreter::format_exception_line(r.error()));
    return interp.output();
}

TEST(GeneratorTest, ResumesInsideNestedLoopsIfsAndTry) {
    const char* src =
        "def g():\n"
        "    for i in range(2):\n"
        "        j = 0\n"
        "        while j < 2:\n"
        "            if (i + j) % 2 == 0:\n"
        "                try:\n"
        "                    yield ('even', i, j)\n"
        "                finally:\n"
        "                    print('fin', i, j)\n"
        "            else:\n"
        "                yield ('odd', i, j)\n"
        "            j += 1\n"
        "    else:\n"
        "        yield 'else'\n"
        "print(list(g()))\n";
    EXPECT_EQ(run_ok(src),
              "fin 0 0\nfin 1 1\n[('even', 0, 0), ('odd', 0, 1), ('odd', 1, 0), ('even', 1, 1), "
              "'else']\n");
}

TEST(GeneratorTest, YieldInsideExceptAndFinallyResumes) {
    const char* src =
        "def g():\n"
        "    try:\n"
        "        raise KeyError('k')\n"
        "    except KeyError as e:\n"
        "        yield 1\n"
        "        print('handler', repr(e))\n"
        "    finally:\n"
        "        yield 2\n"
        "        print('finally')\n"
        "    return 3\n"
        "print(list(g()))\n";
    EXPECT_EQ(run_ok(src), "handler KeyError('k')\nfinally\n[1, 2]\n");
}

TEST(GeneratorTest, WithExitRunsOnClose) {
    const char* src =
        "class M:\n"
        "    def __enter__(self): print('enter'); return self\n"
        "    def __exit__(self, t, v, tb): print('exit', t.__name__); return False\n"
        "def g():\n"
        "    with M():\n"
        "        yield 1\n"
        "        yield 2\n"
        "x = g()\n"
        "print(next(x))\n"
        "x.close()\n"
        "print('done')\n";
    EXPECT_EQ(run_ok(src), "enter\n1\nexit GeneratorExit\ndone\n");
}

TEST(GeneratorTest, ResumedLinesAreLineEventsAndTheFrameIsActive) {
    const char* src =
        "def g():\n"       // 1
        "    a = 1\n"      // 2
        "    yield a\n"    // 3
        "    b = 2\n"      // 4
        "x = g()\n"        // 5
        "next(x)\n"        // 6
        "next(x, None)\n"; // 7
    std::vector<int> lines;
    RunOptions options;
    Interpreter* self = nullptr;
    std::vector<int> depths;
    options.line_hook = [&](int line) {
        lines.push_back(line);
        depths.push_back(self ? self->active_depth() : -1);
    };
    Interpreter interp(std::move(options));
    self = &interp;
    ASSERT_TRUE(interp.run(src).ok());
    EXPECT_EQ(lines, (std::vector<int>{1, 5, 6, 2, 3, 7, 4}));
    EXPECT_EQ(depths, (std::vector<int>{0, 0, 0, 1, 1, 0, 1}));
}

TEST(GeneratorTest, RecursiveYieldFromAndAlreadyExecuting) {
    const char* src =
        "def walk(n):\n"
        "    if n > 0:\n"
        "        yield from walk(n - 1)\n"
        "        yield n\n"
        "print(list(walk(5)))\n"
        "def me():\n"
        "    yield next(g)\n"
        "g = me()\n"
        "try:\n"
        "    next(g)\n"
        "except ValueError as e:\n"
        "    print(e)\n";
    EXPECT_EQ(run_ok(src), "[1, 2, 3, 4, 5]\ngenerator already executing\n");
}

TEST(GeneratorTest, ErrorInsideGeneratorHasItsFrameInTheTraceback) {
    Interpreter interp;
    auto r = interp.run("def g():\n    yield 1\n    1 / 0\nfor x in g():\n    pass\n");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().type, ExcType::ZeroDivisionError);
    ASSERT_EQ(interp.traceback().size(), 2u);
    EXPECT_EQ(interp.traceback()[1].function, "g");
    EXPECT_EQ(interp.traceback()[1].line, 3);
}

}  // namespace
}  // namespace engine::py
