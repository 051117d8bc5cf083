// A minimal PNG encoder (8-bit RGBA, filter 0, compressed by deflate.hpp):
// enough for screenshots of the app without another dependency.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace app {

// `rgba` holds width*height*4 bytes, rows top to bottom.
std::vector<uint8_t> encode_png(const uint8_t* rgba, int width, int height);

// Writes the PNG to `path`; false if the file could not be written.
bool write_png(const std::string& path, const uint8_t* rgba, int width, int height);

}  // namespace app
