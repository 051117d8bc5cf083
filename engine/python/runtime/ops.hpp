// Operations on Values: what the evaluator calls for each expression node.
//
// Every function returns Result<...> carrying CPython 3.11's exception type and
// message on failure. Functions that may call back into user code (a key=
// function, a generator expression) take the Interp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/result.hpp"
#include "engine/python/runtime/value.hpp"

namespace engine::py {

// ---- types --------------------------------------------------------------
TypeObject type_of(const Value& v);
std::string type_name(const Value& v);  // type(v).__name__: "int", "list", "ValueError"
std::string type_name(const TypeObject& t);
// __name__ of the type: "array" for array.array, "BytesIO", "error".
std::string type_short_name(const TypeObject& t);
// isinstance(v, spec): spec a type or a (nested) tuple of types.
Result<bool> isinstance(const Value& v, const Value& spec);

// ---- text -----------------------------------------------------------------
Result<std::string> repr(const Value& v);
Result<std::string> to_str(const Value& v);  // str(v)
std::string float_repr(double d);            // repr(float): shortest round trip

// ---- truth, identity, hashing, equality ---------------------------------------
Result<bool> truthy(const Value& v);
Result<int64_t> hash_value(const Value& v);  // TypeError: unhashable type: 'list'
Result<bool> eq(const Value& a, const Value& b);

// ---- operators ---------------------------------------------------------------
enum class BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul
};
enum class UnaryOp { Neg, Pos, Invert, Not };
enum class CmpOp { Lt, Le, Eq, Ne, Gt, Ge };
std::string_view binop_symbol(BinOp op);  // "+", "//", "**", ...

Result<Value> binary_op(Interp& interp, BinOp op, const Value& a, const Value& b);
// a op= b: mutates lists and bytearrays in place (and returns them), otherwise
// the same as binary_op. Assign the result back to the target.
Result<Value> inplace_op(Interp& interp, BinOp op, const Value& a, const Value& b);
Result<Value> unary_op(UnaryOp op, const Value& v);
// One comparison (a chain is the evaluator's business). Returns a bool Value.
Result<Value> compare(CmpOp op, const Value& a, const Value& b);
// `item in container`.
Result<bool> contains(Interp& interp, const Value& container, const Value& item);

// ---- items, attributes, length ------------------------------------------------
Result<Value> getitem(Interp& interp, const Value& obj, const Value& key);
Result<void> setitem(Interp& interp, const Value& obj, const Value& key, const Value& value);
Result<void> delitem(Interp& interp, const Value& obj, const Value& key);
// Methods come back bound (a Builtin with self); `type(x).__name__` works on
// type objects; modules give their attributes.
Result<Value> getattr(Interp& interp, const Value& obj, std::string_view name);
Result<void> setattr(Interp& interp, const Value& obj, std::string_view name, const Value& value);
Result<int64_t> len(const Value& v);
// __index__: int or bool to int64; TypeError for others with `what` e.g.
// "list indices must be integers or slices, not str".
Result<int64_t> to_index(const Value& v);

// ---- iteration ---------------------------------------------------------------
Result<Value> get_iter(Interp& interp, const Value& iterable);  // iter(x)
// Next item of an iterator Value (Kind::Iterator); nullopt when exhausted.
Result<std::optional<Value>> iter_next(Interp& interp, const Value& iterator);
// Every item of an iterable, in order (list(x)).
Result<std::vector<Value>> collect(Interp& interp, const Value& iterable);

// ---- calls -----------------------------------------------------------------
// Calls builtins, bound methods, types (int("ff", 16), bytes(3)), exception
// classes (ValueError("x")) and the evaluator's Callables.
Result<Value> call(Interp& interp, const Value& callee, CallArgs args);
inline Result<Value> call(Interp& interp, const Value& callee, std::vector<Value> args) {
    return call(interp, callee, CallArgs{std::move(args), {}});
}

// ---- with statement ---------------------------------------------------------
// `with x as y`: enter returns y; exit runs at the end of the block (the
// evaluator calls it also when the block raised, then re-raises).
Result<Value> context_enter(Interp& interp, const Value& v);
Result<void> context_exit(Interp& interp, const Value& v);

// ---- exceptions ------------------------------------------------------------
// KeyError for a missing key: message repr(key), and the instance that
// exception_from_error builds for it gets args == (key,) as in CPython.
Error key_error(const Value& key);
// str(e) of an exception instance.
Result<std::string> exception_str(const ExceptionObject& e);
// The instance `except E as e` binds for a runtime Error.
Value exception_from_error(const Error& error);
// The Error that `raise exc` propagates (exc an exception instance, or an
// exception class that is instantiated with no args); for anything else the
// TypeError "exceptions must derive from BaseException".
Error error_from_raise(const Value& exc);
// Does `except spec` catch an exception of type `raised`? spec a class or a
// tuple of classes; TypeError "catching classes that do not inherit from
// BaseException is not allowed" otherwise.
Result<bool> exception_matches(ExcType raised, const Value& spec);

}  // namespace engine::py
