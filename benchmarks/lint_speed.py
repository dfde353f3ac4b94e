"""`awesome-lint lint` as a command, each figure next to markdownlint-cli2 on the same file in the same run.

Every number is a whole process (interpreter or Node start included), run from the repository root with its
output thrown away; exit codes for findings are ignored. The yardstick is markdownlint-cli2 as pinned in
tools/package.json (installed with `npm ci --prefix tools` when it is missing), run on the same files. Runs
are interleaved (every command of an input once per round, in turn) and medians are shown, so a busy machine
slows both columns alike; the ratio is awesome-lint's median wall time over markdownlint-cli2's. CPU is user +
system time and peak memory the max RSS of the process (os.wait4); a child starts with the size of the process
that forked it, so no peak is below this benchmark's own (the `python -c pass` row shows that floor).

Inputs: an empty file (start-up; `python -c pass` is shown too), one list (lists/awesome-model-compression.md,
251 items), the files of `lists/`, and one list 10 and 30 times the size of the five seed lists (each copy
varied, see parse_speed.py). `cold` runs use `--no-cache`; `cached` runs read the lint cache a first run wrote
(the next run on an unchanged file); `edited` runs lint a copy of a one-file input that gets one more line before
each run, so the lint cache has no entry for it but holds the compiled patterns (a commit of an edited list).
`--also SCRIPT` times another installed awesome-lint (say, the version before a change) the same way, cold, in
the same rounds. Each one-file input also times the floor under any linter in Python on these libraries: the
interpreter importing click, rapidfuzz and mistune, and mistune's AST of the file.
Install with `pip install .` (compiled bytecode), then:

    python benchmarks/lint_speed.py [--runs 7] [--big-runs 3] [--sizes 10,30 (or '')] [--also OTHER/bin/awesome-lint]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from parse_speed import parse_sizes, seed_paths, synthesise

from awesome_lint.source import expand_paths

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "lists"
TOOLS = ROOT / "tools"
BIN = TOOLS / "node_modules" / ".bin"
ONE_LIST = LISTS / "awesome-model-compression.md"
MIB = 1024 * 1024
GOAL_ONE_LIST = 0.25  # wall time on one list, as a share of markdownlint-cli2's
GOAL_LARGE = 0.6  # wall time on the 30x list, as a share of markdownlint-cli2's
GOAL_LARGE_SIZE = 30
INSTALL_TIMEOUT = 900.0
RUN_TIMEOUT = 600.0
# The floor under any Python linter built on the same libraries: the interpreter, click, rapidfuzz and mistune's
# AST of the file, and nothing of awesome-lint's own.
FLOOR = (
    "import sys, click, rapidfuzz, mistune; "
    "mistune.create_markdown(renderer=None)(open(sys.argv[1], encoding='utf-8').read())"
)

# One more line in the copy, then lint it with the cache on: $0 the script, $1 the copy, $2 the config.
EDITED = 'printf "\\n" >> "$1" && exec "$0" lint --config "$2" "$1"'


@dataclass
class Run:
    """One finished process."""

    seconds: float
    peak_rss: int | None
    returncode: int
    stderr: str
    cpu: float = 0.0


@dataclass
class Timed:
    """One command timed `len(walls)` times."""

    label: str
    command: list[str]
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peak: int = 0


def run_once(command: list[str], timeout: float = RUN_TIMEOUT) -> Run:
    """Run `command` from the repository root: wall time, max RSS in bytes, exit code; killed after `timeout` s."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        peak: int | None = None
        cpu = 0.0
        try:
            if hasattr(os, "wait4"):
                # wait4 gives this child's own rusage, unlike RUSAGE_CHILDREN (a maximum over every child so far).
                _pid, status, usage = os.wait4(proc.pid, 0)
                seconds = time.perf_counter() - start
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
                cpu = usage.ru_utime + usage.ru_stime
            else:
                proc.wait()
                seconds = time.perf_counter() - start
        finally:
            timer.cancel()
        err.seek(0)
        return Run(seconds, peak, proc.returncode, err.read().decode("utf-8", "replace"), cpu)


def awesome_lint_script() -> Path:
    """The awesome-lint console script installed next to this interpreter."""
    bindir = Path(sys.executable).parent
    for name in ("awesome-lint", "awesome-lint.exe"):
        if (bindir / name).is_file():
            return bindir / name
    raise SystemExit(f"no awesome-lint script in {bindir}: pip install . into this environment first")


def npm_tool(name: str) -> Path:
    """The pinned npm tool `name` from tools/, installed with `npm ci --prefix tools` if it is not yet."""
    path = BIN / name
    if path.exists():
        return path
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit(f"{name} is not installed and npm is not on PATH: install Node.js >= 20 first")
    print(f"installing the pinned npm tools: npm ci --prefix {TOOLS.relative_to(ROOT)}", flush=True)
    command = [npm, "ci", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--loglevel=error"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False)
    if done.returncode != 0 or not path.exists():
        raise SystemExit(f"`npm ci --prefix tools` did not install {name}: {done.stderr.strip()[-2000:]}")
    return path


def positive(value: str) -> int:
    """An integer >= 1 (argparse type)."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {value!r}")
    return number


def interleaved(commands: list[Timed], rounds: int) -> None:
    """Run every command once per round, starting each round one command later, so no command always goes first."""
    for k in range(rounds):
        for i in range(len(commands)):
            timed = commands[(i + k) % len(commands)]
            run = run_once(timed.command)
            if run.returncode not in (0, 1):
                raise SystemExit(f"{' '.join(timed.command)} exited {run.returncode}: {run.stderr.strip()[-500:]}")
            timed.walls.append(run.seconds)
            timed.cpus.append(run.cpu)
            timed.peak = max(timed.peak, run.peak_rss or 0)


def print_group(title: str, rows: list[Timed], yardstick: Timed, goals: dict[str, float]) -> None:
    """One input's rows: median wall and CPU seconds, peak MiB, and the wall ratio to the yardstick."""
    base = statistics.median(yardstick.walls)
    print(f"\n{title}")
    for row in rows:
        wall = statistics.median(row.walls)
        cpu = statistics.median(row.cpus)
        ratio = wall / base if base else float("inf")
        goal = goals.get(row.label)
        verdict = f"  goal <= {goal:g}x: {'met' if ratio <= goal else 'NOT MET'}" if goal is not None else ""
        print(f"  {row.label:<40} {wall:8.3f} {cpu:8.3f} {row.peak / MIB:8.1f} {ratio:7.2f}x{verdict}".rstrip())


def _sizes(value: str) -> list[int]:
    """The large lists' sizes (`10,30`); an empty value times none of them."""
    return parse_sizes(value) if value.strip() else []


def main(argv: list[str] | None = None) -> int:
    """Time awesome-lint and markdownlint-cli2 on each input, interleaved, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=positive, default=7, help="rounds on the small inputs (default: 7)")
    parser.add_argument("--big-runs", type=positive, default=3, help="rounds on the large lists (default: 3)")
    parser.add_argument("--sizes", type=_sizes, default=[10, GOAL_LARGE_SIZE], help="large lists (10,30; '' for none)")
    parser.add_argument("--also", type=Path, help="another awesome-lint script to time, cold, in the same rounds")
    args = parser.parse_args(argv)

    script = str(awesome_lint_script())
    markdownlint = str(npm_tool("markdownlint-cli2"))
    files = [str(Path(p).relative_to(ROOT)) for p in expand_paths([str(LISTS)])]
    seeds = [p.read_text(encoding="utf-8-sig") for p in seed_paths(LISTS)]
    version = subprocess.run([markdownlint, "--help"], capture_output=True, text=True, check=False).stdout
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print(f"awesome-lint: {script}" + (f"; --also: {args.also}" if args.also is not None else ""))
    print(f"yardstick: {version.splitlines()[0] if version else markdownlint} ({markdownlint})")
    with tempfile.TemporaryDirectory(prefix="lint-speed-") as tmp:
        work = Path(tmp)
        empty = work / "empty.md"
        empty.write_bytes(b"")
        config = work / "awesome-lint.toml"
        config.write_text(f'cache = "{(work / "cache").as_posix()}"\n', encoding="utf-8")
        cold = [script, "lint", "--no-cache", "--config", str(config)]
        cached = [script, "lint", "--config", str(config)]
        inputs: list[tuple[str, list[str], int, float | None]] = [
            ("empty file (start-up)", [str(empty)], args.runs, None),
            (f"one list ({ONE_LIST.relative_to(ROOT)}, 251 items)", [str(ONE_LIST)], args.runs, GOAL_ONE_LIST),
            (f"lists/ ({len(files)} files)", files, args.runs, None),
        ]
        for size in args.sizes:
            big = work / f"lists-{size}x.md"
            big.write_text(synthesise(seeds, size), encoding="utf-8")
            goal = GOAL_LARGE if size == GOAL_LARGE_SIZE else None
            inputs.append((f"{size}x list ({big.stat().st_size / 1e6:.1f} MB)", [str(big)], args.big_runs, goal))
        print()
        if args.also is not None:
            run_once([str(args.also), "lint", str(ONE_LIST)])  # compiles its .pyc files
        print(f"{'input / command':<42} {'wall s':>8} {'CPU s':>8} {'peak MiB':>8} {'ratio':>8}")
        print("  (medians of interleaved rounds; ratio: wall time over markdownlint-cli2's on the same input)")
        for title, paths, rounds, goal in inputs:
            run_once([*cached, *paths])  # compiles .pyc files, fills the cache for the `cached` rows
            yardstick = Timed("markdownlint-cli2", [markdownlint, *paths])
            rows = [
                Timed("awesome-lint lint (cold, --no-cache)", [*cold, *paths]),
                Timed("awesome-lint lint (cached)", [*cached, *paths]),
                yardstick,
            ]
            if args.also is not None:
                rows.insert(2, Timed("--also awesome-lint (cold)", [str(args.also), "lint", "--no-cache", *paths]))
            if paths == [str(empty)]:
                rows.insert(0, Timed("python -c pass", [sys.executable, "-c", "pass"]))
            elif len(paths) == 1:
                rows.insert(0, Timed("floor: python, its libraries, mistune", [sys.executable, "-c", FLOOR, *paths]))
                edited = work / f"edited-{Path(paths[0]).name}"
                shutil.copyfile(paths[0], edited)
                run_once([*cached, str(edited)])  # fills the pattern store
                edit_and_lint = ["sh", "-c", EDITED, script, str(edited), str(config)]
                rows.insert(-1, Timed("awesome-lint lint (edited)", edit_and_lint))
            interleaved(rows, rounds)
            ours = [row for row in rows if row.label.startswith("awesome-lint lint")]
            goals = {} if goal is None else {row.label: goal for row in ours}
            print_group(f"{title}, {rounds} rounds", rows, yardstick, goals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
