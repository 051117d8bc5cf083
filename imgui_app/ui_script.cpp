#include "imgui_app/ui_script.hpp"

#include <imgui.h>

#include <cctype>
#include <map>
#include <sstream>

#include <fmt/format.h>

namespace app {

namespace {

// GLFW key codes, which the ImGui GLFW backend (and Emscripten's GLFW) use.
const std::map<std::string, int>& named_keys() {
    static const std::map<std::string, int> keys = {
        {"escape", 256}, {"enter", 257}, {"tab", 258}, {"backspace", 259}, {"right", 262},
        {"left", 263},   {"down", 264},  {"up", 265},  {"pageup", 266},    {"pagedown", 267},
        {"home", 268},   {"end", 269}};
    return keys;
}

struct KeyChord {
    bool ctrl = false, shift = false;
    int code = -1;
};

std::optional<KeyChord> parse_key(std::string k) {
    KeyChord c;
    for (auto& ch : k) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    while (true) {
        if (k.rfind("ctrl+", 0) == 0) c.ctrl = true, k.erase(0, 5);
        else if (k.rfind("shift+", 0) == 0) c.shift = true, k.erase(0, 6);
        else break;
    }
    if (k.size() == 1 && std::isalnum(static_cast<unsigned char>(k[0]))) c.code = std::toupper(static_cast<unsigned char>(k[0]));
    else if (k.size() >= 2 && k[0] == 'f' && std::isdigit(static_cast<unsigned char>(k[1]))) {
        const int n = std::atoi(k.c_str() + 1);
        if (n >= 1 && n <= 12) c.code = 289 + n;
    } else if (auto it = named_keys().find(k); it != named_keys().end()) c.code = it->second;
    if (c.code < 0) return std::nullopt;
    return c;
}

bool is_target(const std::vector<std::string>& a, size_t from) {
    if (a.size() <= from) return false;
    if (a[from] == "button") return a.size() > from + 1;
    if (a[from] == "cell" || a[from] == "lane") return a.size() == from + 3;
    return false;
}

uint64_t block_named(const App& app, const std::string& name) {
    for (const auto& b : app.overview.blocks)
        for (const auto& n : b.names)
            if (n.name == name) return b.id;
    return 0;
}

// "A3  Slicing" -> "A3 Slicing": labels are matched word by word.
std::string collapse_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' || (!out.empty() && out.back() != ' ')) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string join_from(const std::vector<std::string>& a, size_t from) {
    std::string s;
    for (size_t i = from; i < a.size(); ++i) s += (i > from ? " " : "") + a[i];
    return s;
}

}  // namespace

std::optional<std::vector<UiAction>> parse_ui_script(const std::string& text, std::string& error) {
    std::vector<UiAction> out;
    std::istringstream in(text);
    std::string raw;
    for (int line = 1; std::getline(in, raw); ++line) {
        if (const size_t hash = raw.find('#'); hash != std::string::npos && raw.rfind("type", 0) != 0) raw.erase(hash);
        std::istringstream words(raw);
        UiAction a;
        a.line = line;
        if (!(words >> a.verb)) continue;
        for (std::string w; words >> w;) a.args.push_back(w);
        const auto& v = a.verb;
        bool ok = false;
        if (v == "move" || v == "dclick") ok = is_target(a.args, 0);
        else if (v == "click" || v == "rclick") ok = a.args.empty() || is_target(a.args, 0);
        else if (v == "down" || v == "up") ok = a.args.empty();
        else if (v == "drag") ok = a.args.size() == 4 && a.args[0] == "cell";
        else if (v == "key") ok = a.args.size() == 1 && parse_key(a.args[0]).has_value();
        else if (v == "type") ok = !a.args.empty();
        else if (v == "wait") ok = a.args.size() == 1 && std::atoi(a.args[0].c_str()) > 0;
        else if (v == "wheel") ok = a.args.size() == 1 && std::atof(a.args[0].c_str()) != 0.0;
        else if (v == "shot") ok = a.args.size() == 1;
        else {
            error = fmt::format("line {}: unknown verb '{}'", line, v);
            return std::nullopt;
        }
        if (!ok) {
            error = fmt::format("line {}: bad arguments for '{}'", line, v);
            return std::nullopt;
        }
        out.push_back(std::move(a));
    }
    return out;
}

std::optional<std::pair<float, float>> find_target(const App& app, const std::vector<ProbeItem>& probe,
                                                   const std::vector<std::string>& t) {
    if (t.empty()) return std::nullopt;
    const std::string kind = t[0];
    std::string label;
    uint64_t block = 0, offset = 0;
    if (kind == "button") {
        label = join_from(t, 1);
    } else {
        if (t.size() != 3) return std::nullopt;
        offset = std::strtoull(t[2].c_str(), nullptr, 10);
        if (kind == "cell" && (block = block_named(app, t[1])) == 0) return std::nullopt;
        label = t[1];
    }
    for (const ProbeItem& p : probe) {
        if (p.kind != kind) continue;
        const bool hit = kind == "button" ? collapse_spaces(p.view) == label
                         : kind == "cell" ? p.block == block && p.offset == offset
                                          : p.view == label && p.offset == offset;
        if (hit) return std::make_pair((p.x0 + p.x1) * 0.5f, (p.y0 + p.y1) * 0.5f);
    }
    return std::nullopt;
}

bool UiScript::aim(const App& app, const std::vector<ProbeItem>& probe, const std::vector<std::string>& target) {
    if (target.empty()) return true;  // where the mouse already is
    const auto at = find_target(app, probe, target);
    if (!at) {
        error_ = fmt::format("line {}: nothing drawn at '{}'", actions_[next_].line, join_from(target, 0));
        return false;
    }
    x_ = at->first;
    y_ = at->second;
    return true;
}

void UiScript::before_frame(const App& app, ImGuiIO& io, const std::vector<ProbeItem>& probe) {
    for (int k : held_keys_) io.KeysDown[k] = false;
    if (!held_keys_.empty()) io.KeyCtrl = io.KeyShift = false;
    held_keys_.clear();
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = down_;
    io.MouseDown[1] = false;
    if (!error_.empty() || next_ >= actions_.size()) return;

    const UiAction& a = actions_[next_];
    const auto& v = a.verb;
    const int phase = phase_++;
    auto done = [&] {
        ++next_;
        phase_ = 0;
    };
    auto press = [&](int button, bool on) {
        if (button == 0) down_ = on;
        io.MouseDown[button] = on;
    };
    if (v == "wait") {
        if (phase + 1 >= std::atoi(a.args[0].c_str())) done();
    } else if (v == "wheel") {
        io.MouseWheel = static_cast<float>(std::atof(a.args[0].c_str()));
        done();
    } else if (v == "shot") {
        shot_ = a.args[0];
        done();
    } else if (v == "type") {
        io.AddInputCharactersUTF8(join_from(a.args, 0).c_str());
        done();
    } else if (v == "key") {
        const KeyChord c = *parse_key(a.args[0]);
        io.KeyCtrl = c.ctrl;
        io.KeyShift = c.shift;
        io.KeysDown[c.code] = true;
        held_keys_.push_back(c.code);
        done();
    } else if (v == "down" || v == "up") {
        press(0, v == "down");
        done();
    } else if (v == "move") {
        if (aim(app, probe, a.args)) io.MousePos = ImVec2(x_, y_);
        done();
    } else if (v == "click" || v == "rclick" || v == "dclick") {
        // Hover first, then press and release (twice for a double click).
        const int button = v == "rclick" ? 1 : 0;
        const int presses = v == "dclick" ? 2 : 1;
        if (phase == 0) {
            if (!aim(app, probe, a.args)) return;
            io.MousePos = ImVec2(x_, y_);
        } else {
            press(button, phase % 2 == 1);
            if (phase == presses * 2) done();
        }
    } else if (v == "drag") {
        const std::vector<std::string> from = {"cell", a.args[1], a.args[2]}, to = {"cell", a.args[1], a.args[3]};
        if (phase == 0) {
            if (aim(app, probe, from)) io.MousePos = ImVec2(x_, y_);
        } else if (phase == 1) {
            press(0, true);
        } else if (phase == 2 || phase == 3) {
            if (aim(app, probe, to)) io.MousePos = ImVec2(x_, y_);
        } else {
            press(0, false);
            done();
        }
    }
}

std::optional<std::string> UiScript::take_shot() {
    auto s = std::move(shot_);
    shot_.reset();
    return s;
}

}  // namespace app
