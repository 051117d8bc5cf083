// The scripted user's language: what parses, what is refused with its line,
// and how targets are found among the probe items of a frame.
#include "imgui_app/ui_script.hpp"

#include <gtest/gtest.h>

namespace app {
namespace {

TEST(UiScript, ParsesEveryVerb) {
    std::string error;
    auto a = parse_ui_script(
        "# comment\n"
        "wait 3\n"
        "drag cell data 4 9   # trailing comment\n"
        "rclick cell data 6\n"
        "click button Insert view\n"
        "dclick lane mv 2\n"
        "key ctrl+shift+s\n"
        "type 0x41 # kept: typed text may hold '#'\n"
        "shot out.png\n",
        error);
    ASSERT_TRUE(a) << error;
    ASSERT_EQ(a->size(), 8u);
    EXPECT_EQ((*a)[1].verb, "drag");
    EXPECT_EQ((*a)[1].args, (std::vector<std::string>{"cell", "data", "4", "9"}));
    EXPECT_EQ((*a)[1].line, 3);
    EXPECT_EQ((*a)[3].args, (std::vector<std::string>{"button", "Insert", "view"}));
    EXPECT_EQ((*a)[6].args.size(), 8u);  // "0x41", "#", "kept:", ...
    EXPECT_EQ((*a)[5].args, (std::vector<std::string>{"ctrl+shift+s"}));
}

TEST(UiScript, RefusesWithTheLine) {
    std::string error;
    EXPECT_FALSE(parse_ui_script("wait 1\nclik cell a 1\n", error));
    EXPECT_EQ(error, "line 2: unknown verb 'clik'");
    EXPECT_FALSE(parse_ui_script("key ctrl+\n", error));
    EXPECT_EQ(error, "line 1: bad arguments for 'key'");
    EXPECT_FALSE(parse_ui_script("wait 0\n", error));
    EXPECT_FALSE(parse_ui_script("drag cell data 4\n", error));
    EXPECT_FALSE(parse_ui_script("move lane mv\n", error));
}

TEST(UiScript, FindsTargetsInTheProbe) {
    App app;
    engine::scene::SceneBlock block;
    block.id = 7;
    block.names.push_back({"<module>", 0, "data"});
    app.overview.blocks.push_back(block);
    std::vector<ProbeItem> probe(3);
    probe[0].kind = "cell", probe[0].block = 7, probe[0].offset = 4;
    probe[0].x0 = 10, probe[0].x1 = 20, probe[0].y0 = 30, probe[0].y1 = 40;
    probe[1].kind = "lane", probe[1].view = "mv", probe[1].offset = 4;
    probe[1].x0 = 10, probe[1].x1 = 20, probe[1].y0 = 41, probe[1].y1 = 45;
    probe[2].kind = "button", probe[2].view = "Insert view";
    probe[2].x0 = 100, probe[2].x1 = 200, probe[2].y0 = 0, probe[2].y1 = 10;
    using P = std::pair<float, float>;
    EXPECT_EQ(find_target(app, probe, {"cell", "data", "4"}), P(15, 35));
    EXPECT_EQ(find_target(app, probe, {"lane", "mv", "4"}), P(15, 43));
    EXPECT_EQ(find_target(app, probe, {"button", "Insert", "view"}), P(150, 5));
    EXPECT_FALSE(find_target(app, probe, {"cell", "data", "5"}));
    EXPECT_FALSE(find_target(app, probe, {"cell", "other", "4"}));
    EXPECT_FALSE(find_target(app, probe, {"button", "Insert"}));
}

}  // namespace
}  // namespace app
