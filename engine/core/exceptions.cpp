#include "engine/core/exceptions.hpp"

#include <array>

namespace engine {
namespace {

struct ExcInfo {
    std::string_view name;
    std::string_view qualified;
    ExcType base;   // first base (BaseException is its own)
    ExcType base2;  // second base for multiple inheritance, else same as base
};

constexpr ExcInfo info(ExcType t) {
    using E = ExcType;
    switch (t) {
        case E::BaseException: return {"BaseException", "BaseException", E::BaseException, E::BaseException};
        case E::SystemExit: return {"SystemExit", "SystemExit", E::BaseException, E::BaseException};
        case E::KeyboardInterrupt: return {"KeyboardInterrupt", "KeyboardInterrupt", E::BaseException, E::BaseException};
        case E::GeneratorExit: return {"GeneratorExit", "GeneratorExit", E::BaseException, E::BaseException};
        case E::Exception: return {"Exception", "Exception", E::BaseException, E::BaseException};
        case E::ArithmeticError: return {"ArithmeticError", "ArithmeticError", E::Exception, E::Exception};
        case E::OverflowError: return {"OverflowError", "OverflowError", E::ArithmeticError, E::ArithmeticError};
        case E::ZeroDivisionError: return {"ZeroDivisionError", "ZeroDivisionError", E::ArithmeticError, E::ArithmeticError};
        case E::AssertionError: return {"AssertionError", "AssertionError", E::Exception, E::Exception};
        case E::AttributeError: return {"AttributeError", "AttributeError", E::Exception, E::Exception};
        case E::BufferError: return {"BufferError", "BufferError", E::Exception, E::Exception};
        case E::EOFError: return {"EOFError", "EOFError", E::Exception, E::Exception};
        case E::ImportError: return {"ImportError", "ImportError", E::Exception, E::Exception};
        case E::ModuleNotFoundError: return {"ModuleNotFoundError", "ModuleNotFoundError", E::ImportError, E::ImportError};
        case E::LookupError: return {"LookupError", "LookupError", E::Exception, E::Exception};
        case E::IndexError: return {"IndexError", "IndexError", E::LookupError, E::LookupError};
        case E::KeyError: return {"KeyError", "KeyError", E::LookupError, E::LookupError};
        case E::MemoryError: return {"MemoryError", "MemoryError", E::Exception, E::Exception};
        case E::NameError: return {"NameError", "NameError", E::Exception, E::Exception};
        case E::UnboundLocalError: return {"UnboundLocalError", "UnboundLocalError", E::NameError, E::NameError};
        case E::OSError: return {"OSError", "OSError", E::Exception, E::Exception};
        case E::FileNotFoundError: return {"FileNotFoundError", "FileNotFoundError", E::OSError, E::OSError};
        case E::TimeoutError: return {"TimeoutError", "TimeoutError", E::OSError, E::OSError};
        case E::UnsupportedOperation: return {"UnsupportedOperation", "io.UnsupportedOperation", E::OSError, E::ValueError};
        case E::RuntimeError: return {"RuntimeError", "RuntimeError", E::Exception, E::Exception};
        case E::NotImplementedError: return {"NotImplementedError", "NotImplementedError", E::RuntimeError, E::RuntimeError};
        case E::RecursionError: return {"RecursionError", "RecursionError", E::RuntimeError, E::RuntimeError};
        case E::StopIteration: return {"StopIteration", "StopIteration", E::Exception, E::Exception};
        case E::SyntaxError: return {"SyntaxError", "SyntaxError", E::Exception, E::Exception};
        case E::IndentationError: return {"IndentationError", "IndentationError", E::SyntaxError, E::SyntaxError};
        case E::TypeError: return {"TypeError", "TypeError", E::Exception, E::Exception};
        case E::ValueError: return {"ValueError", "ValueError", E::Exception, E::Exception};
        case E::UnicodeError: return {"UnicodeError", "UnicodeError", E::ValueError, E::ValueError};
        case E::UnicodeDecodeError: return {"UnicodeDecodeError", "UnicodeDecodeError", E::UnicodeError, E::UnicodeError};
        case E::UnicodeEncodeError: return {"UnicodeEncodeError", "UnicodeEncodeError", E::UnicodeError, E::UnicodeError};
        case E::StructError: return {"error", "struct.error", E::Exception, E::Exception};
        case E::BinasciiError: return {"Error", "binascii.Error", E::ValueError, E::ValueError};
        case E::BinasciiIncomplete: return {"Incomplete", "binascii.Incomplete", E::Exception, E::Exception};
    }
    return {"Exception", "Exception", E::BaseException, E::BaseException};
}

}  // namespace

std::string_view exc_name(ExcType type) { return info(type).name; }

std::string_view exc_qualified_name(ExcType type) { return info(type).qualified; }

bool exc_is_subclass(ExcType type, ExcType base) {
    if (type == base) return true;
    if (type == ExcType::BaseException) return false;
    const ExcInfo i = info(type);
    if (exc_is_subclass(i.base, base)) return true;
    return i.base2 != i.base && exc_is_subclass(i.base2, base);
}

}  // namespace engine
