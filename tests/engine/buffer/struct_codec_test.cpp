// Struct codec against CPython 3.11 (values and messages from python3).
#include "engine/buffer/struct_codec.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/buffer/bytearray_object.hpp"
#include "engine/buffer/bytes_object.hpp"
#include "engine/buffer/memory_view.hpp"
#include "read_log.hpp"
#include "test_util.hpp"

namespace engine {
namespace {

Item I(int64_t v) { return Item::integer(v); }
Item U(uint64_t v) { return Item::uinteger(v); }
Item B(std::string s) { return Item::bytes(std::move(s)); }
Item BIG = Item::big_int(false, 1.2676506002282294e30);  // 2**100

std::string packs(std::string_view f, std::vector<Item> v) {
    auto r = pack(f, v);
    if (!r) return "ERR " + r.error().message;
    return *r;
}

std::string err(std::string_view f, std::vector<Item> v) {
    auto r = pack(f, v);
    if (r) return "ok";
    return std::string(exc_name(r.error().type)) + ": " + r.error().message;
}

TEST(StructCodecTest, CalcsizeNativeAlignment) {
    EXPECT_EQ(*calcsize("3x"), 3);
    EXPECT_EQ(*calcsize("@bi"), 8);
    EXPECT_EQ(*calcsize("<bi"), 5);
    EXPECT_EQ(*calcsize("bq"), 16);
    EXPECT_EQ(*calcsize("ie"), 6);
    EXPECT_EQ(*calcsize("?P"), 16);
    EXPECT_EQ(*calcsize("b b"), 2);
    EXPECT_EQ(*calcsize(" "), 0);
    EXPECT_EQ(*calcsize(">5s3p"), 8);
    EXPECT_EQ(*calcsize("ii ii"), 16);
    EXPECT_EQ(*calcsize("lLnNP"), 40);
    EXPECT_EQ(*calcsize("9223372036854775807b"), INT64_MAX);
}

TEST(StructCodecTest, FormatErrors) {
    EXPECT_RAISES(calcsize("z"), StructError, "bad char in struct format");
    EXPECT_RAISES(calcsize("3"), StructError, "repeat count given without format specifier");
    EXPECT_RAISES(calcsize("99999999999999999999b"), StructError, "total struct size too long");
    EXPECT_RAISES(calcsize("4611686018427387904h"), StructError, "total struct size too long");
    EXPECT_RAISES(calcsize("<n"), StructError, "bad char in struct format");
    EXPECT_RAISES(calcsize("<P"), StructError, "bad char in struct format");
    EXPECT_RAISES(calcsize(std::string_view("i\0", 2)), StructError, "embedded null character");
    EXPECT_RAISES(calcsize("3 x"), StructError, "bad char in struct format");
}

TEST(StructCodecTest, NativeIntegerRangeMessages) {
    EXPECT_EQ(err("b", {I(128)}), "error: byte format requires -128 <= number <= 127");
    EXPECT_EQ(err("B", {I(-1)}), "error: ubyte format requires 0 <= number <= 255");
    EXPECT_EQ(err("h", {I(40000)}), "error: short format requires -32768 <= number <= 32767");
    EXPECT_EQ(err("H", {I(70000)}), "error: ushort format requires 0 <= number <= 65535");
    EXPECT_EQ(err("i", {I(int64_t{1} << 31)}), "error: 'i' format requires -2147483648 <= number <= 2147483647");
    EXPECT_EQ(err("I", {I(-1)}), "error: argument out of range");
    EXPECT_EQ(err("I", {U(uint64_t{1} << 63)}), "error: 'I' format requires 0 <= number <= 4294967295");
    EXPECT_EQ(err("l", {U(uint64_t{1} << 63)}), "error: argument out of range");
    EXPECT_EQ(err("q", {BIG}), "error: argument out of range");
    EXPECT_EQ(err("Q", {I(-1)}), "error: argument out of range");
    EXPECT_EQ(err("N", {I(-1)}), "error: argument out of range");
    EXPECT_EQ(packs("P", {I(-1)}), std::string(8, '\xff'));
    EXPECT_EQ(err("P", {BIG}), "error: int too large to convert");
}

TEST(StructCodecTest, StandardIntegerRangeMessages) {
    EXPECT_EQ(err("<h", {I(40000)}), "error: short format requires -32768 <= number <= 32767");
    EXPECT_EQ(err("=h", {I(40000)}), "error: short format requires -32768 <= number <= 32767");
    EXPECT_EQ(err(">h", {I(-32769)}), "error: 'h' format requires -32768 <= number <= 32767");
    EXPECT_EQ(err(">H", {I(int64_t{1} << 31)}), "error: 'H' format requires 0 <= number <= 65535");
    EXPECT_EQ(err("<l", {I(int64_t{1} << 31)}), "error: 'l' format requires -2147483648 <= number <= 2147483647");
    EXPECT_EQ(err("=l", {I(int64_t{1} << 40)}), "error: 'l' format requires -2147483648 <= number <= 2147483647");
    EXPECT_EQ(err(">L", {U(uint64_t{1} << 63)}), "error: 'L' format requires 0 <= number <= 4294967295");
    EXPECT_EQ(err("!I", {I(-1)}), "error: argument out of range");
    EXPECT_EQ(err("<q", {U(uint64_t{1} << 63)}), "error: argument out of range");
    EXPECT_EQ(err(">q", {U(uint64_t{1} << 63)}), "error: int too large to convert");
    EXPECT_EQ(err(">Q", {I(-1)}), "error: int too large to convert");
    EXPECT_EQ(err("<b", {I(128)}), "error: byte format requires -128 <= number <= 127");
    EXPECT_EQ(err(">B", {I(256)}), "error: ubyte format requires 0 <= number <= 255");
}

TEST(StructCodecTest, TypeAndValueErrors) {
    EXPECT_EQ(err("b", {Item::other("str")}), "error: required argument is not an integer");
    EXPECT_EQ(err("b", {Item::floating(1.5)}), "error: required argument is not an integer");
    EXPECT_EQ(err("f", {Item::other("str")}), "error: required argument is not a float");
    EXPECT_EQ(err("d", {Item::big_int(false, INFINITY)}), "error: required argument is not a float");
    EXPECT_EQ(err("e", {Item::floating(1e10)}), "OverflowError: float too large to pack with e format");
    EXPECT_EQ(err("<e", {Item::floating(65520.0)}), "OverflowError: float too large to pack with e format");
    EXPECT_EQ(err("<f", {Item::floating(1e300)}), "OverflowError: float too large to pack with f format");
    // An OverflowError while packing an int becomes struct.error (s_pack_internal).
    EXPECT_EQ(err("e", {I(65536)}), "error: int too large to convert");
    EXPECT_EQ(err("<f", {Item::big_int(false, 1.6069380442589903e60)}), "error: int too large to convert");
    EXPECT_EQ(err("<f", {Item::floating(3.40282357e+38)}), "OverflowError: float too large to pack with f format");
    EXPECT_EQ(err("c", {B("ab")}), "error: char format requires a bytes object of length 1");
    EXPECT_EQ(err("c", {Item::other("str")}), "error: char format requires a bytes object of length 1");
    EXPECT_EQ(err("c", {Item::bytearray("a")}), "error: char format requires a bytes object of length 1");
    EXPECT_EQ(packs("2s", {Item::bytearray("ba")}), "ba");
    EXPECT_EQ(err("s", {Item::other("str")}), "error: argument for 's' must be a bytes object");
    EXPECT_EQ(err("p", {I(5)}), "error: argument for 'p' must be a bytes object");
    EXPECT_EQ(err("bb", {I(1)}), "error: pack expected 2 items for packing (got 1)");
    EXPECT_EQ(err("b", {I(1), I(2)}), "error: pack expected 1 items for packing (got 2)");
}

TEST(StructCodecTest, PackValues) {
    EXPECT_EQ(packs("f", {Item::floating(1e300)}), std::string("\x00\x00\x80\x7f", 4));  // native: inf
    EXPECT_EQ(packs("3s", {B("abcdef")}), "abc");
    EXPECT_EQ(packs("3p", {B("abcdef")}), "\x02" "ab");
    EXPECT_EQ(packs("3p", {Item::bytearray("ab")}), "\x02" "ab");
    EXPECT_EQ(packs("p", {B("ab")}), std::string(1, '\0'));
    EXPECT_EQ(packs("?", {Item::other("list", false)}), std::string(1, '\0'));
    EXPECT_EQ(packs("?", {Item::none()}), std::string(1, '\0'));
    EXPECT_EQ(packs("?", {Item::other("str", true)}), "\x01");
    EXPECT_EQ(packs("x", {}), std::string(1, '\0'));
    EXPECT_EQ(packs("0s", {B("a")}), "");
    EXPECT_EQ(packs("i", {Item::boolean(true)}), std::string("\x01\x00\x00\x00", 4));
    EXPECT_EQ(packs("2x3s", {B("ab")}), std::string("\x00\x00" "ab\x00", 5));
    EXPECT_EQ(packs("<e", {Item::floating(65519.0)}), "\xff{");
    EXPECT_EQ(packs("e", {Item::floating(NAN)}), std::string("\x00~", 2));
    EXPECT_EQ(packs(">hI", {I(-2), I(7)}), std::string("\xff\xfe\x00\x00\x00\x07", 6));
    EXPECT_EQ(packs("@bi", {I(1), I(2)}), std::string("\x01\x00\x00\x00\x02\x00\x00\x00", 8));
}

TEST(StructCodecTest, UnpackValues) {
    auto v = unpack("?e5p3sxc", std::string("\x02\x00<\x03" "abcdefgh\x00z", 14));
    ASSERT_OK(v);
    EXPECT_EQ(repr_tuple(*v), "(True, 4.935264587402344e-05, b'bcde', b'fgh', b'z')");
    std::string data;
    for (int i = 200; i < 239; ++i) data += static_cast<char>(i);
    auto w = unpack(">hHiIlLqQe?", data);
    ASSERT_OK(w);
    EXPECT_EQ(repr_tuple(*w),
              "(-14135, 51915, -858927409, 3503411923, -724183337, 3638155995, "
              "-2531622362380377373, 16493843094033787627, -5044.0, True)");
    EXPECT_EQ(repr_tuple(*unpack("<e", std::string("\x00\x7c", 2))), "(inf,)");
    EXPECT_EQ(repr_tuple(*unpack("0s", "")), "(b'',)");
    EXPECT_EQ(repr_tuple(*unpack("<qQ", std::string(16, '\xff'))), "(-1, 18446744073709551615)");
}

TEST(StructCodecTest, UnpackSizeErrors) {
    EXPECT_RAISES(unpack("i", "ab"), StructError, "unpack requires a buffer of 4 bytes");
    EXPECT_RAISES(unpack("<i", "abcdx"), StructError, "unpack requires a buffer of 4 bytes");
    auto s = *Struct::compile("i");
    EXPECT_RAISES(s.unpack_from("abcdef", 4), StructError,
                  "unpack_from requires a buffer of at least 8 bytes for unpacking 4 bytes at offset 4 (actual buffer size is 6)");
    EXPECT_RAISES(s.unpack_from("abcdef", -1), StructError, "not enough data to unpack 4 bytes at offset -1");
    EXPECT_RAISES(s.unpack_from("abcdef", -10), StructError, "offset -10 out of range for 6-byte buffer");
    EXPECT_EQ(repr_tuple(*s.unpack_from("abcdef", -4)), "(1717920867,)");
}

TEST(StructCodecTest, PackIntoChecksAndReportsWrite) {
    BufferContext ctx;
    auto ba = *ByteArrayObject::create(ctx, std::string(8, '\0'));
    auto s = *Struct::compile("i");
    auto small = *ByteArrayObject::create(ctx, "abc");
    EXPECT_RAISES(s.pack_into(*small, 0, {I(1)}), StructError,
                  "pack_into requires a buffer of at least 4 bytes for packing 4 bytes at offset 0 (actual buffer size is 3)");
    EXPECT_RAISES(s.pack_into(*ba, 6, {I(1)}), StructError,
                  "pack_into requires a buffer of at least 10 bytes for packing 4 bytes at offset 6 (actual buffer size is 8)");
    EXPECT_RAISES(s.pack_into(*ba, -10, {I(1)}), StructError, "offset -10 out of range for 8-byte buffer");
    EXPECT_RAISES(s.pack_into(*ba, -2, {I(1)}), StructError, "no space to pack 4 bytes at offset -2");
    EXPECT_RAISES(s.pack_into(*ba, 0, {I(1), I(2)}), StructError, "pack_into expected 1 items for packing (got 2)");
    auto b = *BytesObject::create(ctx, "12345678");
    EXPECT_RAISES(s.pack_into(*b, 0, {I(1)}), TypeError, "argument must be read-write bytes-like object, not bytes");
    auto rov = *MemoryView::from_object(b);
    EXPECT_RAISES(s.pack_into(*rov, 0, {I(1)}), TypeError, "argument must be read-write bytes-like object, not memoryview");
    ASSERT_OK(s.pack_into(*ba, -4, {I(0x01020304)}));
    EXPECT_EQ(ba->view(), std::string("\0\0\0\0\x04\x03\x02\x01", 8));
    EXPECT_EQ(ba->exports(), 0);  // the temporary export is gone
    // As s_pack_internal: the region is zeroed and the fields before a failing
    // value are written (CPython 3.11: bytearray(b'\x05\x00\x00\x00\x04...')).
    EXPECT_RAISES(Struct::compile("bbb")->pack_into(*ba, 1, {I(5), I(300), I(7)}), StructError,
                  "byte format requires -128 <= number <= 127");
    EXPECT_EQ(ba->view(), std::string("\0\x05\0\0\x04\x03\x02\x01", 8));
}

TEST(StructCodecTest, BufferArgumentsFromViews) {
    BufferContext ctx;
    auto b = *BytesObject::create(ctx, "abcd");
    auto mv = *MemoryView::from_object(b);
    auto strided = std::get<ViewPtr>(*mv->get(Subscript::of_slice({Item::none(), Item::none(), I(2)})));
    auto s = *Struct::compile("bb");
    EXPECT_RAISES(s.unpack(*strided), BufferError, "memoryview: underlying buffer is not C-contiguous");
    auto wb = *ByteArrayObject::create(ctx, "abcd");
    auto wmv = *MemoryView::from_object(wb);
    auto wstrided = std::get<ViewPtr>(*wmv->get(Subscript::of_slice({Item::none(), Item::none(), I(2)})));
    EXPECT_RAISES(Struct::compile("b")->pack_into(*wstrided, 0, {I(1)}), TypeError,
                  "argument must be read-write bytes-like object, not memoryview");
    auto h = *wmv->cast("h");
    EXPECT_EQ(repr_tuple(*Struct::compile("h")->unpack_from(*h, 2)), "(25699,)");
}

TEST(StructCodecTest, IterUnpackHoldsExportUntilExhausted) {
    BufferContext ctx;
    auto ba = *ByteArrayObject::create(ctx, std::string("\x01\x02\x03\x04", 4));
    auto s = *Struct::compile("b");
    auto it = *s.iter_unpack(ba);
    EXPECT_EQ(ba->exports(), 1);
    EXPECT_RAISES(ba->append(I(1)), BufferError, "Existing exports of data: object cannot be re-sized");
    auto first = *it->next();
    ASSERT_TRUE(first);
    EXPECT_EQ(repr_tuple(*first), "(1,)");
    EXPECT_EQ(it->length_hint(), 3);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(*it->next());
    EXPECT_EQ(ba->exports(), 1);
    EXPECT_FALSE(*it->next());  // exhausted: export released
    EXPECT_EQ(ba->exports(), 0);
    EXPECT_OK(ba->append(I(1)));
}

TEST(StructCodecTest, IterUnpackOnViewBlocksRelease) {
    BufferContext ctx;
    auto ba = *ByteArrayObject::create(ctx, std::string(4, '\0'));
    auto mv = *MemoryView::from_object(ba);
    auto it = *Struct::compile("h")->iter_unpack(mv);
    EXPECT_RAISES(mv->release(), BufferError, "memoryview has 1 exported buffer");
    it.reset();  // `del it`
    EXPECT_OK(mv->release());
    EXPECT_EQ(ba->exports(), 0);
}

TEST(StructCodecTest, IterUnpackErrors) {
    BufferContext ctx;
    auto b = *BytesObject::create(ctx, "abc");
    EXPECT_RAISES(Struct::compile("i")->iter_unpack(b), StructError,
                  "iterative unpacking requires a buffer of a multiple of 4 bytes");
    EXPECT_EQ(b->exports(), 0);
    EXPECT_RAISES(Struct::compile("")->iter_unpack(b), StructError,
                  "cannot iteratively unpack with a struct of length 0");
    EXPECT_OK(Struct::compile("x0s")->iter_unpack(b));
    EXPECT_EQ(b->exports(), 0);  // the temporary iterator is gone
}

TEST(StructCodecTest, HalfFloatRoundTrip) {
    uint8_t buf[2];
    for (double x : {0.0, -0.0, 1.0, -2.5, 65504.0, 6.103515625e-05, 5.960464477539063e-08, 0.333251953125}) {
        ASSERT_OK(pack_half(x, buf, true));
        EXPECT_EQ(unpack_half(buf, true), x);
    }
    ASSERT_OK(pack_half(1e-10, buf, true));
    EXPECT_EQ(unpack_half(buf, true), 0.0);
}

// ---- reads and fields reported to the observer ----------------------------------

using testing::ReadLog;
using testing::via;

TEST(StructCodecReadTest, UnpackFromReportsTheReadAndEachField) {
    BufferContext ctx;
    ReadLog log;
    ctx.set_observer(&log);
    auto ba = *ByteArrayObject::create(ctx, std::string("\xbe\xef\xca\xfe\x00\x01\x00\x02xyz!", 12));
    auto mv = *MemoryView::from_object(ba);
    auto head = *Struct::compile(">IHH");
    EXPECT_EQ(repr_tuple(*head.unpack_from(*mv, 0)), "(3203386110, 1, 2)");
    EXPECT_EQ(log.reads, std::vector<std::string>{"unpack_from 0..8" + via(mv->id())});
    EXPECT_EQ(log.fields, (std::vector<std::string>{"0 I > 0..4 r 3203386110", "1 H > 4..6 r 1",
                                                    "2 H > 6..8 r 2"}));
    for (uint64_t b : log.field_blocks) EXPECT_EQ(b, ba->block().id());
    log.clear();
    // A negative offset counts from the end; padding 'x' is no field.
    auto tail = *Struct::compile("<2sx?");
    EXPECT_EQ(repr_tuple(*tail.unpack_from(*ba, -4)), "(b'xy', True)");
    EXPECT_EQ(log.reads, std::vector<std::string>{"unpack_from 8..12" + via(ba->id())});
    EXPECT_EQ(log.fields, (std::vector<std::string>{"0 s < 8..10 r b'xy'", "1 ? < 11..12 r True"}));
    log.clear();
    // Through a slice of a view: block offsets, not view offsets.
    auto sub = std::get<ViewPtr>(*mv->get(Subscript::of_slice({I(2), Item::none(), Item::none()})));
    EXPECT_EQ(repr_tuple(*Struct::compile("B")->unpack_from(*sub, 1)), "(254,)");
    EXPECT_EQ(log.fields, std::vector<std::string>{"0 B @ 3..4 r 254"});
    log.clear();
    // Refused reads report nothing; a padding-only format reads but has no field.
    EXPECT_RAISES(head.unpack_from(*mv, 6), StructError,
                  "unpack_from requires a buffer of at least 14 bytes for unpacking 8 bytes at offset 6 (actual buffer size is 12)");
    EXPECT_TRUE(log.reads.empty());
    EXPECT_EQ(repr_tuple(*Struct::compile("3x")->unpack_from(*mv, 0)), "()");
    EXPECT_EQ(log.reads, std::vector<std::string>{"unpack_from 0..3" + via(mv->id())});
    EXPECT_TRUE(log.fields.empty());
    ctx.set_observer(nullptr);
}

TEST(StructCodecReadTest, UnpackIterUnpackAndPackIntoFields) {
    BufferContext ctx;
    ReadLog log;
    ctx.set_observer(&log);
    auto by = *BytesObject::create(ctx, std::string("ab\0c", 4));
    EXPECT_EQ(repr_tuple(*Struct::compile("4s")->unpack(*by)), "(b'ab\\x00c',)");
    EXPECT_EQ(log.reads, std::vector<std::string>{"unpack 0..4" + via(by->id())});
    EXPECT_EQ(log.fields, std::vector<std::string>{"0 s @ 0..4 r b'ab\\x00c'"});
    log.clear();
    auto words = *BytesObject::create(ctx, "\x01\x02\x03\x04");
    auto it = *Struct::compile("<H")->iter_unpack(words);
    EXPECT_EQ(repr_tuple(**it->next()), "(513,)");
    EXPECT_EQ(repr_tuple(**it->next()), "(1027,)");
    EXPECT_FALSE(*it->next());
    EXPECT_EQ(log.reads, (std::vector<std::string>{"iter_unpack 0..2" + via(words->id()),
                                                   "iter_unpack 2..4" + via(words->id())}));
    EXPECT_EQ(log.fields, (std::vector<std::string>{"0 H < 0..2 r 513", "0 H < 2..4 r 1027"}));
    log.clear();
    auto ba = *ByteArrayObject::create(ctx, std::string(8, '\0'));
    ASSERT_OK(Struct::compile("!hB")->pack_into(*ba, 2, {I(-2), I(7)}));
    EXPECT_EQ(log.fields, (std::vector<std::string>{"0 h ! 2..4 w -2", "1 B ! 4..5 w 7"}));
    EXPECT_TRUE(log.reads.empty());  // a write, not a read
    log.clear();
    EXPECT_RAISES(Struct::compile("!hB")->pack_into(*ba, 2, {I(-2), I(300)}), StructError,
                  "ubyte format requires 0 <= number <= 255");
    EXPECT_TRUE(log.fields.empty());
    ctx.set_observer(nullptr);
}

}  // namespace
}  // namespace engine
