// Labels that fit: a text either fits the room it is given or is cut at a
// character boundary and ends with "..."; the full text shows on hover. Every
// label and button drawn through here is recorded in the probe (app.hpp) with
// its text, its width and its panel's rect, so tests can check nothing is cut.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace app {

struct App;

// The longest start of `text` (whole UTF-8 characters) that, followed by
// "...", is at most `max_width` wide; `text` itself when it fits; "" when not
// even "..." fits. `measure` gives a string's width. Pure: tested without ImGui.
std::string elide(std::string_view text, float max_width, const std::function<float(std::string_view)>& measure);

// ImGui's width of `text` in the current font.
float text_width(std::string_view text);

// The text at the cursor, elided to `max_width` (< 0: up to the window's
// content edge); a tooltip with the whole text when elided and hovered.
// `disabled`: the dim colour of ImGui::TextDisabled. Returns true if elided.
bool text_fit(App& app, std::string_view text, float max_width = -1.0f, bool disabled = false);

// A button whose label is elided to `max_width` (< 0: what is left of the
// line). `id` keeps the button's identity when the label is cut. True if clicked.
bool button_fit(App& app, std::string_view label, float max_width = -1.0f, const char* id = nullptr);

// Records the last ImGui item in the probe as `kind` ("label", "button") with
// `text` (the whole text), the width it is drawn at, whether it was elided, and
// whether any of it falls outside the window's visible rect (clipped).
void probe_text_item(App& app, const char* kind, std::string_view text, float drawn_width, bool elided);

}  // namespace app
