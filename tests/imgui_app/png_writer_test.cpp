#include "imgui_app/png_writer.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/checksum.hpp"
#include "imgui_app/deflate.hpp"

namespace app {
namespace {

uint32_t be32(const std::vector<uint8_t>& b, size_t at) {
    return (uint32_t(b[at]) << 24) | (uint32_t(b[at + 1]) << 16) | (uint32_t(b[at + 2]) << 8) | b[at + 3];
}

TEST(PngWriterTest, HeaderAndSizeAreRight) {
    std::vector<uint8_t> rgba(3 * 2 * 4, 0x7F);
    const std::vector<uint8_t> png = encode_png(rgba.data(), 3, 2);
    ASSERT_GT(png.size(), 33u);
    EXPECT_EQ(png[1], 'P');
    EXPECT_EQ(be32(png, 8), 13u);  // IHDR length
    EXPECT_EQ(std::string(png.begin() + 12, png.begin() + 16), "IHDR");
    EXPECT_EQ(be32(png, 16), 3u);
    EXPECT_EQ(be32(png, 20), 2u);
    // IHDR CRC of "IHDR" + 13 bytes for 3x2 RGBA, computed with zlib.crc32 in python3.
    EXPECT_EQ(be32(png, 29), 0x9D74661Au);
    EXPECT_EQ(std::string(png.end() - 8, png.end() - 4), "IEND");
}

// An independent inflater for what zlib_compress writes (stored and fixed
// Huffman blocks), so the encoder is checked against RFC 1951 rather than
// against itself. check_screenshot.py decodes the app's real PNGs with zlib.
struct Inflater {
    const std::vector<uint8_t>& in;
    size_t pos = 2;  // after the zlib header
    int bit = 0;
    uint32_t bits(int n) {
        uint32_t v = 0;
        for (int i = 0; i < n; ++i) {
            if (pos >= in.size()) throw std::runtime_error("past the end");
            v |= uint32_t((in[pos] >> bit) & 1) << i;
            if (++bit == 8) bit = 0, ++pos;
        }
        return v;
    }
    int huff_bit() { return static_cast<int>(bits(1)); }
    int literal() {  // fixed code, read MSB first
        int code = 0;
        for (int i = 0; i < 7; ++i) code = (code << 1) | huff_bit();
        if (code <= 0x17) return 256 + code;
        code = (code << 1) | huff_bit();
        if (code >= 0x30 && code <= 0xBF) return code - 0x30;
        if (code >= 0xC0 && code <= 0xC7) return 280 + (code - 0xC0);
        code = (code << 1) | huff_bit();
        return 144 + (code - 0x190);
    }
    std::vector<uint8_t> run() {
        static const int lbase[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27,
                                    31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
        static const int lextra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        std::vector<uint8_t> out;
        for (bool last = false; !last;) {
            last = bits(1);
            const uint32_t type = bits(2);
            if (type == 0) {
                if (bit) bit = 0, ++pos;
                const uint32_t n = in[pos] | (in[pos + 1] << 8);
                pos += 4;
                out.insert(out.end(), in.begin() + static_cast<long>(pos), in.begin() + static_cast<long>(pos + n));
                pos += n;
                continue;
            }
            if (type != 1) throw std::runtime_error("unexpected block type");
            for (;;) {
                const int sym = literal();
                if (sym < 256) {
                    out.push_back(uint8_t(sym));
                    continue;
                }
                if (sym == 256) break;
                const int li = sym - 257;
                const size_t len = static_cast<size_t>(lbase[li]) + bits(lextra[li]);
                int dcode = 0;
                for (int i = 0; i < 5; ++i) dcode = (dcode << 1) | huff_bit();
                const int dextra = dcode < 4 ? 0 : dcode / 2 - 1;
                const size_t dbase = dcode < 4 ? static_cast<size_t>(dcode) + 1
                                               : (size_t{1} << (dextra + 1)) + 1 + (static_cast<size_t>(dcode & 1) << dextra);
                const size_t dist = dbase + bits(dextra);
                if (dist > out.size()) throw std::runtime_error("distance too far back");
                for (size_t k = 0; k < len; ++k) out.push_back(out[out.size() - dist]);
            }
        }
        if (bit) bit = 0, ++pos;
        return out;
    }
};

std::vector<uint8_t> idat_of(const std::vector<uint8_t>& png) {
    return std::vector<uint8_t>(png.begin() + 41, png.begin() + 41 + be32(png, 33));
}

TEST(PngWriterTest, ImageDataIsCompressedAndDecodesToTheScanlines) {
    // A UI-like image: flat areas, a gradient, some noise.
    const int w = 300, h = 200;
    std::vector<uint8_t> rgba(size_t{w} * h * 4);
    uint32_t noise = 12345;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &rgba[(size_t{static_cast<size_t>(y)} * w + static_cast<size_t>(x)) * 4];
            noise = noise * 1103515245u + 12345u;
            const bool panel = x > 40 && x < 200 && y > 20 && y < 150;
            p[0] = panel ? 40 : uint8_t(x);
            p[1] = panel ? 44 : uint8_t(y);
            p[2] = (x % 50 == 0) ? uint8_t(noise >> 24) : 90;
            p[3] = 255;
        }
    const std::vector<uint8_t> png = encode_png(rgba.data(), w, h);
    const std::vector<uint8_t> z = idat_of(png);
    EXPECT_EQ((z[0] * 256 + z[1]) % 31, 0);  // a valid zlib header
    std::vector<uint8_t> raw;
    for (int y = 0; y < h; ++y) {
        raw.push_back(0);  // filter: none
        raw.insert(raw.end(), rgba.begin() + y * w * 4, rgba.begin() + (y + 1) * w * 4);
    }
    Inflater inf{z};
    EXPECT_EQ(inf.run(), raw);
    const uint32_t adler = be32(z, inf.pos);
    EXPECT_EQ(adler, engine::adler32_update(1, raw.data(), raw.size()));
    EXPECT_EQ(inf.pos + 4, z.size());
    EXPECT_LT(z.size(), raw.size() / 2);  // was stored: larger than raw
}

TEST(PngWriterTest, EdgeCasesRoundTrip) {
    for (const std::vector<uint8_t>& data : {std::vector<uint8_t>{}, std::vector<uint8_t>{7},
                                             std::vector<uint8_t>(70000, 0xAB), std::vector<uint8_t>{1, 2, 1, 2, 1, 2, 1}}) {
        const std::vector<uint8_t> z = zlib_compress(data.data(), data.size());
        Inflater inf{z};
        EXPECT_EQ(inf.run(), data);
        EXPECT_EQ(be32(z, inf.pos), engine::adler32_update(1, data.data(), data.size()));
    }
}

}  // namespace
}  // namespace app
