// Subscripts, comparisons, `in`, attributes, iteration, exceptions and the
// lifetime of buffer exports, checked against CPython 3.11.
#include "engine/python/runtime/ops.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/python/runtime/modules.hpp"
#include "test_interp.hpp"

namespace engine::py {
namespace {
using namespace engine::py::testing;
using namespace std::string_literals;

std::string get(Interp& in, const Value& obj, const Value& key) { return R(getitem(in, obj, key)); }
Value sl(Value a, Value b, Value c = Value()) {
    return Value::slice(std::move(a), std::move(b), std::move(c));
}
std::string cmp(CmpOp op, const Value& a, const Value& b) { return R(compare(op, a, b)); }

TEST(SubscriptTest, IndexAndSliceLikePython) {
    TestInterp in;
    Value l = L({I(1), I(2), I(3), I(4), I(5)});
    EXPECT_EQ(get(in, l, I(-1)), "5");
    EXPECT_EQ(get(in, l, I(5)), "IndexError: list index out of range");
    EXPECT_EQ(get(in, l, S("a")), "TypeError: list indices must be integers or slices, not str");
    EXPECT_EQ(get(in, l, sl(Value(), Value(), I(-2))), "[5, 3, 1]");
    EXPECT_EQ(get(in, l, sl(I(-5), Value())), "[1, 2, 3, 4, 5]");
    EXPECT_EQ(get(in, l, sl(I(1), I(2), I(0))), "ValueError: slice step cannot be zero");
    EXPECT_EQ(get(in, S("hello"), sl(Value(), Value(), I(-1))), "'olleh'");
    EXPECT_EQ(get(in, S("h\xc3\xa9llo"), I(1)), "'\xc3\xa9'");
    EXPECT_EQ(get(in, S("abc"), S("a")), "TypeError: string indices must be integers, not 'str'");
    EXPECT_EQ(get(in, T({I(1)}), I(5)), "IndexError: tuple index out of range");
    EXPECT_EQ(get(in, Value::range(0, 10, 1), sl(I(2), I(8), I(2))), "range(2, 8, 2)");
    EXPECT_EQ(get(in, Value::range(0, 10, 1), sl(Value(), Value(), I(-1))), "range(9, -1, -1)");
    EXPECT_EQ(get(in, Value::range(0, 10, 3), I(-1)), "9");
    EXPECT_EQ(get(in, B(in, "abc"), I(1)), "98");
    EXPECT_EQ(get(in, B(in, "abc"), sl(Value(), Value(), I(-1))), "b'cba'");
    EXPECT_EQ(get(in, B(in, "a"), I(5)), "IndexError: index out of range");
    EXPECT_EQ(get(in, D({{S("k"), I(1)}}), S("x")), "KeyError: 'x'");
    EXPECT_EQ(get(in, D({{I(1), I(2)}}), Value::boolean(true)), "2");
    EXPECT_EQ(get(in, D({}), T({I(1), I(2)})), "KeyError: (1, 2)");
    EXPECT_EQ(get(in, D({}), L({})), "TypeError: unhashable type: 'list'");
    EXPECT_EQ(get(in, I(5), I(0)), "TypeError: 'int' object is not subscriptable");
}

TEST(SubscriptTest, ListSliceAssignmentAndDeletion) {
    TestInterp in;
    Value l = L({I(1), I(2), I(3), I(4)});
    ASSERT_TRUE(setitem(in, l, sl(I(1), I(3)), Value::range(0, 5, 1)).ok());
    EXPECT_EQ(R(l), "[1, 0, 1, 2, 3, 4, 4]");
    Value m = L({I(1), I(2), I(3), I(4)});
    ASSERT_TRUE(setitem(in, m, sl(Value(), Value(), I(-1)), L({I(9), I(8), I(7), I(6)})).ok());
    EXPECT_EQ(R(m), "[6, 7, 8, 9]");
    auto bad = setitem(in, m, sl(Value(), Value(), I(2)), L({I(1)}));
    EXPECT_EQ(bad.error().message,
              "attempt to assign sequence of size 1 to extended slice of size 2");
    EXPECT_EQ(setitem(in, m, sl(I(0), I(1)), I(5)).error().message, "can only assign an iterable");
    Value n = L({I(1), I(2), I(3), I(4), I(5)});
    ASSERT_TRUE(delitem(in, n, sl(Value(), Value(), I(2))).ok());
    EXPECT_EQ(R(n), "[2, 4]");
    EXPECT_EQ(delitem(in, n, I(5)).error().message, "list assignment index out of range");
    EXPECT_EQ(setitem(in, T({}), I(0), I(1)).error().message,
              "'tuple' object does not support item assignment");
    EXPECT_EQ(delitem(in, S("a"), I(0)).error().message,
              "'str' object doesn't support item deletion");
    Value d = D({});
    EXPECT_EQ(delitem(in, d, I(1)).error().message, "1");
}

TEST(CompareTest, OrderingAndEquality) {
    EXPECT_EQ(cmp(CmpOp::Eq, I(1), F(1.0)), "True");
    EXPECT_EQ(cmp(CmpOp::Eq, Value::boolean(true), I(1)), "True");
    EXPECT_EQ(cmp(CmpOp::Lt, L({I(1), I(2)}), L({I(1), I(3)})), "True");
    EXPECT_EQ(cmp(CmpOp::Lt, T({I(1)}), T({I(1), I(0)})), "True");
    EXPECT_EQ(cmp(CmpOp::Lt, S("a"), I(1)),
              "TypeError: '<' not supported between instances of 'str' and 'int'");
    EXPECT_EQ(cmp(CmpOp::Lt, L({I(1)}), T({I(1)})),
              "TypeError: '<' not supported between instances of 'list' and 'tuple'");
    EXPECT_EQ(cmp(CmpOp::Ge, L({I(1), S("a")}), L({I(1), I(2)})),
              "TypeError: '>=' not supported between instances of 'str' and 'int'");
    EXPECT_EQ(cmp(CmpOp::Eq, L({F(NAN)}), L({F(NAN)})), "False");
    EXPECT_EQ(cmp(CmpOp::Eq, Value::range(0, 0, 1), Value::range(2, 2, 1)), "True");
    EXPECT_EQ(cmp(CmpOp::Eq, D({{I(1), S("a")}}), D({{F(1.0), S("a")}})), "True");
    EXPECT_EQ(cmp(CmpOp::Ne, S("a"), I(1)), "True");
    EXPECT_EQ(cmp(CmpOp::Lt, S("B"), S("a")), "True");
}

TEST(CompareTest, BytesAndByteArrayCompareByContent) {
    TestInterp in;
    EXPECT_EQ(cmp(CmpOp::Eq, B(in, "ab"), BA(in, "ab")), "True");
    EXPECT_EQ(cmp(CmpOp::Lt, B(in, "ab"), B(in, "b")), "True");
    EXPECT_EQ(cmp(CmpOp::Eq, B(in, "ab"), S("ab")), "False");
}

TEST(ContainsTest, MembershipLikePython) {
    TestInterp in;
    EXPECT_TRUE(*contains(in, S("hello"), S("ell")));
    EXPECT_EQ(contains(in, S("hello"), I(1)).error().message,
              "'in <string>' requires string as left operand, not int");
    EXPECT_TRUE(*contains(in, L({I(1), F(2.0)}), I(2)));
    EXPECT_TRUE(*contains(in, Value::range(0, 10, 3), I(9)));
    EXPECT_FALSE(*contains(in, Value::range(0, 10, 3), I(8)));
    EXPECT_TRUE(*contains(in, B(in, "abc"), I(98)));
    EXPECT_TRUE(*contains(in, B(in, "abc"), B(in, "bc")));
    EXPECT_EQ(contains(in, B(in, "abc"), I(300)).error().message, "byte must be in range(0, 256)");
    EXPECT_EQ(contains(in, B(in, "abc"), S("a")).error().message,
              "a bytes-like object is required, not 'str'");
    EXPECT_EQ(contains(in, I(5), I(1)).error().message, "argument of type 'int' is not iterable");
    EXPECT_TRUE(*contains(in, D({{S("k"), I(1)}}), S("k")));
}

TEST(AttributeTest, MethodsBindAndMissingAttributesRaise) {
    TestInterp in;
    EXPECT_EQ(R(getattr(in, S("a"), "foo")), "AttributeError: 'str' object has no attribute 'foo'");
    EXPECT_EQ(R(getattr(in, Value(), "x")),
              "AttributeError: 'NoneType' object has no attribute 'x'");
    auto t = type_value(TypeId::Int);
    EXPECT_EQ(R(getattr(in, t, "__name__")), "'int'");
    EXPECT_EQ(
        R(getattr(in, Value::type(type_of(Value::exception(ExcType::StructError))), "__name__")),
        "'error'");
    auto m = getattr(in, L({}), "append");
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(R(call(in, *m, std::vector<Value>{})),
              "TypeError: list.append() takes exactly one argument (0 given)");
    // unbound method through the type: str.upper("ab")
    auto up = getattr(in, type_value(TypeId::Str), "upper");
    ASSERT_TRUE(up.ok());
    EXPECT_EQ(R(call(in, *up, std::vector<Value>{S("ab")})), "'AB'");
    EXPECT_EQ(R(call(in, *getattr(in, type_value(TypeId::Int), "from_bytes"),
                     std::vector<Value>{B(in, "\x01\x00"), S("little")})),
              "1");
    EXPECT_EQ(R(call(in, *getattr(in, type_value(TypeId::Bytes), "fromhex"),
                     std::vector<Value>{S("de ad")})),
              "b'\\xde\\xad'");
}

TEST(IterationTest, IteratorsAndDictMutation) {
    TestInterp in;
    Value d = D({{I(1), I(2)}});
    auto it = get_iter(in, d);
    ASSERT_TRUE(it.ok());
    ASSERT_TRUE(setitem(in, d, I(3), I(4)).ok());
    auto x = iter_next(in, *it);
    EXPECT_EQ(x.error().message, "dictionary changed size during iteration");
    EXPECT_EQ(R(get_iter(in, I(5))), "TypeError: 'int' object is not iterable");
    // list iteration sees appends, as CPython's list_iterator does
    Value l = L({I(1)});
    auto li = *get_iter(in, l);
    EXPECT_EQ(R(Value((**iter_next(in, li)))), "1");
    l.obj<ListObject>().items.push_back(I(2));
    EXPECT_EQ(R(Value((**iter_next(in, li)))), "2");
    EXPECT_FALSE(iter_next(in, li)->has_value());
    EXPECT_EQ(type_name(li), "list_iterator");
}

TEST(ExceptionTest, StrReprAndMatching) {
    Value e = Value::exception(ExcType::KeyError, {S("k")});
    EXPECT_EQ(*to_str(e), "'k'");
    EXPECT_EQ(*repr(e), "KeyError('k')");
    Value v = Value::exception(ExcType::ValueError, {S("bad"), I(1)});
    EXPECT_EQ(*to_str(v), "('bad', 1)");
    EXPECT_EQ(*repr(Value::exception(ExcType::ValueError)), "ValueError()");
    EXPECT_EQ(*to_str(Value::exception(ExcType::ValueError)), "");
    Value caught = exception_from_error(raise(ExcType::KeyError, "'k'"));
    EXPECT_EQ(*to_str(caught), "'k'");
    EXPECT_TRUE(*exception_matches(ExcType::IndexError, T({exc_type_value(ExcType::ValueError),
                                                           exc_type_value(ExcType::LookupError)})));
    EXPECT_FALSE(
        *exception_matches(ExcType::KeyboardInterrupt, exc_type_value(ExcType::Exception)));
    EXPECT_EQ(exception_matches(ExcType::IndexError, I(1)).error().message,
              "catching classes that do not inherit from BaseException is not allowed");
    Error err = error_from_raise(v);
    EXPECT_EQ(err.type, ExcType::ValueError);
    EXPECT_EQ(err.message, "('bad', 1)");
    EXPECT_EQ(error_from_raise(I(1)).message, "exceptions must derive from BaseException");
    EXPECT_EQ(type_name(Value::exception(ExcType::StructError)), "struct.error");
}

// CPython frees a temporary memoryview at once, so the export is gone by the
// next line: x = memoryview(ba)[0]; ba.append(1) works.
TEST(LifetimeTest, TemporaryMemoryViewReleasesItsExport) {
    TestInterp in;
    Value ba = BA(in, "abc");
    auto mvtype = type_value(TypeId::MemoryView);
    {
        auto x = getitem(in, *call(in, mvtype, std::vector<Value>{ba}), I(0));
        EXPECT_EQ(R(x), "97");
    }
    EXPECT_EQ(call_method(in, ba, "append", {I(100)}), "None");
    Value mv = *call(in, mvtype, std::vector<Value>{ba});
    EXPECT_EQ(call_method(in, ba, "append", {I(101)}),
              "BufferError: Existing exports of data: object cannot be re-sized");
    mv = Value();  // last reference gone: export released
    EXPECT_EQ(call_method(in, ba, "append", {I(101)}), "None");
    EXPECT_EQ(R(ba), "bytearray(b'abcde')");
}

TEST(ModulesTest, StructAndArrayRoundTrip) {
    TestInterp in;
    Value st = *import_module(in, "struct");
    auto pack = *getattr(in, st, "pack");
    EXPECT_EQ(R(call(in, pack, std::vector<Value>{S("<hI"), I(-1), I(7)})),
              "b'\\xff\\xff\\x07\\x00\\x00\\x00'");
    auto unpack = *getattr(in, st, "unpack");
    EXPECT_EQ(R(call(in, unpack, std::vector<Value>{S("<h"), B(in, "\x01\x02")})), "(513,)");
    EXPECT_EQ(R(call(in, unpack, std::vector<Value>{S("<h"), B(in, "\x01")})),
              "struct.error: unpack requires a buffer of 2 bytes");
    EXPECT_EQ(R(call(in, *getattr(in, st, "calcsize"), std::vector<Value>{S("@bi")})), "8");
    Value arr = *import_module(in, "array");
    Value a = *call(in, *getattr(in, arr, "array"), std::vector<Value>{S("i"), L({I(1), I(2)})});
    EXPECT_EQ(R(a), "array('i', [1, 2])");
    EXPECT_EQ(R(getattr(in, a, "itemsize")), "4");
    EXPECT_EQ(R(call(in, *getattr(in, arr, "array"), std::vector<Value>{S("b"), S("x")})),
              "TypeError: cannot use a str to initialize an array with typecode 'b'");
    EXPECT_EQ(R(import_module(in, "socket")),
              "NotImplementedError: module 'socket' is not available in the playground");
    Value sys = *import_module(in, "sys");
    EXPECT_EQ(R(getattr(in, sys, "byteorder")), "'little'");
}

TEST(ModulesTest, UrandomIsDeterministicPerState) {
    TestInterp a, b;
    Value os_a = *import_module(a, "os"), os_b = *import_module(b, "os");
    auto x = R(call(a, *getattr(a, os_a, "urandom"), std::vector<Value>{I(8)}));
    auto y = R(call(b, *getattr(b, os_b, "urandom"), std::vector<Value>{I(8)}));
    EXPECT_EQ(x, y);
    EXPECT_NE(x, R(call(a, *getattr(a, os_a, "urandom"), std::vector<Value>{I(8)})));
}

TEST(ModulesTest, MmapOverTemporaryFile) {
    TestInterp in;
    Value tf = *import_module(in, "tempfile");
    Value f = *call(in, *getattr(in, tf, "TemporaryFile"), std::vector<Value>{});
    EXPECT_EQ(call_method(in, f, "write", {B(in, "hello")}), "5");
    EXPECT_EQ(call_method(in, f, "flush", {}), "None");
    Value mm = *import_module(in, "mmap");
    auto fileno = *call(in, *getattr(in, f, "fileno"), std::vector<Value>{});
    Value m = *call(in, *getattr(in, mm, "mmap"), std::vector<Value>{fileno, I(0)});
    EXPECT_EQ(R(getitem(in, m, sl(Value(), Value()))), "b'hello'");
    ASSERT_TRUE(setitem(in, m, I(0), I(74)).ok());
    EXPECT_EQ(call_method(in, f, "seek", {I(0)}), "0");
    EXPECT_EQ(call_method(in, f, "read", {}), "b'Jello'");
    EXPECT_EQ(R(call(in, *getattr(in, mm, "mmap"), std::vector<Value>{I(99), I(1)})),
              "OSError: [Errno 9] Bad file descriptor");
}

}  // namespace
}  // namespace engine::py

namespace engine::py {
namespace {
using namespace engine::py::testing;

// a = [a] nested far past the recursion limit: repr and == raise
// RecursionError as CPython does, and destroying the chain does not recurse.
TEST(NestingTest, DeepNestingRaisesAndDestroysSafely) {
    Value a = L({});
    Value b = L({});
    for (int i = 0; i < 200000; ++i) {
        a = L({a});
        b = L({b});
    }
    EXPECT_EQ(R(Value::str(*to_str(Value::str("x")))), "'x'");
    auto r = repr(a);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().type, ExcType::RecursionError);
    EXPECT_EQ(r.error().message,
              "maximum recursion depth exceeded while getting the repr of an object");
    auto e = eq(a, b);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().message, "maximum recursion depth exceeded in comparison");
    Value c = L({I(1)}), d = L({I(2)});
    for (int i = 0; i < 5000; ++i) {
        c = L({c});
        d = L({d});
    }
    EXPECT_EQ(compare(CmpOp::Lt, c, d).error().message,
              "maximum recursion depth exceeded in comparison");
    Value t = T({});
    for (int i = 0; i < 200000; ++i) t = T({t});
    EXPECT_EQ(hash_value(t).error().type, ExcType::RecursionError);
    a = Value();  // destroys 200001 nested lists
    b = Value();
    t = Value();
    SUCCEED();
}

}  // namespace
}  // namespace engine::py
