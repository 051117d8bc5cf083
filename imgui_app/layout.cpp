#include "imgui_app/layout.hpp"

#include <algorithm>

#include "imgui_app/canvas_layout.hpp"

namespace app {

PanelLayout layout_panels(float width, float height, float top, float scale) {
    width = std::max(width, 1.0f);
    height = std::max(height, top + 1.0f);
    PanelLayout l;
    const float timeline_h = std::min(76.0f * scale, (height - top) * 0.25f);
    const float body_y = top + timeline_h;
    const float body_h = height - body_y;
    const float left_w = std::max(width * 0.32f, std::min(360.0f * scale, width * 0.4f));
    const float right_w = std::max(width * 0.22f, std::min(280.0f * scale, width * 0.25f));
    const float mid_w = std::max(width - left_w - right_w, 1.0f);
    const float code_h = body_h * 0.64f;
    const float inspector_h = body_h * 0.58f;

    l.timeline = {0, top, width, timeline_h};
    l.code = {0, body_y, left_w, code_h};
    l.console = {0, body_y + code_h, left_w, body_h - code_h};
    l.canvas = {left_w, body_y, mid_w, body_h};
    l.inspector = {left_w + mid_w, body_y, width - left_w - mid_w, inspector_h};
    l.lessons = {left_w + mid_w, body_y + inspector_h, width - left_w - mid_w, body_h - inspector_h};
    return l;
}

int fitting_bytes_per_row(int preferred, float avail_w, float char_w, float line_h) {
    int n = preferred >= 32 ? 32 : preferred >= 16 ? 16 : 8;
    while (n > 8 && canvas_width(make_canvas_settings(n, char_w, line_h)) > avail_w) n /= 2;
    return n;
}

}  // namespace app
