"""How `awesome-lint dupes` (and `merge`) grow on the seed lists repeated 30x and 100x, next to mistune alone.

Each size is the five seed lists repeated and varied as in parse_speed.py, in one file. Every number is a
whole process (interpreter start included) run with its output thrown away: its CPU time (user + system,
which a busy machine disturbs less than wall time), its wall time and its peak memory (max RSS, see
lint_speed.py). The yardstick, measured in the same run on the same file, is mistune alone
building its AST. Runs are interleaved (every command once per round) and the median of the rounds is
shown, so a busy machine slows every column alike. The exponent between two sizes is
log(CPU time ratio) / log(size ratio): 1.0 is linear. A separate in-process run splits `dupes` into parsing
and matching (CPU seconds).

    python benchmarks/dedup_scaling.py [--sizes 30,100] [--runs 3] [--merge]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lint_speed import awesome_lint_script, positive, run_once
from parse_speed import parse_sizes, seed_paths, synthesise

MIB = 1024 * 1024
GOAL_EXPONENT = 1.15  # dupes and merge from the first size to the last
GOAL_PEAK_MIB = 300.0  # dupes and merge at the largest size
MISTUNE = "import sys, mistune; mistune.create_markdown(renderer=None)(open(sys.argv[1], encoding='utf-8').read())"


def split_times(path: Path) -> dict[str, float]:
    """Parse `path` and match its papers in this process: CPU seconds of each step and the paper count."""
    from awesome_lint.dedup import cluster_entries
    from awesome_lint.parse import parse_file

    start = time.process_time()
    papers = [e for e in parse_file(path).entries if e.kind == "paper"]
    parsed = time.process_time()
    cluster_entries(papers)
    return {"papers": len(papers), "parse": parsed - start, "match": time.process_time() - parsed}


def cpu_seconds() -> float:
    """CPU seconds (user + system) of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def exponent(small: float, large: float, ratio: float) -> float:
    """The growth exponent between two sizes `ratio` apart."""
    return math.log(large / small) / math.log(ratio)


def main(argv: list[str] | None = None) -> int:
    """Time every command on every size, interleaved, and print the table and the exponents."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=parse_sizes, default=[30, 100], help="seed copies (default: 30,100)")
    parser.add_argument("--runs", type=positive, default=3, help="rounds; medians are shown (default: 3)")
    parser.add_argument("--merge", action="store_true", help="also time `awesome-lint merge`")
    parser.add_argument("--split", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.split:
        print(json.dumps(split_times(args.split)))
        return 0

    script = str(awesome_lint_script())
    seeds = [p.read_text(encoding="utf-8-sig") for p in seed_paths()]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {args.runs} interleaved rounds, medians")
    with tempfile.TemporaryDirectory(prefix="dedup-scaling-") as tmp:
        files = {size: Path(tmp) / f"lists-{size}x.md" for size in args.sizes}
        for size, path in files.items():
            path.write_text(synthesise(seeds, size), encoding="utf-8")
        megabytes = {size: path.stat().st_size / 1e6 for size, path in files.items()}
        out = str(Path(tmp) / "merged.md")
        report = str(Path(tmp) / "report.json")
        tools = {
            "dupes": lambda p: [script, "dupes", str(p)],
            "mistune alone": lambda p: [sys.executable, "-c", MISTUNE, str(p)],
        }
        if args.merge:
            tools["merge"] = lambda p: [script, "merge", str(p), "-o", out, "--report", report]
        run_once([script, "dupes", str(files[args.sizes[0]])])  # compiles .pyc files
        times: dict[tuple[str, int], list[float]] = {(t, s): [] for t in tools for s in args.sizes}
        walls: dict[tuple[str, int], list[float]] = {(t, s): [] for t in tools for s in args.sizes}
        peaks: dict[tuple[str, int], int] = {}
        for _ in range(args.runs):
            for size in args.sizes:
                for tool, command in tools.items():
                    before = cpu_seconds()
                    run = run_once(command(files[size]))
                    times[tool, size].append(cpu_seconds() - before)
                    if run.returncode != 0:
                        print(f"{tool} on {size}x exited {run.returncode}: {run.stderr.strip()}", file=sys.stderr)
                        return 2
                    walls[tool, size].append(run.seconds)
                    peaks[tool, size] = max(peaks.get((tool, size), 0), run.peak_rss or 0)
        split = {}
        for size in args.sizes:
            command = [sys.executable, __file__, "--split", str(files[size])]
            split[size] = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)

    median = {key: statistics.median(value) for key, value in times.items()}
    wall = {key: statistics.median(value) for key, value in walls.items()}
    header = (
        f"{'size':>5} {'MB':>6} {'papers':>7} {'command':<14} {'CPU s':>7} {'wall s':>7} {'peak MiB':>9}"
        f" {'CPU x mistune':>14}"
    )
    print(header)
    print("-" * len(header))
    for size in args.sizes:
        for tool in tools:
            ratio = median[tool, size] / median["mistune alone", size]
            print(
                f"{size:>4}x {megabytes[size]:>6.1f} {split[size]['papers']:>7} {tool:<14} {median[tool, size]:>7.2f}"
                f" {wall[tool, size]:>7.2f} {peaks[tool, size] / MIB:>9.0f} {ratio:>14.2f}"
            )
        s = split[size]
        print(f"{'':>21} dupes in-process: parse {s['parse']:.2f} s CPU, match {s['match']:.2f} s CPU")
    if len(args.sizes) > 1:
        first, last = args.sizes[0], args.sizes[-1]
        print()
        print(f"exponent of CPU time {first}x -> {last}x (1.0 = linear):")
        for tool in tools:
            value = exponent(median[tool, first], median[tool, last], last / first)
            goal = (
                ""
                if tool == "mistune alone"
                else f"  goal <= {GOAL_EXPONENT}: {'ok' if value <= GOAL_EXPONENT else 'OVER'}"
            )
            print(f"  {tool:<14} {value:.2f}{goal}")
        value = exponent(split[first]["match"], split[last]["match"], last / first)
        print(f"  {'matching only':<14} {value:.2f}  (in-process CPU time of cluster_entries)")
        for tool in tools:
            if tool != "mistune alone":
                peak = peaks[tool, last] / MIB
                verdict = "ok" if peak <= GOAL_PEAK_MIB else "OVER"
                print(f"peak {tool} at {last}x: {peak:.0f} MiB  goal <= {GOAL_PEAK_MIB:.0f}: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
