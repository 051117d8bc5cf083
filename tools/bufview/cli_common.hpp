// Small pieces shared by the `bufview` subcommands (run, trace, scene).
#pragma once

#include <cstdint>
#include <string>

namespace bufview {

// Reads a whole file, or standard input for "-". False if it cannot be opened.
bool read_all(const std::string& path, std::string& out);

// The name a traceback gives the program: "<stdin>" for "-", else the file's
// absolute path, as CPython 3.11 shows the main script.
std::string program_name(const std::string& path);

// A decimal unsigned number filling all of `text` (no sign). False otherwise.
bool parse_u64(const char* text, uint64_t& out);

}  // namespace bufview
