#include "engine/core/checksum.hpp"

#include <algorithm>
#include <array>

namespace engine {

uint32_t crc32_update(uint32_t crc, const uint8_t* data, size_t n) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (size_t i = 0; i < n; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

uint32_t adler32_update(uint32_t adler, const uint8_t* data, size_t n) {
    constexpr uint32_t kBase = 65521;  // the largest prime below 2**16
    uint32_t a = adler & 0xFFFF, b = adler >> 16;
    while (n > 0) {
        // 5552 bytes is the most b can take before it may overflow 32 bits (RFC 1950).
        const size_t chunk = std::min<size_t>(n, 5552);
        for (size_t i = 0; i < chunk; ++i) {
            a += data[i];
            b += a;
        }
        a %= kBase;
        b %= kBase;
        data += chunk;
        n -= chunk;
    }
    return (b << 16) | a;
}

}  // namespace engine
