// Recursive descent over the token list. One function per grammar rule of
// CPython 3.11's python.gram that the subset keeps; messages from there.
#include "engine/python/parser.hpp"

#include <algorithm>
#include <set>

#include "engine/python/fstring.hpp"
#include "engine/python/lexer.hpp"
#include "engine/python/scope.hpp"

namespace engine::py {
namespace {

const char* const kKeywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",    nullptr};

bool is_keyword(const std::string& s) {
    for (int i = 0; kKeywords[i]; ++i)
        if (s == kKeywords[i]) return true;
    return false;
}

Error error_at(ExcType type, std::string message, int line) {
    Error e = raise(type, std::move(message));
    e.line = line;
    return e;
}

ExprPtr make(ExprKind kind, const Token& at) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->line = at.line;
    e->col = at.col;
    return e;
}

// What CPython calls an expression in "cannot assign to ..." messages.
const char* describe(const Expr& e) {
    switch (e.kind) {
        case ExprKind::Constant:
        case ExprKind::FString:
            return e.kind == ExprKind::FString ? "f-string expression" : "literal";
        case ExprKind::Call:
            return "function call";
        case ExprKind::Compare:
            return "comparison";
        case ExprKind::Lambda:
            return "lambda";
        case ExprKind::IfExp:
            return "conditional expression";
        case ExprKind::ListComp:
            return "list comprehension";
        case ExprKind::GenExp:
            return "generator expression";
        case ExprKind::Set:
            return "set display";
        case ExprKind::SetComp:
            return "set comprehension";
        case ExprKind::Dict:
            return "dict literal";
        case ExprKind::BoolOp:
        case ExprKind::Binary:
        case ExprKind::Unary:
            return "expression";
        default:
            return "expression";
    }
}

class Parser {
public:
    explicit Parser(std::vector<Token> toks) : t_(std::move(toks)) {}

    Result<Module> module() {
        Module m;
        while (cur().kind != Tok::End) {
            if (cur().kind == Tok::Newline) {
                ++i_;
                continue;
            }
            BV_CHECK(statement(m.body));
        }
        return m;
    }

    Result<ExprPtr> lone_expression() {
        BV_TRY(e, expressions(false));
        while (cur().kind == Tok::Newline) ++i_;
        if (cur().kind != Tok::End) return invalid();
        return std::move(e);
    }

private:
    // ---- token helpers ----------------------------------------------------
    const Token& cur() const { return t_[i_]; }
    // Records where `e` ends: just past the last token consumed (tracebacks' carets).
    void finish(Expr& e) const {
        if (i_ == 0) return;
        e.end_line = t_[i_ - 1].end_line;
        e.end_col = t_[i_ - 1].end_col;
    }
    const Token& peek(size_t k) const { return t_[std::min(i_ + k, t_.size() - 1)]; }
    bool at_op(const char* op) const { return cur().is_op(op); }
    bool at_kw(const char* kw) const { return cur().is_name(kw); }
    bool accept_op(const char* op) {
        if (!at_op(op)) return false;
        ++i_;
        return true;
    }
    bool accept_kw(const char* kw) {
        if (!at_kw(kw)) return false;
        ++i_;
        return true;
    }
    Error invalid() const {
        const Token& t = cur();
        if (t.kind == Tok::Indent) {
            return error_at(ExcType::IndentationError, "unexpected indent", t.line);
        }
        return error_at(ExcType::SyntaxError, "invalid syntax", t.line);
    }
    // A yield elsewhere than a statement or an assignment's right-hand side.
    Error refuse_yield(int line) const {
        if (fn_depth_ == 0 || scopes_.empty() || scopes_.back()->is_class)
            return error_at(ExcType::SyntaxError, "'yield' outside function", line);
        return refuse("'yield' inside an expression (only `yield x`, `x = yield y` and "
                      "`yield from it` as statements) is",
                      line);
    }
    Error refuse(const std::string& what, int line) const {
        return error_at(ExcType::NotImplementedError, what + " not supported in the playground",
                        line);
    }
    Result<void> expect_op(const char* op) {
        if (accept_op(op)) return ok();
        if (std::string(op) == ":" && cur().kind != Tok::Indent) {
            return error_at(ExcType::SyntaxError, "expected ':'", cur().line);
        }
        return invalid();
    }
    Result<std::string> expect_name() {
        if (cur().kind != Tok::Name || is_keyword(cur().text)) return invalid();
        return t_[i_++].text;
    }

    // ---- statements ---------------------------------------------------------
    Result<void> statement(Block& out) {
        const Token& t = cur();
        if (t.kind == Tok::Indent) return invalid();
        if (t.kind == Tok::Name) {
            const std::string& w = t.text;
            if (w == "if") return if_stmt(out, "if");
            if (w == "while") return while_stmt(out);
            if (w == "for") return for_stmt(out);
            if (w == "def") return def_stmt(out);
            if (w == "try") return try_stmt(out);
            if (w == "with") return with_stmt(out);
            if (w == "class") return class_stmt(out);
            if (w == "async") return refuse("async functions are", t.line);
            if (w == "match" && peek(1).kind == Tok::Name && !is_keyword(peek(1).text)) {
                return refuse("match statements are", t.line);
            }
        }
        if (t.is_op("@")) return decorated(out);
        for (;;) {
            BV_CHECK(simple_stmt(out));
            if (!accept_op(";")) break;
            if (cur().kind == Tok::Newline) break;
        }
        if (cur().kind != Tok::Newline) return invalid();
        ++i_;
        return ok();
    }

    StmtPtr new_stmt(StmtKind kind, int line) {
        auto s = std::make_unique<Stmt>();
        s->kind = kind;
        s->line = line;
        return s;
    }

    Result<void> simple_stmt(Block& out) {
        const Token& t = cur();
        int line = t.line;
        if (t.kind == Tok::Name) {
            const std::string& w = t.text;
            if (w == "pass" || w == "break" || w == "continue") {
                ++i_;
                if (w != "pass" && loop_depth_ == 0) {
                    return error_at(
                        ExcType::SyntaxError,
                        w == "break" ? "'break' outside loop" : "'continue' not properly in loop",
                        line);
                }
                out.push_back(new_stmt(w == "pass"    ? StmtKind::Pass
                                       : w == "break" ? StmtKind::Break
                                                      : StmtKind::Continue,
                                       line));
                return ok();
            }
            if (w == "return") {
                ++i_;
                if (fn_depth_ == 0) {
                    return error_at(ExcType::SyntaxError, "'return' outside function", line);
                }
                auto s = new_stmt(StmtKind::Return, line);
                if (!at_end_of_simple()) {
                    BV_TRY(v, expressions(true));
                    s->value = std::move(v);
                }
                out.push_back(std::move(s));
                return ok();
            }
            if (w == "raise") {
                ++i_;
                auto s = new_stmt(StmtKind::Raise, line);
                if (!at_end_of_simple()) {
                    BV_TRY(v, expression());
                    s->value = std::move(v);
                    if (accept_kw("from")) {
                        BV_TRY(c, expression());
                        s->target = std::move(c);
                    }
                }
                out.push_back(std::move(s));
                return ok();
            }
            if (w == "global") {
                ++i_;
                auto s = new_stmt(StmtKind::Global, line);
                do {
                    BV_TRY(n, expect_name());
                    s->names.push_back({n, ""});
                } while (accept_op(","));
                out.push_back(std::move(s));
                return ok();
            }
            if (w == "nonlocal") {
                ++i_;
                if (fn_depth_ == 0 || scopes_.empty()) {
                    return error_at(ExcType::SyntaxError,
                                    "nonlocal declaration not allowed at module level", line);
                }
                auto s = new_stmt(StmtKind::Nonlocal, line);
                do {
                    BV_TRY(n, expect_name());
                    s->names.push_back({n, ""});
                    scopes_.back()->nonlocals.push_back(n);
                } while (accept_op(","));
                out.push_back(std::move(s));
                return ok();
            }
            if (w == "del") {
                ++i_;
                auto s = new_stmt(StmtKind::Delete, line);
                do {
                    if (at_end_of_simple()) break;
                    BV_TRY(e, bitor_expr());
                    BV_CHECK(check_target(*e, true));
                    s->targets.push_back(std::move(e));
                } while (accept_op(","));
                if (s->targets.empty()) return invalid();
                out.push_back(std::move(s));
                return ok();
            }
            if (w == "assert") {
                ++i_;
                auto s = new_stmt(StmtKind::Assert, line);
                BV_TRY(test, expression());
                s->value = std::move(test);
                if (accept_op(",")) {
                    BV_TRY(msg, expression());
                    s->target = std::move(msg);
                }
                out.push_back(std::move(s));
                return ok();
            }
            if (w == "import") return import_stmt(out);
            if (w == "from") return from_stmt(out);
            if (w == "yield") return yield_stmt(out, {}, line);
        }
        return expr_stmt(out);
    }

    bool at_end_of_simple() const { return cur().kind == Tok::Newline || at_op(";"); }

    // `yield [value]`, `yield from value` as a whole statement, or as the
    // right-hand side of an assignment (targets): StmtKind::Yield.
    Result<void> yield_stmt(Block& out, std::vector<ExprPtr> targets, int line) {
        if (fn_depth_ == 0 || scopes_.empty() || scopes_.back()->is_class) {
            return error_at(ExcType::SyntaxError, "'yield' outside function", line);
        }
        const Token& start = cur();
        ++i_;
        ExprPtr y;
        if (accept_kw("from")) {
            y = make(ExprKind::YieldFrom, start);
            BV_TRY(v, expression());
            y->a = std::move(v);
        } else {
            y = make(ExprKind::Yield, start);
            if (!at_end_of_simple()) {
                BV_TRY(v, expressions(true));
                y->a = std::move(v);
            }
        }
        if (!at_end_of_simple()) {
            return refuse("'yield' inside an expression (only `yield x`, `x = yield y` and "
                          "`yield from it` as statements) is",
                          line);
        }
        scopes_.back()->is_generator = true;
        auto s = new_stmt(StmtKind::Yield, line);
        s->targets = std::move(targets);
        s->value = std::move(y);
        out.push_back(std::move(s));
        return ok();
    }

    Result<void> expr_stmt(Block& out) {
        int line = cur().line;
        BV_TRY(first, expressions(true));
        if (at_op(":")) return annotated(out, std::move(first), line);
        if (at_op(":=")) return refuse("assignment expressions (:=) are", line);
        static const char* const kAug[] = {"+=",  "-=",  "*=", "/=", "//=", "%=", "**=",
                                           "<<=", ">>=", "&=", "|=", "^=",  "@=", nullptr};
        static const BinOp kAugOps[] = {BinOp::Add,      BinOp::Sub, BinOp::Mul, BinOp::TrueDiv,
                                        BinOp::FloorDiv, BinOp::Mod, BinOp::Pow, BinOp::LShift,
                                        BinOp::RShift,   BinOp::And, BinOp::Or,  BinOp::Xor,
                                        BinOp::MatMul};
        for (int k = 0; kAug[k]; ++k) {
            if (at_op(kAug[k])) {
                ++i_;
                if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
                    first->kind != ExprKind::Subscript) {
                    return error_at(ExcType::SyntaxError,
                                    std::string("'") + describe(*first) +
                                        "' is an illegal expression for augmented assignment",
                                    line);
                }
                bind_target(*first);
                auto s = new_stmt(StmtKind::AugAssign, line);
                s->target = std::move(first);
                s->bin_op = kAugOps[k];
                BV_TRY(v, expressions(true));
                s->value = std::move(v);
                out.push_back(std::move(s));
                return ok();
            }
        }
        if (!at_op("=")) {
            auto s = new_stmt(StmtKind::Expr, line);
            s->value = std::move(first);
            out.push_back(std::move(s));
            return ok();
        }
        auto s = new_stmt(StmtKind::Assign, line);
        ExprPtr value = std::move(first);
        while (accept_op("=")) {
            BV_CHECK(check_target(*value, false));
            bind_target(*value);
            s->targets.push_back(std::move(value));
            if (at_kw("yield")) return yield_stmt(out, std::move(s->targets), line);
            BV_TRY(v, expressions(true));
            value = std::move(v);
        }
        if (at_op(":=")) return refuse("assignment expressions (:=) are", line);
        s->value = std::move(value);
        out.push_back(std::move(s));
        return ok();
    }

    // CPython: "cannot assign to function call here. Maybe you meant '==' instead of '='?"
    Result<void> check_target(const Expr& e, bool del) {
        switch (e.kind) {
            case ExprKind::Name:
            case ExprKind::Attribute:
            case ExprKind::Subscript:
                return ok();
            case ExprKind::Tuple:
            case ExprKind::List:
            {
                int starred = 0;
                for (const auto& item : e.items) {
                    if (item->kind == ExprKind::Starred && !del) {
                        if (++starred > 1) {
                            return error_at(ExcType::SyntaxError,
                                            "multiple starred expressions in assignment", e.line);
                        }
                        BV_CHECK(check_target(*item->a, del));
                        continue;
                    }
                    BV_CHECK(check_target(*item, del));
                }
                return ok();
            }
            case ExprKind::Starred:
                if (!del) {
                    return error_at(ExcType::SyntaxError,
                                    "starred assignment target must be in a list or tuple", e.line);
                }
                return error_at(ExcType::SyntaxError, "cannot delete starred", e.line);
            default:
                break;
        }
        if (del) {
            return error_at(ExcType::SyntaxError, std::string("cannot delete ") + describe(e),
                            e.line);
        }
        std::string msg = std::string("cannot assign to ") + describe(e);
        if (e.kind == ExprKind::Constant || e.kind == ExprKind::Call ||
            e.kind == ExprKind::Compare || e.kind == ExprKind::Binary ||
            e.kind == ExprKind::Unary || e.kind == ExprKind::BoolOp) {
            msg += " here. Maybe you meant '==' instead of '='?";
        }
        return error_at(ExcType::SyntaxError, msg, e.line);
    }

    void bind_name(const std::string& name) {
        if (!scopes_.empty()) {
            auto& locals = scopes_.back()->locals;
            if (std::find(locals.begin(), locals.end(), name) == locals.end()) {
                locals.push_back(name);
            }
        }
    }
    void bind_target(const Expr& e) {
        if (e.kind == ExprKind::Name) bind_name(e.name);
        if (e.kind == ExprKind::Starred) bind_target(*e.a);
        if (e.kind == ExprKind::Tuple || e.kind == ExprKind::List) {
            for (const auto& item : e.items) bind_target(*item);
        }
    }

    Result<void> import_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        auto s = new_stmt(StmtKind::Import, line);
        do {
            BV_TRY(name, dotted_name());
            Alias a{name, ""};
            if (accept_kw("as")) {
                BV_TRY(as, expect_name());
                a.asname = as;
            }
            bind_name(a.asname.empty() ? name.substr(0, name.find('.')) : a.asname);
            s->names.push_back(std::move(a));
        } while (accept_op(","));
        out.push_back(std::move(s));
        return ok();
    }

    Result<std::string> dotted_name() {
        BV_TRY(name, expect_name());
        while (accept_op(".")) {
            BV_TRY(part, expect_name());
            name += "." + part;
        }
        return name;
    }

    Result<void> from_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        if (at_op(".") || at_op("...")) return refuse("relative imports are", line);
        BV_TRY(module, dotted_name());
        if (!accept_kw("import")) return invalid();
        auto s = new_stmt(StmtKind::ImportFrom, line);
        s->module = module;
        if (at_op("*")) return refuse("'from ... import *' is", line);
        bool paren = accept_op("(");
        do {
            if (paren && at_op(")")) break;
            BV_TRY(name, expect_name());
            Alias a{name, ""};
            if (accept_kw("as")) {
                BV_TRY(as, expect_name());
                a.asname = as;
            }
            bind_name(a.asname.empty() ? a.name : a.asname);
            s->names.push_back(std::move(a));
        } while (accept_op(","));
        if (paren) BV_CHECK(expect_op(")"));
        out.push_back(std::move(s));
        return ok();
    }

    // ':' then a block: simple statements on the same line, or an indented suite.
    Result<void> block(Block& out, const std::string& what, int line) {
        BV_CHECK(deeper());
        auto r = block_inner(out, what, line);
        --nesting_;
        return r;
    }

    Result<void> block_inner(Block& out, const std::string& what, int line) {
        BV_CHECK(expect_op(":"));
        if (cur().kind != Tok::Newline) {
            for (;;) {
                BV_CHECK(simple_stmt(out));
                if (!accept_op(";")) break;
                if (cur().kind == Tok::Newline) break;
            }
            if (cur().kind != Tok::Newline) return invalid();
            ++i_;
            return ok();
        }
        ++i_;
        if (cur().kind != Tok::Indent) {
            return error_at(
                ExcType::IndentationError,
                "expected an indented block after " + what + " on line " + std::to_string(line),
                cur().line);
        }
        ++i_;
        while (cur().kind != Tok::Dedent && cur().kind != Tok::End) {
            BV_CHECK(statement(out));
        }
        if (cur().kind == Tok::Dedent) ++i_;
        return ok();
    }

    Result<void> if_stmt(Block& out, const char* word) {
        int line = cur().line;
        ++i_;
        auto s = new_stmt(StmtKind::If, line);
        BV_TRY(test, named_expression());
        s->value = std::move(test);
        BV_CHECK(block(s->body, std::string("'") + word + "' statement", line));
        if (at_kw("elif")) {
            BV_CHECK(if_stmt(s->orelse, "elif"));
        } else if (at_kw("else")) {
            int else_line = cur().line;
            ++i_;
            BV_CHECK(block(s->orelse, "'else' statement", else_line));
        }
        out.push_back(std::move(s));
        return ok();
    }

    Result<ExprPtr> named_expression() {
        BV_TRY(e, expression());
        if (at_op(":=")) return refuse("assignment expressions (:=) are", cur().line);
        return std::move(e);
    }

    Result<void> loop_else(Stmt& s) {
        if (at_kw("else")) {
            int line = cur().line;
            ++i_;
            BV_CHECK(block(s.orelse, "'else' statement", line));
        }
        return ok();
    }

    Result<void> while_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        auto s = new_stmt(StmtKind::While, line);
        BV_TRY(test, named_expression());
        s->value = std::move(test);
        ++loop_depth_;
        auto r = block(s->body, "'while' statement", line);
        --loop_depth_;
        BV_CHECK(std::move(r));
        BV_CHECK(loop_else(*s));
        out.push_back(std::move(s));
        return ok();
    }

    Result<void> for_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        auto s = new_stmt(StmtKind::For, line);
        BV_TRY(target, target_list());
        s->target = std::move(target);
        if (!accept_kw("in")) return invalid();
        BV_TRY(iter, expressions(true));
        s->value = std::move(iter);
        ++loop_depth_;
        auto r = block(s->body, "'for' statement", line);
        --loop_depth_;
        BV_CHECK(std::move(r));
        BV_CHECK(loop_else(*s));
        out.push_back(std::move(s));
        return ok();
    }

    // for-loop and comprehension targets: a, (b, c), x[i], ...
    Result<ExprPtr> target_list() {
        const Token& start = cur();
        std::vector<ExprPtr> items;
        bool trailing = false;
        for (;;) {
            BV_TRY(e, at_op("*") ? star_item() : bitor_expr());
            BV_CHECK(check_target(e->kind == ExprKind::Starred ? *e->a : *e, false));
            items.push_back(std::move(e));
            trailing = false;
            if (!accept_op(",")) break;
            trailing = true;
            if (at_kw("in") || at_op("=")) break;
        }
        ExprPtr result;
        if (items.size() == 1 && !trailing) {
            result = std::move(items[0]);
        } else {
            result = make(ExprKind::Tuple, start);
            result->items = std::move(items);
        }
        bind_target(*result);
        return result;
    }

    Result<void> def_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        BV_TRY(name, expect_name());
        bind_name(name);
        auto spec = std::make_shared<FunctionSpec>();
        spec->name = name;
        spec->qualname = qualify(name);
        spec->line = line;
        BV_CHECK(expect_op("("));
        BV_CHECK(parameters(*spec, ")"));
        BV_CHECK(expect_op(")"));
        if (accept_op("->")) {
            BV_TRY(returns, expression());  // accepted, not kept (CPython stores __annotations__)
            (void)returns;
        }
        scopes_.push_back(spec.get());
        ++fn_depth_;
        int saved_loops = loop_depth_;
        loop_depth_ = 0;
        auto r = block(spec->body, "function definition", line);
        loop_depth_ = saved_loops;
        --fn_depth_;
        scopes_.pop_back();
        BV_CHECK(std::move(r));
        finish_scope(*spec);
        auto s = new_stmt(StmtKind::FunctionDef, line);
        s->fn = std::move(spec);
        out.push_back(std::move(s));
        return ok();
    }

    // class Name[(Base)]: body. The body runs once, in a scope of its own
    // (FunctionSpec::is_class) whose bindings become the class attributes.
    Result<void> class_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        BV_TRY(name, expect_name());
        bind_name(name);
        auto s = new_stmt(StmtKind::ClassDef, line);
        if (accept_op("(")) {
            if (!at_op(")")) {
                if (cur().kind == Tok::Name && peek(1).is_op("="))
                    return refuse("class keywords (metaclass=...) are", line);
                BV_TRY(base, expression());
                s->value = std::move(base);
                accept_op(",");
                if (!at_op(")")) return refuse("multiple inheritance is", line);
            }
            BV_CHECK(expect_op(")"));
        }
        auto spec = std::make_shared<FunctionSpec>();
        spec->name = name;
        spec->qualname = qualify(name);
        spec->line = line;
        spec->is_class = true;
        scopes_.push_back(spec.get());
        int saved_loops = loop_depth_, saved_fn = fn_depth_;
        loop_depth_ = 0;
        fn_depth_ = 0;
        auto r = block(spec->body, "class definition", line);
        loop_depth_ = saved_loops;
        fn_depth_ = saved_fn;
        scopes_.pop_back();
        BV_CHECK(std::move(r));
        finish_scope(*spec);
        s->fn = std::move(spec);
        out.push_back(std::move(s));
        return ok();
    }

    std::string qualify(const std::string& name) const {
        for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
            if (*it != &comp_scope_)
                return (*it)->qualname + ((*it)->is_class ? "." : ".<locals>.") + name;
        }
        return name;
    }

    static void finish_scope(FunctionSpec& spec) {
        auto& l = spec.locals;
        l.erase(std::remove_if(l.begin(), l.end(),
                               [&](const std::string& n) {
                                   return std::find(spec.globals.begin(), spec.globals.end(), n) !=
                                              spec.globals.end() ||
                                          std::find(spec.nonlocals.begin(), spec.nonlocals.end(),
                                                    n) != spec.nonlocals.end();
                               }),
                l.end());
    }

    // Parameters up to `close` (")" for def, ":" for lambda).
    Result<void> parameters(FunctionSpec& spec, const char* close) {
        bool seen_default = false;
        bool star = false;
        std::set<std::string> seen;
        while (!at_op(close)) {
            int line = cur().line;
            if (accept_op("**")) {
                BV_TRY(n, expect_name());
                if (!seen.insert(n).second) return duplicate(n, line);
                BV_CHECK(skip_annotation(close));
                spec.kwarg = n;
                accept_op(",");
                if (!at_op(close)) {
                    return error_at(ExcType::SyntaxError,
                                    "arguments cannot follow var-keyword argument", line);
                }
                break;
            }
            if (accept_op("/")) return refuse("positional-only parameters are", line);
            if (accept_op("*")) {
                if (star) return invalid();
                star = true;
                if (cur().kind == Tok::Name) {
                    BV_TRY(n, expect_name());
                    if (!seen.insert(n).second) return duplicate(n, line);
                    BV_CHECK(skip_annotation(close));
                    spec.vararg = n;
                }
            } else {
                BV_TRY(n, expect_name());
                if (!seen.insert(n).second) return duplicate(n, line);
                BV_CHECK(skip_annotation(close));
                Param p{n, nullptr};
                if (accept_op("=")) {
                    BV_TRY(d, expression());
                    p.default_value = std::move(d);
                    if (!star) seen_default = true;
                } else if (seen_default && !star) {
                    return error_at(ExcType::SyntaxError,
                                    "non-default argument follows default argument", line);
                }
                (star ? spec.kwonly : spec.params).push_back(std::move(p));
            }
            if (!accept_op(",")) break;
        }
        for (const auto& p : spec.params) spec.locals.push_back(p.name);
        if (!spec.vararg.empty()) spec.locals.push_back(spec.vararg);
        for (const auto& p : spec.kwonly) spec.locals.push_back(p.name);
        if (!spec.kwarg.empty()) spec.locals.push_back(spec.kwarg);
        return ok();
    }

    // `name: annotation` in a def's parameters: parsed, then ignored.
    Result<void> skip_annotation(const char* close) {
        if (std::string(close) != ")" || !accept_op(":")) return ok();
        BV_TRY(a, expression());
        (void)a;
        return ok();
    }

    // `x: int = 3`, `self.n: int`: an assignment (or nothing) whose annotation
    // is parsed and not evaluated.
    Result<void> annotated(Block& out, ExprPtr target, int line) {
        ++i_;  // ':'
        if (target->kind == ExprKind::Tuple) {
            return error_at(ExcType::SyntaxError, "only single target (not tuple) can be annotated",
                            line);
        }
        if (target->kind == ExprKind::List) {
            return error_at(ExcType::SyntaxError, "only single target (not list) can be annotated",
                            line);
        }
        if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
            target->kind != ExprKind::Subscript) {
            return error_at(ExcType::SyntaxError, "illegal target for annotation", line);
        }
        BV_TRY(annotation, expression());
        (void)annotation;
        bind_target(*target);
        if (!accept_op("=")) {
            out.push_back(new_stmt(StmtKind::Pass, line));
            return ok();
        }
        BV_TRY(value, expressions(true));
        auto s = new_stmt(StmtKind::Assign, line);
        s->targets.push_back(std::move(target));
        s->value = std::move(value);
        out.push_back(std::move(s));
        return ok();
    }

    // @decorator lines, then the def they decorate (Stmt::targets: the decorators).
    Result<void> decorated(Block& out) {
        std::vector<ExprPtr> decorators;
        while (at_op("@")) {
            ++i_;
            BV_TRY(d, named_expression());
            decorators.push_back(std::move(d));
            if (cur().kind != Tok::Newline) return invalid();
            ++i_;
        }
        if (at_kw("class")) {
            BV_CHECK(class_stmt(out));
        } else if (at_kw("def")) {
            BV_CHECK(def_stmt(out));
        } else {
            return invalid();
        }
        out.back()->targets = std::move(decorators);
        return ok();
    }

    // *x in a display or an assignment target.
    Result<ExprPtr> star_item() {
        const Token& star = cur();
        ++i_;
        BV_TRY(v, bitor_expr());
        auto s = make(ExprKind::Starred, star);
        s->a = std::move(v);
        finish(*s);
        return ExprPtr(std::move(s));
    }

    Error duplicate(const std::string& name, int line) const {
        return error_at(ExcType::SyntaxError,
                        "duplicate argument '" + name + "' in function definition", line);
    }

    Result<void> try_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        auto s = new_stmt(StmtKind::Try, line);
        BV_CHECK(block(s->body, "'try' statement", line));
        while (at_kw("except")) {
            Handler h;
            h.line = cur().line;
            ++i_;
            if (at_op("*")) return refuse("except* is", h.line);
            if (!at_op(":")) {
                BV_TRY(type, expression());
                if (at_op(",")) {
                    return error_at(ExcType::SyntaxError,
                                    "multiple exception types must be parenthesized", h.line);
                }
                h.type = std::move(type);
                if (accept_kw("as")) {
                    BV_TRY(n, expect_name());
                    h.name = n;
                    bind_name(n);
                }
            }
            BV_CHECK(block(h.body, "'except' statement", h.line));
            s->handlers.push_back(std::move(h));
        }
        if (at_kw("else")) {
            if (s->handlers.empty()) return invalid();
            int l = cur().line;
            ++i_;
            BV_CHECK(block(s->orelse, "'else' statement", l));
        }
        if (at_kw("finally")) {
            int l = cur().line;
            ++i_;
            BV_CHECK(block(s->finalbody, "'finally' statement", l));
        }
        if (s->handlers.empty() && s->finalbody.empty()) {
            return error_at(ExcType::SyntaxError, "expected 'except' or 'finally' block",
                            cur().line);
        }
        out.push_back(std::move(s));
        return ok();
    }

    Result<void> with_stmt(Block& out) {
        int line = cur().line;
        ++i_;
        auto s = new_stmt(StmtKind::With, line);
        // CPython 3.9+: `with (a as b, c as d):`; only when the parenthesis closes before ':'.
        bool paren = false;
        if (at_op("(")) {
            int depth = 0;
            size_t k = i_;
            for (; k < t_.size(); ++k) {
                if (t_[k].is_op("(") || t_[k].is_op("[") || t_[k].is_op("{")) ++depth;
                if (t_[k].is_op(")") || t_[k].is_op("]") || t_[k].is_op("}")) {
                    if (--depth == 0) break;
                }
            }
            paren = k + 1 < t_.size() && t_[k + 1].is_op(":");
            // `with (memoryview(b)) as m:` is a plain expression in parentheses.
            if (paren) {
                bool has_as = false;
                int d = 0;
                for (size_t j = i_; j < k; ++j) {
                    if (t_[j].is_op("(") || t_[j].is_op("[") || t_[j].is_op("{")) ++d;
                    if (t_[j].is_op(")") || t_[j].is_op("]") || t_[j].is_op("}")) --d;
                    if (d == 1 && (t_[j].is_name("as") || t_[j].is_op(","))) has_as = true;
                }
                paren = has_as;
            }
            if (paren) ++i_;
        }
        do {
            if (paren && at_op(")")) break;
            WithItem item;
            BV_TRY(ctx, expression());
            item.context = std::move(ctx);
            if (accept_kw("as")) {
                BV_TRY(target, bitor_expr());
                BV_CHECK(check_target(*target, false));
                bind_target(*target);
                item.target = std::move(target);
            }
            s->items.push_back(std::move(item));
        } while (accept_op(","));
        if (paren) BV_CHECK(expect_op(")"));
        BV_CHECK(block(s->body, "'with' statement", line));
        out.push_back(std::move(s));
        return ok();
    }

    // ---- expressions --------------------------------------------------------
    // star_expressions: a, b, c  (a tuple without parentheses)
    Result<ExprPtr> expressions(bool allow_genexp_check) {
        (void)allow_genexp_check;
        const Token& start = cur();
        BV_TRY(first, at_op("*") ? star_item() : expression());
        if (!at_op(",")) {
            if (first->kind == ExprKind::Starred && !at_op("=")) {
                return error_at(ExcType::SyntaxError, "can't use starred expression here",
                                start.line);
            }
            return std::move(first);
        }
        auto tuple = make(ExprKind::Tuple, start);
        tuple->items.push_back(std::move(first));
        while (accept_op(",")) {
            if (!starts_expression()) break;
            BV_TRY(e, at_op("*") ? star_item() : expression());
            tuple->items.push_back(std::move(e));
        }
        return ExprPtr(std::move(tuple));
    }

    bool starts_expression() const {
        const Token& t = cur();
        switch (t.kind) {
            case Tok::Name:
                return !is_keyword(t.text) || t.text == "not" || t.text == "lambda" ||
                       t.text == "None" || t.text == "True" || t.text == "False" ||
                       t.text == "await" || t.text == "yield";
            case Tok::Int:
            case Tok::Float:
            case Tok::String:
                return true;
            case Tok::Op:
                return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" ||
                       t.text == "+" || t.text == "~" || t.text == "..." || t.text == "*";
            default:
                return false;
        }
    }

    Result<ExprPtr> expression() {
        BV_CHECK(deeper());
        auto r = expression_inner();
        --nesting_;
        return r;
    }

    Result<ExprPtr> expression_inner() {
        if (at_kw("lambda")) return lambda();
        if (at_kw("yield")) return refuse_yield(cur().line);
        const Token& start = cur();
        BV_TRY(body, disjunction());
        if (!at_kw("if")) return std::move(body);
        ++i_;
        BV_TRY(test, disjunction());
        if (!accept_kw("else")) {
            return error_at(ExcType::SyntaxError, "expected 'else' after 'if' expression",
                            cur().line);
        }
        BV_TRY(orelse, expression());
        auto e = make(ExprKind::IfExp, start);
        e->a = std::move(test);
        e->b = std::move(body);
        e->c = std::move(orelse);
        finish(*e);
        return ExprPtr(std::move(e));
    }

    Result<ExprPtr> lambda() {
        const Token& start = cur();
        ++i_;
        auto spec = std::make_shared<FunctionSpec>();
        spec->name = "<lambda>";
        spec->qualname = qualify("<lambda>");
        spec->line = start.line;
        BV_CHECK(parameters(*spec, ":"));
        BV_CHECK(expect_op(":"));
        scopes_.push_back(spec.get());
        ++fn_depth_;
        auto body = expression();
        --fn_depth_;
        scopes_.pop_back();
        if (!body) return std::move(body).error();
        spec->body_expr = std::move(*body);
        auto e = make(ExprKind::Lambda, start);
        e->fn = std::move(spec);
        return ExprPtr(std::move(e));
    }

    Result<ExprPtr> disjunction() { return bool_chain("or"); }
    Result<ExprPtr> conjunction() { return bool_chain("and"); }

    Result<ExprPtr> bool_chain(const char* word) {
        const Token& start = cur();
        bool is_or = std::string(word) == "or";
        BV_TRY(first, is_or ? conjunction() : inversion());
        if (!at_kw(word)) return std::move(first);
        auto e = make(ExprKind::BoolOp, start);
        e->name = word;
        e->items.push_back(std::move(first));
        while (accept_kw(word)) {
            BV_TRY(next, is_or ? conjunction() : inversion());
            e->items.push_back(std::move(next));
        }
        finish(*e);
        return ExprPtr(std::move(e));
    }

    Result<ExprPtr> inversion() {
        if (at_kw("not")) {
            const Token& start = cur();
            ++i_;
            BV_CHECK(deeper());
            auto inner = inversion();
            --nesting_;
            BV_TRY(operand, std::move(inner));
            auto e = make(ExprKind::Unary, start);
            e->unary_op = UnaryOp::Not;
            e->a = std::move(operand);
            finish(*e);
            return ExprPtr(std::move(e));
        }
        return comparison();
    }

    bool comparison_op(CmpKind& kind, int& width) const {
        const Token& t = cur();
        width = 1;
        if (t.kind == Tok::Op) {
            if (t.text == "<")
                kind = CmpKind::Lt;
            else if (t.text == "<=")
                kind = CmpKind::Le;
            else if (t.text == "==")
                kind = CmpKind::Eq;
            else if (t.text == "!=")
                kind = CmpKind::Ne;
            else if (t.text == ">")
                kind = CmpKind::Gt;
            else if (t.text == ">=")
                kind = CmpKind::Ge;
            else
                return false;
            return true;
        }
        if (t.is_name("in")) {
            kind = CmpKind::In;
            return true;
        }
        if (t.is_name("not") && peek(1).is_name("in")) {
            kind = CmpKind::NotIn;
            width = 2;
            return true;
        }
        if (t.is_name("is")) {
            if (peek(1).is_name("not")) {
                kind = CmpKind::IsNot;
                width = 2;
            } else {
                kind = CmpKind::Is;
            }
            return true;
        }
        return false;
    }

    Result<ExprPtr> comparison() {
        const Token& start = cur();
        BV_TRY(first, bitor_expr());
        CmpKind kind;
        int width;
        if (!comparison_op(kind, width)) return std::move(first);
        auto e = make(ExprKind::Compare, start);
        e->a = std::move(first);
        while (comparison_op(kind, width)) {
            i_ += static_cast<size_t>(width);
            BV_TRY(next, bitor_expr());
            e->cmp_ops.push_back(kind);
            e->items.push_back(std::move(next));
        }
        finish(*e);
        return ExprPtr(std::move(e));
    }

    struct BinLevel {
        const char* ops[5];
        BinOp binops[5];
    };

    // Levels from loosest to tightest: | ^ & << >> + - * / // % @
    Result<ExprPtr> binary(int level) {
        if (level == 6) return factor();
        const Token& start = cur();
        BV_TRY(left, binary(level + 1));
        int links = 0;
        auto result = binary_chain(level, start, std::move(left), links);
        nesting_ -= links;
        return result;
    }

    Result<ExprPtr> binary_chain(int level, const Token& start, ExprPtr left, int& links) {
        static const BinLevel kLevels[] = {
            {{"|", nullptr}, {BinOp::Or}},
            {{"^", nullptr}, {BinOp::Xor}},
            {{"&", nullptr}, {BinOp::And}},
            {{"<<", ">>", nullptr}, {BinOp::LShift, BinOp::RShift}},
            {{"+", "-", nullptr}, {BinOp::Add, BinOp::Sub}},
            {{"*", "/", "//", "%", "@"},
             {BinOp::Mul, BinOp::TrueDiv, BinOp::FloorDiv, BinOp::Mod, BinOp::MatMul}},
        };
        for (;;) {
            int found = -1;
            for (int k = 0; k < 5 && kLevels[level].ops[k]; ++k) {
                if (at_op(kLevels[level].ops[k])) found = k;
            }
            if (found < 0) break;
            ++i_;
            BV_CHECK(deeper());
            ++links;
            BV_TRY(right, binary(level + 1));
            auto e = make(ExprKind::Binary, start);
            e->bin_op = kLevels[level].binops[found];
            e->a = std::move(left);
            e->b = std::move(right);
            finish(*e);
            left = std::move(e);
        }
        return std::move(left);
    }

    Result<ExprPtr> bitor_expr() {
        BV_CHECK(deeper());
        auto r = binary(0);
        --nesting_;
        return r;
    }

    // Bounds the parser's recursion and the depth of the tree it builds (each
    // link of a left-deep chain such as a+b+c or a.b.c counts too), so every
    // later walk of the tree stays within a small C++ stack.
    Result<void> deeper() {
        if (++nesting_ > kMaxNesting) {
            --nesting_;
            return error_at(ExcType::RecursionError,
                            "maximum recursion depth exceeded during compilation", cur().line);
        }
        return ok();
    }

    Result<ExprPtr> factor() {
        const Token& start = cur();
        UnaryOp op;
        if (at_op("-"))
            op = UnaryOp::Neg;
        else if (at_op("+"))
            op = UnaryOp::Pos;
        else if (at_op("~"))
            op = UnaryOp::Invert;
        else
            return power();
        ++i_;
        BV_CHECK(deeper());
        auto operand = factor();
        --nesting_;
        if (!operand) return std::move(operand).error();
        auto e = make(ExprKind::Unary, start);
        e->unary_op = op;
        e->a = std::move(*operand);
        finish(*e);
        return ExprPtr(std::move(e));
    }

    Result<ExprPtr> power() {
        const Token& start = cur();
        if (at_kw("await")) return refuse("await is", start.line);
        BV_TRY(base, primary());
        if (!accept_op("**")) return std::move(base);
        BV_TRY(exponent, factor());
        auto e = make(ExprKind::Binary, start);
        e->bin_op = BinOp::Pow;
        e->a = std::move(base);
        e->b = std::move(exponent);
        finish(*e);
        return ExprPtr(std::move(e));
    }

    Result<ExprPtr> primary() {
        const Token& start = cur();
        BV_TRY(e, atom());
        if (e->end_line == 0) finish(*e);  // a parenthesized expression keeps its own (inner) span
        int links = 0;
        auto result = trailers(start, std::move(e), links);
        nesting_ -= links;
        return result;
    }

    Result<ExprPtr> trailers(const Token& start, ExprPtr e, int& links) {
        for (;;) {
            if (at_op(".") || at_op("(") || at_op("[")) {
                BV_CHECK(deeper());
                ++links;
            }
            if (accept_op(".")) {
                if (cur().kind != Tok::Name || is_keyword(cur().text)) return invalid();
                auto a = make(ExprKind::Attribute, start);
                a->a = std::move(e);
                a->name = t_[i_++].text;
                finish(*a);
                e = std::move(a);
            } else if (at_op("(")) {
                ++i_;
                auto c = make(ExprKind::Call, start);
                c->a = std::move(e);
                BV_CHECK(call_args(*c));
                finish(*c);
                e = std::move(c);
            } else if (at_op("[")) {
                ++i_;
                auto s = make(ExprKind::Subscript, start);
                s->a = std::move(e);
                BV_TRY(index, subscript());
                s->b = std::move(index);
                BV_CHECK(expect_op("]"));
                finish(*s);
                e = std::move(s);
            } else {
                break;
            }
        }
        return std::move(e);
    }

    Result<void> call_args(Expr& call) {
        bool seen_keyword = false;
        while (!at_op(")")) {
            int line = cur().line;
            if (accept_op("**")) {
                BV_TRY(v, expression());
                call.keywords.push_back({"", std::move(v)});  // "": a mapping to unpack
                seen_keyword = true;
                if (!accept_op(",")) break;
                continue;
            }
            if (at_op("*")) {
                const Token& star = cur();
                ++i_;
                BV_TRY(v, expression());
                auto s = make(ExprKind::Starred, star);
                s->a = std::move(v);
                call.items.push_back(std::move(s));
            } else if (cur().kind == Tok::Name && peek(1).is_op("=")) {
                BV_TRY(n, expect_name());
                ++i_;
                for (const auto& k : call.keywords) {
                    if (k.name == n) {
                        return error_at(ExcType::SyntaxError, "keyword argument repeated: " + n,
                                        line);
                    }
                }
                BV_TRY(v, expression());
                call.keywords.push_back({n, std::move(v)});
                seen_keyword = true;
            } else {
                const Token& start = cur();
                BV_TRY(v, expression());
                if (at_kw("for")) {
                    BV_TRY(gen, comprehension(ExprKind::GenExp, std::move(v), start));
                    v = std::move(gen);
                    if (!call.items.empty() || !call.keywords.empty() || !at_op(")")) {
                        return error_at(ExcType::SyntaxError,
                                        "Generator expression must be parenthesized", line);
                    }
                }
                if (at_op(":=")) return refuse("assignment expressions (:=) are", line);
                if (seen_keyword) {
                    return error_at(ExcType::SyntaxError,
                                    "positional argument follows keyword argument", line);
                }
                call.items.push_back(std::move(v));
            }
            if (!accept_op(",")) break;
        }
        if (!at_op(")")) {
            if (starts_expression() && !at_kw("for")) {
                return error_at(ExcType::SyntaxError, "invalid syntax. Perhaps you forgot a comma?",
                                cur().line);
            }
            return invalid();
        }
        ++i_;
        return ok();
    }

    // Inside [...]: an expression, a slice, or a tuple of them.
    Result<ExprPtr> subscript() {
        const Token& start = cur();
        std::vector<ExprPtr> items;
        bool tuple = false;
        for (;;) {
            BV_TRY(item, slice_item());
            items.push_back(std::move(item));
            if (!accept_op(",")) break;
            tuple = true;
            if (at_op("]")) break;
        }
        if (!tuple) return std::move(items[0]);
        auto t = make(ExprKind::Tuple, start);
        t->items = std::move(items);
        finish(*t);
        return ExprPtr(std::move(t));
    }

    Result<ExprPtr> slice_item() {
        const Token& start = cur();
        ExprPtr lower;
        if (!at_op(":")) {
            BV_TRY(e, named_expression());
            if (!at_op(":")) return std::move(e);
            lower = std::move(e);
        }
        ++i_;  // ':'
        auto s = make(ExprKind::Slice, start);
        s->a = std::move(lower);
        if (!at_op(":") && !at_op("]") && !at_op(",")) {
            BV_TRY(upper, expression());
            s->b = std::move(upper);
        }
        if (accept_op(":")) {
            if (!at_op("]") && !at_op(",")) {
                BV_TRY(step, expression());
                s->c = std::move(step);
            }
        }
        finish(*s);
        return ExprPtr(std::move(s));
    }

    Result<ExprPtr> comprehension(ExprKind kind, ExprPtr element, const Token& start) {
        auto e = make(kind, start);
        e->a = std::move(element);
        while (at_kw("for") || at_kw("async")) {
            if (at_kw("async")) return refuse("async comprehensions are", cur().line);
            ++i_;
            Comprehension c;
            // Comprehension targets bind in the comprehension's own scope.
            scopes_.push_back(&comp_scope_);
            auto target = target_list();
            scopes_.pop_back();
            if (!target) return std::move(target).error();
            c.target = std::move(*target);
            if (!accept_kw("in")) return invalid();
            BV_TRY(iter, disjunction());
            c.iter = std::move(iter);
            while (at_kw("if")) {
                ++i_;
                BV_TRY(cond, disjunction());
                c.ifs.push_back(std::move(cond));
            }
            e->generators.push_back(std::move(c));
        }
        return ExprPtr(std::move(e));
    }

    Result<ExprPtr> atom() {
        const Token& t = cur();
        switch (t.kind) {
            case Tok::Name: {
                if (t.text == "None" || t.text == "True" || t.text == "False") {
                    auto e = make(ExprKind::Constant, t);
                    e->const_kind = t.text == "None"   ? ConstKind::None
                                    : t.text == "True" ? ConstKind::True
                                                       : ConstKind::False;
                    ++i_;
                    return ExprPtr(std::move(e));
                }
                if (is_keyword(t.text)) return invalid();
                auto e = make(ExprKind::Name, t);
                e->name = t.text;
                ++i_;
                return ExprPtr(std::move(e));
            }
            case Tok::Int:
            case Tok::Float: {
                auto e = make(ExprKind::Constant, t);
                e->const_kind = t.kind == Tok::Int ? ConstKind::Int : ConstKind::Float;
                e->text = t.text;
                e->base = t.base;
                ++i_;
                return ExprPtr(std::move(e));
            }
            case Tok::String:
                return strings();
            case Tok::Op:
                break;
            default:
                return invalid();
        }
        if (t.is_op("...")) {
            auto e = make(ExprKind::Constant, t);
            e->const_kind = ConstKind::Ellipsis;
            ++i_;
            return ExprPtr(std::move(e));
        }
        if (t.is_op("(")) return paren();
        if (t.is_op("[")) return list_display();
        if (t.is_op("{")) return dict_display();
        return invalid();
    }

    Result<ExprPtr> paren() {
        const Token& start = cur();
        ++i_;
        if (accept_op(")")) return ExprPtr(make(ExprKind::Tuple, start));
        if (at_kw("yield")) return refuse_yield(cur().line);
        BV_TRY(first, at_op("*") ? star_item() : named_expression());
        if (first->kind == ExprKind::Starred && !at_op(",")) {
            return error_at(ExcType::SyntaxError, "cannot use starred expression here",
                            start.line);
        }
        if (at_kw("for")) {
            BV_TRY(gen, comprehension(ExprKind::GenExp, std::move(first), start));
            BV_CHECK(expect_op(")"));
            return std::move(gen);
        }
        if (accept_op(")")) return std::move(first);
        if (!at_op(",")) return invalid();
        auto tuple = make(ExprKind::Tuple, start);
        tuple->items.push_back(std::move(first));
        while (accept_op(",")) {
            if (at_op(")")) break;
            BV_TRY(e, at_op("*") ? star_item() : named_expression());
            tuple->items.push_back(std::move(e));
        }
        BV_CHECK(expect_op(")"));
        return ExprPtr(std::move(tuple));
    }

    Result<ExprPtr> list_display() {
        const Token& start = cur();
        ++i_;
        auto list = make(ExprKind::List, start);
        if (accept_op("]")) return ExprPtr(std::move(list));
        BV_TRY(first, at_op("*") ? star_item() : named_expression());
        if (at_kw("for") && first->kind != ExprKind::Starred) {
            BV_TRY(comp, comprehension(ExprKind::ListComp, std::move(first), start));
            BV_CHECK(expect_op("]"));
            return std::move(comp);
        }
        list->items.push_back(std::move(first));
        while (accept_op(",")) {
            if (at_op("]")) break;
            BV_TRY(e, at_op("*") ? star_item() : named_expression());
            list->items.push_back(std::move(e));
        }
        BV_CHECK(expect_op("]"));
        return ExprPtr(std::move(list));
    }

    // {a, *b, c}: `first` already parsed (null when the display starts with *).
    Result<ExprPtr> set_display(const Token& start, ExprPtr first) {
        auto set = make(ExprKind::Set, start);
        if (first) {
            set->items.push_back(std::move(first));
            if (!accept_op(",")) {
                BV_CHECK(expect_op("}"));
                return ExprPtr(std::move(set));
            }
        }
        while (!at_op("}")) {
            BV_TRY(e, at_op("*") ? star_item() : expression());
            set->items.push_back(std::move(e));
            if (!accept_op(",")) break;
        }
        BV_CHECK(expect_op("}"));
        return ExprPtr(std::move(set));
    }

    Result<ExprPtr> dict_display() {
        const Token& start = cur();
        ++i_;
        auto dict = make(ExprKind::Dict, start);
        if (accept_op("}")) return ExprPtr(std::move(dict));
        if (at_op("**")) return refuse("dict unpacking (**) is", cur().line);
        if (at_op("*")) return set_display(start, nullptr);
        BV_TRY(key, expression());
        if (!at_op(":")) {
            if (at_kw("for")) {
                BV_TRY(comp, comprehension(ExprKind::SetComp, std::move(key), start));
                BV_CHECK(expect_op("}"));
                return std::move(comp);
            }
            if (at_op(",") || at_op("}")) return set_display(start, std::move(key));
            return invalid();
        }
        ++i_;
        BV_TRY(value, expression());
        if (at_kw("for")) {
            BV_TRY(comp, comprehension(ExprKind::DictComp, std::move(key), start));
            comp->b = std::move(value);
            BV_CHECK(expect_op("}"));
            return std::move(comp);
        }
        dict->items.push_back(std::move(key));
        dict->values.push_back(std::move(value));
        while (accept_op(",")) {
            if (at_op("}")) break;
            if (at_op("**")) return refuse("dict unpacking (**) is", cur().line);
            BV_TRY(k, expression());
            BV_CHECK(expect_op(":"));
            BV_TRY(v, expression());
            dict->items.push_back(std::move(k));
            dict->values.push_back(std::move(v));
        }
        BV_CHECK(expect_op("}"));
        return ExprPtr(std::move(dict));
    }

    // Adjacent string literals concatenate; f-strings join as one f-string.
    Result<ExprPtr> strings() {
        const Token& start = cur();
        bool any_bytes = false, any_str = false, any_f = false;
        for (size_t k = i_; t_[k].kind == Tok::String; ++k) {
            if (t_[k].str_kind == StrKind::Bytes)
                any_bytes = true;
            else
                any_str = true;
            if (t_[k].str_kind == StrKind::FString) any_f = true;
        }
        if (any_bytes && any_str) {
            return error_at(ExcType::SyntaxError, "cannot mix bytes and nonbytes literals",
                            start.line);
        }
        if (!any_f) {
            auto e = make(ExprKind::Constant, start);
            e->const_kind = any_bytes ? ConstKind::Bytes : ConstKind::Str;
            while (cur().kind == Tok::String) e->text += t_[i_++].text;
            return ExprPtr(std::move(e));
        }
        auto e = make(ExprKind::FString, start);
        while (cur().kind == Tok::String) {
            const Token& s = t_[i_++];
            if (s.str_kind == StrKind::FString) {
                BV_CHECK(parse_fstring(s.text, s.raw, s.line, 0, e->items));
            } else {
                auto piece = make(ExprKind::Constant, s);
                piece->const_kind = ConstKind::Str;
                piece->text = s.text;
                e->items.push_back(std::move(piece));
            }
        }
        return ExprPtr(std::move(e));
    }

    static constexpr int kMaxNesting = 500;

    std::vector<Token> t_;
    size_t i_ = 0;
    int loop_depth_ = 0;
    int fn_depth_ = 0;
    int nesting_ = 0;
    std::vector<FunctionSpec*> scopes_;
    FunctionSpec comp_scope_;  // sink for comprehension targets
};

}  // namespace

Result<Module> parse(std::string_view source) {
    BV_TRY(tokens, tokenize(source));
    Parser p(std::move(tokens));
    BV_TRY(m, p.module());
    analyze_scopes(m);
    return std::move(m);
}

Result<ExprPtr> parse_expression(std::string_view source, int line) {
    std::string wrapped = "(" + std::string(source) + ")";
    auto tokens = tokenize(wrapped);
    if (!tokens) {
        Error e = std::move(tokens).error();
        e.line = line;
        return e;
    }
    // Columns here are the piece's, not the line's: no spans (no traceback carets).
    for (auto& t : *tokens) {
        t.line = line;
        t.end_line = 0;
    }
    Parser p(std::move(*tokens));
    auto r = p.lone_expression();
    if (!r) {
        Error e = std::move(r).error();
        e.line = line;
        return e;
    }
    return r;
}

}  // namespace engine::py
