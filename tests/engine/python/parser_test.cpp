#include "engine/python/parser.hpp"

#include <gtest/gtest.h>

#include <random>

namespace engine::py {
namespace {

Module parse_ok(std::string_view src) {
    auto r = parse(src);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? std::move(*r) : Module{};
}

Error parse_err(std::string_view src) {
    auto r = parse(src);
    EXPECT_FALSE(r.ok());
    return r.ok() ? Error{} : r.error();
}

TEST(ParserTest, AssignmentShapes) {
    Module m = parse_ok("a, b = b, a\nx = y = 3\n");
    ASSERT_EQ(m.body.size(), 2u);
    const Stmt& s = *m.body[0];
    EXPECT_EQ(s.kind, StmtKind::Assign);
    ASSERT_EQ(s.targets.size(), 1u);
    EXPECT_EQ(s.targets[0]->kind, ExprKind::Tuple);
    EXPECT_EQ(s.value->kind, ExprKind::Tuple);
    EXPECT_EQ(m.body[1]->targets.size(), 2u);
    EXPECT_EQ(m.body[1]->line, 2);
}

TEST(ParserTest, OperatorPrecedence) {
    Module m = parse_ok("x = 1 + 2 * 3 ** -4\n");
    const Expr& e = *m.body[0]->value;
    ASSERT_EQ(e.kind, ExprKind::Binary);
    EXPECT_EQ(e.bin_op, BinOp::Add);
    EXPECT_EQ(e.b->bin_op, BinOp::Mul);
    EXPECT_EQ(e.b->b->bin_op, BinOp::Pow);
    EXPECT_EQ(e.b->b->b->kind, ExprKind::Unary);
}

TEST(ParserTest, ComparisonChain) {
    Module m = parse_ok("a < b <= c not in d is not e\n");
    const Expr& e = *m.body[0]->value;
    ASSERT_EQ(e.kind, ExprKind::Compare);
    ASSERT_EQ(e.cmp_ops.size(), 4u);
    EXPECT_EQ(e.cmp_ops[2], CmpKind::NotIn);
    EXPECT_EQ(e.cmp_ops[3], CmpKind::IsNot);
}

TEST(ParserTest, SubscriptsAndSlices) {
    Module m = parse_ok("m[1:2, ::3]\nm[0]\n");
    const Expr& e = *m.body[0]->value;
    ASSERT_EQ(e.kind, ExprKind::Subscript);
    ASSERT_EQ(e.b->kind, ExprKind::Tuple);
    EXPECT_EQ(e.b->items[0]->kind, ExprKind::Slice);
    EXPECT_FALSE(e.b->items[1]->a);
    EXPECT_TRUE(e.b->items[1]->c);
}

TEST(ParserTest, FunctionSignature) {
    Module m = parse_ok("def describe(name, size=4, *extra, sep=', '):\n    return sep\n");
    const FunctionSpec& f = *m.body[0]->fn;
    EXPECT_EQ(f.name, "describe");
    ASSERT_EQ(f.params.size(), 2u);
    EXPECT_TRUE(f.params[1].default_value);
    EXPECT_EQ(f.vararg, "extra");
    ASSERT_EQ(f.kwonly.size(), 1u);
    EXPECT_EQ(f.locals.size(), 4u);
}

TEST(ParserTest, GlobalsAreNotLocals) {
    Module m = parse_ok("def bump():\n    global counter\n    counter += 1\n");
    const FunctionSpec& f = *m.body[0]->fn;
    EXPECT_TRUE(f.locals.empty());
    ASSERT_EQ(f.globals.size(), 1u);
}

TEST(ParserTest, ClosureDetection) {
    Module m = parse_ok("def outer(a):\n    f = lambda: a\n    g = lambda x: x\n    return f\n");
    const FunctionSpec& outer = *m.body[0]->fn;
    EXPECT_TRUE(outer.body[0]->value->fn->uses_enclosing);
    EXPECT_FALSE(outer.body[1]->value->fn->uses_enclosing);
}

TEST(ParserTest, FStringPieces) {
    Module m = parse_ok("f'a{x:02x}b{y!r}{z=}'\n");
    const Expr& e = *m.body[0]->value;
    ASSERT_EQ(e.kind, ExprKind::FString);
    ASSERT_EQ(e.items.size(), 6u);
    EXPECT_EQ(e.items[0]->text, "a");
    EXPECT_EQ(e.items[1]->kind, ExprKind::FormattedValue);
    EXPECT_EQ(e.items[1]->c->items[0]->text, "02x");
    EXPECT_EQ(e.items[3]->conversion, 'r');
    EXPECT_EQ(e.items[4]->text, "z=");
    EXPECT_EQ(e.items[5]->conversion, 'r');
}

TEST(ParserTest, FStringErrors) {
    EXPECT_EQ(parse_err("f'{}'").message, "f-string: empty expression not allowed");
    EXPECT_EQ(parse_err("f'{x'").message, "f-string: expecting '}'");
    EXPECT_EQ(parse_err("f'}'").message, "f-string: single '}' is not allowed");
    EXPECT_EQ(parse_err("f'{x!z}'").message,
              "f-string: invalid conversion character: expected 's', 'r', or 'a'");
}

TEST(ParserTest, RefusesConstructsOutsideTheSubset) {
    struct Case {
        const char* src;
        const char* message;
        int line;
    };
    const Case cases[] = {
        {"x = 1\nclass A(B, C): pass\n", "multiple inheritance is not supported in the playground",
         2},
        {"class A(metaclass=M): pass\n",
         "class keywords (metaclass=...) are not supported in the playground", 1},
        {"def f():\n    print((yield 1))\n",
         "'yield' inside an expression (only `yield x`, `x = yield y` and `yield from it` as "
         "statements) is not supported in the playground",
         2},
        {"async def f(): pass\n", "async functions are not supported in the playground", 1},
        {"if (n := 3): pass\n", "assignment expressions (:=) are not supported in the playground",
         1},
        {"def f(a, /): pass\n", "positional-only parameters are not supported in the playground",
         1},
        {"from m import *\n", "'from ... import *' is not supported in the playground", 1},
        {"match x:\n    case 1: pass\n", "match statements are not supported in the playground", 1},
    };
    for (const auto& c : cases) {
        Error e = parse_err(c.src);
        EXPECT_EQ(e.type, ExcType::NotImplementedError) << c.src;
        EXPECT_EQ(e.message, c.message) << c.src;
        EXPECT_EQ(e.line, c.line) << c.src;
    }
}

TEST(ParserTest, SyntaxErrorsMatchCPython) {
    struct Case {
        const char* src;
        ExcType type;
        const char* message;
        int line;
    };
    const Case cases[] = {
        {"if x\n  pass\n", ExcType::SyntaxError, "expected ':'", 1},
        {"x = 1 +\n", ExcType::SyntaxError, "invalid syntax", 1},
        {"  x = 1\n", ExcType::IndentationError, "unexpected indent", 1},
        {"if x:\ny\n", ExcType::IndentationError,
         "expected an indented block after 'if' statement on line 1", 2},
        {"return 5\n", ExcType::SyntaxError, "'return' outside function", 1},
        {"break\n", ExcType::SyntaxError, "'break' outside loop", 1},
        {"1 = x\n", ExcType::SyntaxError,
         "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1},
        {"f() = 1\n", ExcType::SyntaxError,
         "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1},
        {"del f()\n", ExcType::SyntaxError, "cannot delete function call", 1},
        {"def f(a, a): pass\n", ExcType::SyntaxError,
         "duplicate argument 'a' in function definition", 1},
        {"def f(a=1, b): pass\n", ExcType::SyntaxError,
         "non-default argument follows default argument", 1},
        {"f(a=1, 2)\n", ExcType::SyntaxError, "positional argument follows keyword argument", 1},
        {"f(x=1, x=2)\n", ExcType::SyntaxError, "keyword argument repeated: x", 1},
        {"print(x for x in y, 1)\n", ExcType::SyntaxError,
         "Generator expression must be parenthesized", 1},
        {"x = 1 if 2\n", ExcType::SyntaxError, "expected 'else' after 'if' expression", 1},
        {"try:\n  pass\n", ExcType::SyntaxError, "expected 'except' or 'finally' block", 3},
        {"'a' b'c'\n", ExcType::SyntaxError, "cannot mix bytes and nonbytes literals", 1},
        {"print(1 2)\n", ExcType::SyntaxError, "invalid syntax. Perhaps you forgot a comma?", 1},
    };
    for (const auto& c : cases) {
        Error e = parse_err(c.src);
        EXPECT_EQ(e.type, c.type) << c.src;
        EXPECT_EQ(e.message, c.message) << c.src;
        EXPECT_EQ(e.line, c.line) << c.src;
    }
}

TEST(ParserTest, ParsesEveryCorpusStatementForm) {
    parse_ok(
        "import struct, mmap as m\nfrom io import BytesIO as B, SEEK\n"
        "with a as b, c:\n    pass\nwith (a as b, c as d):\n    pass\n"
        "for i, (j, k) in x:\n    continue\nelse:\n    pass\n"
        "while 1:\n    break\nelse:\n    pass\n"
        "try:\n    raise ValueError('x') from None\nexcept (A, B) as e:\n    raise\n"
        "except C:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"
        "del a[0], b[1:2], c\nassert x, 'm'\nx[1:2] = y\nx.a += 1\n"
        "f(*args, k=1)\ny = [a for a in b if a for c in a]\nz = (q for q in r)\n"
        "d = {'a': 1, 2: [3],}\nt = 1,\ne = ()\nl = lambda a, b=1, *c: a\n"
        "x = a if b else c\ny = not a and b or c\nz = ~a | b ^ c & d << 1 >> 2\n");
}

TEST(ParserTest, RandomTokensNeverCrash) {
    std::mt19937 rng(777);
    const char* const words[] = {
        "x",   "=",   "(",     ")",      "[",      "]",      ":",      ",",  "if",     "else",
        "for", "in",  "def",   "lambda", "1",      "'s'",    "f'{x}'", "\n", "    ",   "*",
        "**",  "not", "and",   ".",      "try",    "except", "with",   "as", "return", "{",
        "}",   "-",   "yield", "class",  "global", "del",    "while"};
    for (int round = 0; round < 3000; ++round) {
        std::string src;
        int n = static_cast<int>(rng() % 24);
        for (int i = 0; i < n; ++i) {
            src += words[rng() % (sizeof words / sizeof words[0])];
            if (rng() % 2) src += " ";
        }
        auto r = parse(src);
        if (!r.ok()) {
            EXPECT_GE(r.error().line, 1) << src;
        }
    }
}

TEST(ParserTest, DeepNestingIsAnErrorNotACrash) {
    const std::string deep[] = {
        "x = " + std::string(5000, '-') + "1\n",
        "x = 1" + std::string(20000, '+') + "1\n",
    };
    std::string chain = "x = 1";
    for (int i = 0; i < 20000; ++i) chain += "+1";
    std::string attrs = "x = a";
    for (int i = 0; i < 20000; ++i) attrs += ".b";
    std::string nots = "x = ";
    for (int i = 0; i < 20000; ++i) nots += "not ";
    std::string ifs = "x = ";
    for (int i = 0; i < 20000; ++i) ifs += "1 if 1 else ";
    for (const std::string& src :
         {deep[0], deep[1], chain + "\n", attrs + "\n", nots + "1\n", ifs + "1\n"}) {
        Error e = parse_err(src);
        EXPECT_EQ(e.type, ExcType::RecursionError) << src.substr(0, 20);
        EXPECT_EQ(e.message, "maximum recursion depth exceeded during compilation");
    }
}

}  // namespace
}  // namespace engine::py
