// Code panel: the program with line numbers and Python colours, the current
// step's line, and the line of an uncaught exception with its message.
// Editing uses ImGui's multiline input with its text made transparent; the
// coloured text, the caret and the line marks are drawn over it at the same
// positions (the font is monospace).
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <fmt/format.h>

#include "imgui_app/app.hpp"
#include "imgui_app/lessons.hpp"
#include "imgui_app/syntax.hpp"
#include "imgui_app/text_fit.hpp"

namespace app {
namespace {

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

ImU32 colour_of(TokenKind k) {
    switch (k) {
        case TokenKind::Keyword: return IM_COL32(198, 120, 221, 255);
        case TokenKind::Builtin: return IM_COL32(97, 175, 239, 255);
        case TokenKind::String: return IM_COL32(152, 195, 121, 255);
        case TokenKind::Number: return IM_COL32(209, 154, 102, 255);
        case TokenKind::Comment: return IM_COL32(110, 118, 130, 255);
        case TokenKind::Definition: return IM_COL32(229, 192, 123, 255);
        case TokenKind::Plain: break;
    }
    return IM_COL32(214, 218, 226, 255);
}

// Draws `text` from `pos` on, one colour per span; returns nothing, clips to the draw list's rect.
void draw_coloured(ImDrawList* dl, ImVec2 origin, float line_h, std::string_view text,
                   const std::vector<Span>& spans, int first_line, int last_line) {
    const ImU32 plain = colour_of(TokenKind::Plain);
    int line = 0;
    uint32_t line_start = 0;
    size_t span = 0;
    auto draw_piece = [&](uint32_t a, uint32_t b, ImU32 col) {
        if (a >= b || line < first_line || line > last_line) return;
        const float x = ImGui::CalcTextSize(text.data() + line_start, text.data() + a).x;
        dl->AddText(ImVec2(origin.x + x, origin.y + line_h * static_cast<float>(line)), col,
                    text.data() + a, text.data() + b);
    };
    uint32_t i = 0;
    const auto n = static_cast<uint32_t>(text.size());
    while (i < n && line <= last_line) {
        uint32_t eol = i;
        while (eol < n && text[eol] != '\n') ++eol;
        // Pieces of this line: plain between spans, coloured inside them.
        uint32_t p = i;
        while (p < eol) {
            while (span < spans.size() && spans[span].end <= p) ++span;
            if (span < spans.size() && spans[span].begin <= p) {
                const uint32_t e = std::min(spans[span].end, eol);
                draw_piece(p, e, colour_of(spans[span].kind));
                p = e;
            } else {
                const uint32_t e = span < spans.size() ? std::min(spans[span].begin, eol) : eol;
                draw_piece(p, e, plain);
                p = e;
            }
        }
        ++line;
        i = eol + 1;
        line_start = i;
    }
}

}  // namespace

void draw_code_panel(App& app) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line_h = ImGui::GetTextLineHeight();
    const float char_w = ImGui::CalcTextSize("0").x;
    // A lesson's header lines are its title, shown above the code; the program
    // (and so every line number, traceback and edit) is still the whole file:
    // the panel edits the rest and puts the header back in front.
    int header_lines = 0;
    std::string title;
    const size_t header_len = lesson_header_length(app.source, header_lines, title);
    const std::string_view header(app.source.data(), header_len);
    if (app.code_body.size() != app.source.size() - header_len ||
        app.source.compare(header_len, std::string::npos, app.code_body) != 0)
        app.code_body = app.source.substr(header_len);
    if (!title.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(229, 192, 123, 255));
        text_fit(app, title);
        ImGui::PopStyleColor();
    }
    const std::string& body = app.code_body;
    const int lines = 1 + static_cast<int>(std::count(body.begin(), body.end(), '\n'));
    const int last_number = lines + header_lines;
    const float gutter = char_w * (last_number >= 100 ? 4.5f : 3.5f) + 6.0f;
    const bool has_error = app.session && app.session->error() && app.ran_source == app.source;
    const int error_line = has_error ? app.session->error()->line - header_lines : 0;  // in the body
    const float message_h = has_error ? line_h * 2.2f : 0.0f;

    ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(top.x + gutter, top.y));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(24, 26, 31, 255));
    const bool changed = ImGui::InputTextMultiline(
        "##source", app.code_body.data(), app.code_body.capacity() + 1,
        ImVec2(avail.x - gutter, avail.y - message_h),
        ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackResize, resize_callback, &app.code_body);
    ImGui::PopStyleColor(2);
    if (changed) {
        app.source = std::string(header) + app.code_body;
        app.edited_at = app.now;
    }
    const ImGuiID id = ImGui::GetID("##source");
    if (ImGui::IsItemActive() && ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
        run_program(app);

    // The input's child window: its scroll tells where each line is drawn.
    ImGuiWindow* parent = ImGui::GetCurrentWindow();
    const std::string child_name = fmt::format("{}/{}_{:08X}", parent->Name, "##source", id);
    ImGuiWindow* child = ImGui::FindWindowByName(child_name.c_str());
    if (!child) return;
    const ImVec2 origin(child->Pos.x + style.FramePadding.x - child->Scroll.x,
                        child->Pos.y + style.FramePadding.y - child->Scroll.y);
    const int first = std::max(0, static_cast<int>(child->Scroll.y / line_h) - 1);
    const int last = std::min(lines - 1, first + static_cast<int>(child->Size.y / line_h) + 2);

    ImDrawList* dl = child->DrawList;
    dl->PushClipRect(child->InnerClipRect.Min, child->InnerClipRect.Max, true);
    auto line_rect = [&](int line, ImU32 col) {  // line is 1-based
        const float y = origin.y + line_h * static_cast<float>(line - 1);
        dl->AddRectFilled(ImVec2(child->Pos.x, y), ImVec2(child->Pos.x + child->Size.x, y + line_h), col);
    };
    const int current = app.session && app.step > 0 ? app.overview.line - header_lines : 0;  // in the body
    // Follow the current line: when it changes (a step, a seek, a re-run), scroll
    // it into view with a line of margin; the user's own scrolling is left alone.
    const int followed = current + header_lines;
    if (current > 0 && followed != app.code_followed_line) {
        app.code_followed_line = followed;
        const float y = line_h * static_cast<float>(current - 1);
        const float view_h = child->Size.y - 2 * style.FramePadding.y;
        if (y - line_h < child->Scroll.y) ImGui::SetScrollY(child, std::max(0.0f, y - line_h));
        else if (y + 2 * line_h > child->Scroll.y + view_h) ImGui::SetScrollY(child, y + 2 * line_h - view_h);
    }
    if (current > 0) line_rect(current, IM_COL32(80, 120, 200, 60));
    if (error_line > 0) line_rect(error_line, IM_COL32(220, 70, 60, 70));
    draw_coloured(dl, origin, line_h, body, highlight_python(body), first, last);
    // The caret (the input's own is transparent with the text).
    if (ImGuiInputTextState* st = ImGui::GetInputTextState(id); st && ImGui::GetActiveID() == id) {
        const int cursor = std::clamp(st->Stb.cursor, 0, st->CurLenW);
        int line = 0, col_start = 0;
        for (int k = 0; k < cursor; ++k)
            if (st->TextW[k] == '\n') ++line, col_start = k + 1;
        char utf8[1024];
        ImTextStrToUtf8(utf8, sizeof utf8, st->TextW.Data + col_start, st->TextW.Data + cursor);
        const float x = origin.x + ImGui::CalcTextSize(utf8).x;
        const float y = origin.y + line_h * static_cast<float>(line);
        if (st->CursorAnim <= 0.0f || ImFmod(st->CursorAnim, 1.20f) <= 0.80f)
            dl->AddLine(ImVec2(x, y), ImVec2(x, y + line_h - 1), IM_COL32(240, 240, 240, 255), 1.5f);
    }
    dl->PopClipRect();

    // Line numbers in the gutter, aligned with the scrolled text.
    ImDrawList* pdl = ImGui::GetWindowDrawList();
    pdl->PushClipRect(ImVec2(top.x, child->Pos.y), ImVec2(top.x + gutter, child->Pos.y + child->Size.y), true);
    for (int l = first; l <= last; ++l) {
        const std::string num = std::to_string(l + 1 + header_lines);  // the file's line numbers
        const ImU32 col = l + 1 == error_line ? IM_COL32(255, 110, 90, 255)
                          : l + 1 == current  ? IM_COL32(235, 238, 245, 255)
                                              : IM_COL32(100, 106, 118, 255);
        pdl->AddText(ImVec2(top.x + gutter - 6 - ImGui::CalcTextSize(num.c_str()).x, origin.y + line_h * static_cast<float>(l)),
                     col, num.c_str());
    }
    pdl->PopClipRect();

    if (has_error) {
        ImGui::SetCursorScreenPos(ImVec2(top.x, child->Pos.y + child->Size.y + 4));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 100, 255));
        ImGui::TextWrapped("line %d: %s", error_line + header_lines, app.session->exception_line().c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace app
