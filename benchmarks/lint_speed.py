"""Wall time and peak memory of `awesome-lint lint` as a command, next to markdownlint-cli2 and Node's awesome-lint.

Every number is a whole process (interpreter start included), run from the repository root with its output
thrown away; exit codes for findings are ignored. Peak memory is the child's max RSS from `os.wait4` (for a
launcher such as npx, the largest process it waited for). Inputs: the files `awesome-lint lint lists/` reads,
and one list ten times the size of the five seed lists (each copy varied, see parse_speed.py). When `npx` is
on PATH, markdownlint-cli2 (one process for all files) and sindresorhus/awesome-lint (one process per file)
are timed on the same files, through npx and through their installed scripts (no npm start-up). Run:

    python benchmarks/lint_speed.py [--runs 5] [--big-runs 3] [--size 10] [--no-npm]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from parse_speed import seed_paths, synthesise

from awesome_lint.source import expand_paths

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "lists"
MIB = 1024 * 1024
GOAL_LISTS = 0.25  # seconds for `awesome-lint lint lists/`, interpreter start included
GOAL_BIG = 1.5  # seconds for the 10x list
INSTALL_TIMEOUT = 600.0  # the first npx run downloads the package
RUN_TIMEOUT = 300.0


@dataclass
class Row:
    """One line of the table: a tool on an input, timed `len(times)` times."""

    tool: str
    input: str
    processes: int
    times: list[float]
    peak_rss: int | None
    goal: float | None = None


@dataclass
class Run:
    """One finished process."""

    seconds: float
    peak_rss: int | None
    returncode: int
    stderr: str


def run_once(command: list[str], timeout: float = RUN_TIMEOUT) -> Run:
    """Run `command` from the repository root: wall time, max RSS in bytes, exit code; killed after `timeout` s."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        peak: int | None = None
        try:
            if hasattr(os, "wait4"):
                # wait4 gives this child's own rusage, unlike RUSAGE_CHILDREN (a maximum over every child so far).
                _pid, status, usage = os.wait4(proc.pid, 0)
                seconds = time.perf_counter() - start
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
            else:
                proc.wait()
                seconds = time.perf_counter() - start
        finally:
            timer.cancel()
        err.seek(0)
        return Run(seconds, peak, proc.returncode, err.read().decode("utf-8", "replace"))


def run_with_timeout(command: list[str], timeout: float) -> Run:
    """Run `command` with its output captured, giving up after `timeout` s (an install may hang offline)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return Run(time.perf_counter() - start, None, -1, f"timed out after {timeout:.0f} s")
    except OSError as exc:
        return Run(time.perf_counter() - start, None, -1, str(exc))
    return Run(time.perf_counter() - start, None, proc.returncode, proc.stderr.decode("utf-8", "replace"))


def measure(tool: str, label: str, commands: list[list[str]], runs: int, goal: float | None = None) -> Row:
    """Run the commands one after another, `runs` times; each time is the sum, each peak the largest."""
    times: list[float] = []
    peaks: list[int] = []
    for _ in range(runs):
        total = 0.0
        for command in commands:
            run = run_once(command)
            total += run.seconds
            if run.peak_rss is not None:
                peaks.append(run.peak_rss)
        times.append(total)
    return Row(tool, label, len(commands), times, max(peaks) if peaks else None, goal)


def awesome_lint_script() -> Path:
    """The awesome-lint console script installed next to this interpreter."""
    bindir = Path(sys.executable).parent
    for name in ("awesome-lint", "awesome-lint.exe"):
        if (bindir / name).is_file():
            return bindir / name
    raise SystemExit(f"no awesome-lint script in {bindir}: pip install -e . into this environment first")


def npm_failed(run: Run) -> str | None:
    """Why an npx run did not lint (not found, no network, timed out), or None when it ran (findings are fine)."""
    lowered = run.stderr.lower()
    if run.returncode in (-1, 127) or "npm err" in lowered or "npm error" in lowered:
        lines = [line.strip() for line in run.stderr.splitlines() if line.strip()]
        npm_lines = [line for line in lines if line.lower().startswith("npm err") and "complete log" not in line]
        return " / ".join(npm_lines[:2]) if npm_lines else (lines[-1] if lines else f"exit {run.returncode}")
    return None


def installed_script(npx: str, package: str) -> str | None:
    """The package's script in npx's cache (after npx installed it), to time the tool without npm's start-up."""
    command = [npx, "--yes", f"--package={package}", "-c", f"command -v {shlex.quote(package)}"]
    try:
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = proc.stdout.strip().splitlines()
    return found[-1] if proc.returncode == 0 and found and Path(found[-1]).is_file() else None


def commands(prefix: list[str], files: list[str], per_file: bool) -> list[list[str]]:
    """One command for all files, or one per file."""
    return [[*prefix, f] for f in files] if per_file else [[*prefix, *files]]


def npm_rows(inputs: list[tuple[str, list[str], int]]) -> tuple[list[Row], list[str]]:
    """Rows for markdownlint-cli2 and Node's awesome-lint on each input, via npx and via the installed script."""
    npx = shutil.which("npx")
    if npx is None:
        return [], ["npx not found: markdownlint-cli2 and Node's awesome-lint skipped"]
    rows: list[Row] = []
    notes: list[str] = []
    for package, per_file, name in (
        ("markdownlint-cli2", False, "markdownlint-cli2"),
        ("awesome-lint", True, "awesome-lint (Node)"),
    ):
        first_files = inputs[0][1]
        warm = run_with_timeout(
            [npx, "--yes", package, *(first_files[:1] if per_file else first_files)], INSTALL_TIMEOUT
        )
        reason = npm_failed(warm)
        if reason is not None:
            notes.append(f"npx --yes {package}: skipped ({reason})")
            continue
        launchers = [("npx", [npx, "--yes", package])]
        script = installed_script(npx, package)
        if script is None:
            notes.append(f"{package}: script in the npx cache not found; only the npx rows")
        else:
            launchers.append(("script", [script]))
        for how, prefix in launchers:
            for label, files, runs in inputs:
                rows.append(measure(f"{name} [{how}]", label, commands(prefix, files, per_file), runs))
    notes.append("[npx] includes npm's own start-up; [script] runs the package's installed script directly")
    return rows, notes


def print_table(rows: list[Row]) -> None:
    """Print one line per row: best and median seconds, peak MiB and the goal, if any."""
    header = f"{'tool':<34} {'input':<26} {'procs':>5} {'runs':>4} {'best s':>7} {'median s':>8} {'peak MiB':>8}  goal"
    print(header)
    print("-" * len(header))
    for row in rows:
        best = min(row.times)
        peak = f"{row.peak_rss / MIB:8.1f}" if row.peak_rss is not None else f"{'-':>8}"
        goal = ""
        if row.goal is not None:
            goal = f"< {row.goal:g} s: {'ok' if best < row.goal else 'OVER'}"
        print(
            f"{row.tool:<34} {row.input:<26} {row.processes:>5} {len(row.times):>4} {best:>7.3f} "
            f"{statistics.median(row.times):>8.3f} {peak}  {goal}".rstrip()
        )


def positive(value: str) -> int:
    """An integer >= 1 (argparse type)."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def main(argv: list[str] | None = None) -> int:
    """Time the linters and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=positive, default=5, help="runs on lists/ (default: 5)")
    parser.add_argument("--big-runs", type=positive, default=3, help="runs on the large list (default: 3)")
    parser.add_argument(
        "--size", type=positive, default=10, help="the large list is this many seed copies (default: 10)"
    )
    parser.add_argument("--no-npm", action="store_true", help="skip markdownlint-cli2 and Node's awesome-lint")
    args = parser.parse_args(argv)

    script = awesome_lint_script()
    files = [str(Path(p).relative_to(ROOT)) for p in expand_paths([str(LISTS)])]
    seeds = [p.read_text(encoding="utf-8-sig") for p in seed_paths(LISTS)]
    nbytes = sum((ROOT / f).stat().st_size for f in files)
    with tempfile.TemporaryDirectory(prefix="lint-speed-") as tmp:
        big = Path(tmp) / f"lists-{args.size}x.md"
        big.write_text(synthesise(seeds, args.size), encoding="utf-8")
        inputs = [
            (f"lists/ ({len(files)} files, {nbytes // 1024} KiB)", files, args.runs),
            (f"{args.size}x (1 file, {big.stat().st_size // 1024} KiB)", [str(big)], args.big_runs),
        ]
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {script}")
        print(f"lists/: {', '.join(Path(f).name for f in files)}")
        print(f"{args.size}x: the {len(seeds)} seed lists, {args.size} varied copies, in one file")

        warm = run_once([str(script), "lint", *files])  # compiles .pyc files; checks the input is readable
        if warm.returncode not in (0, 1):
            print(f"awesome-lint lint exited {warm.returncode}: {warm.stderr.strip()}", file=sys.stderr)
            return 2
        ours = [str(script), "lint", "--fail-on", "error"]
        rows = [
            measure("awesome-lint lint (Python)", inputs[0][0], [[*ours, "lists/"]], args.runs, GOAL_LISTS),
            measure("awesome-lint lint (Python)", inputs[1][0], [[*ours, str(big)]], args.big_runs, GOAL_BIG),
        ]
        notes: list[str] = []
        if not args.no_npm:
            extra, notes = npm_rows(inputs)
            rows.extend(extra)
    print()
    print_table(rows)
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
