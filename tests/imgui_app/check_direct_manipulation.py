#!/usr/bin/env python3
"""Checks what the scripted learner of direct_manipulation.txt left behind.

    check_direct_manipulation.py SAVED.py PROBE.json

The saved program must hold exactly the two statements the menus wrote, and the
last frame must show the new view over bytes 4..9 of data, released.
"""
import json
import sys

EXPECTED = (
    'data = bytearray(b"0123456789abcdef")\n'
    "mv = memoryview(data)\n"
    "view = memoryview(data)[4:10]\n"
    "view.release()\n"
    "print(len(mv))\n"
)


def main(saved_path, probe_path):
    failures = 0

    def check(ok, what):
        nonlocal failures
        print(("ok   " if ok else "FAIL ") + what)
        failures += 0 if ok else 1

    with open(saved_path, encoding="utf-8") as f:
        saved = f.read()
    check(saved == EXPECTED, "the saved program holds the inserted view and its release")
    if saved != EXPECTED:
        print(saved)
    with open(probe_path, encoding="utf-8") as f:
        items = json.load(f)
    lanes = [i for i in items if i["kind"] == "lane" and i["view"] == "view"]
    check(sorted(i["offset"] for i in lanes) == list(range(4, 10)), "view's lane covers bytes 4..9 exactly")
    check(all(i["state"] == "released" for i in lanes) and lanes, "view's lane is drawn as released")
    mv = [i for i in items if i["kind"] == "lane" and i["view"] == "mv"]
    check(len(mv) == 16 and all(i["state"] == "alive" for i in mv), "mv still covers all 16 bytes, alive")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
