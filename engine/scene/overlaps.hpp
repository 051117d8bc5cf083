// Overlaps: the bytes of one block seen by two or more views, with the set of
// views, as periodic runs (see Overlap in scene.hpp).
//
// Each element run of a view is, over its span, a periodic byte pattern (bytes
// b with (b - first) mod |stride| < itemsize). Between two consecutive span
// ends the set of active runs is fixed, so the views seeing a byte repeat with
// the lcm of the active periods: one period is computed and repeated as
// periodic overlaps, instead of one overlap per run of bytes. Short segments (or
// ones whose period is too long to repeat twice) are computed byte by byte, as
// is the whole block when the segments cost more than marking every byte.
// Consecutive runs of one view that go on with the same pattern (the rows of a
// 2-D view) are one span; an overlap that goes on across a segment's end is
// joined with its continuation. The result is exact, not always minimal.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/scene/scene.hpp"

namespace engine::scene {

struct OverlapInput {
    uint64_t view = 0;                    // the view's id
    const std::vector<ElementRun>* runs;  // its covered bytes
};

// Appends to `out` the overlaps of these views within [wb, we) of `block`,
// sorted by begin. Pieces of different overlaps never share a byte.
void compute_overlaps(uint64_t block, uint64_t wb, uint64_t we,
                      const std::vector<OverlapInput>& views, std::vector<Overlap>& out);

}  // namespace engine::scene
