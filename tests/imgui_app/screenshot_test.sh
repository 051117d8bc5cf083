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
ASAN_OPTIONS=detect_leaks=1 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build/imgui_app/bufview-app" --size 1280x800 --screenshot "$out"
python3 "$here/check_screenshot.py" "$out" 1280 800

# A program at a known step: shared bytes with both lanes, the write flash, a released view.
shot="$build/screens/app-shared-write-release.png"
ASAN_OPTIONS=detect_leaks=1 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build/imgui_app/bufview-app" --size 1280x800 --open "$here/shared_write_release.py" --step 6 \
    --screenshot "$shot" --probe "$build/screens/app-shared-write-release.json"
python3 "$here/check_screenshot.py" "$shot" 1280 800
python3 "$here/check_canvas_pixels.py" "$shot" "$build/screens/app-shared-write-release.json"

# Direct manipulation, played by a scripted learner: drag over bytes, insert a view
# from the byte menu, release it from its lane's menu, save with Ctrl+S. The menus'
# screenshots stay in screens/ for people to look at.
work="$build/screens/direct-manipulation"
rm -rf "$work"
mkdir -p "$work"
printf 'data = bytearray(b"0123456789abcdef")\nmv = memoryview(data)\nprint(len(mv))\n' > "$work/program.py"
(cd "$build/screens" && ASAN_OPTIONS=detect_leaks=1 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build/imgui_app/bufview-app" --size 1280x800 --open "$work/program.py" --step 2 \
    --input "$here/direct_manipulation.txt" --screenshot "$work/after.png" --probe "$work/after.json")
python3 "$here/check_screenshot.py" "$build/screens/app-byte-menu.png" 1280 800
python3 "$here/check_direct_manipulation.py" "$work/program.py" "$work/after.json"

# The Lessons panel: open lesson A3 and step with the keyboard; evens covers every other byte.
shot="$build/screens/app-lesson-a3.png"
ASAN_OPTIONS=detect_leaks=1 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$build/imgui_app/bufview-app" --size 1280x800 --input "$here/open_lesson.txt" \
    --screenshot "$shot" --probe "$build/screens/app-lesson-a3.json"
python3 "$here/check_screenshot.py" "$shot" 1280 800
python3 - "$build/screens/app-lesson-a3.json" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))
evens = sorted(i["offset"] for i in items if i["kind"] == "lane" and i["view"] == "evens")
print(("ok   " if evens == [0, 2, 4, 6, 8] else "FAIL ") + f"lesson A3 at step 4: evens covers {evens}")
sys.exit(0 if evens == [0, 2, 4, 6, 8] else 1)
PY

# The picture tells each step's story (issue 11): the use cases and lesson A6 at named steps.
python3 "$here/check_picture.py" "$build"

# Every label fits its window (issue 12): 1024x640 to 1920x1080 (screen = window).
python3 "$here/check_layout.py" "$build"
