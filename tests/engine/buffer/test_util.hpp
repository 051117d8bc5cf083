// Helpers for the buffer engine tests: exact exception checks.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "engine/core/result.hpp"

namespace engine::testing {

template <class R>
::testing::AssertionResult raises(const R& r, ExcType type, const std::string& message) {
    if (r.ok()) return ::testing::AssertionFailure() << "expected " << exc_name(type) << ": " << message << ", got success";
    const Error& e = r.error();
    if (e.type != type || e.message != message) {
        return ::testing::AssertionFailure() << "expected " << exc_name(type) << ": " << message << "\n     got "
                                             << exc_name(e.type) << ": " << e.message;
    }
    return ::testing::AssertionSuccess();
}

template <class R>
::testing::AssertionResult succeeds(const R& r) {
    if (r.ok()) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "unexpected " << exc_name(r.error().type) << ": " << r.error().message;
}

}  // namespace engine::testing

#define EXPECT_RAISES(expr, type, msg) EXPECT_TRUE(::engine::testing::raises((expr), ::engine::ExcType::type, (msg)))
#define ASSERT_OK(expr) ASSERT_TRUE(::engine::testing::succeeds((expr)))
#define EXPECT_OK(expr) EXPECT_TRUE(::engine::testing::succeeds((expr)))
