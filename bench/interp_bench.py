#!/usr/bin/env python3
"""bufview's interpreter against CPython, one run, same programs, same machine.

  bench/interp_bench.py [BUFVIEW] [--runs N]

BUFVIEW defaults to build/native-release/tools/bufview/bufview (Release build:
`cmake --preset native-release && cmake --build --preset native-release --target bufview`).
Each program runs N times in each interpreter (process start included); the
table gives medians and the ratio bufview / CPython. Outputs must match.
"""
import os, statistics, subprocess, sys, tempfile, time

PROGRAMS = {
    "reverse_inplace 64 KiB": """
data = bytearray(range(256)) * 256
mv = memoryview(data)
i = 0
j = len(mv) - 1
while i < j:
    mv[i], mv[j] = mv[j], mv[i]
    i += 1
    j -= 1
mv.release()
print(len(data), data[0], data[-1])
""",
    "packet builder, 10,000 parts": """
import struct

def build_packet(parts):
    packet = bytearray(sum(len(p) for p in parts))
    view = memoryview(packet)
    offset = 0
    for part in parts:
        view[offset:offset + len(part)] = part
        offset += len(part)
    view.release()
    return packet

parts = [struct.pack(">HH", i & 0xFFFF, 4) + bytes([i & 0xFF]) * 4 for i in range(10000)]
packet = build_packet(parts)
print(len(packet), packet[:8].hex())
""",
    "struct.unpack_from over 1 MiB of 8-byte records": """
import struct
buf = bytearray(range(256)) * 4096
view = memoryview(buf)
total = 0
for offset in range(0, len(view), 8):
    a, b = struct.unpack_from("<II", view, offset)
    total += a ^ b
view.release()
print(total)
""",
}


def timed(argv, path):
    start = time.perf_counter()
    p = subprocess.run(argv + [path], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{argv[0]} failed on {path}:\n{p.stderr}")
    return elapsed, p.stdout


def main():
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    bufview = args[0] if args else "build/native-release/tools/bufview/bufview"
    if not os.path.exists(bufview):
        sys.exit(f"no {bufview}: build it first (see the docstring)")
    print(f"{'program':<48} {'bufview':>10} {'python3':>10} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in PROGRAMS.items():
            path = os.path.join(tmp, "prog.py")
            with open(path, "w") as f:
                f.write(src)
            ours, theirs = [], []
            for _ in range(runs):  # interleaved, so load changes hit both alike
                t, out_b = timed([bufview, "run"], path)
                ours.append(t)
                t, out_p = timed([sys.executable], path)
                theirs.append(t)
                if out_b != out_p:
                    sys.exit(f"{name}: outputs differ:\n{out_b}\nvs\n{out_p}")
            b, p = statistics.median(ours), statistics.median(theirs)
            print(f"{name:<48} {b * 1000:>8.0f}ms {p * 1000:>8.0f}ms {b / p:>6.1f}x")


if __name__ == "__main__":
    main()
