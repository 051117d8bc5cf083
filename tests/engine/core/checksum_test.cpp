#include "engine/core/checksum.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

const uint8_t* bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

TEST(ChecksumTest, Crc32MatchesTheCheckValueAndContinues) {
    const std::string check = "123456789";  // the CRC catalogue's check input
    EXPECT_EQ(engine::crc32_update(0, bytes(check), check.size()), 0xCBF43926u);
    EXPECT_EQ(engine::crc32_update(0, nullptr, 0), 0u);
    // Continuing from a partial value gives the checksum of the whole
    // (zlib.crc32(b'6789', zlib.crc32(b'12345')) in python3).
    const uint32_t head = engine::crc32_update(0, bytes(check), 5);
    EXPECT_EQ(engine::crc32_update(head, bytes(check) + 5, 4), 0xCBF43926u);
}

TEST(ChecksumTest, Adler32MatchesRfc1950AndSurvivesLongRuns) {
    const std::string wiki = "Wikipedia";
    EXPECT_EQ(engine::adler32_update(1, bytes(wiki), wiki.size()), 0x11E60398u);
    EXPECT_EQ(engine::adler32_update(1, nullptr, 0), 1u);
    // 100000 bytes of 0xFF: past the 5552-byte chunk where b would overflow
    // without the modulo (zlib.adler32(b'\xff' * 100000) in python3).
    const std::vector<uint8_t> ff(100000, 0xFF);
    EXPECT_EQ(engine::adler32_update(1, ff.data(), ff.size()), 0x149A302Cu);
}

}  // namespace
