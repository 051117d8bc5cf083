#include "imgui_app/files.hpp"

#include <imgui.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "imgui_app/app.hpp"

namespace app {

namespace fs = std::filesystem;

std::optional<std::string> read_text_file(const std::string& path, std::string& error) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    std::string text;
    char buf[1 << 14];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    const bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) {
        error = "read error";
        return std::nullopt;
    }
    return text;
}

bool write_text_file(const std::string& path, const std::string& text, std::string& error) {
    const std::string tmp = path + ".bufview-tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) {
        error = std::strerror(errno);
        return false;
    }
    const bool wrote = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    const bool closed = std::fclose(f) == 0;
    std::error_code ec;
    if (!wrote || !closed) {
        error = "write error";
        fs::remove(tmp, ec);
        return false;
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        error = ec.message();
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

std::vector<DirEntry> list_directory(const std::string& dir) {
    std::vector<DirEntry> dirs, files;
    std::error_code ec;
    fs::directory_iterator it(dir.empty() ? "." : dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return {};
    for (const fs::directory_entry& e : it) {
        std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code ec2;
        if (e.is_directory(ec2)) dirs.push_back({name, true});
        else if (e.path().extension() == ".py") files.push_back({name, false});
    }
    auto by_name = [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; };
    std::sort(dirs.begin(), dirs.end(), by_name);
    std::sort(files.begin(), files.end(), by_name);
    std::vector<DirEntry> out;
    const fs::path p = fs::absolute(dir.empty() ? "." : dir, ec);
    if (!ec && p.has_relative_path()) out.push_back({"..", true});
    out.insert(out.end(), dirs.begin(), dirs.end());
    out.insert(out.end(), files.begin(), files.end());
    return out;
}

bool open_program(App& app, const std::string& path) {
    std::string error;
    auto text = read_text_file(path, error);
    if (!text) {
        app.status = fmt::format("cannot open {}: {}", path, error);
        return false;
    }
    load_program(app, std::move(*text), path);
    app.status = fmt::format("opened {}", path);
    return true;
}

bool save_program(App& app, const std::string& path) {
    std::string error;
    if (!write_text_file(path, app.source, error)) {
        app.status = fmt::format("cannot save {}: {}", path, error);
        return false;
    }
    app.file_path = path;
    app.saved_source = app.source;
    app.status = fmt::format("saved {}", path);
    return true;
}

namespace {

std::string parent_dir(const std::string& path) {
    const fs::path p = fs::absolute(path.empty() ? "." : path).lexically_normal();
    return p.has_filename() ? p.parent_path().string() : p.parent_path().parent_path().string();
}

}  // namespace

void draw_file_dialog(App& app, float width, float height) {
    auto& d = app.file_dialog;
    if (d.mode == App::FileDialog::Mode::None) return;
    const char* title = d.mode == App::FileDialog::Mode::Open ? "Open a Python file###files" : "Save as###files";
    if (!ImGui::IsPopupOpen("###files")) ImGui::OpenPopup(title);
    ImGui::SetNextWindowPos(ImVec2(width * 0.5f, height * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(width * 0.8f, 640 * app.ui_scale), std::min(height * 0.7f, 460 * app.ui_scale)),
                             ImGuiCond_Appearing);
    bool open = true;
    if (!ImGui::BeginPopupModal(title, &open)) {
        d.mode = App::FileDialog::Mode::None;
        return;
    }
    if (d.dir.empty()) d.dir = app.file_path.empty() ? fs::current_path().string() : parent_dir(app.file_path);
    ImGui::TextDisabled("%s", d.dir.c_str());
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("##entries", ImVec2(0, -footer), true);
    std::string enter;
    for (const DirEntry& e : list_directory(d.dir)) {
        const std::string label = e.is_dir ? e.name + "/" : e.name;
        if (ImGui::Selectable(label.c_str(), !e.is_dir && e.name == d.name, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.is_dir) enter = e.name;
            else {
                std::snprintf(d.name, sizeof d.name, "%s", e.name.c_str());
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) d.confirm = true;
            }
        }
    }
    ImGui::EndChild();
    if (!enter.empty()) d.dir = (fs::path(d.dir) / enter).lexically_normal().string();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
    if (ImGui::InputText("##name", d.name, sizeof d.name, ImGuiInputTextFlags_EnterReturnsTrue)) d.confirm = true;
    ImGui::SameLine();
    if (ImGui::Button(d.mode == App::FileDialog::Mode::Open ? "Open" : "Save")) d.confirm = true;
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open = false;
    if (!d.error.empty()) ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1.0f), "%s", d.error.c_str());
    if (d.confirm && d.name[0]) {
        d.confirm = false;
        const fs::path chosen = fs::path(d.name).is_absolute() ? fs::path(d.name) : fs::path(d.dir) / d.name;
        const bool ok = d.mode == App::FileDialog::Mode::Open ? open_program(app, chosen.string())
                                                              : save_program(app, chosen.string());
        if (ok) open = false;
        else d.error = app.status;
    }
    d.confirm = false;
    if (!open) {
        d.mode = App::FileDialog::Mode::None;
        d.error.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace app
