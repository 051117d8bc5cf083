#!/usr/bin/env python3
"""Every label fits its window (issue 12), in the desktop app under Xvfb.

  check_layout.py BUILD_DIR

Opens lesson A6 and the use case of packet assembly (case 5) in bufview-app at
1024x640, 1280x800 and 1920x1080 (the last on a screen of exactly that size),
at the first, a middle and the last step. In every shot, each text the app
says it drew (--probe items with a panel: labels, buttons, block titles,
badges, variables, carets, tombstones...) must lie inside its panel and not
be cut by its window (a label that does not fit is elided with "..." and its
full text on hover; elided is fine, cut is not). Screenshots:
BUILD_DIR/screens/layout/*.png. Prints one line per shot and the failures.
"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
build = os.path.abspath(sys.argv[1])
app = os.path.join(build, "imgui_app", "bufview-app")
cli = os.path.join(build, "tools", "bufview", "bufview")
screens = os.path.join(build, "screens", "layout")
os.makedirs(screens, exist_ok=True)
env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1")
failures = []

PROGRAMS = {
    "a6": os.path.join(root, "lessons", "a6_release_and_locks.py"),
    "case5": os.path.join(here, "usecases", "case5_packet.py"),
}
# (window, screen): the largest runs on a screen of its own size.
SIZES = [("1024x640", "1600x1000"), ("1280x800", "1600x1000"), ("1920x1080", "1920x1080")]


def step_count(path):
    out = subprocess.run([cli, "trace", path], capture_output=True, text=True, env=env, check=True).stdout
    return len(json.loads(out)["steps"])


def shoot(path, step, size, screen, tag):
    png = os.path.join(screens, f"{tag}-step{step}-{size}.png")
    probe = os.path.join(screens, f"{tag}-step{step}-{size}.json")
    p = subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", app, "--size", size, "--open", path,
                        "--step", str(step), "--screenshot", png, "--probe", probe], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        failures.append(f"{tag} step {step} at {size}: bufview-app exited {p.returncode}: {p.stderr[-800:]}")
        return []
    return json.load(open(probe))


def bad_items(items):
    bad = []
    for i in items:
        if "panel" not in i:
            continue
        x0, y0, x1, y1 = i["rect"]
        px0, py0, px1, py1 = i["panel_rect"]
        inside = x0 >= px0 - 1 and x1 <= px1 + 1
        if not i["scrolls"]:  # a row half out of a scrolling list is scrolled, not cut
            inside = inside and y0 >= py0 - 1 and y1 <= py1 + 1
        if not inside or i["clipped"]:
            bad.append(f'{i["panel"]}: {i["kind"]} "{i["text"][:80]}" at {i["rect"]} in {i["panel_rect"]}'
                       + (" (cut)" if i["clipped"] else " (outside)"))
    return bad


for tag, path in PROGRAMS.items():
    n = step_count(path)
    for size, screen in SIZES:
        for step in sorted({1, (n + 1) // 2, n}):
            items = shoot(path, step, size, screen, tag)
            checked = [i for i in items if "panel" in i]
            bad = bad_items(items)
            print(f"{'ok  ' if not bad and len(checked) >= 10 else 'FAIL'} {tag} step {step}/{n} at {size}: "
                  f"{len(checked)} texts in their panels, {sum(1 for i in checked if i['elided'])} elided, "
                  f"{len(bad)} out or cut")
            if len(checked) < 10:
                failures.append(f"{tag} step {step} at {size}: only {len(checked)} texts probed")
            failures.extend(f"{tag} step {step} at {size}: {b}" for b in bad)

for f in failures:
    print("FAIL " + f)
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
