#include "tools/bufview/cli_common.hpp"

#include <filesystem>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace bufview {

bool read_all(const std::string& path, std::string& out) {
    std::ostringstream ss;
    if (path == "-") {
        ss << std::cin.rdbuf();
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in) return false;
        ss << in.rdbuf();
    }
    out = ss.str();
    return true;
}

bool parse_u64(const char* text, uint64_t& out) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (end == text || *end != '\0' || text[0] == '-') return false;
    out = v;
    return true;
}

std::string program_name(const std::string& path) {
    if (path == "-") return "<stdin>";
    std::error_code ec;
    const auto full = std::filesystem::absolute(path, ec);
    return ec ? path : full.lexically_normal().string();
}

}  // namespace bufview
