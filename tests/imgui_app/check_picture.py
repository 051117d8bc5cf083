#!/usr/bin/env python3
"""The picture tells each step's story (issue 11), in the desktop app under Xvfb.

  check_picture.py BUILD_DIR

Runs the use-case programs verbatim (tests/imgui_app/usecases/, copies of
../shared/usecases/) and lesson A6 in bufview-app at named steps (found by
line in `bufview trace`), at 1024x700 and 1400x900, saves each screenshot in
BUILD_DIR/screens/picture/ and asserts on what the app says it drew (--probe)
and on the pixels there:
  case1  carets of left and right under the bytes they index, moving in;
         the tombstone of mv at its release
  case2  the three struct fields of the header parse with their values
         (checked against Python's struct on the drawn bytes), the read bytes
  case3  the mmap's LOCKED badge held by mv_map; the file and the mmap by
         their own names and types
  A6     the refused append narrated with its holders, the exporter's badge
         flashing, the timeline's refusal mark
  case5  the temporary slice window of mv in build_packet, moving with offset
"""
import json, os, struct, subprocess, sys, tempfile
sys.path.insert(0, os.path.dirname(__file__))
from check_screenshot import decode

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
build = os.path.abspath(sys.argv[1])
app = os.path.join(build, "imgui_app", "bufview-app")
cli = os.path.join(build, "tools", "bufview", "bufview")
screens = os.path.join(build, "screens", "picture")
os.makedirs(screens, exist_ok=True)
env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")  # Mesa keeps a few allocations until exit
failures = []


def expect(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def usecase(name):
    path = os.path.join(here, "usecases", name)
    shared = os.path.join(root, "..", "shared", "usecases", name)
    if os.path.exists(shared):  # the copies stay verbatim
        expect(open(shared).read() == open(path).read(), f"{name} is a verbatim copy of ../shared/usecases")
    return path


def steps_of(path, line):
    """The steps (1-based) that ran `line`."""
    out = subprocess.run([cli, "trace", path], capture_output=True, text=True, env=env, check=True).stdout
    return [s["step"] for s in json.loads(out)["steps"] if s["line"] == line]


def shoot(path, step, size, tag):
    png = os.path.join(screens, f"{tag}-{size}.png")
    probe = os.path.join(screens, f"{tag}-{size}.json")
    subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", app, "--size", size, "--open", path,
                    "--step", str(step), "--screenshot", png, "--probe", probe], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    w, h, rows = decode(png)
    return json.load(open(probe)), (w, h, rows)


BACKGROUNDS = [(23, 25, 29), (27, 29, 34), (34, 37, 44)]  # canvas, panel, byte cell


def lit(img, rect, minimum=0.05):
    """Some of the rect's pixels are neither background nor an empty cell: a mark was drawn there."""
    w, h, rows = img
    x0, y0, x1, y1 = (int(round(v)) for v in rect)
    px = [tuple(rows[y][x * 4:x * 4 + 3]) for y in range(max(0, y0), min(h, y1 + 1))
          for x in range(max(0, x0), min(w, x1 + 1))]
    drawn = [p for p in px if all(max(abs(a - b) for a, b in zip(p, bg)) > 30 for bg in BACKGROUNDS)]
    return bool(px) and len(drawn) / len(px) >= minimum


def kind(items, k):
    return [i for i in items if i["kind"] == k]


for size in ("1024x700", "1400x900"):
    print(f"-- at {size}")
    # Case 1: the first swap indexes data[0] and data[25]; the second data[1] and data[24].
    c1 = usecase("case1_reverse.py")
    swaps = steps_of(c1, 8)
    for n, (l, r) in enumerate([(0, 25), (1, 24)]):
        items, img = shoot(c1, swaps[n], size, f"case1-swap{n + 1}")
        carets = {c["view"]: c for c in kind(items, "caret")}
        expect(f"left={l}" in carets and carets[f"left={l}"]["offset"] == l,
               f"case1 swap {n + 1}: caret left={l} under byte {l}: {sorted(carets)}")
        expect(f"right={r}" in carets and carets[f"right={r}"]["offset"] == r,
               f"case1 swap {n + 1}: caret right={r} under byte {r}")
        cells = {(c["block"], c["offset"]): c for c in kind(items, "cell")}
        for c in carets.values():
            cell = cells.get((c["block"], c["offset"]))
            expect(cell is not None and abs((cell["rect"][0] + cell["rect"][2]) / 2 -
                                            (c["rect"][0] + c["rect"][2]) / 2) < cell["rect"][2] - cell["rect"][0],
                   f"case1: caret {c['view']} is drawn under its byte's cell")
            expect(lit(img, c["rect"]), f"case1: caret {c['view']} has pixels on screen")
        written = sorted(c["offset"] for c in kind(items, "cell") if c["written"])
        expect(written == [l, r], f"case1 swap {n + 1}: bytes {l} and {r} flash as written: {written}")
        story = kind(items, "story")
        expect(story and f"at data[{l}]" in story[0]["view"] and f"at data[{r}]" in story[0]["view"]
               and "through mv" in story[0]["view"],
               f"case1 swap {n + 1}: the story names the positions: {story[0]['view'] if story else None}")
    release = steps_of(c1, 11)[0]
    items, img = shoot(c1, release, size, "case1-release")
    tomb = [t for t in kind(items, "tombstone") if t["view"].startswith("mv")]
    expect(bool(tomb), f"case1 mv.release(): a tombstone of mv: {[t['view'] for t in kind(items, 'tombstone')]}")
    expect(tomb and lit(img, tomb[0]["rect"], 0.02), "case1: the tombstone is drawn")

    # Case 2: >IHH from mv_head at 0: three fields over bytes 0-3, 4-5, 6-7.
    c2 = usecase("case2_header.py")
    items, img = shoot(c2, steps_of(c2, 19)[0], size, "case2-unpack")
    fields = sorted(kind(items, "field"), key=lambda f: f["offset"])
    expect([f["offset"] for f in fields] == [0, 4, 6], f"case2: fields at bytes 0, 4, 6: {[f['offset'] for f in fields]}")
    cells = {c["offset"]: c for c in kind(items, "cell")}
    scene = json.loads(subprocess.run([cli, "scene", c2, "--step", str(steps_of(c2, 19)[0])], capture_output=True,
                                      text=True, env=env, check=True).stdout)
    header = next(b for b in scene["blocks"] if any(n["name"] == "header" for n in b["names"]))
    want = struct.unpack_from(">IHH", bytes.fromhex(header["bytes"]), 0)
    expect([f["state"] for f in fields] == [str(v) for v in want],
           f"case2: field values {[f['state'] for f in fields]} are Python's {list(want)}")
    for f, code in zip(fields, "IHH"):
        expect(f["view"].startswith(">" + code), f"case2: field label {f['view']!r} says >{code}")
        expect(lit(img, f["rect"]), f"case2: field {f['view']!r} has pixels on screen")
    reads = sorted(r["offset"] for r in kind(items, "read"))
    expect(reads == list(range(8)), f"case2: bytes 0..7 marked read: {reads}")

    # Case 3: while mv_map exists the mmap is LOCKED, held by mv_map.
    c3 = usecase("case3_mmap.py")
    items, img = shoot(c3, steps_of(c3, 23)[0], size, "case3-edit")
    badges = {b["view"]: b for b in kind(items, "badge")}
    locked = [b for b in badges.values() if b["view"].startswith("mm:")]
    expect(locked and locked[0]["state"] == "locked" and "held by mv_map" in locked[0]["view"],
           f"case3: mm's badge LOCKED held by mv_map: {sorted(badges)}")
    expect(locked and lit(img, locked[0]["rect"]), "case3: the badge has pixels on screen")
    titles = [t["view"] for t in kind(items, "title")]
    expect(any("tmp: _io.BufferedRandom" in t and "mm: mmap.mmap" in t for t in titles),
           f"case3: the block shows the file and the mmap by their own names and types: {titles}")
    expect(not any("tmp = mm" in t for t in titles), "case3: no merged 'tmp = mm' name")
    written = sorted(c["offset"] for c in kind(items, "cell") if c["written"])
    expect(written == [0, 1, 2, 3], f"case3: ZZZZ written at bytes 0..3: {written}")
    items, img = shoot(c3, steps_of(c3, 29)[0], size, "case3-released")
    mm = [b for b in kind(items, "badge") if b["view"].startswith("mm:")]
    expect(mm and mm[0]["state"] == "unlocked", f"case3: after mv_map.release() mm is unlocked: {[b['view'] for b in mm]}")

    # Lesson A6: data.append(33) refused while view and part hold an export.
    a6 = os.path.join(root, "lessons", "a6_release_and_locks.py")
    refused = steps_of(a6, 12)[0]
    items, img = shoot(a6, refused, size, "a6-refused")
    story = kind(items, "story")
    expect(story and story[0]["view"].startswith("refused: data.append(33): BufferError, 1 export of data held by")
           and story[0]["state"] == "refused", f"A6: the refusal narrated: {story[0]['view'] if story else None}")
    flash = [r for r in kind(items, "refusal")]
    expect(flash and "BufferError" in flash[0]["view"], f"A6: data's badge flashes the refusal: {flash}")
    marks = [m["offset"] for m in kind(items, "mark") if m["state"] == "refusal"]
    expect(refused in marks, f"A6: the timeline marks step {refused} refused: {marks}")

    # Case 5: each part goes through a temporary slice of mv: mv[0:4], then mv[4:8].
    c5 = usecase("case5_packet.py")
    copies = steps_of(c5, 24)
    for n, (a, b) in enumerate([(0, 4), (4, 8)]):
        items, img = shoot(c5, copies[n], size, f"case5-part{n + 1}")
        temps = kind(items, "temporary")
        expect(any(t["view"] == f"mv[{a}:{b}]" for t in temps),
               f"case5 part {n + 1}: the temporary window mv[{a}:{b}]: {[t['view'] for t in temps]}")
        lanes = sorted(l["offset"] for l in kind(items, "lane") if l["view"].startswith("view #") or l["view"] == "")
        written = sorted(c["offset"] for c in kind(items, "cell") if c["written"])
        expect(written == list(range(a, b)), f"case5 part {n + 1}: bytes {a}..{b - 1} written: {written}")
        expect(temps and lit(img, temps[0]["rect"], 0.02), f"case5 part {n + 1}: the window is drawn")

# The legend: the "?" on the canvas opens it, every mark explained (a scripted click).
png, probe = os.path.join(screens, "legend.png"), os.path.join(screens, "legend.json")
subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", app, "--size", "1024x700", "--open",
                usecase("case1_reverse.py"), "--step", "8", "--input", os.path.join(here, "legend.txt"),
                "--screenshot", png, "--probe", probe], env=env, check=True, stdout=subprocess.DEVNULL,
               cwd=screens)
legend = [i["view"] for i in kind(json.load(open(probe)), "legend")]
for word in ("hatched", "flashing byte", "read on this line", "struct field", "caret", "tombstone", "temporary",
             "LOCKED", "refused"):
    expect(any(word in t for t in legend), f"the legend explains {word!r}")

print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
