// The built-in exception types of the playground and their CPython 3.11 hierarchy.
//
// There are no user-defined classes in the subset, so an exception's type is
// one of these. `except E` matches when exc_is_subclass(raised, E).
#pragma once

#include <string_view>

namespace engine {

enum class ExcType {
    BaseException,
    SystemExit,
    KeyboardInterrupt,
    GeneratorExit,
    Exception,
    ArithmeticError,
    OverflowError,
    ZeroDivisionError,
    AssertionError,
    AttributeError,
    BufferError,
    EOFError,
    ImportError,
    ModuleNotFoundError,
    LookupError,
    IndexError,
    KeyError,
    MemoryError,
    NameError,
    UnboundLocalError,
    OSError,
    FileNotFoundError,
    TimeoutError,  // a subclass of OSError in CPython 3.11; raised when the step budget runs out
    UnsupportedOperation,  // io.UnsupportedOperation: OSError and ValueError
    RuntimeError,
    NotImplementedError,
    RecursionError,
    StopIteration,
    SyntaxError,
    IndentationError,
    TypeError,
    ValueError,
    UnicodeError,
    UnicodeDecodeError,
    UnicodeEncodeError,
    StructError,  // struct.error
    BinasciiError,       // binascii.Error (a ValueError)
    BinasciiIncomplete,  // binascii.Incomplete
};

inline constexpr int kExcTypeCount = static_cast<int>(ExcType::BinasciiIncomplete) + 1;

// The class's __name__: "ValueError", "error" for struct.error.
std::string_view exc_name(ExcType type);

// The name as a traceback's last line shows it: "ValueError", "struct.error",
// "io.UnsupportedOperation".
std::string_view exc_qualified_name(ExcType type);

// True when `type` is `base` or derives from it.
bool exc_is_subclass(ExcType type, ExcType base);

}  // namespace engine
