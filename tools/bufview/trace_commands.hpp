// `bufview trace FILE.py` and `bufview scene FILE.py --step N`: the recorded
// steps (events, copy meter) and the scene of one step, as JSON (see
// engine/scene/SCHEMA.md). argv[0] is the command name ("trace" / "scene").
#pragma once

namespace bufview {

int run_trace_command(int argc, char** argv);
int run_scene_command(int argc, char** argv);

}  // namespace bufview
