#!/usr/bin/env python3
"""Differential tester: bufview against CPython 3.11 on generated programs.

Generates random short programs over the buffer surface (bytes, bytearray,
memoryview, array, struct, mmap, BytesIO, int conversions, hex/fromhex,
slicing with extreme and negative values, casts, shapes, releases, exports,
resizes). Every statement is wrapped so that its result, or its exception's
type and message, is printed with the statement's number. Each program runs
under python3 and under `bufview run`; the first differing line is reported
with a minimized program.

  difftest.py --bufview build/native/tools/bufview/bufview               fixed seed, 300 programs
  difftest.py --bufview ... --minutes 15                                 explore (random seeds)
  difftest.py --bufview ... --seed 7 --programs 50 --show                print the programs
  difftest.py --bufview ... --keep DIR                                   write failing programs to DIR

Ends with `N programs, M differences`; exits 1 when M > 0. Standard library only.
The generated programs stay inside the playground's Python (SUBSET.md).
"""
import argparse, os, random, subprocess, sys, tempfile, time

from generator import Program, generate

PRELUDE = '''\
import array, struct, io, mmap, tempfile
M = 2**63 - 1
def show(n, v):
    t = type(v).__name__
    if t == 'memoryview' or t == 'mmap' or t == 'BytesIO' or t == 'Struct' or t == 'function':
        print(n, '<' + t + '>')
    elif t == 'list' or t == 'tuple':
        print(n, t, len(v), [x if type(x).__name__ != 'memoryview' else '<memoryview>' for x in v])
    else:
        print(n, repr(v))
def err(n, e):
    print(n, type(e).__name__ + ':', e)
'''


def render(programs):
    """One file running each program in turn, each opening with a `== k` line."""
    out = [PRELUDE]
    for k, prog in enumerate(programs):
        out.append(f"print('== {k}')\n")
        out.append(prog.render())
    return "".join(out)


def run(argv, source, timeout):
    """stdout plus, after a non-zero exit, `[exit N] <last stderr line>`."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "prog.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        env = dict(os.environ, PYTHONHASHSEED="0",
                   ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
                   UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
        try:
            p = subprocess.run(argv + [path], capture_output=True, text=True, errors="backslashreplace",
                               timeout=timeout, cwd=d, env=env)
        except subprocess.TimeoutExpired:
            return "[timeout]\n"
        text = p.stdout
        if p.returncode != 0:
            lines = [l for l in p.stderr.splitlines() if l.strip()]
            # A sanitizer report is the most telling line of a crash.
            san = [l for l in lines if "runtime error" in l or "ERROR: AddressSanitizer" in l]
            text += "[exit %d] %s\n" % (p.returncode, (san or lines or [""])[-1])
        return text


def first_difference(want, got):
    w, g = want.splitlines(), got.splitlines()
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else "<end>"
        b = g[i] if i < len(g) else "<end>"
        if a != b:
            return i, a, b
    return None


class Runner:
    def __init__(self, bufview, python, timeout):
        self.bv = [bufview, "run"]
        self.py = [python]
        self.timeout = timeout
        self.runs = 0

    def outputs(self, programs):
        src = render(programs)
        self.runs += 1
        return run(self.py, src, self.timeout), run(self.bv, src, self.timeout)

    def differs(self, programs):
        want, got = self.outputs(programs)
        return first_difference(want, got)


def minimize(runner, prog):
    """Greedy: drop statements (last first) while the program still differs."""
    stmts = list(prog.stmts)
    changed = True
    while changed:
        changed = False
        for i in reversed(range(len(stmts))):
            trial = stmts[:i] + stmts[i + 1:]
            if runner.differs([Program(trial)]):
                stmts = trial
                changed = True
    return Program(stmts)


def report(runner, prog, seed, index, keep):
    small = minimize(runner, prog)
    want, got = runner.outputs([small])
    d = first_difference(want, got)
    src = PRELUDE + small.render()
    print(f"--- difference (seed {seed}, program {index}):")
    if d:
        print(f"  line {d[0] + 1}:\n    CPython: {d[1]}\n    bufview: {d[2]}")
    print("  minimized program:")
    for line in small.render().splitlines():
        print("    " + line)
    sys.stdout.flush()
    if keep:
        os.makedirs(keep, exist_ok=True)
        with open(os.path.join(keep, f"diff_{seed}_{index}.py"), "w", encoding="utf-8") as f:
            f.write(src)


def signature(d):
    """A difference without its statement numbers, to report each kind once."""
    strip = lambda line: line.split(" ", 1)[1] if " " in line else line
    return (strip(d[1]), strip(d[2]))


def check_batch(runner, programs, seed, first_index, keep, seen):
    """Runs a batch; on a difference, finds the programs that differ alone."""
    if not runner.differs(programs):
        return 0
    found = 0
    for k, prog in enumerate(programs):
        d = runner.differs([prog])
        if not d:
            continue
        found += 1
        sig = signature(d)
        if sig in seen:
            print(f"--- difference (seed {seed}, program {first_index + k}): as before: {sig}")
            continue
        seen.add(sig)
        report(runner, prog, seed, first_index + k, keep)
    if found == 0:  # only together: report the batch as a whole
        found = 1
        want, got = runner.outputs(programs)
        d = first_difference(want, got)
        print(f"--- difference (seed {seed}, batch from program {first_index}) only when run together: {d}")
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bufview", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--programs", type=int, default=300)
    ap.add_argument("--minutes", type=float, help="explore with fresh seeds for this long")
    ap.add_argument("--batch", type=int, default=25)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--show", action="store_true", help="print the generated programs and stop")
    ap.add_argument("--keep", help="write each minimized difference to this folder")
    a = ap.parse_args()
    a.bufview = os.path.abspath(a.bufview)
    runner = Runner(a.bufview, a.python, a.timeout)

    if a.show:
        rng = random.Random(a.seed)
        print(render([generate(rng) for _ in range(a.programs)]))
        return 0

    total = diffs = 0
    seen = set()
    start = time.time()
    seed = a.seed
    while True:
        rng = random.Random(seed)
        n = a.programs if a.minutes is None else a.batch * 4
        for first in range(0, n, a.batch):
            batch = [generate(rng) for _ in range(min(a.batch, n - first))]
            diffs += check_batch(runner, batch, seed, first, a.keep, seen)
            total += len(batch)
        if a.minutes is None or time.time() - start > a.minutes * 60:
            break
        seed += 1
    print(f"{total} programs, {diffs} differences ({time.time() - start:.0f}s, seeds {a.seed}..{seed})")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
