#include "imgui_app/syntax.hpp"

#include <gtest/gtest.h>

#include <string>

namespace app {
namespace {

std::string kinds(std::string_view src) {
    std::string out;
    for (const Span& s : highlight_python(src)) {
        const char* k = "?";
        switch (s.kind) {
            case TokenKind::Keyword: k = "K"; break;
            case TokenKind::Builtin: k = "B"; break;
            case TokenKind::String: k = "S"; break;
            case TokenKind::Number: k = "N"; break;
            case TokenKind::Comment: k = "C"; break;
            case TokenKind::Definition: k = "D"; break;
            case TokenKind::Plain: k = "P"; break;
        }
        out += std::string(k) + "(" + std::string(src.substr(s.begin, s.end - s.begin)) + ")";
    }
    return out;
}

TEST(SyntaxTest, ColoursTheKindsOfToken) {
    EXPECT_EQ(kinds("mv = memoryview(b'ab')  # view"), "B(memoryview)S(b'ab')C(# view)");
    EXPECT_EQ(kinds("def f(x=10):\n    return x"), "K(def)D(f)N(10)K(return)");
    EXPECT_EQ(kinds("print(\"a#b\", 0x1F)"), "B(print)S(\"a#b\")N(0x1F)");
}

TEST(SyntaxTest, TripleQuotedStringsSpanLines) {
    EXPECT_EQ(kinds("s = '''a\nb'''\nx"), "S('''a\nb''')");
}

TEST(SyntaxTest, AttributesAndIdentifiersAreNotBuiltins) {
    EXPECT_EQ(kinds("ba.hex() ; hexed = 1"), "N(1)");
}

TEST(SyntaxTest, UnterminatedStringsStopAtTheLineEnd) {
    EXPECT_EQ(kinds("x = 'oops\ny = 2"), "S('oops)N(2)");
}

}  // namespace
}  // namespace app
