// MemoryView against CPython 3.11: attributes, indexing, slicing, assignment,
// cast, tobytes/tolist/hex, comparison, hash, iteration and -- above all --
// when the exporter's lock lifts (release orders, destruction, with-blocks).
#include "engine/buffer/memory_view.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/buffer/array_object.hpp"
#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/struct_codec.hpp"
#include "read_log.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

Item I(int64_t v) { return Item::integer(v); }
Item N() { return Item::none(); }
Subscript Ix(int64_t i) { return Subscript::of_int(i); }
Subscript Sl(Item a, Item b, Item c = Item::none()) { return Subscript::of_slice({a, b, c}); }

ViewPtr view_of(const Result<ItemOrView>& r) { return std::get<ViewPtr>(*r); }
std::string item_repr(const Result<ItemOrView>& r) {
    if (!r) return "ERR " + r.error().message;
    return std::get<Item>(*r).repr();
}
std::string list_repr(const ViewPtr& mv) { return mv->tolist()->repr(); }
const std::string kResize = "Existing exports of data: object cannot be re-sized";
const std::string kReleased = "operation forbidden on released memoryview object";

struct Fixture : ::testing::Test {
    BufferContext ctx;
    std::shared_ptr<ByteArrayObject> ba(std::string_view s) { return *ByteArrayObject::create(ctx, s); }
    std::shared_ptr<BytesObject> by(std::string_view s) { return *BytesObject::create(ctx, s); }
};

using MemoryViewTest = Fixture;
using MemoryViewLockTest = Fixture;

// ---- attributes ----------------------------------------------------------------

TEST_F(MemoryViewTest, AttributesOfByteArrayView) {
    auto b = ba("abcdef");
    auto mv = *MemoryView::from_object(b);
    EXPECT_EQ(*mv->format(), "B");
    EXPECT_EQ(*mv->itemsize(), 1);
    EXPECT_EQ(*mv->ndim(), 1);
    EXPECT_EQ(*mv->shape(), std::vector<int64_t>{6});
    EXPECT_EQ(*mv->strides(), std::vector<int64_t>{1});
    EXPECT_TRUE(mv->suboffsets()->empty());
    EXPECT_FALSE(*mv->readonly());
    EXPECT_EQ(*mv->nbytes(), 6);
    EXPECT_EQ(*mv->len(), 6);
    EXPECT_EQ(mv->obj()->get(), b.get());
    EXPECT_TRUE(*mv->c_contiguous() && *mv->f_contiguous() && *mv->contiguous());
    EXPECT_TRUE(*MemoryView::from_object(by("x")).value()->readonly());
}

TEST_F(MemoryViewTest, ArrayViewHasTypecodeFormat) {
    auto a = *ArrayObject::create(ctx, 'd', {Item::floating(1.5)});
    auto mv = *MemoryView::from_object(a);
    EXPECT_EQ(*mv->format(), "d");
    EXPECT_EQ(*mv->itemsize(), 8);
    EXPECT_EQ(list_repr(mv), "[1.5]");
}

TEST_F(MemoryViewTest, EverythingFailsAfterRelease) {
    auto mv = *MemoryView::from_object(ba("ab"));
    ASSERT_OK(mv->release());
    EXPECT_RAISES(mv->format(), ValueError, kReleased);
    EXPECT_RAISES(mv->nbytes(), ValueError, kReleased);
    EXPECT_RAISES(mv->obj(), ValueError, kReleased);
    EXPECT_RAISES(mv->shape(), ValueError, kReleased);
    EXPECT_RAISES(mv->len(), ValueError, kReleased);
    EXPECT_RAISES(mv->get(Ix(0)), ValueError, kReleased);
    EXPECT_RAISES(mv->set(Ix(0), AssignValue::of(I(1))), ValueError, kReleased);
    EXPECT_RAISES(mv->cast("B"), ValueError, kReleased);
    EXPECT_RAISES(mv->tobytes(), ValueError, kReleased);
    EXPECT_RAISES(mv->tolist(), ValueError, kReleased);
    EXPECT_RAISES(mv->hex(), ValueError, kReleased);
    EXPECT_RAISES(mv->toreadonly(), ValueError, kReleased);
    EXPECT_RAISES(mv->enter(), ValueError, kReleased);
    EXPECT_RAISES(mv->iter(), ValueError, kReleased);
    EXPECT_RAISES(MemoryView::from_object(mv), ValueError, kReleased);
    EXPECT_RAISES(mv->get_buffer(kBufSimple), ValueError, kReleased);
    EXPECT_OK(mv->release());  // releasing twice is fine
    EXPECT_EQ(mv->repr().rfind("<released memory at 0x", 0), 0u);
}

TEST_F(MemoryViewTest, ZeroDimLenIsOneIn311) {
    auto mv = *MemoryView::from_object(by("a"));
    auto z = *mv->cast("B", CastShape{"tuple", {}});
    EXPECT_EQ(*z->ndim(), 0);
    EXPECT_EQ(*z->len(), 1);
    EXPECT_TRUE(z->shape()->empty());
    EXPECT_EQ(item_repr(z->get(Subscript::tuple({}))), "97");
    EXPECT_EQ(view_of(z->get(Subscript::ellipsis())).get(), z.get());
    EXPECT_RAISES(z->get(Ix(0)), TypeError, "invalid indexing of 0-dim memory");
    EXPECT_EQ(z->tolist()->repr(), "97");
    EXPECT_EQ((*z->tobytes())->view(), "a");
    EXPECT_RAISES(z->iter(), TypeError, "invalid indexing of 0-dim memory");
    EXPECT_EQ(*z->cast("B").value()->shape(), std::vector<int64_t>{1});
}

// ---- indexing and slicing --------------------------------------------------------

TEST_F(MemoryViewTest, IndexingIncludingNegative) {
    auto mv = *MemoryView::from_object(by("abcd"));
    EXPECT_EQ(item_repr(mv->get(Ix(0))), "97");
    EXPECT_EQ(item_repr(mv->get(Ix(-1))), "100");
    EXPECT_RAISES(mv->get(Ix(4)), IndexError, "index out of bounds on dimension 1");
    EXPECT_RAISES(mv->get(Ix(-5)), IndexError, "index out of bounds on dimension 1");
    EXPECT_RAISES(mv->get(Subscript::of_index(Item::big_int(false, 1e21))), IndexError,
                  "cannot fit 'int' into an index-sized integer");
    EXPECT_EQ(item_repr(mv->get(Subscript::of_index(Item::boolean(true)))), "98");
    EXPECT_EQ(item_repr(mv->get(Subscript::tuple({Ix(1)}))), "98");
    EXPECT_RAISES(mv->get(Subscript::ellipsis()), TypeError, "memoryview: invalid slice key");
    EXPECT_RAISES(mv->get(Subscript::tuple({})), NotImplementedError, "sub-views are not implemented");
    EXPECT_RAISES(mv->get(Subscript::other("float")), TypeError, "memoryview: invalid slice key");
    EXPECT_RAISES(mv->get(Subscript::of_index(Item::floating(1.0))), TypeError, "memoryview: invalid slice key");
    EXPECT_RAISES(mv->get(Subscript::tuple({Sl(I(0), I(1)), Sl(I(0), I(1))})), NotImplementedError,
                  "multi-dimensional slicing is not implemented");
    EXPECT_RAISES(mv->get(Subscript::tuple({Ix(0), Sl(I(0), I(1))})), TypeError, "memoryview: invalid slice key");
}

TEST_F(MemoryViewTest, MultiDimIndexing) {
    auto mv = *MemoryView::from_object(ba("abcdef"));
    auto m2 = *mv->cast("B", CastShape{"tuple", {I(2), I(3)}});
    EXPECT_EQ(*m2->strides(), (std::vector<int64_t>{3, 1}));
    EXPECT_RAISES(m2->get(Ix(1)), NotImplementedError, "multi-dimensional sub-views are not implemented");
    EXPECT_EQ(item_repr(m2->get(Subscript::tuple({Ix(1), Ix(2)}))), "102");
    EXPECT_RAISES(m2->get(Subscript::tuple({Ix(1), Ix(2), Ix(3)})), TypeError,
                  "cannot index 2-dimension view with 3-element tuple");
    EXPECT_RAISES(m2->get(Subscript::tuple({Ix(5), Ix(0)})), IndexError, "index out of bounds on dimension 1");
    EXPECT_RAISES(m2->get(Subscript::tuple({Ix(0), Ix(-4)})), IndexError, "index out of bounds on dimension 2");
    EXPECT_EQ(list_repr(m2), "[[97, 98, 99], [100, 101, 102]]");
    EXPECT_RAISES(m2->set(Ix(1), AssignValue::of(I(5))), NotImplementedError, "sub-views are not implemented");
    EXPECT_OK(m2->set(Subscript::tuple({Ix(1), Ix(2)}), AssignValue::of(I(7))));
    EXPECT_EQ(list_repr(m2), "[[97, 98, 99], [100, 101, 7]]");
    EXPECT_RAISES(m2->set(Subscript::tuple({Ix(1)}), AssignValue::of(I(7))), NotImplementedError,
                  "sub-views are not implemented");
    EXPECT_RAISES(m2->set(Sl(I(0), I(1)), AssignValue::of(Item::bytes("abc"))), NotImplementedError,
                  "memoryview slice assignments are currently restricted to ndim = 1");
    EXPECT_RAISES(m2->set(Subscript::ellipsis(), AssignValue::of(I(1))), TypeError, "memoryview: invalid slice key");
    EXPECT_RAISES(m2->iter(), NotImplementedError, "multi-dimensional sub-views are not implemented");
    EXPECT_RAISES(m2->contains(I(97)), NotImplementedError, "multi-dimensional sub-views are not implemented");
}

TEST_F(MemoryViewTest, SlicesWithAnyStep) {
    std::string data;
    for (int i = 0; i < 12; ++i) data += static_cast<char>(i);
    auto mv = *MemoryView::from_object(ba(data));
    auto y = view_of(mv->get(Sl(N(), N(), I(-3))));
    EXPECT_EQ(list_repr(y), "[11, 8, 5, 2]");
    EXPECT_EQ(*y->strides(), std::vector<int64_t>{-3});
    EXPECT_FALSE(*y->c_contiguous());
    EXPECT_FALSE(*y->contiguous());
    EXPECT_EQ(*y->nbytes(), 4);
    EXPECT_EQ(*y->hex(), "0b080502");
    EXPECT_EQ(*y->hex(":"), "0b:08:05:02");
    EXPECT_EQ(*y->hex("-", -3), "0b0805-02");
    EXPECT_EQ(*y->hex(":", 3), "0b:080502");
    EXPECT_EQ(*y->hex(":", 0), "0b080502");
    // Slices of slices.
    auto z = view_of(y->get(Sl(I(1), N())));
    EXPECT_EQ(list_repr(z), "[8, 5, 2]");
    auto w = view_of(z->get(Sl(N(), N(), I(-1))));
    EXPECT_EQ(list_repr(w), "[2, 5, 8]");
    EXPECT_EQ(*w->strides(), std::vector<int64_t>{3});
    auto empty = view_of(mv->get(Sl(I(5), I(2))));
    EXPECT_EQ(*empty->len(), 0);
    EXPECT_TRUE(*empty->c_contiguous());
    EXPECT_RAISES(mv->get(Sl(N(), N(), I(0))), ValueError, "slice step cannot be zero");
    EXPECT_RAISES(mv->get(Subscript::of_slice({Item::other("str"), N(), N()})), TypeError,
                  "slice indices must be integers or None or have an __index__ method");
    auto huge = view_of(mv->get(Sl(Item::big_int(true, -1e30), Item::big_int(false, 1e30))));
    EXPECT_EQ(*huge->len(), 12);
}

TEST_F(MemoryViewTest, HugeStepsWrapLikeCPython) {
    auto m = *MemoryView::from_object(by("abcdef"));
    auto a = view_of(m->get(Sl(N(), N(), I(int64_t{1} << 62))));
    EXPECT_EQ(*a->strides(), std::vector<int64_t>{int64_t{1} << 62});
    auto b = view_of(a->get(Sl(N(), N(), I(4))));
    EXPECT_EQ(*b->strides(), std::vector<int64_t>{0});
    EXPECT_EQ(list_repr(b), "[97]");
    EXPECT_EQ(*b->tobytes_string(), "a");
    auto c = view_of(view_of(m->get(Sl(I(1), N(), I(int64_t{1} << 62))))->get(Sl(N(), N(), Item::big_int(true, -9.3e18))));
    EXPECT_EQ(*c->strides(), std::vector<int64_t>{int64_t{1} << 62});
    EXPECT_EQ(list_repr(c), "[98]");
}

TEST_F(MemoryViewTest, HexSeparators) {
    std::string data;
    for (int i = 0; i < 12; ++i) data += static_cast<char>(i);
    auto mv = *MemoryView::from_object(ba(data));
    EXPECT_EQ(*mv->hex(" ", 4), "00010203 04050607 08090a0b");
    EXPECT_EQ(*mv->hex(" ", -5), "0001020304 0506070809 0a0b");
    EXPECT_EQ(*mv->hex(" ", 12), "000102030405060708090a0b");
    EXPECT_EQ(*mv->hex(" ", 11), "00 0102030405060708090a0b");
    EXPECT_RAISES(mv->hex("ab"), ValueError, "sep must be length 1.");
    EXPECT_RAISES(mv->hex("\xc3\xa9"), ValueError, "sep must be ASCII.");
    EXPECT_RAISES(mv->hex("\xff"), ValueError, "sep must be ASCII.");
}

// ---- assignment -----------------------------------------------------------------

TEST_F(MemoryViewTest, SliceAssignmentWithOverlap) {
    auto b = ba("abcdefgh");
    auto mv = *MemoryView::from_object(b);
    auto src = view_of(mv->get(Sl(N(), I(-1))));
    ASSERT_OK(mv->set(Sl(I(1), N()), AssignValue::of_buffer(src)));
    EXPECT_EQ(b->view(), "aabcdefg");
    EXPECT_EQ(src->exports(), 0);  // the source export was temporary
    ASSERT_OK(b->assign("abcdefgh"));
    ASSERT_OK(mv->set(Sl(N(), N(), I(-1)), AssignValue::of_buffer(mv)));
    EXPECT_EQ(b->view(), "hgfedcba");
    ASSERT_OK(b->assign("abcdefgh"));
    ASSERT_OK(mv->set(Sl(N(), N(), I(2)), AssignValue::of_buffer(view_of(mv->get(Sl(I(1), N(), I(2)))))));
    EXPECT_EQ(b->view(), "bbddffhh");
    ASSERT_OK(b->assign("abcdefgh"));
    ASSERT_OK(mv->set(Sl(I(2), I(6)), AssignValue::of_buffer(by("WXYZ"))));
    EXPECT_EQ(b->view(), "abWXYZgh");
    ASSERT_OK(mv->set(Sl(N(), N(), I(3)), AssignValue::of(Item::bytes("123"))));
    EXPECT_EQ(b->view(), "1bW2YZ3h");
    ASSERT_OK(mv->set(Sl(I(5), I(1), I(-2)), AssignValue::of(Item::bytes("!?"))));
    EXPECT_EQ(b->view(), "1bW?Y!3h");
    ASSERT_OK(mv->set(Sl(I(0), I(2)), AssignValue::of_buffer(*ArrayObject::create(ctx, 'B', {I(1), I(2)}))));
    EXPECT_EQ(b->view(), "\x01\x02W?Y!3h");
}

TEST_F(MemoryViewTest, SliceAssignmentErrors) {
    auto b = ba("abcdefgh");
    auto mv = *MemoryView::from_object(b);
    const std::string structure = "memoryview assignment: lvalue and rvalue have different structures";
    EXPECT_RAISES(mv->set(Sl(I(0), I(2)), AssignValue::of(Item::bytes("abc"))), ValueError, structure);
    EXPECT_RAISES(mv->set(Sl(I(0), I(2)), AssignValue::of(I(5))), TypeError, "a bytes-like object is required, not 'int'");
    auto c = *MemoryView::from_object(by("ab")).value()->cast("c");
    EXPECT_RAISES(mv->set(Sl(I(0), I(2)), AssignValue::of_buffer(c)), ValueError, structure);
    auto bs = *ArrayObject::create(ctx, 'b', {I(1), I(2)});
    EXPECT_RAISES(mv->set(Sl(I(0), I(2)), AssignValue::of_buffer(bs)), ValueError, structure);
    EXPECT_EQ(bs->exports(), 0);
    auto ro = *MemoryView::from_object(by("ab"));
    EXPECT_RAISES(ro->set(Ix(0), AssignValue::of(I(1))), TypeError, "cannot modify read-only memory");
    EXPECT_RAISES(ro->del(Ix(0)), TypeError, "cannot modify read-only memory");
    EXPECT_RAISES(mv->del(Ix(0)), TypeError, "cannot delete memory");
    EXPECT_RAISES(mv->set(Ix(8), AssignValue::of(I(1))), IndexError, "index out of bounds on dimension 1");
    EXPECT_RAISES(mv->set(Ix(-9), AssignValue::of(I(1))), IndexError, "index out of bounds on dimension 1");
    EXPECT_EQ(b->view(), "abcdefgh");
}

TEST_F(MemoryViewTest, ItemAssignmentChecksPerFormat) {
    auto mm = *MemoryView::from_object(ba(std::string(16, '\0')));
    struct Case {
        const char* fmt;
        Item value;
        ExcType type;
        const char* message;
    };
    const std::vector<Case> cases = {
        {"B", I(256), ExcType::ValueError, "memoryview: invalid value for format 'B'"},
        {"B", I(-1), ExcType::ValueError, "memoryview: invalid value for format 'B'"},
        {"B", Item::other("str"), ExcType::TypeError, "memoryview: invalid type for format 'B'"},
        {"B", Item::floating(1.0), ExcType::TypeError, "memoryview: invalid type for format 'B'"},
        {"B", Item::big_int(false, 1e21), ExcType::ValueError, "memoryview: invalid value for format 'B'"},
        {"h", I(40000), ExcType::ValueError, "memoryview: invalid value for format 'h'"},
        {"H", I(-1), ExcType::ValueError, "memoryview: invalid value for format 'H'"},
        {"i", I(int64_t{1} << 31), ExcType::ValueError, "memoryview: invalid value for format 'i'"},
        {"I", I(int64_t{1} << 32), ExcType::ValueError, "memoryview: invalid value for format 'I'"},
        {"l", Item::uinteger(uint64_t{1} << 63), ExcType::ValueError, "memoryview: invalid value for format 'l'"},
        {"L", I(-1), ExcType::ValueError, "memoryview: invalid value for format 'L'"},
        {"q", Item::floating(1.5), ExcType::TypeError, "memoryview: invalid type for format 'q'"},
        {"Q", Item::big_int(false, 1.8446744073709552e19), ExcType::ValueError, "memoryview: invalid value for format 'Q'"},
        {"d", Item::other("str"), ExcType::TypeError, "memoryview: invalid type for format 'd'"},
        {"d", Item::big_int(false, INFINITY), ExcType::ValueError, "memoryview: invalid value for format 'd'"},
        {"f", Item::big_int(false, INFINITY), ExcType::ValueError, "memoryview: invalid value for format 'f'"},
        {"c", Item::bytes("ab"), ExcType::ValueError, "memoryview: invalid value for format 'c'"},
        {"c", Item::other("str"), ExcType::TypeError, "memoryview: invalid type for format 'c'"},
        {"c", Item::bytearray("a"), ExcType::TypeError, "memoryview: invalid type for format 'c'"},
        {"P", Item::big_int(false, 1.8446744073709552e19), ExcType::ValueError, "memoryview: invalid value for format 'P'"},
        {"P", Item::floating(1.0), ExcType::TypeError, "memoryview: invalid type for format 'P'"},
        {"n", Item::uinteger(uint64_t{1} << 63), ExcType::ValueError, "memoryview: invalid value for format 'n'"},
        {"N", I(-1), ExcType::ValueError, "memoryview: invalid value for format 'N'"},
        {"i", Item::none(), ExcType::TypeError, "memoryview: invalid type for format 'i'"},
    };
    for (const Case& c : cases) {
        auto x = *mm->cast(c.fmt);
        auto r = x->set(Ix(0), AssignValue::of(c.value));
        ASSERT_FALSE(r.ok()) << c.fmt << " " << c.value.repr();
        EXPECT_EQ(r.error().type, c.type) << c.fmt;
        EXPECT_EQ(r.error().message, c.message);
    }
    auto f = *mm->cast("f");
    ASSERT_OK(f->set(Ix(0), AssignValue::of(Item::floating(1e300))));
    EXPECT_EQ(item_repr(f->get(Ix(0))), "inf");
    auto p = *mm->cast("P");
    ASSERT_OK(p->set(Ix(0), AssignValue::of(I(-1))));
    EXPECT_EQ(item_repr(p->get(Ix(0))), "18446744073709551615");
    auto q = *mm->cast("?");
    ASSERT_OK(q->set(Ix(0), AssignValue::of(Item::other("list", false))));
    EXPECT_EQ(item_repr(q->get(Ix(0))), "False");
    auto b = *mm->cast("b");
    ASSERT_OK(b->set(Ix(0), AssignValue::of(Item::boolean(true))));
    EXPECT_EQ(item_repr(b->get(Ix(0))), "1");
}

// ---- cast -------------------------------------------------------------------------

TEST_F(MemoryViewTest, CastErrors) {
    std::string data;
    for (int i = 0; i < 12; ++i) data += static_cast<char>(i);
    auto m = *MemoryView::from_object(ba(data));
    EXPECT_RAISES(m->cast("I", CastShape{"tuple", {I(2), I(2)}}), TypeError,
                  "memoryview: product(shape) * itemsize != buffer size");
    EXPECT_OK(m->cast("i", CastShape{"list", {I(3)}}));
    EXPECT_RAISES(m->cast("I").value()->cast("h"), TypeError, "memoryview: cannot cast between two non-byte formats");
    const std::string dest = "memoryview: destination format must be a native single character format prefixed with an optional '@'";
    EXPECT_RAISES(m->cast("x"), ValueError, dest);
    EXPECT_RAISES(m->cast("bb"), ValueError, dest);
    EXPECT_RAISES(m->cast("e"), ValueError, dest);  // 3.12+ only
    EXPECT_EQ(*m->cast("@I").value()->format(), "@I");
    EXPECT_RAISES(view_of(m->get(Sl(N(), N(), I(2))))->cast("B"), TypeError,
                  "memoryview: casts are restricted to C-contiguous views");
    EXPECT_RAISES(m->cast("I", CastShape{"tuple", {I(2), I(0)}}), ValueError,
                  "memoryview.cast(): elements of shape must be integers > 0");
    EXPECT_RAISES(m->cast("B", CastShape{"tuple", {I(2), Item::other("str")}}), TypeError,
                  "memoryview.cast(): elements of shape must be integers");
    EXPECT_RAISES(m->cast("B", CastShape{"tuple", {I(2), I(-6)}}), ValueError,
                  "memoryview.cast(): elements of shape must be integers > 0");
    EXPECT_RAISES(m->cast("B", CastShape{"int", {}}), TypeError, "shape must be a list or a tuple");
    EXPECT_RAISES(m->cast("B", CastShape{"tuple", std::vector<Item>(65, I(1))}), ValueError,
                  "memoryview: number of dimensions must not exceed 64");
    EXPECT_RAISES(m->cast("B", CastShape{"tuple", {I(3), I(4)}}).value()->cast("B", CastShape{"tuple", {I(4), I(3)}}),
                  TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    EXPECT_RAISES(m->cast("B", CastShape{"tuple", {I(int64_t{1} << 62), I(int64_t{1} << 62)}}), ValueError,
                  "memoryview.cast(): product(shape) > SSIZE_MAX");
    EXPECT_RAISES(m->cast("B", CastShape{"tuple", {Item::big_int(false, 1e21)}}), OverflowError,
                  "Python int too large to convert to C ssize_t");
    auto empty = view_of(m->get(Sl(I(0), I(0))));
    EXPECT_RAISES(empty->cast("B", CastShape{"tuple", {I(0)}}), TypeError,
                  "memoryview: cannot cast view with zeros in shape or strides");
    EXPECT_EQ(*empty->cast("I").value()->shape(), std::vector<int64_t>{0});
    EXPECT_RAISES(m->cast("q"), TypeError, "memoryview: length is not a multiple of itemsize");
    EXPECT_EQ(*m->cast("B", CastShape{"tuple", {I(2), I(6)}}).value()->cast("I").value()->shape(), std::vector<int64_t>{3});
    // 64 dimensions are fine.
    EXPECT_OK(view_of(m->get(Sl(I(0), I(1))))->cast("B", CastShape{"tuple", std::vector<Item>(64, I(1))}));
}

TEST_F(MemoryViewTest, TobytesOrders) {
    std::string data;
    for (int i = 0; i < 12; ++i) data += static_cast<char>(i);
    auto m = *MemoryView::from_object(ba(data));
    auto x = *m->cast("B", CastShape{"tuple", {I(3), I(4)}});
    EXPECT_EQ(*x->tobytes_string("F"), std::string("\x00\x04\x08\x01\x05\x09\x02\x06\x0a\x03\x07\x0b", 12));
    EXPECT_EQ(*x->tobytes_string("A"), data);
    EXPECT_EQ(*x->tobytes_string(), data);
    EXPECT_RAISES(x->tobytes("X"), ValueError, "order must be 'C', 'F' or 'A'");
    EXPECT_TRUE(*x->c_contiguous());
    EXPECT_FALSE(*x->f_contiguous());
    auto y = view_of(m->get(Sl(N(), N(), I(-3))));
    EXPECT_EQ((*y->tobytes())->view(), std::string("\x0b\x08\x05\x02", 4));
    auto w = *m->cast("I");
    EXPECT_EQ(list_repr(w), "[50462976, 117835012, 185207048]");
}

// ---- comparison, hash, iteration ---------------------------------------------------

TEST_F(MemoryViewTest, EqualityUsesStructSemantics) {
    auto ai = *ArrayObject::create(ctx, 'i', {I(1), I(2)});
    auto a = *MemoryView::from_object(ai);
    auto eq = [&](const ViewPtr& v, std::shared_ptr<Exporter> o) {
        auto r = v->equals(o);
        return r.ok() && r->has_value() && **r;
    };
    EXPECT_TRUE(eq(a, *ArrayObject::create(ctx, 'i', {I(1), I(2)})));
    EXPECT_TRUE(eq(a, *ArrayObject::create(ctx, 'l', {I(1), I(2)})));
    EXPECT_TRUE(eq(a, *ArrayObject::create(ctx, 'd', {Item::floating(1.0), Item::floating(2.0)})));
    EXPECT_FALSE(eq(a, by("ab")));
    auto nan = *MemoryView::from_object(*ArrayObject::create(ctx, 'd', {Item::floating(NAN)}));
    EXPECT_FALSE(eq(nan, nan));
    EXPECT_EQ(nan->tolist()->repr(), "[nan]");
    auto ab = *MemoryView::from_object(by("ab"));
    EXPECT_TRUE(eq(ab, by("ab")));
    EXPECT_TRUE(eq(ab, ba("ab")));
    EXPECT_FALSE(eq(*ab->cast("c"), by("ab")));
    EXPECT_FALSE(eq(*MemoryView::from_object(by("\xff")).value()->cast("b"), *MemoryView::from_object(by("\xff"))));
    EXPECT_TRUE(eq(*MemoryView::from_object(by("ab")).value()->cast("c"), *ab->cast("c")));
    // Released views compare by identity only.
    auto r = *MemoryView::from_object(by("ab"));
    ASSERT_OK(r->release());
    EXPECT_TRUE(eq(r, r));
    EXPECT_FALSE(eq(r, by("ab")));
    // A non-buffer gives NotImplemented.
    auto bio_like = *MemoryView::from_object(by("ab"));
    EXPECT_FALSE(bio_like->equals(nullptr)->has_value());
}

// An empty slice whose start lies far outside the block (m[::-1] of an empty view with a
// step near sys.maxsize) keeps an offset inside the block: no pointer past it (UBSan).
TEST_F(MemoryViewTest, EmptySliceKeepsItsOffsetInsideTheBlock) {
    auto mv = *MemoryView::from_object(ba(""));
    auto wide = view_of(mv->get(Sl(I(2147483647), I(-2), I(INT64_MAX))));
    EXPECT_EQ(*wide->len(), 0);
    auto back = view_of(wide->get(Sl(N(), N(), I(-1))));
    EXPECT_EQ(*back->len(), 0);
    EXPECT_EQ(back->view().offset, 0);
    EXPECT_EQ(*back->tobytes_string(), "");
}

TEST_F(MemoryViewTest, HashRules) {
    auto fake_hash = [](std::string_view s) { return static_cast<int64_t>(s.size() * 1000 + (s.empty() ? 0 : s[0])); };
    auto b = *MemoryView::from_object(by("abc"));
    EXPECT_EQ(*b->hash(fake_hash), 3097);
    EXPECT_EQ(*view_of(b->get(Sl(N(), N(), I(2))))->hash(fake_hash), 2097);  // b'ac'
    auto w = *MemoryView::from_object(ba("abc"));
    EXPECT_RAISES(w->hash(fake_hash), ValueError, "cannot hash writable memoryview object");
    EXPECT_RAISES(w->toreadonly().value()->hash(fake_hash), TypeError, "unhashable type: 'bytearray'");
    EXPECT_OK(b->cast("c").value()->hash(fake_hash));
    auto arr = *MemoryView::from_object(*ArrayObject::create(ctx, 'i', {I(1)}));
    EXPECT_RAISES(arr->toreadonly().value()->hash(fake_hash), ValueError,
                  "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    ASSERT_OK(b->release());
    EXPECT_EQ(*b->hash(fake_hash), 3097);  // cached before release, as CPython
    auto r = *MemoryView::from_object(by("x"));
    ASSERT_OK(r->release());
    EXPECT_RAISES(r->hash(fake_hash), ValueError, kReleased);
}

TEST_F(MemoryViewTest, IterationAndContains) {
    auto b = ba("abc");
    auto m = *MemoryView::from_object(b);
    auto it = *m->iter();
    EXPECT_EQ((*it->next())->repr(), "97");
    ASSERT_OK(m->release());
    EXPECT_RAISES(it->next(), ValueError, kReleased);
    auto m2 = *MemoryView::from_object(by("abcd"));
    EXPECT_TRUE(*m2->contains(I(97)));
    EXPECT_FALSE(*m2->contains(Item::other("str")));
    EXPECT_TRUE(*m2->contains(Item::floating(98.0)));
    auto it2 = *m2->iter();
    int n = 0;
    while (*it2->next()) ++n;
    EXPECT_EQ(n, 4);
    EXPECT_FALSE(*it2->next());
}

TEST_F(MemoryViewTest, ToreadonlyIsANewRegisteredView) {
    auto b = ba("ab");
    auto m = *MemoryView::from_object(b);
    auto r = *m->toreadonly();
    EXPECT_NE(r.get(), m.get());
    EXPECT_TRUE(*r->readonly());
    EXPECT_FALSE(*m->readonly());
    EXPECT_RAISES(r->set(Ix(0), AssignValue::of(I(1))), TypeError, "cannot modify read-only memory");
    EXPECT_EQ(m->managed_buffer()->exports(), 2);
}

TEST_F(MemoryViewTest, StridedCopiesMatchNaiveReference) {
    // The fast paths (reversed bytes, step-2 gather, fixed itemsizes) against
    // an element-by-element reference, for many lengths, steps and itemsizes.
    for (int64_t len : {0, 1, 7, 8, 9, 15, 16, 17, 33, 64}) {
        std::string data;
        for (int64_t i = 0; i < len; ++i) data += static_cast<char>(i * 7 + 1);
        for (const char* fmt : {"B", "H", "I", "Q"}) {
            int64_t isz = fmt[0] == 'B' ? 1 : fmt[0] == 'H' ? 2 : fmt[0] == 'I' ? 4 : 8;
            if (len % isz) continue;
            auto src = ba(data);
            auto mv = *MemoryView::from_object(src).value()->cast(fmt);
            int64_t n = len / isz;
            for (int64_t step : {1, 2, 3, -1, -2, -3}) {
                auto sl = view_of(mv->get(Sl(N(), N(), I(step))));
                std::string expect;
                int64_t count = *sl->len();
                for (int64_t k = 0; k < count; ++k) {
                    int64_t idx = step > 0 ? k * step : (n - 1) + k * step;
                    expect += data.substr(static_cast<size_t>(idx * isz), static_cast<size_t>(isz));
                }
                ASSERT_EQ(*sl->tobytes_string(), expect) << fmt << " len " << len << " step " << step;
                // Assign the slice into a fresh buffer with the same step (different block)...
                auto dst = ba(std::string(static_cast<size_t>(len), '\0'));
                auto dv = *MemoryView::from_object(dst).value()->cast(fmt);
                ASSERT_OK(dv->set(Sl(N(), N(), I(step)), AssignValue::of_buffer(sl)));
                ASSERT_EQ(*view_of(dv->get(Sl(N(), N(), I(step))))->tobytes_string(), expect);
                // ...and reversed within the same block (overlap): mv[::-1] = mv[::1] semantics.
                if (step == 1 && n > 0) {
                    auto self = ba(data);
                    auto sv = *MemoryView::from_object(self).value()->cast(fmt);
                    ASSERT_OK(sv->set(Sl(N(), N(), I(-1)), AssignValue::of_buffer(sv)));
                    std::string rev;
                    for (int64_t k = n - 1; k >= 0; --k) rev += data.substr(static_cast<size_t>(k * isz), static_cast<size_t>(isz));
                    ASSERT_EQ(self->view(), rev);
                }
            }
        }
    }
}

// ---- locks -------------------------------------------------------------------------

TEST_F(MemoryViewLockTest, ViewLocksByteArrayUntilReleased) {
    auto b = ba("abcd");
    auto m = *MemoryView::from_object(b);
    EXPECT_EQ(b->exports(), 1);
    EXPECT_RAISES(b->append(I(1)), BufferError, kResize);
    EXPECT_OK(b->iadd(""));
    EXPECT_OK(b->set_slice({I(0), I(2), N()}, "xy"));
    EXPECT_RAISES(b->set_slice({I(0), I(2), N()}, "xyz"), BufferError, kResize);
    ASSERT_OK(m->release());
    EXPECT_EQ(b->exports(), 0);
    EXPECT_OK(b->append(I(1)));
}

TEST_F(MemoryViewLockTest, TemporaryViewIsGoneAtOnce) {
    // ba.append(1) after x = memoryview(ba)[0] works: the view died with the expression.
    auto b = ba("abcd");
    Item x = std::get<Item>(*MemoryView::from_object(b).value()->get(Ix(0)));
    EXPECT_EQ(x.repr(), "97");
    EXPECT_EQ(b->exports(), 0);
    EXPECT_OK(b->append(I(1)));
}

TEST_F(MemoryViewLockTest, SlicesOfSlicesShareOneExport) {
    auto b = ba("abcdefgh");
    auto m = *MemoryView::from_object(b);
    auto s = view_of(m->get(Sl(I(1), N())));
    auto ss = view_of(s->get(Sl(N(), N(), I(2))));
    EXPECT_EQ(b->exports(), 1);  // one managed buffer, one export
    EXPECT_EQ(m->managed_buffer(), ss->managed_buffer());
    EXPECT_EQ(m->managed_buffer()->exports(), 3);
    ASSERT_OK(m->release());
    EXPECT_EQ(b->exports(), 1);
    EXPECT_RAISES(b->append(I(1)), BufferError, kResize);
    EXPECT_EQ(list_repr(ss), "[98, 100, 102, 104]");  // still usable
    ASSERT_OK(s->release());
    EXPECT_EQ(b->exports(), 1);
    ASSERT_OK(ss->release());
    EXPECT_EQ(b->exports(), 0);
    EXPECT_OK(b->append(I(1)));
}

TEST_F(MemoryViewLockTest, ReleaseChildrenFirst) {
    auto b = ba("abcd");
    auto m = *MemoryView::from_object(b);
    auto s = view_of(m->get(Sl(I(1), I(3))));
    ASSERT_OK(s->release());
    EXPECT_EQ(b->exports(), 1);
    EXPECT_EQ(list_repr(m), "[97, 98, 99, 100]");
    ASSERT_OK(m->release());
    EXPECT_EQ(b->exports(), 0);
}

TEST_F(MemoryViewLockTest, MemoryviewOfMemoryviewRegistersOnSameBuffer) {
    auto b = ba("abcd");
    auto m = *MemoryView::from_object(b);
    auto m2 = *MemoryView::from_object(m);
    EXPECT_EQ(m->exports(), 0);  // memoryview(mv) does not export mv
    EXPECT_EQ(b->exports(), 1);
    EXPECT_EQ(m2->obj()->get(), b.get());
    ASSERT_OK(m->release());  // allowed: m is not exported
    EXPECT_EQ(list_repr(m2), "[97, 98, 99, 100]");
    EXPECT_RAISES(b->append(I(1)), BufferError, kResize);
    ASSERT_OK(m2->release());
    EXPECT_EQ(b->exports(), 0);
}

TEST_F(MemoryViewLockTest, ViewsDestroyedWithoutRelease) {
    auto b = ba("abcd");
    auto m = *MemoryView::from_object(b);
    auto s = view_of(m->get(Sl(I(1), N())));
    m.reset();
    EXPECT_EQ(b->exports(), 1);
    s.reset();
    EXPECT_EQ(b->exports(), 0);
    EXPECT_OK(b->append(I(1)));
    // Mixed: one released, one destroyed.
    auto m3 = *MemoryView::from_object(b);
    auto c = *m3->cast("B", CastShape{"tuple", {I(5)}});
    ASSERT_OK(c->release());
    EXPECT_EQ(b->exports(), 1);
    m3.reset();
    EXPECT_EQ(b->exports(), 0);
}

TEST_F(MemoryViewLockTest, ExportedViewRefusesRelease) {
    auto b = ba("abcd");
    auto m = *MemoryView::from_object(b);
    auto e1 = *m->get_buffer(kBufFullRO);
    EXPECT_EQ(m->exports(), 1);
    EXPECT_RAISES(m->release(), BufferError, "memoryview has 1 exported buffer");
    auto e2 = *m->get_buffer(kBufSimple);
    EXPECT_RAISES(m->release(), BufferError, "memoryview has 2 exported buffers");
    EXPECT_RAISES(m->exit(), BufferError, "memoryview has 2 exported buffers");
    e1.release();
    e2.release();
    EXPECT_OK(m->release());
    EXPECT_EQ(b->exports(), 0);
}

TEST_F(MemoryViewLockTest, ExportedBufferKeepsViewAlive) {
    auto b = ba("abcd");
    auto m = *MemoryView::from_object(b);
    auto held = *m->get_buffer(kBufSimple);
    m.reset();  // `del m` while a consumer holds its buffer
    EXPECT_EQ(b->exports(), 1);
    EXPECT_EQ(held.bytes(), "abcd");
    held.release();
    EXPECT_EQ(b->exports(), 0);
}

TEST_F(MemoryViewLockTest, WithBlock) {
    auto b = ba("abcd");
    {
        auto m = *MemoryView::from_object(b);
        auto entered = *m->enter();
        EXPECT_EQ(entered.get(), m.get());
        auto s = view_of(entered->get(Sl(I(0), I(2))));
        ASSERT_OK(m->exit());
        EXPECT_EQ(b->exports(), 1);  // s still registered
        s.reset();
        EXPECT_EQ(b->exports(), 0);
        EXPECT_RAISES(m->enter(), ValueError, kReleased);
    }
}

TEST_F(MemoryViewLockTest, GetbufFlagChecks) {
    auto b = ba("abcd");
    auto m = *MemoryView::from_object(b);
    auto strided = view_of(m->get(Sl(N(), N(), I(2))));
    EXPECT_RAISES(strided->get_buffer(kBufSimple), BufferError, "memoryview: underlying buffer is not C-contiguous");
    EXPECT_RAISES(strided->get_buffer(kBufCContiguous), BufferError, "memoryview: underlying buffer is not C-contiguous");
    EXPECT_RAISES(strided->get_buffer(kBufFContiguous), BufferError, "memoryview: underlying buffer is not Fortran contiguous");
    EXPECT_RAISES(strided->get_buffer(kBufAnyContiguous), BufferError, "memoryview: underlying buffer is not contiguous");
    EXPECT_RAISES(m->get_buffer(kBufFormat), BufferError,
                  "memoryview: cannot cast to unsigned bytes if the format flag is present");
    auto ro = *m->toreadonly();
    EXPECT_RAISES(ro->get_buffer(kBufWritable), BufferError, "memoryview: underlying buffer is not writable");
    EXPECT_EQ(strided->exports(), 0);
    EXPECT_OK(strided->get_buffer(kBufFullRO));
    auto by_obj = by("ab");
    EXPECT_RAISES(by_obj->get_buffer(kBufWritable), BufferError, "Object is not writable.");
}

// ---- reads reported to the observer --------------------------------------------

using MemoryViewReadTest = Fixture;
using testing::ReadLog;
using testing::via;

TEST_F(MemoryViewReadTest, ItemReadsReportTheElementsBytes) {
    ReadLog log;
    ctx.set_observer(&log);
    auto b = ba("abcdefgh");
    auto mv = *MemoryView::from_object(b);
    EXPECT_EQ(item_repr(mv->get(Ix(3))), "100");
    EXPECT_EQ(item_repr(mv->get(Ix(-1))), "104");
    EXPECT_RAISES(mv->get(Ix(8)), IndexError, "index out of bounds on dimension 1");
    auto odd = view_of(mv->get(Sl(I(1), N(), I(2))));  // a slice is a view: no read
    EXPECT_EQ(log.reads, (std::vector<std::string>{"item 3..4" + via(mv->id()), "item 7..8" + via(mv->id())}));
    EXPECT_EQ(item_repr(odd->get(Ix(1))), "100");
    auto words = *mv->cast("H");
    EXPECT_EQ(item_repr(words->get(Ix(1))), "25699");
    auto grid = *mv->cast("B", CastShape{"tuple", {I(2), I(4)}});
    EXPECT_EQ(item_repr(grid->get(Subscript::tuple({Ix(1), Ix(2)}))), "103");
    ASSERT_EQ(log.reads.size(), 5u);
    EXPECT_EQ(log.reads[2], "item 3..4" + via(odd->id()));
    EXPECT_EQ(log.reads[3], "item 2..4" + via(words->id()));
    EXPECT_EQ(log.reads[4], "item 6..7" + via(grid->id()));
    for (uint64_t block : log.read_blocks) EXPECT_EQ(block, b->block().id());
    ASSERT_OK(mv->release());
    log.clear();
    EXPECT_RAISES(mv->get(Ix(0)), ValueError, kReleased);
    EXPECT_TRUE(log.reads.empty());
    ctx.set_observer(nullptr);
}

TEST_F(MemoryViewReadTest, WholeViewReadsListStridedPieces) {
    ReadLog log;
    ctx.set_observer(&log);
    auto b = ba("abcdefgh");
    auto mv = *MemoryView::from_object(b);
    auto odd = view_of(mv->get(Sl(I(1), N(), I(2))));
    auto rev = view_of(mv->get(Sl(N(), N(), I(-1))));
    EXPECT_EQ(odd->tobytes_string().value(), "bdfh");
    EXPECT_EQ((*rev->tobytes())->view(), "hgfedcba");
    EXPECT_EQ(odd->tolist()->repr(), "[98, 100, 102, 104]");
    EXPECT_EQ(*mv->hex(), "6162636465666768");
    EXPECT_EQ(*buffer_bytes(*odd), "bdfh");
    auto grid = *mv->cast("B", CastShape{"tuple", {I(2), I(4)}});
    EXPECT_EQ(grid->tolist()->repr(), "[[97, 98, 99, 100], [101, 102, 103, 104]]");
    const std::string pieces = " [1,2)[3,4)[5,6)[7,8)";
    EXPECT_EQ(log.reads, (std::vector<std::string>{
                             "tobytes 1..8" + via(odd->id()) + pieces,
                             "tobytes 0..8" + via(rev->id()),
                             "tolist 1..8" + via(odd->id()) + pieces,
                             "hex 0..8" + via(mv->id()),
                             "bytes 1..8" + via(odd->id()) + pieces,
                             "tolist 0..8" + via(grid->id()),
                         }));
    ctx.set_observer(nullptr);
}

TEST_F(MemoryViewReadTest, IterationAndSliceAssignmentSourceAreReads) {
    ReadLog log;
    ctx.set_observer(&log);
    auto b = ba("abcdef");
    auto mv = *MemoryView::from_object(b);
    auto it = *mv->iter();
    EXPECT_EQ((*it->next())->repr(), "97");
    EXPECT_EQ((*it->next())->repr(), "98");
    auto part = by("XYZ");
    ASSERT_OK(mv->set(Sl(I(2), I(5)), AssignValue::of_buffer(part)));
    auto src = ba("0123456789");
    auto src_mv = *MemoryView::from_object(src);
    auto evens = view_of(src_mv->get(Sl(I(8), I(3), I(-2))));  // 8, 6, 4
    ASSERT_OK(mv->set(Sl(I(0), I(3)), AssignValue::of_buffer(evens)));
    EXPECT_EQ(b->view(), "864YZf");
    EXPECT_EQ(log.reads, (std::vector<std::string>{
                             "iter 0..1" + via(mv->id()),
                             "iter 1..2" + via(mv->id()),
                             "source 0..3" + via(part->id()),
                             "source 4..9" + via(evens->id()) + " [4,5)[6,7)[8,9)",
                         }));
    ASSERT_EQ(log.read_blocks.size(), 4u);
    EXPECT_EQ(log.read_blocks[2], part->block().id());
    EXPECT_EQ(log.read_blocks[3], src->block().id());
    // A refused assignment (different structures) reads nothing.
    log.clear();
    EXPECT_RAISES(mv->set(Sl(I(0), I(2)), AssignValue::of_buffer(part)), ValueError,
                  "memoryview assignment: lvalue and rvalue have different structures");
    EXPECT_TRUE(log.reads.empty());
    ctx.set_observer(nullptr);
}

}  // namespace
}  // namespace engine
