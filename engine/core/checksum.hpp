// The two checksums of the zlib format, in one place for everyone who needs
// them: CRC-32 (ISO-HDLC, polynomial 0xEDB88320 reflected; zlib.crc32,
// binascii.crc32, PNG chunks) and Adler-32 (RFC 1950; zlib.adler32, the
// trailer of a zlib stream).
#pragma once

#include <cstddef>
#include <cstdint>

namespace engine {

// Continues a CRC-32 from `crc` (0 to start) over data[0, n).
uint32_t crc32_update(uint32_t crc, const uint8_t* data, size_t n);

// Continues an Adler-32 from `adler` (1 to start) over data[0, n).
uint32_t adler32_update(uint32_t adler, const uint8_t* data, size_t n);

}  // namespace engine
