"""Parser speed and memory on synthetic lists 1x, 10x and 100x the size of lists/*.md, plus CLI start-up time.

First the yardstick: whole processes, interleaved round by round, on the `--versus`x list: `awesome-lint parse
--format json` (output thrown away) against mistune alone building its AST of the same file. Each row is the
median of the rounds (wall and CPU seconds) and the largest peak RSS; the ratio is awesome-lint's median over
mistune's, measured in the same run; `--baseline` adds another version (a checkout, put first on PYTHONPATH)
to the same rounds.

Then each size repeats the seed lists, varying every copy (link labels, headings, arXiv ids) so no two copies
are byte-identical, writes it to a temporary file and times `parse_file` on it in this process. Peak memory is
measured with tracemalloc in a separate run. Run from anywhere:

    python benchmarks/parse_speed.py [--sizes 1,10,100] [--startup-runs 5] [--versus 10] [--rounds 7]
                                     [--baseline CHECKOUT]
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import awesome_lint
from awesome_lint.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "lists"
DEFAULT_SIZES = (1, 10, 100)
MIB = 1024 * 1024
GOAL_RATIO = 1.5  # parse --format json against mistune alone, wall time
MISTUNE = "import sys, mistune; mistune.create_markdown(renderer=None)(open(sys.argv[1], encoding='utf-8').read())"

# ATX headings; a heading that is only a year sets the year of its entries, so it is left alone.
_HEADING = re.compile(r"^(?P<head> {0,3}#{1,6}[ \t]+)(?P<body>.*?)(?P<tail>[ \t]+#+)?[ \t]*$", re.MULTILINE)
_YEAR_ONLY = re.compile(r"^\s*(?:19|20)\d\d\s*$")
# `[label](`: a link label on one line with no nested brackets (so `[[code]](` is not touched).
_LABEL = re.compile(r"\[(?P<label>[^\[\]\n]+)\]\(")
# Generic labels whose meaning (paper link, code link, ...) the parser reads from the exact word.
_GENERIC_LABEL = re.compile(
    r"^\s*(?:paper|pdf|arxiv|link|openreview|code|github|project|slides?|video|blog)\b", re.IGNORECASE
)
# A new-style arXiv id after `arXiv:` or an arxiv.org path; the last two digits are varied.
_ARXIV = re.compile(
    r"(?P<pre>arxiv(?:\.org/(?:abs|pdf)/|\s*:\s*))(?P<id>\d{4}\.\d{2,3})(?P<last>\d\d)(?!\d)", re.IGNORECASE
)


@dataclass
class Result:
    """One row of the table."""

    size: int
    nbytes: int
    entries: int
    seconds: float
    peak_bytes: int


def seed_paths(lists: Path = LISTS) -> list[Path]:
    """The seed lists: lists/*.md except README.md, sorted by name."""
    return sorted(p for p in lists.glob("*.md") if p.name.lower() != "readme.md")


def vary(text: str, k: int) -> str:
    """Copy number `k` of a seed text: same Markdown shapes, different bytes (copy 0 is the seed itself)."""
    if k == 0:
        return text

    def heading(m: re.Match[str]) -> str:
        body = m.group("body")
        if not body.strip() or _YEAR_ONLY.match(body):
            return m.group(0)
        return f"{m.group('head')}{body} ({k}){m.group('tail') or ''}"

    def label(m: re.Match[str]) -> str:
        text = m.group("label")
        if _GENERIC_LABEL.match(text):
            return m.group(0)
        # A one-word label (a repository slug, a name) stays one word.
        sep = " " if re.search(r"\s", text.strip()) else "-"
        return f"[{text}{sep}{k}]("

    def arxiv(m: re.Match[str]) -> str:
        last = (int(m.group("last")) + k) % 100
        return f"{m.group('pre')}{m.group('id')}{last:02d}"

    text = _HEADING.sub(heading, text)
    text = _LABEL.sub(label, text)
    return _ARXIV.sub(arxiv, text)


def synthesise(seeds: list[str], size: int) -> str:
    """A list `size` times as large as the seeds together, each repetition varied."""
    parts = [vary(seed, k).rstrip("\n") for k in range(size) for seed in seeds]
    return "\n\n".join(parts) + "\n"


def clear_caches() -> None:
    """Empty the parser's memo caches, so every timed run starts as a fresh process would."""
    for name, module in list(sys.modules.items()):
        if name.startswith("awesome_lint."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def time_parse(path: Path, runs: int) -> tuple[float, int]:
    """Best wall time of `runs` parses of `path` (each with empty caches), and the number of entries found."""
    best = float("inf")
    entries = 0
    for _ in range(runs):
        clear_caches()
        gc.collect()
        start = time.perf_counter()
        doc = parse_file(path)
        elapsed = time.perf_counter() - start
        best = min(best, elapsed)
        entries = len(doc.entries)
        del doc
    return best, entries


def peak_memory(path: Path) -> int:
    """Peak bytes allocated (tracemalloc) while parsing `path`, the result included."""
    gc.collect()
    tracemalloc.start()
    try:
        doc = parse_file(path)
        _current, peak = tracemalloc.get_traced_memory()
        del doc
    finally:
        tracemalloc.stop()
    return peak


def measure(sizes: list[int], seeds: list[str], workdir: Path) -> list[Result]:
    """Write each synthetic list to `workdir` and time and weigh its parse."""
    results = []
    for size in sizes:
        path = workdir / f"synthetic-{size}x.md"
        data = synthesise(seeds, size).encode("utf-8")
        path.write_bytes(data)
        seconds, entries = time_parse(path, runs=3 if size <= 10 else 1)
        results.append(Result(size, len(data), entries, seconds, peak_memory(path)))
        path.unlink()
    return results


def print_table(results: list[Result]) -> None:
    """Print the parse table: size, bytes, entries, seconds, entries/s, peak MiB, MiB per MB of input."""
    columns = (("size", 5), ("bytes", 11), ("entries", 8), ("seconds", 9), ("entries/s", 10), ("peak MiB", 9))
    header = " ".join(f"{name:>{width}}" for name, width in (*columns, ("MiB/MB", 7)))
    print(header)
    print("-" * len(header))
    for r in results:
        rate = r.entries / r.seconds if r.seconds > 0 else float("inf")
        peak = r.peak_bytes / MIB
        per_mb = peak / (r.nbytes / 1e6) if r.nbytes else 0.0
        print(
            f"{r.size:>4}x {r.nbytes:>11,} {r.entries:>8,} {r.seconds:>9.3f} {rate:>10,.0f} {peak:>9.1f} {per_mb:>7.1f}"
        )


def startup_command() -> list[str] | None:
    """`python -m awesome_lint --help` if the package has __main__.py, else the console script, else None."""
    if (Path(awesome_lint.__file__).resolve().parent / "__main__.py").is_file():
        return [sys.executable, "-m", "awesome_lint", "--help"]
    bindir = Path(sys.executable).parent
    for name in ("awesome-lint", "awesome-lint.exe"):
        script = bindir / name
        if script.is_file():
            return [str(script), "--help"]
    return None


def measure_startup(runs: int) -> None:
    """Print the best and median wall time of `awesome-lint --help` over `runs` runs."""
    command = startup_command()
    if command is None:
        print("start-up: skipped (no awesome_lint/__main__.py and no awesome-lint script next to python)")
        return
    shown = " ".join(Path(command[0]).name if i == 0 else part for i, part in enumerate(command))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            print(f"start-up: `{shown}` exited {proc.returncode}: {err[-1] if err else '(no stderr)'}")
            return
    best, median = min(times) * 1000, statistics.median(times) * 1000
    print(f"start-up `{shown}` x{runs}: best {best:.0f} ms, median {median:.0f} ms")


@dataclass
class Process:
    """One finished whole process: wall and CPU seconds, peak RSS in bytes."""

    wall: float
    cpu: float
    peak: int


def run_process(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Process:
    """Run `command` with its output thrown away; its own rusage comes from `os.wait4`."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"`{' '.join(command)}` exited {proc.returncode}: {err.decode('utf-8', 'replace')[-500:]}")
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return Process(wall, usage.ru_utime + usage.ru_stime, peak)


def versus_mistune(seeds: list[str], size: int, rounds: int, workdir: Path, baseline: Path | None = None) -> None:
    """Print `parse --format json` of a `size`x list next to mistune alone on the same file, and their ratio;
    with `baseline` (a checkout of another version), that version's parse too, in the same rounds."""
    path = workdir / f"synthetic-{size}x.md"
    path.write_text(synthesise(seeds, size), encoding="utf-8")
    parse = [sys.executable, "-m", "awesome_lint", "parse", "--format", "json", str(path)]
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {"awesome-lint parse --format json": (parse, None)}
    if baseline is not None:
        env = {**os.environ, "PYTHONPATH": str(baseline.resolve())}
        commands[f"the same, {baseline.name}"] = (parse, env)
    commands["mistune alone"] = ([sys.executable, "-c", MISTUNE, str(path)], None)
    runs: dict[str, list[Process]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (command, env) in commands.items():
            runs[name].append(run_process(command, env, cwd=workdir))  # not the checkout `python -m` would import
    print(f"whole processes on the {size}x list ({path.stat().st_size:,} bytes), median of {rounds} interleaved rounds")
    wall = {name: statistics.median(p.wall for p in done) for name, done in runs.items()}
    cpu = {name: statistics.median(p.cpu for p in done) for name, done in runs.items()}
    for name, done in runs.items():
        peak = max(p.peak for p in done) / MIB
        ratio = "" if name == "mistune alone" else f"  {wall[name] / wall['mistune alone']:.2f}x mistune"
        line = f"  {name:<34} wall {wall[name]:6.3f} s  CPU {cpu[name]:6.3f} s  peak RSS {peak:6.1f} MiB{ratio}"
        print(line + (f" (CPU {cpu[name] / cpu['mistune alone']:.2f}x)" if ratio else ""))
    ratio = wall["awesome-lint parse --format json"] / wall["mistune alone"]
    verdict = "MET" if ratio <= GOAL_RATIO else "MISSED"
    print(f"  goal: parse --format json <= {GOAL_RATIO}x mistune alone (wall): {ratio:.2f}x, {verdict}")
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024) / MIB
    print(f"  (a peak RSS below this launcher's own {floor:.1f} MiB would show as that)")


def parse_sizes(value: str) -> list[int]:
    """Parse `1,10,100` into positive integers."""
    try:
        sizes = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers, got {value!r}") from None
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be positive integers, got {value!r}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated multiples of the seed lists (default: 1,10,100)",
    )
    parser.add_argument("--startup-runs", type=int, default=5, help="runs of `awesome-lint --help` (default: 5)")
    parser.add_argument("--versus", type=int, default=10, help="list size for the mistune yardstick (0: skip)")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds against mistune (default: 7)")
    parser.add_argument(
        "--baseline", type=Path, default=None, help="a checkout of another version to time in the same rounds"
    )
    args = parser.parse_args(argv)

    paths = seed_paths()
    if not paths:
        print(f"no seed lists in {LISTS}", file=sys.stderr)
        return 2
    seeds = [p.read_text(encoding="utf-8-sig") for p in paths]
    total = sum(len(seed.encode("utf-8")) for seed in seeds)
    print(f"seeds: {len(paths)} lists, {total:,} bytes ({', '.join(p.name for p in paths)})")
    print(f"python {sys.version.split()[0]}; best of 3 runs for sizes <= 10x, 1 run above")
    print(f"command: python benchmarks/parse_speed.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    with tempfile.TemporaryDirectory(prefix="parse-speed-") as tmp:
        if args.versus > 0 and args.rounds > 0:
            # First, while this process is small: Linux counts the launcher's memory in a child's peak RSS.
            print()
            versus_mistune(seeds, args.versus, args.rounds, Path(tmp), args.baseline)
        parse_file(paths[0])  # warm up: imports and the mistune parser are built on first use
        results = measure(args.sizes, seeds, Path(tmp))
        print()
        print_table(results)
        print()
    if args.startup_runs > 0:
        measure_startup(args.startup_runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
