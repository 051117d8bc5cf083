// Lessons: the lesson files (lessons/*.py, embedded in both builds at build
// time by cmake/EmbedLessons.cmake) and their header. A lesson is a plain
// Python program that opens with comment lines (format: lessons/README.md):
//
//     # title: Reverse in place
//     # track: B
//     # order: 1
//     #
//     # The narrative, as comment lines, until the first line of code.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace app {

struct EmbeddedFile {
    const char* name;  // "b1_reverse_in_place.py"
    const char* text;
};
// Every lesson file, sorted by name (generated code).
const std::vector<EmbeddedFile>& embedded_lessons();

struct Lesson {
    std::string file;       // "b1_reverse_in_place.py"
    std::string title;      // "Reverse in place"
    std::string track;      // "A" or "B"
    int order = 0;
    std::string narrative;  // the header's prose, lines joined with spaces, paragraphs with "\n\n"
    std::string program;    // the whole file, as the code panel shows it
};

// The lesson in `text`, or nullopt with `error` naming what the header lacks.
std::optional<Lesson> parse_lesson(const std::string& file, const std::string& text, std::string& error);

// Every embedded lesson that parses, by track and then order.
const std::vector<Lesson>& lessons();

// The lesson header at the start of a program, as the code panel shows it: the
// leading "# title:", "# track:" and "# order:" lines (any order) and one bare
// "#" line after them. Returns its length in bytes, 0 when `source` does not
// start with a header carrying a title; `lines` gets its number of lines and
// `title` the title. The program itself keeps these lines (line numbers stay
// those of the file).
size_t lesson_header_length(const std::string& source, int& lines, std::string& title);

// "memoryview from zero", "use cases" (CURRICULUM.md's tracks).
const char* track_name(const std::string& track);

}  // namespace app
