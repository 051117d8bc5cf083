// Open/save of .py files: reading, writing through a temporary, and the
// listing the dialog shows.
#include "imgui_app/files.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace app {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("bufview-files-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    fs::path dir_;
};

TEST_F(FilesTest, SavedProgramReadsBackByteForByte) {
    const std::string path = (dir_ / "p.py").string();
    const std::string text = "data = bytearray(b\"\\x00\\xff\")\r\nprint(data)\n";
    std::string error;
    ASSERT_TRUE(write_text_file(path, text, error)) << error;
    auto back = read_text_file(path, error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(*back, text);
    EXPECT_FALSE(fs::exists(path + ".bufview-tmp"));
    // Saving again replaces the whole file.
    ASSERT_TRUE(write_text_file(path, "x = 1\n", error)) << error;
    EXPECT_EQ(*read_text_file(path, error), "x = 1\n");
}

TEST_F(FilesTest, FailuresSayWhy) {
    std::string error;
    EXPECT_FALSE(read_text_file((dir_ / "missing.py").string(), error));
    EXPECT_EQ(error, "No such file or directory");
    error.clear();
    EXPECT_FALSE(write_text_file((dir_ / "no" / "such" / "dir.py").string(), "x", error));
    EXPECT_EQ(error, "No such file or directory");
}

TEST_F(FilesTest, ListingShowsFoldersThenPythonFiles) {
    fs::create_directories(dir_ / "lessons");
    fs::create_directories(dir_ / ".git");
    for (const char* f : {"b.py", "a.py", "notes.txt", ".hidden.py"}) {
        std::string error;
        ASSERT_TRUE(write_text_file((dir_ / f).string(), "", error));
    }
    const auto entries = list_directory(dir_.string());
    std::vector<std::string> names;
    for (const auto& e : entries) names.push_back(e.name + (e.is_dir ? "/" : ""));
    EXPECT_EQ(names, (std::vector<std::string>{"../", "lessons/", "a.py", "b.py"}));
    EXPECT_TRUE(list_directory((dir_ / "missing").string()).empty());
    EXPECT_EQ(list_directory("/").front().name == "..", false);
}

}  // namespace
}  // namespace app
