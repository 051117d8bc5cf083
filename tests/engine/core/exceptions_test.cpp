#include "engine/core/exceptions.hpp"

#include <gtest/gtest.h>

#include "engine/core/result.hpp"

namespace engine {
namespace {

TEST(ExceptionsTest, HierarchyMatchesCPython) {
    EXPECT_TRUE(exc_is_subclass(ExcType::IndexError, ExcType::LookupError));
    EXPECT_TRUE(exc_is_subclass(ExcType::KeyError, ExcType::Exception));
    EXPECT_TRUE(exc_is_subclass(ExcType::TimeoutError, ExcType::OSError));
    EXPECT_TRUE(exc_is_subclass(ExcType::RecursionError, ExcType::RuntimeError));
    EXPECT_TRUE(exc_is_subclass(ExcType::UnsupportedOperation, ExcType::ValueError));
    EXPECT_TRUE(exc_is_subclass(ExcType::UnsupportedOperation, ExcType::OSError));
    EXPECT_FALSE(exc_is_subclass(ExcType::BufferError, ExcType::ValueError));
    EXPECT_FALSE(exc_is_subclass(ExcType::KeyboardInterrupt, ExcType::Exception));
    EXPECT_FALSE(exc_is_subclass(ExcType::Exception, ExcType::ValueError));
    EXPECT_TRUE(exc_is_subclass(ExcType::StructError, ExcType::BaseException));
    EXPECT_TRUE(exc_is_subclass(ExcType::ModuleNotFoundError, ExcType::ImportError));
    EXPECT_FALSE(exc_is_subclass(ExcType::ImportError, ExcType::LookupError));
}

TEST(ExceptionsTest, NamesAsCPythonPrintsThem) {
    EXPECT_EQ(exc_name(ExcType::StructError), "error");
    EXPECT_EQ(exc_qualified_name(ExcType::StructError), "struct.error");
    EXPECT_EQ(exc_name(ExcType::BufferError), "BufferError");
}

Result<int> half(int x) {
    if (x % 2) return raise(ExcType::ValueError, "odd");
    return x / 2;
}

Result<int> quarter(int x) {
    BV_TRY(h, half(x));
    BV_TRY(q, half(h));
    return q;
}

TEST(ResultTest, TryPropagatesTheFirstError) {
    EXPECT_EQ(*quarter(8), 2);
    auto r = quarter(6);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().type, ExcType::ValueError);
    EXPECT_EQ(r.error().message, "odd");
}

}  // namespace
}  // namespace engine
