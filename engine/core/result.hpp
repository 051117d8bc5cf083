// Result<T>: a value, or the Python exception that stopped the computation.
//
// Inside the engine a Python exception is a value, never a C++ throw. Anything
// that can raise returns Result<T> and passes failure up with an early return:
//
//     auto index = to_index(key);
//     if (!index) return index.error();
//
// BV_TRY(name, expr) does the same in one line. The line of an Error is 0 until
// the interpreter stamps it with the line being executed.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "engine/core/exceptions.hpp"

namespace engine {

struct Error {
    ExcType type = ExcType::Exception;
    std::string message;
    int line = 0;  // 1-based source line; 0 while not yet known
};

inline Error raise(ExcType type, std::string message) { return Error{type, std::move(message), 0}; }

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & {
        assert(ok());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(ok());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(ok());
        return std::get<0>(std::move(v_));
    }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const& {
        assert(!ok());
        return std::get<1>(v_);
    }
    Error&& error() && {
        assert(!ok());
        return std::get<1>(std::move(v_));
    }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit on purpose

    bool ok() const { return !error_.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const& {
        assert(!ok());
        return *error_;
    }
    Error&& error() && {
        assert(!ok());
        return std::move(*error_);
    }

private:
    std::optional<Error> error_;
};

inline Result<void> ok() { return {}; }

}  // namespace engine

#define BV_CONCAT_INNER(a, b) a##b
#define BV_CONCAT(a, b) BV_CONCAT_INNER(a, b)

// BV_TRY(name, expr): evaluate a Result-returning expr; on error return it from
// the enclosing function; otherwise bind the value to `name` (moved out).
#define BV_TRY(name, expr)                                              \
    auto BV_CONCAT(bv_try_, __LINE__) = (expr);                         \
    if (!BV_CONCAT(bv_try_, __LINE__)) return std::move(BV_CONCAT(bv_try_, __LINE__)).error(); \
    auto name = std::move(BV_CONCAT(bv_try_, __LINE__)).value()

// BV_CHECK(expr): for Result<void> (or any Result whose value is not needed).
#define BV_CHECK(expr)                                                  \
    do {                                                                \
        auto bv_check_r = (expr);                                       \
        if (!bv_check_r) return std::move(bv_check_r).error();          \
    } while (0)
