#!/usr/bin/env python3
"""Run bufview's test suites and print one closing line: `N passed, M failed`.

Used by scripts/test. Each suite reports its own counts:
  gtest    every ctest entry of a build dir (GoogleTest binaries, natively or
           under node), counted per TEST from gtest's output
  corpus   the conformance runner's `N passed, M failed`
  node     node --test's `# pass N` / `# fail M`
  oracle   programs run under CPython and bufview, outputs compared live
  command  a single pass/fail check (exit status)
  counted  a runner of its own ending with `N passed, M failed`
"""
import json, os, re, subprocess, sys, time

RESULTS = []  # (suite, passed, failed, seconds)


def run(cmd, cwd=None, env=None, timeout=1800, stdin=None):
    start = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, input=stdin)
        out, code = p.stdout + p.stderr, p.returncode
    except subprocess.TimeoutExpired as e:
        out, code = f"{e.stdout or ''}{e.stderr or ''}\n[timeout after {timeout}s]", -1
    return out, code, time.time() - start


def report(suite, passed, failed, seconds, output=None):
    RESULTS.append((suite, passed, failed, seconds))
    status = "ok" if failed == 0 else "FAILED"
    print(f"  {suite:<34} {passed:>5} passed {failed:>4} failed {seconds:7.1f}s  {status}", flush=True)
    if failed and output:
        tail = "\n".join(output.rstrip().splitlines()[-60:])
        print("    " + tail.replace("\n", "\n    "), flush=True)


def gtest(build_dir, label):
    listing = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build_dir,
                             capture_output=True, text=True, check=True)
    tests = json.loads(listing.stdout).get("tests", [])
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    for t in tests:
        if not t.get("command"):
            continue
        out, code, secs = run(t["command"], cwd=build_dir, env=env)
        ok = len(re.findall(r"^\[       OK \] ", out, re.M))
        bad = len(re.findall(r"^\[  FAILED  \] \S+ \(\d+ ms\)$", out, re.M))
        if code != 0 and bad == 0:
            bad = 1  # crashed, sanitizer report, or no gtest output at all
        report(f"{label} {t['name']}", ok, bad, secs, out if bad else None)


def corpus(label, bufview, cases):
    runner = os.path.join(os.path.dirname(cases.rstrip("/")), "run_corpus.py")
    if not os.path.exists(runner):
        runner = os.environ.get("BUFVIEW_CORPUS_RUNNER", runner)
    out, code, secs = run([sys.executable, runner, "--cmd", f"{bufview} run", cases])
    m = re.search(r"^(\d+) passed, (\d+) failed$", out, re.M)
    if not m:
        report(label, 0, 1, secs, out)
        return
    report(label, int(m.group(1)), int(m.group(2)), secs, out if int(m.group(2)) else None)


def oracle(label, bufview, files_dir):
    """Each program in files_dir prints the same under bufview as under CPython."""
    start, passed, failed, notes = time.time(), 0, 0, []
    for name in sorted(os.listdir(files_dir)):
        if not name.endswith(".py"):
            continue
        path = os.path.abspath(os.path.join(files_dir, name))
        want, _, _ = run([sys.executable, path], cwd=files_dir, timeout=60)
        got, _, _ = run([bufview, "run", path], cwd=files_dir, timeout=60)
        if got == want:
            passed += 1
        else:
            failed += 1
            notes.append(f"{name}:\n--- CPython\n{want}--- bufview\n{got}")
    report(label, passed, failed, time.time() - start, "\n".join(notes) if failed else None)


TASK_SECTIONS = re.compile(r"^# --- (setup|your code|check|solution)\n", re.M)


def tasks(label, bufview, files_dir):
    """Each task's solution passes its check, and its starter gives the same
    output, under bufview as under CPython (the copy budget is checked by the
    app's GoogleTests, CPython has no copy meter)."""
    start, passed, failed, notes = time.time(), 0, 0, []
    for name in sorted(os.listdir(files_dir)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(files_dir, name), encoding="utf-8") as f:
            parts = TASK_SECTIONS.split(f.read())
        sections = dict(zip(parts[1::2], parts[2::2]))
        for which in ("solution", "your code"):
            program = sections["setup"] + sections[which] + sections["check"]
            want, want_code, _ = run([sys.executable, "-"], cwd=files_dir, timeout=60, stdin=program)
            got, got_code, _ = run([bufview, "run", "-"], cwd=files_dir, timeout=60, stdin=program)
            ok = got == want and (got_code == 0) == (want_code == 0)
            if which == "solution":
                ok = ok and want_code == 0
            if ok:
                passed += 1
            else:
                failed += 1
                notes.append(f"{name} ({which}):\n--- CPython ({want_code})\n{want}--- bufview ({got_code})\n{got}")
    report(label, passed, failed, time.time() - start, "\n".join(notes) if failed else None)


def node_tests(label, cwd, files):
    out, code, secs = run(["node", "--test", *files], cwd=cwd)
    p = re.search(r"^# pass (\d+)$", out, re.M)
    f = re.search(r"^# fail (\d+)$", out, re.M)
    passed, failed = (int(p.group(1)) if p else 0), (int(f.group(1)) if f else 1)
    if code != 0 and failed == 0:
        failed = 1
    report(label, passed, failed, secs, out if failed else None)


def counted(label, cmd, cwd=None):
    """A runner of its own that ends with `N passed, M failed` (tests/hostile)."""
    out, code, secs = run(cmd, cwd=cwd)
    m = re.search(r"^(\d+) passed, (\d+) failed$", out, re.M)
    passed, failed = (int(m.group(1)), int(m.group(2))) if m else (0, 1)
    if code != 0 and failed == 0:
        failed = 1
    report(label, passed, failed, secs, out if failed else None)


def command(label, cmd, cwd=None):
    out, code, secs = run(cmd, cwd=cwd)
    report(label, 1 if code == 0 else 0, 0 if code == 0 else 1, secs, out if code else None)


def main():
    plan = json.loads(sys.argv[1])
    for step in plan:
        kind = step.pop("kind")
        {"gtest": gtest, "corpus": corpus, "oracle": oracle, "tasks": tasks, "node": node_tests,
         "command": command, "counted": counted}[kind](**step)
    passed = sum(r[1] for r in RESULTS)
    failed = sum(r[2] for r in RESULTS)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
