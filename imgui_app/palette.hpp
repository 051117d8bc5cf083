// View colours and patterns. Twelve hues chosen to stay apart for common
// colour-vision deficiencies (Okabe-Ito and Paul Tol's sets) on a dark
// background; each view also gets a fill pattern, and every lane carries the
// view's name, so colour alone never tells two views apart.
#pragma once

#include <cstdint>

namespace app {

inline constexpr int kPaletteSize = 12;

enum class LanePattern { Solid, Stripes, Dots };

// RGBA (0xAABBGGRR, ImGui's ImU32 order) for colour index `color`, stable per view.
uint32_t view_colour(int color, float alpha = 1.0f);
LanePattern view_pattern(int color);

inline constexpr uint32_t kReleasedColour = 0xFF8A8A8A;  // released views: grey, dashed

}  // namespace app
