"""Run the test suite several times in a row while other processes keep every CPU busy, and print each run's result.

The load is N busy Python processes (N defaults to twice the CPU count), started before the first run and stopped
after the last; `stress-ng --cpu N` does the same where it is installed (`--stress-ng`). With pytest-randomly
installed, each run uses a different random test order (its seed is printed by pytest). Run:

    python benchmarks/suite_under_load.py [--runs 5] [--load N] [--stress-ng] [-- PYTEST_ARGS...]

Exit code 0 only when every run passed.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _spin() -> None:
    """Burn one CPU until killed."""
    n = 0
    while True:
        n = (n * 31 + 7) % 1_000_003


def _start_load(count: int, use_stress_ng: bool) -> list[subprocess.Popen[bytes] | multiprocessing.Process]:
    if use_stress_ng:
        if shutil.which("stress-ng") is None:
            sys.exit("stress-ng is not installed (Debian: apt-get install stress-ng)")
        return [subprocess.Popen(["stress-ng", "--cpu", str(count), "--quiet"])]
    workers = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(count)]
    for worker in workers:
        worker.start()
    return workers


def _stop_load(load: list[subprocess.Popen[bytes] | multiprocessing.Process]) -> None:
    for proc in load:
        proc.terminate()
    for proc in load:
        if isinstance(proc, subprocess.Popen):
            proc.wait()
        else:
            proc.join()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load", type=int, default=2 * (os.cpu_count() or 1), help="busy processes")
    parser.add_argument("--stress-ng", action="store_true", help="load with stress-ng --cpu N instead of Python")
    parser.add_argument("pytest_args", nargs="*", help="extra arguments for pytest (after --)")
    args = parser.parse_args()

    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args.pytest_args]
    if importlib.util.find_spec("pytest_randomly") is None:
        print("pytest-randomly is not installed: tests run in file order", flush=True)
    load = _start_load(args.load, args.stress_ng)
    print(f"load: {args.load} busy processes on {os.cpu_count()} CPUs; command: {' '.join(command)}", flush=True)
    outcomes: list[bool] = []
    try:
        for run in range(1, args.runs + 1):
            started = time.monotonic()
            proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            elapsed = time.monotonic() - started
            summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "(no output)"
            outcomes.append(proc.returncode == 0)
            print(f"run {run}: exit {proc.returncode} in {elapsed:.0f} s: {summary}", flush=True)
            if proc.returncode != 0:
                failed = [line for line in proc.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
                print("\n".join(f"    {line}" for line in failed) or proc.stdout[-3000:], flush=True)
    finally:
        _stop_load(load)
    print(f"{sum(outcomes)} of {len(outcomes)} runs passed under load")
    return 0 if all(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
