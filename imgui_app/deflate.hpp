// A small zlib (RFC 1950) encoder: LZ77 over a 32 KiB window with hash chains,
// coded with deflate's fixed Huffman codes (RFC 1951, block type 1). Enough to
// make the app's screenshots (large flat areas, repeated rows) small without a
// library: a 1280x800 frame goes from 4 MB stored to a few hundred KB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace app {

// The zlib stream of `data`: header, one fixed-Huffman deflate block, Adler-32.
std::vector<uint8_t> zlib_compress(const uint8_t* data, size_t size);

}  // namespace app
