#!/usr/bin/env python3
"""Hostile programs: nothing a learner types may crash, exhaust or hang bufview.

Each case in cases/*.py starts with header comments:
  # expect: cpython        stdout and the last stderr line must equal CPython 3.11's
                           (only for programs CPython ends quickly by itself)
  # expect: MemoryError    ...or this exact last stderr line (the budget's exception,
                           where CPython would build the object or run for long)
  # generate: EXPR         optional: the program is the str EXPR evaluates to (for
                           sources too big to keep, such as a 200k-digit literal)
The runner prints one report line per case with wall time and peak RSS of the
bufview process (os.wait4), and fails a case on a wrong outcome, any sanitizer
report, or passing the hard caps (20 s wall, 1 GiB RSS: the child is killed).
Times are a report, not an assertion. Ends with `N passed, M failed`.

usage: run_hostile.py BUFVIEW [--python PYTHON] [-k SUBSTRING]
"""
import argparse, hashlib, os, resource, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
WALL_CAP = 20.0
RSS_CAP = 1 << 30
SANITIZER = ("Sanitizer", "runtime error:", "LeakSanitizer")


def rss_of(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_child(cmd, env=None, preexec=None, cwd=None):
    """(stdout, stderr, exit code, seconds, peak RSS bytes, killed reason or None)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                             preexec_fn=preexec, cwd=cwd)
        killed, peak = None, 0
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, rss_of(p.pid))
            if killed is None and time.monotonic() - start > WALL_CAP:
                killed = f"killed past {WALL_CAP:.0f} s"
            elif killed is None and peak > RSS_CAP:
                killed = f"killed past {RSS_CAP >> 20} MiB RSS"
            if killed:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.monotonic() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss * 1024)
        return Output(out), Output(err), p.returncode, seconds, peak, killed


class Output:
    """What a child wrote, summarised without holding it: the runner's own RSS
    must stay small, since Linux counts the parent's peak into a child's
    ru_maxrss (the hiwater mark survives fork + exec)."""

    CHUNK = 1 << 20

    def __init__(self, f):
        f.seek(0, os.SEEK_END)
        size = f.tell()
        # Where the last line starts (a final newline is not a line).
        end = size
        f.seek(max(0, end - 1))
        if end and f.read(1) == b"\n":
            end -= 1
        start, pos = 0, end
        while pos > 0:
            lo = max(0, pos - self.CHUNK)
            f.seek(lo)
            i = f.read(pos - lo).rfind(b"\n")
            if i >= 0:
                start = lo + i + 1
                break
            pos = lo
        self.whole = self._digest(f, 0, size)
        self.last = self._digest(f, start, end)
        f.seek(start)
        self.last_preview = f.read(min(end - start, 200)).decode("utf-8", "replace")
        self.last_len = end - start
        f.seek(0)
        self.preview = f.read(min(size, 200)).decode("utf-8", "replace")
        self.size = size
        self.sanitizer = self._contains(f, [s.encode() for s in SANITIZER])

    def _digest(self, f, start, end):
        h = hashlib.sha256()
        f.seek(start)
        while start < end:
            chunk = f.read(min(self.CHUNK, end - start))
            h.update(chunk)
            start += len(chunk)
        return h.hexdigest()

    def _contains(self, f, needles):
        f.seek(0)
        tail = b""
        while chunk := f.read(self.CHUNK):
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-64:]
        return False

    def last_line(self):
        text = self.last_preview.replace("\n", "\\n")
        return text if self.last_len <= 90 else text[:90] + f"... ({self.last_len} bytes)"


def header(source):
    fields = {}
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        key, sep, value = line[1:].strip().partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def cpython_limits():
    # Only CPython gets an address-space limit (ASan reserves terabytes of it).
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bufview")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("-k", default="")
    args = ap.parse_args()
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    cases_dir = os.path.join(HERE, "cases")
    bufview = os.path.abspath(args.bufview)
    passed = failed = 0
    total_start = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(cases_dir)):
            if not name.endswith(".py") or args.k not in name:
                continue
            path = os.path.join(cases_dir, name)
            with open(path, encoding="utf-8", errors="replace") as f:  # some are not UTF-8
                source = f.read()
            fields = header(source)
            expect = fields.get("expect")
            if not expect:
                print(f"  {name}: no '# expect:' header")
                failed += 1
                continue
            if "generate" in fields:
                path = os.path.join(tmp, name)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(eval(fields["generate"], {}))  # our own header, not user input
            out, err, code, secs, peak, killed = run_child([bufview, "run", path], env=env,
                                                           cwd=tmp)
            problems = []
            if killed:
                problems.append(killed)
            if err.sanitizer:
                problems.append("sanitizer report")
            if expect == "cpython":
                want_out, want_err, _, _, _, want_killed = run_child(
                    [args.python, path], preexec=cpython_limits, cwd=tmp)
                if want_killed:
                    problems.append(f"CPython {want_killed}: not a quick CPython case")
                if out.whole != want_out.whole:
                    problems.append(f"stdout {out.preview!r} != CPython's {want_out.preview!r}")
                if err.last != want_err.last:
                    problems.append(f"last stderr line {err.last_line()!r} != CPython's "
                                    f"{want_err.last_line()!r}")
            elif err.last_preview != expect or err.last_len != len(expect.encode()):
                problems.append(f"last stderr line {err.last_line()!r} != {expect!r}")
            status = "ok" if not problems else "FAILED"
            print(f"  {name:<34} {secs:6.2f} s {peak / 2**20:7.1f} MiB  {status:<6} {err.last_line()[:70]}",
                  flush=True)
            for p in problems:
                print(f"      {p}")
            if problems:
                failed += 1
            else:
                passed += 1
    print(f"  (total {time.monotonic() - total_start:.1f} s)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
