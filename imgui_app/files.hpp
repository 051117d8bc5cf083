// Files on the desktop: open and save .py programs, and the directory listing
// the Open/Save dialog shows. The pure parts (reading, writing, listing) are
// tested without a window; draw_file_dialog is the ImGui side.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace app {

struct App;

// The whole file, or nullopt with `error` set ("No such file or directory").
std::optional<std::string> read_text_file(const std::string& path, std::string& error);
// Writes `text` to `path` (through a temporary beside it, then a rename, so a
// failed save never leaves half a program). False with `error` set.
bool write_text_file(const std::string& path, const std::string& text, std::string& error);

struct DirEntry {
    std::string name;  // "lessons", "a1_what_a_view_is.py"
    bool is_dir = false;
};
// "..", unless `dir` is a root, then subdirectories, then .py files, each
// sorted by name; hidden entries skipped. Empty when `dir` cannot be read.
std::vector<DirEntry> list_directory(const std::string& dir);

// Loads `path` into the app and runs it (status says why not, if it cannot).
bool open_program(App& app, const std::string& path);
// Saves the code panel to `path` and remembers it as the program's file.
bool save_program(App& app, const std::string& path);

// File menu dialogs: app.file_dialog says which one is open.
void draw_file_dialog(App& app, float width, float height);

}  // namespace app
