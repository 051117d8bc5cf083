// Where each panel goes: a pure function of the window size, so the layout is
// testable without a window and the same in the desktop and browser builds.
#pragma once

namespace app {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

struct PanelLayout {
    Rect timeline;   // full width strip under the menu bar
    Rect code;       // left column, top
    Rect console;    // left column, bottom
    Rect canvas;     // middle: the memory canvas gets the most room
    Rect inspector;  // right column, top
    Rect lessons;    // right column, bottom
};

// Splits a window of `width` x `height` pixels below a menu bar of `top` pixels.
// `scale` is the UI scale (HiDPI): fixed sizes such as the timeline's height grow
// with it. Panels tile the area exactly: no gaps, no overlaps.
PanelLayout layout_panels(float width, float height, float top, float scale = 1.0f);

// Bytes per row for a memory panel whose content is `avail_w` wide, drawn with
// glyphs `char_w` wide and lines `line_h` high: the preferred 8, 16 or 32,
// halved while a row (address gutter, hex cells, ASCII column) does not fit;
// never under 8 (the panel scrolls sideways then).
int fitting_bytes_per_row(int preferred, float avail_w, float char_w, float line_h);

}  // namespace app
