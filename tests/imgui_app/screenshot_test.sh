#!/usr/bin/env bash
# The desktop app under Xvfb: render a few frames, save a PNG, check it is a real frame.
#   screenshot_test.sh BUILD_DIR   (PNG kept in BUILD_DIR/screens/ for people to look at)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$build/screens"
out="$build/screens/app-default.png"
rm -f "$out"
# Mesa's drivers keep a few allocations until exit; they are not ours.
ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build/imgui_app/bufview-app" --size 1280x800 --screenshot "$out"
python3 "$here/check_screenshot.py" "$out" 1280 800

# A program at a known step: shared bytes with both lanes, the write flash, a released view.
shot="$build/screens/app-shared-write-release.png"
ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build/imgui_app/bufview-app" --size 1280x800 --open "$here/shared_write_release.py" --step 6 \
    --screenshot "$shot" --probe "$build/screens/app-shared-write-release.json"
python3 "$here/check_screenshot.py" "$shot" 1280 800
python3 "$here/check_canvas_pixels.py" "$shot" "$build/screens/app-shared-write-release.json"
