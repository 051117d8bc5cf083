#include "imgui_app/lessons.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string_view>

namespace app {

std::optional<Lesson> parse_lesson(const std::string& file, const std::string& text, std::string& error) {
    Lesson l;
    l.file = file;
    l.program = text;
    std::istringstream in(text);
    std::string line;
    bool blank_before = false;
    while (std::getline(in, line)) {
        if (line.rfind("#", 0) != 0) break;  // the first line of code ends the header
        std::string body = line.substr(1);
        if (!body.empty() && body[0] == ' ') body.erase(0, 1);
        auto field = [&](const char* key, std::string& value) {
            const std::string k = std::string(key) + ":";
            if (body.rfind(k, 0) != 0) return false;
            value = body.substr(k.size());
            value.erase(0, value.find_first_not_of(' '));
            return true;
        };
        std::string order;
        if (field("title", l.title) || field("track", l.track)) continue;
        if (field("order", order)) {
            l.order = std::atoi(order.c_str());
            continue;
        }
        if (body.empty()) {
            blank_before = !l.narrative.empty();
            continue;
        }
        if (!l.narrative.empty()) l.narrative += blank_before ? "\n\n" : " ";
        l.narrative += body;
        blank_before = false;
    }
    if (l.title.empty() || l.track.empty() || l.order <= 0) {
        error = file + ": the header needs '# title:', '# track:' and '# order:'";
        return std::nullopt;
    }
    return l;
}

const std::vector<Lesson>& lessons() {
    static const std::vector<Lesson> all = [] {
        std::vector<Lesson> out;
        for (const EmbeddedFile& f : embedded_lessons()) {
            std::string error;
            if (auto l = parse_lesson(f.name, f.text, error)) out.push_back(std::move(*l));
            else std::fprintf(stderr, "bufview: %s\n", error.c_str());
        }
        std::sort(out.begin(), out.end(), [](const Lesson& a, const Lesson& b) {
            return a.track != b.track ? a.track < b.track : a.order < b.order;
        });
        return out;
    }();
    return all;
}

size_t lesson_header_length(const std::string& source, int& lines, std::string& title) {
    size_t pos = 0;
    lines = 0;
    title.clear();
    bool any = false;
    while (pos < source.size()) {
        const size_t eol = source.find('\n', pos);
        if (eol == std::string::npos) break;  // a header line ends with a newline
        const std::string_view line(source.data() + pos, eol - pos);
        auto key = [&](std::string_view k) { return line.substr(0, k.size()) == k; };
        if (key("# title:")) {
            title = std::string(line.substr(8));
            title.erase(0, title.find_first_not_of(' '));
        } else if (!key("# track:") && !key("# order:") && !(any && line == "#")) {
            break;
        }
        const bool bare = line == "#";
        any = true;
        pos = eol + 1;
        ++lines;
        if (bare) break;
    }
    if (!any || title.empty()) {
        lines = 0;
        title.clear();
        return 0;
    }
    return pos;
}

const char* track_name(const std::string& track) {
    if (track == "A") return "memoryview from zero";
    if (track == "B") return "use cases";
    return "more";
}

}  // namespace app
