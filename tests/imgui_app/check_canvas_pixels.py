#!/usr/bin/env python3
"""Assert what the canvas must show, at the pixels where the app says it drew it.

  check_canvas_pixels.py SHOT.png PROBE.json

The app (--screenshot with --probe) writes where it drew each byte cell and
each view's lane. Checks, for tests/imgui_app/shared_write_release.py at step 6:
  - byte 4 is marked shared and carries both views' lanes, each in its colour;
  - bytes 4 and 5 flash in the writing view's (tail's) colour, byte 8 does not;
  - the released view (head) is drawn grey, not in its colour.
"""
import json, sys
sys.path.insert(0, __import__("os").path.dirname(__file__))
from check_screenshot import decode


def pixels(rows, rect, w, h):
    x0, y0, x1, y1 = (int(round(v)) for v in rect)
    for y in range(max(0, y0), min(h, y1)):
        row = rows[y]
        for x in range(max(0, x0), min(w, x1)):
            yield tuple(row[x * 4:x * 4 + 3])


def near(p, rgb, tol=40):
    return all(abs(a - b) <= tol for a, b in zip(p, rgb))


def share(rows, rect, w, h, rgb, tol=40, inset=0, bg=None):
    """Share of the rect's pixels near `rgb` (or, with `bg`, near the 45% blend
    of rgb over bg that patterned lanes use as their fill)."""
    x0, y0, x1, y1 = rect
    px = list(pixels(rows, (x0 + inset, y0 + inset, x1 - inset, y1 - inset), w, h))
    blend = tuple(round(0.45 * c + 0.55 * b) for c, b in zip(rgb, bg)) if bg else None
    hit = sum(near(p, rgb, tol) or (blend is not None and near(p, blend, 30)) for p in px)
    return hit / max(1, len(px))


def background_left_of(rows, rect):
    x, y = int(rect[0]) - 4, int((rect[1] + rect[3]) / 2)
    return tuple(rows[y][x * 4:x * 4 + 3])


def main():
    w, h, rows = decode(sys.argv[1])
    items = json.load(open(sys.argv[2]))
    lanes = [i for i in items if i["kind"] == "lane"]
    cells = {i["offset"]: i for i in items if i["kind"] == "cell"}
    failures = []

    def expect(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)

    at4 = {l["view"]: l for l in lanes if l["offset"] == 4}
    expect(cells[4]["shared"] and not cells[0]["shared"], "byte 4 marked shared, byte 0 not")
    for name in ("view", "tail"):
        lane = at4.get(name)
        expect(lane is not None, f"byte 4 carries a lane of {name}")
        if lane:
            s = share(rows, lane["rect"], w, h, lane["rgb"], bg=background_left_of(rows, lane["rect"]))
            expect(s > 0.3, f"{name}'s lane under byte 4 is in its colour ({s:.0%} of its pixels)")
    tail_rgb = at4["tail"]["rgb"] if "tail" in at4 else (0, 0, 0)
    for off in (4, 5):
        s = share(rows, cells[off]["rect"], w, h, tail_rgb, tol=60, inset=3)
        expect(cells[off]["written"] and s > 0.3, f"byte {off} flashes in tail's colour ({s:.0%})")
    s = share(rows, cells[8]["rect"], w, h, tail_rgb, tol=60, inset=3)
    expect(not cells[8]["written"] and s < 0.05, f"byte 8 was not written and does not flash ({s:.0%})")
    head = [l for l in lanes if l["view"] == "head"]
    expect(head and all(l["state"] == "released" for l in head), "head's lane is drawn as released")
    if head:
        grey = share(rows, head[0]["rect"], w, h, (0x8A, 0x8A, 0x8A), tol=25)
        expect(grey > 0.05, f"head's lane is grey ({grey:.0%} grey pixels)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
