// The syntax tree of the playground's Python.
//
// One node struct for expressions and one for statements, each with a kind and
// the fields that kind uses (documented per kind below). Every node carries
// the 1-based line it starts on, which is the line a traceback names.
// Function bodies are shared (shared_ptr<const FunctionSpec>) so that function
// values may outlive the parse that made them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/python/runtime/ops.hpp"

namespace engine::py {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

enum class ExprKind {
    Name,            // name
    Constant,        // const_kind, text, base
    FString,         // items: the pieces (Constant str or FormattedValue), in order
    FormattedValue,  // a: the value; conversion ('r', 's', 'a' or 0); c: format spec (FString) or
                     // null; text: "x=" debug text for {x=}
    Unary,           // unary_op, a
    Binary,          // bin_op, a, b
    BoolOp,          // name: "and"/"or"; items: operands
    Compare,         // a: first operand; items: the others; cmp_ops: one per item
    IfExp,           // a: test, b: body, c: orelse
    Call,            // a: callee; items: positional (Starred for *x); keywords (name "" for **x)
    Attribute,       // a: object; name: attribute
    Subscript,       // a: object; b: index (a Slice node for a[i:j])
    Slice,           // a, b, c: lower, upper, step (each may be null)
    Tuple,           // items
    List,            // items
    Dict,            // items: keys; values
    ListComp,        // a: element; generators
    DictComp,        // a: key, b: value; generators
    GenExp,          // a: element; generators
    Set,             // items (a set display)
    SetComp,         // a: element; generators
    Lambda,          // fn
    Starred,         // a: *a in a call, a display or an assignment target
    Yield,           // a: the value (may be null); only as StmtKind::Yield's value
    YieldFrom,       // a: the iterable; only as StmtKind::Yield's value
};

enum class ConstKind { None, True, False, Ellipsis, Int, Float, Str, Bytes };

// Comparison operators beyond the six rich comparisons.
enum class CmpKind { Lt, Le, Eq, Ne, Gt, Ge, In, NotIn, Is, IsNot };

struct Keyword {
    std::string name;
    ExprPtr value;
};

struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    std::vector<ExprPtr> ifs;
};

struct Param {
    std::string name;
    ExprPtr default_value;  // null when none
};

// The signature and body of a def or lambda, plus what scope analysis found.
struct FunctionSpec {
    std::string name;      // "<lambda>" for lambdas
    std::string qualname;  // "outer.<locals>.inner", as CPython's error messages show it
    int line = 0;
    std::vector<Param> params;         // positional-or-keyword
    std::string vararg;                // *args name, empty when none
    std::vector<Param> kwonly;         // after *args or a bare *
    std::string kwarg;                 // **kwargs name, empty when none
    Block body;                        // def
    ExprPtr body_expr;                 // lambda
    std::vector<std::string> locals;   // every name bound in this scope (params first)
    std::vector<std::string> globals;  // names declared `global`
    std::vector<std::string> nonlocals;  // names declared `nonlocal`
    bool is_class = false;             // a class body (StmtKind::ClassDef), not a function
    bool uses_enclosing = false;       // reads names of an enclosing function scope
    bool is_generator = false;         // its body yields: a call makes a generator
    // Locals that nested scopes (functions, lambdas, comprehensions) may read:
    // CPython's cell variables. Only these outlive the call in a frame that a
    // closure or generator still holds; the others die at return.
    std::vector<std::string> cellvars;
};

struct Expr {
    ExprKind kind;
    int line = 0;
    int col = 0;                     // 1-based byte column of the first token
    int end_line = 0, end_col = 0;   // just past the last token (0: not recorded)
    std::string name;
    std::string text;
    ConstKind const_kind = ConstKind::None;
    int base = 10;
    char conversion = 0;
    UnaryOp unary_op = UnaryOp::Neg;
    BinOp bin_op = BinOp::Add;
    ExprPtr a, b, c;
    std::vector<ExprPtr> items;
    std::vector<ExprPtr> values;
    std::vector<CmpKind> cmp_ops;
    std::vector<Keyword> keywords;
    std::vector<Comprehension> generators;
    std::shared_ptr<FunctionSpec> fn;
};

enum class StmtKind {
    Expr,       // value
    Assign,     // targets (a = b = value: several), value
    AugAssign,  // target, bin_op, value
    If,         // value: test; body; orelse
    While,      // value: test; body; orelse
    For,        // target; value: iterable; body; orelse
    Break,
    Continue,
    Pass,
    FunctionDef,  // fn; targets: decorators, outermost first
    ClassDef,     // fn: the class body's scope; value: base (may be null); targets: decorators
    Return,       // value (may be null)
    Try,          // body; handlers; orelse; finalbody
    Raise,        // value: exception (null: bare raise); target: cause (from ...)
    With,         // items; body
    Import,       // names (name, asname)
    ImportFrom,   // module; names
    Delete,       // targets
    Assert,       // value: test; target: message
    Global,       // names (name only)
    Nonlocal,     // names (name only)
    Yield,        // value: a Yield or YieldFrom expr; targets: assigned the sent/returned value
};

struct Handler {
    int line = 0;
    ExprPtr type;  // null: bare except
    std::string name;
    Block body;
};

struct WithItem {
    ExprPtr context;
    ExprPtr target;  // null when no `as`
};

struct Alias {
    std::string name;    // dotted module name or imported attribute
    std::string asname;  // empty when none
};

struct Stmt {
    StmtKind kind;
    int line = 0;
    std::vector<ExprPtr> targets;
    ExprPtr target;
    ExprPtr value;
    BinOp bin_op = BinOp::Add;
    Block body, orelse, finalbody;
    std::vector<Handler> handlers;
    std::vector<WithItem> items;
    std::vector<Alias> names;
    std::string module;
    std::shared_ptr<FunctionSpec> fn;
};

struct Module {
    Block body;
    std::vector<std::string> globals;  // names bound at module level (informational)
};

}  // namespace engine::py
