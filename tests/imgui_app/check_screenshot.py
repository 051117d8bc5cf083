#!/usr/bin/env python3
"""Check that a PNG written by bufview-app is a real frame, not a blank one.

  check_screenshot.py OUT.png WIDTH HEIGHT

Decodes the PNG (8-bit RGBA, as the app writes it), then requires the expected
size, many distinct colours, and a good share of pixels away from the
background, as a drawn UI has and an empty or black frame does not.
"""
import struct, sys, zlib
from collections import Counter


def decode(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w, h = 8, b"", 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 6), "expected 8-bit RGBA"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * 4
    rows = []
    for y in range(h):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        assert line[0] == 0, "unexpected PNG filter"  # the app writes filter 0 only
        rows.append(line[1:])
    return w, h, rows


def main():
    path, want_w, want_h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    w, h, rows = decode(path)
    if (w, h) != (want_w, want_h):
        sys.exit(f"{path}: size {w}x{h}, expected {want_w}x{want_h}")
    counts = Counter()
    for row in rows[::2]:
        for x in range(0, w * 4, 8):
            counts[(row[x] >> 4, row[x + 1] >> 4, row[x + 2] >> 4)] += 1
    total = sum(counts.values())
    background = counts.most_common(1)[0][1] / total
    print(f"{path}: {w}x{h}, {len(counts)} colours, {1 - background:.1%} away from the background")
    if len(counts) < 20 or background > 0.97:
        sys.exit(f"{path}: looks blank")


if __name__ == "__main__":
    main()
