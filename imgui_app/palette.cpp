#include "imgui_app/palette.hpp"

#include <algorithm>

namespace app {
namespace {

// 0xRRGGBB
constexpr uint32_t kHues[kPaletteSize] = {
    0xE69F00,  // orange
    0x56B4E9,  // sky blue
    0x009E73,  // bluish green
    0xF0E442,  // yellow
    0xD55E00,  // vermillion
    0xCC79A7,  // reddish purple
    0x88CCEE,  // cyan
    0x44AA99,  // teal
    0xDDCC77,  // sand
    0xCC6677,  // rose
    0xAA4499,  // purple
    0x999933,  // olive
};

}  // namespace

uint32_t view_colour(int color, float alpha) {
    const uint32_t rgb = kHues[((color % kPaletteSize) + kPaletteSize) % kPaletteSize];
    const auto a = static_cast<uint32_t>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (a << 24) | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
}

LanePattern view_pattern(int color) {
    // Neighbouring colour indices get different textures; the 13th view repeats
    // the first hue with another pattern.
    switch (((color % 3) + (color / kPaletteSize)) % 3) {
        case 0: return LanePattern::Solid;
        case 1: return LanePattern::Stripes;
        default: return LanePattern::Dots;
    }
}

}  // namespace app
