#include "imgui_app/code_edits.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "engine/python/lexer.hpp"

namespace app {

using engine::py::Tok;
using engine::py::Token;
using engine::scene::Scene;
using engine::scene::SceneBlock;
using engine::scene::SceneView;
using engine::trace::ViewState;

namespace {

std::vector<std::string> split_lines(std::string_view s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
        const size_t nl = s.find('\n', start);
        const size_t end = nl == std::string_view::npos ? s.size() : nl;
        out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

std::string indent_of(const std::vector<std::string>& lines, int line) {
    if (line < 1 || line > static_cast<int>(lines.size())) return {};
    const std::string& l = lines[static_cast<size_t>(line - 1)];
    return l.substr(0, l.find_first_not_of(" \t") == std::string::npos ? 0 : l.find_first_not_of(" \t"));
}

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string identifier_part(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (!is_ident_char(c)) break;
        out += c;
    }
    return out.empty() || !is_ident_start(out[0]) ? std::string("view") : out;
}

// A value or index typed by the learner: one line of Python, nothing after it.
bool plain_expression(std::string_view s) {
    if (s.find_first_not_of(" \t") == std::string_view::npos) return false;
    return s.find('\n') == std::string_view::npos && s.find('#') == std::string_view::npos &&
           s.find(';') == std::string_view::npos;
}

std::string trim(std::string_view s) {
    const size_t a = s.find_first_not_of(" \t");
    if (a == std::string_view::npos) return {};
    const size_t b = s.find_last_not_of(" \t");
    return std::string(s.substr(a, b - a + 1));
}

EditResult refuse(std::string reason) { return EditResult{std::nullopt, std::move(reason)}; }

EditResult insert(std::string_view source, int line, const std::string& statement) {
    return EditResult{insert_statement(source, line, statement), {}};
}

// The name code at `line` uses for a view, or why there is none.
EditResult view_name(const SceneView& view, std::string_view source, int line, std::string& name) {
    name = usable_name(view.names, source, line);
    if (name.empty()) return refuse("No name reaches this view at this line; assign it to a variable first.");
    if (view.state != ViewState::Alive) return refuse(name + " is released; a released view cannot be used.");
    return {};
}

const SceneBlock* find_block(const Scene& scene, uint64_t id) {
    for (const auto& b : scene.blocks)
        if (b.id == id) return &b;
    return nullptr;
}

}  // namespace

CodeEdit insert_statement(std::string_view source, int line, std::string_view statement) {
    std::vector<std::string> lines = split_lines(source);
    line = std::clamp(line, 1, std::max(1, static_cast<int>(lines.size())));
    std::string indent = indent_of(lines, line);
    int at = line;  // 0-based index of the new line: after `line`
    bool before = false;

    auto tokens = engine::py::tokenize(source);
    if (!tokens) {
        // Not valid Python yet: keep to the line itself.
        if (line <= static_cast<int>(lines.size()) && !lines[static_cast<size_t>(line - 1)].empty() &&
            lines[static_cast<size_t>(line - 1)].back() == ':')
            indent += "    ";
    } else {
        const std::vector<Token>& t = *tokens;
        size_t i = 0;
        while (i < t.size() && (t[i].line < line || t[i].kind == Tok::Indent || t[i].kind == Tok::Dedent ||
                                t[i].kind == Tok::Newline))
            ++i;
        if (i < t.size() && t[i].line == line) {
            const Token& first = t[i];
            size_t j = i;
            while (j < t.size() && t[j].kind != Tok::Newline && t[j].kind != Tok::End) ++j;
            const int end_line = j < t.size() ? t[j].line : line;
            const bool leaves = first.is_name("return") || first.is_name("raise") || first.is_name("break") ||
                                first.is_name("continue");
            const bool has_body = j + 1 < t.size() && t[j + 1].kind == Tok::Indent;
            if (leaves) {
                at = line - 1;
                before = true;
            } else if (has_body && (first.is_name("def") || first.is_name("class") || first.is_op("@"))) {
                // After the whole block: the statement that runs next.
                int depth = 0;
                size_t k = j + 1;
                int last = end_line;
                for (; k < t.size(); ++k) {
                    if (t[k].kind == Tok::Indent) ++depth;
                    else if (t[k].kind == Tok::Dedent && --depth == 0) break;
                    else if (t[k].kind == Tok::Newline) last = t[k].line;
                }
                at = last;
            } else if (has_body && j + 2 < t.size()) {
                indent = indent_of(lines, t[j + 2].line);
                at = end_line;
            } else {
                at = end_line;
            }
        }
    }
    at = std::clamp(at, 0, static_cast<int>(lines.size()));
    lines.insert(lines.begin() + at, indent + std::string(statement));
    CodeEdit e;
    e.source = join_lines(lines);
    e.statement = std::string(statement);
    e.anchor_line = line;
    e.inserted_line = at + 1;
    e.before = before;
    return e;
}

std::string fresh_name(std::string_view source, std::string_view base) {
    static const std::set<std::string> kReserved = {
        "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "bytes",
        "bytearray", "memoryview", "len", "list", "print", "range", "str", "int", "open", "id", "type"};
    std::set<std::string> used;
    for (size_t i = 0; i < source.size();) {
        if (is_ident_start(source[i]) && (i == 0 || !is_ident_char(source[i - 1]))) {
            size_t j = i;
            while (j < source.size() && is_ident_char(source[j])) ++j;
            used.emplace(source.substr(i, j - i));
            i = j;
        } else {
            ++i;
        }
    }
    const std::string b = identifier_part(base);
    for (int n = 1;; ++n) {
        std::string candidate = n == 1 ? b : fmt::format("{}{}", b, n);
        if (!used.count(candidate) && !kReserved.count(candidate)) return candidate;
    }
}

std::string enclosing_function(std::string_view source, int line) {
    const std::vector<std::string> lines = split_lines(source);
    if (line < 1 || line > static_cast<int>(lines.size())) return "<module>";
    size_t width = indent_of(lines, line).size();
    for (int l = line - 1; l >= 1 && width > 0; --l) {
        const std::string& text = lines[static_cast<size_t>(l - 1)];
        const size_t at = text.find_first_not_of(" \t");
        if (at == std::string::npos || text[at] == '#' || at >= width) continue;
        width = at;
        if (text.compare(at, 4, "def ") == 0) {
            size_t b = at + 4;
            while (b < text.size() && text[b] == ' ') ++b;
            size_t e = b;
            while (e < text.size() && is_ident_char(text[e])) ++e;
            return text.substr(b, e - b);
        }
    }
    return "<module>";
}

std::string usable_name(const std::vector<engine::scene::Name>& names, std::string_view source, int line) {
    const std::string function = enclosing_function(source, line);
    for (const auto& n : names)
        if (n.function == function && (function == "<module>" || n.depth > 0)) return n.name;
    for (const auto& n : names)
        if (n.depth == 0) return n.name;
    return {};
}

std::string slice_text(std::string_view start, std::string_view stop, std::string_view step) {
    const std::string a = trim(start), b = trim(stop), c = trim(step);
    return c.empty() ? fmt::format("[{}:{}]", a, b) : fmt::format("[{}:{}:{}]", a, b, c);
}

EditResult edit_new_view(std::string_view source, const Scene& scene, uint64_t block, uint64_t begin,
                         uint64_t end, int line) {
    const SceneBlock* b = find_block(scene, block);
    if (!b || begin >= end || end > b->size) return refuse("Select bytes of a buffer first.");
    const std::string owner = usable_name(b->names, source, line);
    if (owner.empty()) return refuse("No name reaches this buffer at this line; assign its object to a variable first.");
    std::string whole;
    if (b->owner_type == "bytearray" || b->owner_type == "bytes" || b->owner_type == "mmap.mmap")
        whole = fmt::format("memoryview({})", owner);
    else if (b->owner_type == "array.array")
        whole = fmt::format("memoryview({}).cast('B')", owner);
    else if (b->owner_type == "_io.BytesIO")
        whole = fmt::format("{}.getbuffer()", owner);
    else
        return refuse(fmt::format("A {} does not export a buffer; read it into a bytearray first.", b->owner_type));
    const std::string name = fresh_name(source, "view");
    return insert(source, line, fmt::format("{} = {}[{}:{}]", name, whole, begin, end));
}

EditResult edit_set_byte(std::string_view source, const Scene& scene, uint64_t block, uint64_t offset,
                         std::string_view value, int line) {
    const SceneBlock* b = find_block(scene, block);
    if (!b || offset >= b->size) return refuse("Pick a byte of a buffer first.");
    if (!plain_expression(value)) return refuse("Type a value: a number from 0 to 255, such as 65 or 0x41.");
    const std::string owner = usable_name(b->names, source, line);
    if (owner.empty()) return refuse("No name reaches this buffer at this line; assign its object to a variable first.");
    const std::string v = trim(value);
    if (b->owner_type == "bytes")
        return refuse(fmt::format("{} is bytes, which is immutable; copy it into a bytearray to change it.", owner));
    if (b->owner_type == "bytearray" || b->owner_type == "mmap.mmap")
        return insert(source, line, fmt::format("{}[{}] = {}", owner, offset, v));
    if (b->owner_type == "array.array")
        return insert(source, line, fmt::format("memoryview({}).cast('B')[{}] = {}", owner, offset, v));
    if (b->owner_type == "_io.BytesIO")
        return insert(source, line, fmt::format("{}.getbuffer()[{}] = {}", owner, offset, v));
    return refuse(fmt::format("A {} does not export a buffer.", b->owner_type));
}

EditResult edit_release(std::string_view source, const SceneView& view, int line) {
    std::string name;
    if (EditResult r = view_name(view, source, line, name); !r.reason.empty()) return r;
    return insert(source, line, name + ".release()");
}

EditResult edit_slice(std::string_view source, const SceneView& view, std::string_view start, std::string_view stop,
                      std::string_view step, int line) {
    std::string name;
    if (EditResult r = view_name(view, source, line, name); !r.reason.empty()) return r;
    for (std::string_view part : {start, stop, step})
        if (!trim(part).empty() && !plain_expression(part)) return refuse("Slice bounds are numbers or names.");
    if (trim(step) == "0") return refuse("A slice step cannot be zero.");
    const std::string part = fresh_name(source, identifier_part(name) + "_part");
    return insert(source, line, fmt::format("{} = {}{}", part, name, slice_text(start, stop, step)));
}

EditResult edit_cast(std::string_view source, const SceneView& view, std::string_view format, std::string_view shape,
                     int line) {
    std::string name;
    if (EditResult r = view_name(view, source, line, name); !r.reason.empty()) return r;
    const std::string f = trim(format);
    if (f.empty() || f.size() > 2 || !std::all_of(f.begin(), f.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '@' || c == '?'; }))
        return refuse("Pick a format such as B, H, I or d.");
    const std::string cast_name = fresh_name(source, identifier_part(name) + "_" + (f == "?" ? std::string("bool") : f));
    const std::string s = trim(shape);
    if (s.empty()) return insert(source, line, fmt::format("{} = {}.cast('{}')", cast_name, name, f));
    if (!std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == ' '; }))
        return refuse("A shape is numbers separated by commas, such as 2, 8.");
    return insert(source, line, fmt::format("{} = {}.cast('{}', [{}])", cast_name, name, f, s));
}

EditResult edit_set_item(std::string_view source, const SceneView& view, uint64_t flat, std::string_view value,
                         int line) {
    std::string name;
    if (EditResult r = view_name(view, source, line, name); !r.reason.empty()) return r;
    if (view.readonly) return refuse(name + " is read-only: its object does not allow writes.");
    if (!plain_expression(value)) return refuse("Type a value for the item, such as 65.");
    if (flat >= view.elements) return refuse("Pick an element of the view.");
    std::string index;
    uint64_t rest = flat;
    for (size_t d = view.shape.size(); d-- > 0;) {
        const auto extent = static_cast<uint64_t>(std::max<int64_t>(view.shape[d], 1));
        index = std::to_string(rest % extent) + (index.empty() ? "" : ", " + index);
        rest /= extent;
    }
    if (index.empty()) index = "()";  // 0-d view: mv[()] = value
    return insert(source, line, fmt::format("{}[{}] = {}", name, index, trim(value)));
}

int64_t step_after_edit(const std::vector<int>& old_lines, int64_t old_step, const std::vector<int>& new_lines,
                        const CodeEdit& edit) {
    const auto n_new = static_cast<int64_t>(new_lines.size());
    const int64_t fallback = std::clamp<int64_t>(old_step, n_new > 0 ? 1 : 0, n_new);
    if (old_step < 1 || old_step > static_cast<int64_t>(old_lines.size())) return fallback;
    // Which pass over the anchor line the old step was.
    int64_t pass = 0;
    for (int64_t s = 0; s < old_step; ++s)
        if (old_lines[static_cast<size_t>(s)] == edit.anchor_line) ++pass;
    const int anchor = edit.anchor_line >= edit.inserted_line ? edit.anchor_line + 1 : edit.anchor_line;
    int64_t seen = 0;
    for (int64_t s = 0; s < n_new; ++s) {
        if (new_lines[static_cast<size_t>(s)] != anchor) continue;
        if (++seen != pass) continue;
        if (edit.before) {
            // The inserted line runs just before this pass over the anchor.
            return s > 0 && new_lines[static_cast<size_t>(s - 1)] == edit.inserted_line ? s : fallback;
        }
        for (int64_t k = s + 1; k < n_new; ++k) {
            if (new_lines[static_cast<size_t>(k)] == edit.inserted_line) return k + 1;
            if (new_lines[static_cast<size_t>(k)] == anchor) break;
        }
        return fallback;
    }
    return fallback;
}

}  // namespace app
