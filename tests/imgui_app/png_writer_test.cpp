#include "imgui_app/png_writer.hpp"

#include <gtest/gtest.h>

#include <vector>

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

TEST(PngWriterTest, LargeImagesSpanSeveralStoredBlocks) {
    // 200x200 RGBA is 160,200 raw bytes: three stored deflate blocks.
    std::vector<uint8_t> rgba(200 * 200 * 4);
    for (size_t i = 0; i < rgba.size(); ++i) rgba[i] = uint8_t(i * 7);
    const std::vector<uint8_t> png = encode_png(rgba.data(), 200, 200);
    const uint32_t idat_len = be32(png, 33);
    EXPECT_EQ(idat_len, 2 + 160200 + 3 * 5 + 4);  // zlib header + data + block headers + adler
}

}  // namespace
}  // namespace app
