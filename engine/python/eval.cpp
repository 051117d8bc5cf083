// Expressions. Each kind has its own small function so the recursive path
// (eval -> eval_call -> call_user -> exec -> eval) keeps little C++ stack per
// Python frame. Errors leave with the line of the innermost expression that
// raised, as CPython 3.11 reports it.
#include <cstdlib>

#include "engine/buffer/bytes_object.hpp"
#include "engine/python/frame.hpp"
#include "engine/python/runtime/bigint.hpp"
#include "engine/python/runtime/builtins.hpp"
#include "engine/python/runtime/class_object.hpp"
#include "engine/python/runtime/convert.hpp"
#include "engine/python/runtime/dict.hpp"
#include "engine/python/runtime/format.hpp"
#include "engine/python/runtime/ops.hpp"
#include "engine/python/runtime/set.hpp"

namespace engine::py {

Error Interpreter::stamp(Error error, int line) {
    if (error.line == 0) {
        error.line = line;
        span_ = SourceSpan{};
    }
    return error;
}

Error Interpreter::stamp(Error error, const Expr& at) {
    if (error.line != 0) return error;
    error.line = at.line;
    SourceSpan& s = span_;
    s = SourceSpan{};
    if (at.end_line == 0) return error;
    s = SourceSpan{at.col, at.end_line, at.end_col};
    if (at.kind == ExprKind::Binary && at.a && at.b) {
        s.anchor = SourceSpan::Anchor::Binary;
        s.left_end = at.a->end_col;
        s.right_begin = at.b->col;
    } else if (at.kind == ExprKind::Subscript && at.a && at.b) {
        s.anchor = SourceSpan::Anchor::Subscript;
        s.left_end = at.a->end_col;
        s.right_end = at.b->end_col;
    }
    return error;
}

Result<Value> Interpreter::eval(const Expr& e, const std::shared_ptr<Frame>& f) {
    auto r = eval_inner(e, f);
    if (!r && r.error().line == 0) return stamp(std::move(r).error(), e);
    return r;
}

// The operators, kept out of eval_inner so its frame stays small.
[[gnu::noinline]] Result<Value> Interpreter::eval_operator(const Expr& e,
                                                           const std::shared_ptr<Frame>& f) {
    switch (e.kind) {
        case ExprKind::Unary: {
            BV_TRY(v, eval(*e.a, f));
            if (e.unary_op == UnaryOp::Not) {
                BV_TRY(t, truthy(v));
                return Value::boolean(!t);
            }
            return unary_op(e.unary_op, v);
        }
        case ExprKind::Binary: {
            BV_TRY(a, eval(*e.a, f));
            BV_TRY(b, eval(*e.b, f));
            return binary_op(*this, e.bin_op, a, b);
        }
        case ExprKind::IfExp: {
            BV_TRY(test, eval(*e.a, f));
            BV_TRY(t, truthy(test));
            return eval(t ? *e.b : *e.c, f);
        }
        case ExprKind::Attribute: {
            BV_TRY(obj, eval(*e.a, f));
            auto attr = getattr(*this, obj, e.name);
            if (!attr) attribute_missing(attr.error(), obj, e.name);
            return attr;
        }
        case ExprKind::Subscript: {
            BV_TRY(obj, eval(*e.a, f));
            BV_TRY(key, eval_subscript_key(*e.b, f));
            if (options_.index_hook) report_index(*e.b, obj);
            return getitem(*this, obj, key);
        }
        default:
            return raise(ExcType::RuntimeError, "bufview: unexpected expression node");
    }
}

Result<Value> Interpreter::eval_inner(const Expr& e, const std::shared_ptr<Frame>& f) {
    switch (e.kind) {
        case ExprKind::Name:
            return eval_name(e, f);
        case ExprKind::Constant:
            return eval_constant(e);
        case ExprKind::FString:
            return eval_fstring(e, f);
        case ExprKind::Unary:
        case ExprKind::Binary:
        case ExprKind::IfExp:
        case ExprKind::Attribute:
        case ExprKind::Subscript:
            return eval_operator(e, f);
        case ExprKind::BoolOp:
            return eval_boolop(e, f);
        case ExprKind::Compare:
            return eval_compare(e, f);
        case ExprKind::Call:
            return eval_call(e, f);
        case ExprKind::Slice:
            return eval_subscript_key(e, f);
        case ExprKind::Tuple:
        case ExprKind::List:
        case ExprKind::Dict:
            return eval_display(e, f);
        case ExprKind::Set:
            return eval_display(e, f);
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
            return eval_listcomp(e, f);
        case ExprKind::GenExp:
            return eval_genexp(e, f);
        case ExprKind::Lambda:
            return make_function(e.fn, f);
        case ExprKind::FormattedValue:
        case ExprKind::Starred:
        case ExprKind::Yield:      // only as StmtKind::Yield's value (exec_yield)
        case ExprKind::YieldFrom:
            break;
    }
    return raise(ExcType::RuntimeError, "bufview: unexpected expression node");
}

Result<Value> Interpreter::eval_constant(const Expr& e) {
    switch (e.const_kind) {
        case ConstKind::None:
            return Value::none();
        case ConstKind::True:
            return Value::boolean(true);
        case ConstKind::False:
            return Value::boolean(false);
        case ConstKind::Ellipsis:
            return Value::ellipsis();
        default:
            break;
    }
    // Strings, bytes and big ints are made once per literal, as CPython's
    // code-object constants are (no allocation each time the line runs).
    auto it = constants_.find(&e);
    if (it != constants_.end()) return it->second;
    Value v;
    switch (e.const_kind) {
        case ConstKind::Int: {
            auto big = BigInt::parse_digits(e.text, e.base, false);
            if (!big) return raise(ExcType::SyntaxError, "invalid integer literal");
            v = Value::integer(std::move(*big));
            break;
        }
        case ConstKind::Float:
            v = Value::floating(std::strtod(e.text.c_str(), nullptr));
            break;
        case ConstKind::Str:
            v = Value::str(e.text);
            break;
        case ConstKind::Bytes: {
            BV_TRY(b, BytesObject::create_constant(buffer_context(), e.text));
            v = Value::wrap(std::move(b));
            break;
        }
        default:
            break;
    }
    constants_.emplace(&e, v);
    return v;
}

namespace {

// CPython 3.11's builtins (dir(builtins)): a name the playground lacks is
// refused by name (NotImplementedError), never reported as undefined.
bool is_cpython_builtin(const std::string& name) {
    static const char* const kNames[] = {
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
        "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError",
        "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
        "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError",
        "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup", "FileExistsError",
        "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
        "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
        "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
        "ModuleNotFoundError", "NameError", "NotADirectoryError", "NotImplementedError",
        "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError",
        "ProcessLookupError", "RecursionError", "ReferenceError", "ResourceWarning",
        "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError",
        "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "TypeError",
        "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError",
        "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning",
        "ZeroDivisionError", "__import__", "__build_class__", "__name__", "__doc__",
        "__spec__", "__loader__", "__package__", "__debug__", "abs", "aiter", "all", "anext",
        "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
        "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir",
        "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format",
        "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input",
        "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map",
        "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print",
        "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
        "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
    };
    for (const char* n : kNames)
        if (name == n) return true;
    return false;
}

}  // namespace

Result<Value> Interpreter::eval_name(const Expr& e, const std::shared_ptr<Frame>& f) {
    const std::string& name = e.name;
    Frame* frame = f.get();
    bool innermost = true;
    while (frame != nullptr && frame->kind != FrameKind::Module) {
        if (frame->kind == FrameKind::Comprehension) {
            auto it = frame->vars.find(name);
            if (it != frame->vars.end()) return it->second;
        } else if (frame->spec && frame->spec->is_class) {
            // A class body sees its own names; the functions inside it do not.
            if (innermost) {
                auto it = frame->vars.find(name);
                if (it != frame->vars.end()) return it->second;
            }
            innermost = false;
        } else {
            if (frame->is_global_decl(name)) break;
            if (frame->is_local(name)) {
                auto it = frame->vars.find(name);
                if (it != frame->vars.end()) return it->second;
                if (innermost) {
                    return raise(ExcType::UnboundLocalError,
                                 "cannot access local variable '" + name +
                                     "' where it is not associated with a value");
                }
                return name_error(name, *f, "cannot access free variable '" + name +
                                                "' where it is not associated with a value "
                                                "in enclosing scope");
            }
            innermost = false;
        }
        frame = frame->outer.get();
    }
    Frame* globals = f->globals;
    auto it = globals->vars.find(name);
    if (it != globals->vars.end()) return it->second;
    if (auto b = lookup_builtin(name)) return *b;
    if (is_cpython_builtin(name)) {
        return raise(ExcType::NotImplementedError,
                     "the built-in '" + name + "' is not supported in the playground");
    }
    return name_error(name, *f, "name '" + name + "' is not defined");
}

Result<Value> Interpreter::eval_fstring(const Expr& e, const std::shared_ptr<Frame>& f) {
    std::string out;
    for (const auto& piece : e.items) {
        if (piece->kind == ExprKind::Constant) {
            out += piece->text;
            continue;
        }
        BV_TRY(v, eval(*piece->a, f));
        if (piece->conversion == 'r' || piece->conversion == 'a') {
            BV_TRY(text, repr(v));
            v = Value::str(std::move(text));
        } else if (piece->conversion == 's') {
            BV_TRY(text, to_str(v));
            v = Value::str(std::move(text));
        }
        std::string spec;
        if (piece->c) {
            BV_TRY(spec_value, eval_fstring(*piece->c, f));
            spec = spec_value.str_utf8();
        }
        auto formatted = format_value(v, spec);
        if (!formatted) return stamp(std::move(formatted).error(), piece->line);
        out += *formatted;
    }
    return Value::str(std::move(out));
}

Result<Value> Interpreter::eval_boolop(const Expr& e, const std::shared_ptr<Frame>& f) {
    bool is_and = e.name == "and";
    Value v;
    for (size_t i = 0; i < e.items.size(); ++i) {
        BV_TRY(item, eval(*e.items[i], f));
        v = std::move(item);
        if (i + 1 == e.items.size()) break;
        BV_TRY(t, truthy(v));
        if (t != is_and) break;  // `and` stops at a false value, `or` at a true one
    }
    return v;
}

Result<Value> Interpreter::eval_compare(const Expr& e, const std::shared_ptr<Frame>& f) {
    BV_TRY(left, eval(*e.a, f));
    Value result;
    for (size_t i = 0; i < e.items.size(); ++i) {
        BV_TRY(right, eval(*e.items[i], f));
        switch (e.cmp_ops[i]) {
            case CmpKind::In:
            case CmpKind::NotIn: {
                BV_TRY(found, contains(*this, right, left));
                result = Value::boolean(found == (e.cmp_ops[i] == CmpKind::In));
                break;
            }
            case CmpKind::Is:
                result = Value::boolean(left.same_as(right));
                break;
            case CmpKind::IsNot:
                result = Value::boolean(!left.same_as(right));
                break;
            default: {
                static const CmpOp kOps[] = {CmpOp::Lt, CmpOp::Le, CmpOp::Eq,
                                             CmpOp::Ne, CmpOp::Gt, CmpOp::Ge};
                BV_TRY(r, compare(kOps[static_cast<int>(e.cmp_ops[i])], left, right));
                result = std::move(r);
            }
        }
        if (i + 1 == e.items.size()) break;
        BV_TRY(t, truthy(result));
        if (!t) break;
        left = std::move(right);
    }
    return result;
}

Result<Value> Interpreter::eval_call(const Expr& e, const std::shared_ptr<Frame>& f) {
    if (e.a->kind == ExprKind::Name && e.a->name == "super") return eval_super(e, f);
    BV_TRY(callee, eval(*e.a, f));
    CallArgs args;
    BV_CHECK(eval_args(e, callee, args, f));
    f->line = e.line;
    if (callee.is(Kind::Function)) {
        if (auto* user = dynamic_cast<UserFunction*>(&callee.obj<Callable>())) {
            return call_user(*user, std::move(args));
        }
    }
    // CPython counts C calls against the recursion limit too.
    BV_CHECK(enter_call(e.line));
    auto r = call(*this, callee, std::move(args));
    leave_call();
    return r;
}

namespace {

// How CPython's call errors name the callee: "__main__.f" for a user
// function (module and qualname), "print" for a builtin.
std::string callee_display_name(const Value& callee) {
    if (callee.is(Kind::Function)) {
        if (auto* user = dynamic_cast<UserFunction*>(&callee.obj<Callable>()))
            return "__main__." + user->spec().qualname;
        return callee.obj<Callable>().name();
    }
    if (callee.is(Kind::Builtin)) return callee.obj<BuiltinFunction>().name();
    return "function";
}

}  // namespace

[[gnu::noinline]] Result<void> Interpreter::eval_args(const Expr& e, const Value& callee,
                                                      CallArgs& args,
                                                      const std::shared_ptr<Frame>& f) {
    args.args.reserve(e.items.size());
    for (const auto& item : e.items) {
        if (item->kind == ExprKind::Starred) {
            BV_TRY(seq, eval(*item->a, f));
            auto items = collect(*this, seq);
            if (!items) {
                if (items.error().type == ExcType::TypeError) {
                    return raise(ExcType::TypeError, callee_display_name(callee) +
                                                         "() argument after * must be an "
                                                         "iterable, not " +
                                                         type_name(seq));
                }
                return std::move(items).error();
            }
            for (auto& v : *items) args.args.push_back(std::move(v));
            continue;
        }
        BV_TRY(v, eval(*item, f));
        args.args.push_back(std::move(v));
    }
    bool unpacked = false;
    for (const auto& kw : e.keywords) {
        BV_TRY(v, eval(*kw.value, f));
        if (!kw.name.empty()) {
            if (unpacked) {  // f(**d, x=1): x may already have come from d
                for (const auto& seen : args.kwargs) {
                    if (seen.first == kw.name) {
                        return raise(ExcType::TypeError,
                                     callee_display_name(callee) +
                                         "() got multiple values for keyword argument '" +
                                         kw.name + "'");
                    }
                }
            }
            args.kwargs.emplace_back(kw.name, std::move(v));
            continue;
        }
        unpacked = true;
        // f(**mapping): its str keys become keyword arguments, in order.
        std::string callee_name = callee_display_name(callee);
        if (!v.is(Kind::Dict)) {
            return raise(ExcType::TypeError, callee_name +
                                                 "() argument after ** must be a mapping, not " +
                                                 type_name(v));
        }
        for (const auto& entry : v.obj<DictObject>().entries()) {
            if (!entry.live) continue;
            if (!entry.key.is_str())
                return raise(ExcType::TypeError, "keywords must be strings");
            const std::string& name = entry.key.str_utf8();
            for (const auto& [seen, unused] : args.kwargs) {
                (void)unused;
                if (seen == name) {
                    return raise(ExcType::TypeError, callee_name +
                                                         "() got multiple values for keyword "
                                                         "argument '" +
                                                         name + "'");
                }
            }
            args.kwargs.emplace_back(name, entry.value);
        }
    }
    return ok();
}

void Interpreter::report_index(const Expr& index, const Value& object) {
    switch (index.kind) {
        case ExprKind::Name: options_.index_hook(index.name, object); return;
        case ExprKind::Unary:
        case ExprKind::Binary:
        case ExprKind::Slice:
            for (const Expr* part : {index.a.get(), index.b.get(), index.c.get()}) {
                if (part) report_index(*part, object);
            }
            return;
        case ExprKind::Tuple:
            for (const auto& item : index.items) report_index(*item, object);
            return;
        default: return;
    }
}

Result<Value> Interpreter::eval_subscript_key(const Expr& e, const std::shared_ptr<Frame>& f) {
    if (e.kind == ExprKind::Slice) {
        Value parts[3];
        const Expr* nodes[3] = {e.a.get(), e.b.get(), e.c.get()};
        for (int i = 0; i < 3; ++i) {
            if (!nodes[i]) continue;
            BV_TRY(v, eval(*nodes[i], f));
            parts[i] = std::move(v);
        }
        return Value::slice(std::move(parts[0]), std::move(parts[1]), std::move(parts[2]));
    }
    if (e.kind == ExprKind::Tuple) {
        std::vector<Value> items;
        for (const auto& item : e.items) {
            BV_TRY(v, eval_subscript_key(*item, f));
            items.push_back(std::move(v));
        }
        return Value::tuple(std::move(items));
    }
    return eval(e, f);
}

Result<Value> Interpreter::eval_display(const Expr& e, const std::shared_ptr<Frame>& f) {
    if (e.kind == ExprKind::Dict) {
        Value d = Value::dict();
        for (size_t i = 0; i < e.items.size(); ++i) {
            BV_TRY(k, eval(*e.items[i], f));
            BV_TRY(v, eval(*e.values[i], f));
            auto r = d.obj<DictObject>().set(k, std::move(v));
            if (!r) return stamp(std::move(r).error(), e.items[i]->line);
        }
        return d;
    }
    std::vector<Value> items;
    items.reserve(e.items.size());
    for (const auto& item : e.items) {
        if (item->kind == ExprKind::Starred) {  // [*a, b]
            BV_TRY(seq, eval(*item->a, f));
            auto more = collect(*this, seq);
            if (!more) {
                if (more.error().type == ExcType::TypeError) {
                    return stamp(raise(ExcType::TypeError, "Value after * must be an iterable, not " +
                                                               type_name(seq)),
                                 *item);
                }
                return std::move(more).error();
            }
            for (auto& v : *more) items.push_back(std::move(v));
            continue;
        }
        BV_TRY(v, eval(*item, f));
        items.push_back(std::move(v));
    }
    if (e.kind == ExprKind::Set) {  // BUILD_SET: the items added in order
        auto s = make_set_from(*this, false, items);
        if (!s) return stamp(std::move(s).error(), e.line);
        return std::move(*s);
    }
    return e.kind == ExprKind::List ? Value::list(std::move(items))
                                    : Value::tuple(std::move(items));
}

Result<Value> Interpreter::make_function(const std::shared_ptr<FunctionSpec>& spec,
                                         const std::shared_ptr<Frame>& f) {
    std::vector<Value> defaults(spec->params.size());
    for (size_t i = 0; i < spec->params.size(); ++i) {
        if (!spec->params[i].default_value) continue;
        BV_TRY(v, eval(*spec->params[i].default_value, f));
        defaults[i] = std::move(v);
    }
    std::vector<Value> kw_defaults(spec->kwonly.size());
    for (size_t i = 0; i < spec->kwonly.size(); ++i) {
        if (!spec->kwonly[i].default_value) continue;
        BV_TRY(v, eval(*spec->kwonly[i].default_value, f));
        kw_defaults[i] = std::move(v);
    }
    // Link the defining frame only when the body reads its names (no cycles otherwise).
    std::shared_ptr<Frame> closure;
    if ((spec->uses_enclosing && f->kind != FrameKind::Module) ||
        f->kind == FrameKind::Comprehension) {
        closure = f;
        // A method's enclosing scope is the class body's, not the class body.
        while (closure && closure->spec && closure->spec->is_class) closure = closure->outer;
    }
    return Value::wrap(std::shared_ptr<Callable>(std::make_shared<UserFunction>(
        spec, std::move(defaults), std::move(kw_defaults), std::move(closure), f->globals)));
}

// super() in a method: the class the method was defined in and its first
// argument; super(C, obj) names them.
[[gnu::noinline]] Result<Value> Interpreter::eval_super(const Expr& e,
                                                        const std::shared_ptr<Frame>& f) {
    if (!e.keywords.empty()) return raise(ExcType::TypeError, "super() takes no keyword arguments");
    if (e.items.size() == 2) {
        BV_TRY(cls, eval(*e.items[0], f));
        BV_TRY(self, eval(*e.items[1], f));
        const ClassObject* c = as_class(cls);
        if (!c) {
            if (cls.is(Kind::Type)) {
                return raise(ExcType::NotImplementedError,
                             "super() of a built-in type is not supported in the playground");
            }
            return raise(ExcType::TypeError,
                         "super() argument 1 must be a type, not " + type_name(cls));
        }
        return make_super(c->base, std::move(self));
    }
    if (!e.items.empty()) {
        return raise(ExcType::TypeError,
                     "super() takes 0 or 2 arguments (" + std::to_string(e.items.size()) + " given)");
    }
    const Frame* frame = f.get();
    while (frame && frame->kind == FrameKind::Comprehension) frame = frame->outer.get();
    if (!frame || frame->kind != FrameKind::Function || !frame->function) {
        return raise(ExcType::RuntimeError, "super(): no arguments");
    }
    std::shared_ptr<ClassObject> owner = frame->function->owner();
    if (!owner) return raise(ExcType::RuntimeError, "super(): __class__ cell not found");
    if (frame->spec->params.empty()) return raise(ExcType::RuntimeError, "super(): no arguments");
    auto it = frame->vars.find(frame->spec->params[0].name);
    if (it == frame->vars.end()) return raise(ExcType::RuntimeError, "super(): arg[0] deleted");
    return make_super(owner->base, it->second);
}

}  // namespace engine::py
