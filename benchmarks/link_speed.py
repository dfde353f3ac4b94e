"""Link checker speed on this machine only, each figure next to a yardstick measured in the same run.

1. HTTP: `--links` distinct URLs on a threaded HTTP server on 127.0.0.1, in a process of its own, that answers
   every HEAD and GET after `--latency` seconds. `HttpChecker` with its default settings (and a fresh cache)
   against two yardsticks making the same HEAD requests 32 at once: a bare `requests.Session` in a thread pool,
   and `curl --parallel` when curl is installed. Medians of `--runs`
   rounds, the three taking turns; then the checker again on its filled cache.
2. arXiv: `--ids` ids on `tests/fake_arxiv.py`, looked up by `ArxivClient` with `--arxiv-delay` seconds between
   requests (arXiv asks for 3 s), against the floor those pauses set; then again on the filled cache.
3. Offline: `awesome-lint check-links --offline --no-cache` on a list `--offline-size` times the size of lists/
   (100: about 10 MB) against parsing the same file alone in a fresh process (`parse_file`), taking turns for
   `--runs` rounds: median wall and CPU time, and the lines printed.
4. The goals, each MET or MISSED, and the command that produced the figures. Run from anywhere:

    python benchmarks/link_speed.py [--links 1000] [--latency 0.05] [--runs 3] [--ids 500] [--arxiv-delay 3]
        [--offline-size 100]

`--links 0`, `--ids 0` or `--offline-size 0` skips that part (`--links 0 --ids 0`: the offline figure alone).
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from parse_speed import seed_paths, synthesise

from awesome_lint.links.arxiv import ArxivClient
from awesome_lint.links.cache import LinkCache

ROOT = Path(__file__).resolve().parent.parent
GOAL_LINKS = 3.0  # seconds for 1,000 links on one host answering in 50 ms, default settings, uncached
GOAL_CACHED = 1.0  # seconds for a cached re-run (links or ids)
GOAL_ARXIV_REQUESTS = 5  # API requests for 500 ids, uncached
GOAL_OFFLINE = 10.0  # seconds for check-links --offline on a 10 MB list
BATCH = 100  # arXiv ids per API request
WIDTH = 32  # requests at once for the yardsticks (fixed, so figures of different versions compare)


# the HTTP server, run in a process of its own (`--serve LATENCY`) so that it takes no CPU from the client


class SlowHandler(BaseHTTPRequestHandler):
    """Answers every HEAD and GET with 200 after the server's latency (keep-alive, HTTP/1.1)."""

    protocol_version = "HTTP/1.1"
    server: SlowServer

    def do_HEAD(self) -> None:
        """Wait, then send the headers of a small page."""
        self._answer(body=False)

    def do_GET(self) -> None:
        """Wait, then send a small page."""
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        """Sleep the latency, count the request, send 200 with a short body (GET only)."""
        time.sleep(self.server.latency)
        self.server.count(self.command)
        payload = b"<html><body>ok</body></html>\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        """Keep quiet."""


class SlowServer(ThreadingHTTPServer):
    """A thread per connection, a deep listen queue (no SYN drops at 64 connections), request counts."""

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, latency: float) -> None:
        super().__init__(("127.0.0.1", 0), SlowHandler)
        self.latency = latency
        self.served: dict[str, int] = {}
        self._lock = threading.Lock()

    def count(self, method: str) -> None:
        """Count one answered request by method."""
        with self._lock:
            self.served[method] = self.served.get(method, 0) + 1


def serve(latency: float) -> None:
    """Serve until stdin closes: print the port first, the requests answered per method last."""
    server = SlowServer(latency)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()
    server.shutdown()
    print(", ".join(f"{method} {n}" for method, n in sorted(server.served.items())) or "none", flush=True)


@contextmanager
def server_process(latency: float) -> Iterator[tuple[int, list[str]]]:
    """A SlowServer in a child process: its port, and a list that gets the requests it answered once it ends."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(latency)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdin is not None and child.stdout is not None
    served: list[str] = []
    try:
        yield int(child.stdout.readline()), served
    finally:
        child.stdin.close()
        served.append(child.stdout.read().strip())
        child.wait(60)


# timed runs


@dataclass
class Timing:
    """One run: wall and CPU seconds (CPU None when not measured), with a note (requests, outcomes, lines)."""

    seconds: float
    cpu: float | None = None
    note: str = ""


def median(runs: list[Timing]) -> Timing:
    """The median wall time (with the median CPU time) of runs; the note of the last run."""
    cpus = [r.cpu for r in runs if r.cpu is not None]
    return Timing(statistics.median(r.seconds for r in runs), statistics.median(cpus) if cpus else None, runs[-1].note)


def cpu_now() -> float:
    """CPU seconds of this process and its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(work: Callable[[], str]) -> Timing:
    """Run work() (which returns a note) and time it."""
    cpu, start = cpu_now(), time.perf_counter()
    note = work()
    return Timing(time.perf_counter() - start, cpu_now() - cpu, note)


def checker_run(urls: list[str], cache_path: Path) -> str:
    """Check urls with a default HttpChecker (private addresses allowed) on the cache at cache_path."""
    from awesome_lint.links.http import HttpChecker

    with LinkCache(cache_path) as cache, HttpChecker(allow_private=True, cache=cache) as checker:
        checker.check(urls)
        stats = checker.stats
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(stats.outcomes.items()))
    return f"{stats.requests} requests, {stats.cache_hits} cache hits, {outcomes}"


def requests_run(urls: list[str], width: int) -> str:
    """HEAD every URL with one bare requests.Session from `width` threads (a pool of `width` connections)."""
    import requests
    from requests.adapters import HTTPAdapter

    with requests.Session() as session:
        session.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=width))
        with ThreadPoolExecutor(max_workers=width) as pool:
            statuses = list(pool.map(lambda url: session.head(url, timeout=10).status_code, urls))
    return f"{len(statuses)} requests, {sum(s == 200 for s in statuses)} answered 200"


def curl_command(urls: list[str], width: int, folder: Path) -> list[str]:
    """`curl --parallel` HEADing every URL, `width` at once, the URLs in a config file."""
    config = folder / "curl.config"
    config.write_text("".join(f'url = "{url}"\noutput = "/dev/null"\n' for url in urls), encoding="utf-8")
    return ["curl", "--parallel", "--parallel-max", str(width), "--silent", "--head", "--config", str(config)]


def process_run(command: list[str], cwd: Path = ROOT) -> Timing:
    """Run a command: wall and CPU time of the process, and how many lines it printed on stdout."""
    with tempfile.TemporaryFile() as out:
        cpu, start = cpu_now(), time.perf_counter()
        done = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE)
        seconds, cpu = time.perf_counter() - start, cpu_now() - cpu
        out.seek(0)
        lines = sum(1 for _ in out)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{shlex.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return Timing(seconds, cpu, f"{lines} lines on stdout")


# the three benchmarks


@dataclass
class Row:
    """A measured figure, its yardstick, and the goal it answers (if any)."""

    label: str
    ours: Timing
    yardstick: Timing | None = None
    yardstick_label: str = ""
    goal: str = ""
    met: bool | None = None
    cpu_ratio: bool = False

    def ratio(self) -> str:
        """ours / yardstick as text: wall time, and CPU time too when the yardstick is a Python process."""
        if self.yardstick is None or self.yardstick.seconds <= 0:
            return ""
        text = f"{self.ours.seconds / self.yardstick.seconds:.2f}x"
        if self.cpu_ratio and self.ours.cpu and self.yardstick.cpu:
            text += f" (CPU {self.ours.cpu / self.yardstick.cpu:.2f}x)"
        return text


def bench_links(count: int, latency: float, runs: int, folder: Path) -> list[Row]:
    """Defaults against the yardsticks (medians of `runs` rounds), then the cached re-run."""
    width = WIDTH
    curl = shutil.which("curl")
    with server_process(latency) as (port, served):
        base = f"http://127.0.0.1:{port}"
        print(f"{count} links on {base}/ (another process), every answer after {latency * 1000:g} ms; {runs} rounds")
        ours: list[Timing] = []
        bare: list[Timing] = []
        curls: list[Timing] = []
        for n in range(runs):
            urls = [f"{base}/ours/{n}/{i}" for i in range(count)]
            ours.append(timed(lambda urls=urls, n=n: checker_run(urls, folder / f"links-{n}.sqlite3")))
            bare.append(timed(lambda n=n: requests_run([f"{base}/bare/{n}/{i}" for i in range(count)], width)))
            if curl:
                curls.append(process_run(curl_command([f"{base}/curl/{n}/{i}" for i in range(count)], width, folder)))
            print(f"  round {n + 1}: awesome-lint {ours[-1].seconds:.2f} s, requests {bare[-1].seconds:.2f} s", end="")
            print(f", curl {curls[-1].seconds:.2f} s" if curls else "", flush=True)
        cached = timed(lambda: checker_run([f"{base}/ours/0/{i}" for i in range(count)], folder / "links-0.sqlite3"))
    print(f"  the server answered: {served[0]}")
    defaults = median(ours)
    met = defaults.seconds < GOAL_LINKS
    rows = [
        Row(f"{count} links, defaults", defaults, median(bare), f"requests.Session, {width} threads",
            f"< {GOAL_LINKS:g} s", met, cpu_ratio=True),
    ]  # fmt: skip
    if curls:
        rows.append(Row(f"{count} links, defaults", defaults, median(curls), f"curl --parallel-max {width}"))
    met = cached.seconds < GOAL_CACHED and cached.note.startswith("0 requests")
    rows.append(Row(f"{count} links, cached re-run", cached, goal=f"< {GOAL_CACHED:g} s, 0 requests", met=met))
    return rows


def bench_arxiv(count: int, delay: float, folder: Path) -> list[Row]:
    """The arXiv runs on the fake API: uncached against the floor the pauses set, then on the filled cache."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fake_arxiv import FakeArxiv, Paper
    from pytest_httpserver import HTTPServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log lines
    ids = [f"1801.{n:05d}" for n in range(1, count + 1)]
    fake = FakeArxiv({i: Paper(f"Paper {i}") for i in ids})
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    timings: list[Timing] = []
    requests_made: list[int] = []
    try:
        template = fake.install(server)
        print(f"\n{count} arXiv ids on the fake API at {template.split('?')[0]}, {delay:g} s between requests")
        for label in ("uncached", "cached re-run"):
            with LinkCache(folder / "arxiv.sqlite3") as cache:
                client = ArxivClient(template, delay=delay, cache=cache)
                timing = timed(lambda client=client: f"{len(client.lookup(ids))} ids")
            timing.note = f"{client.stats.requests} requests, {client.stats.cache_hits} cache hits"
            timings.append(timing)
            requests_made.append(client.stats.requests)
            print(f"  {label}: {timing.seconds:.2f} s, {timing.note}", flush=True)
    finally:
        server.clear()
        server.stop()
    uncached, cached = timings
    pauses = Timing((math.ceil(count / BATCH) - 1) * delay)
    return [
        Row(f"{count} arXiv ids", uncached, pauses if pauses.seconds else None, "the pauses alone",
            f"<= {GOAL_ARXIV_REQUESTS} requests", requests_made[0] <= GOAL_ARXIV_REQUESTS),
        Row(f"{count} arXiv ids, cached re-run", cached, goal=f"< {GOAL_CACHED:g} s, 0 requests",
            met=cached.seconds < GOAL_CACHED and requests_made[1] == 0),
    ]  # fmt: skip


def bench_offline(size: int, runs: int, folder: Path) -> list[Row]:
    """check-links --offline on a synthetic list against parsing the same file alone (each in a fresh process),
    taking turns for `runs` rounds (medians are shown)."""
    big = folder / f"list-{size}x.md"
    big.write_text(synthesise([p.read_text(encoding="utf-8") for p in seed_paths()], size), encoding="utf-8")
    megabytes = big.stat().st_size / 1e6
    print(f"\ncheck-links --offline on a {size}x list ({megabytes:.1f} MB)", flush=True)
    check = [sys.executable, "-m", "awesome_lint", "check-links", "--offline", "--no-cache", str(big)]
    code = "import sys; from awesome_lint.parse import parse_file; parse_file(sys.argv[1])"
    checks: list[Timing] = []
    parses: list[Timing] = []
    for n in range(runs):
        checks.append(process_run(check))
        parses.append(process_run([sys.executable, "-c", code, str(big)]))
        print(f"  round {n + 1}: check-links {checks[-1].seconds:.1f} s ({checks[-1].cpu:.1f} s CPU),", end="")
        print(f" parse alone {parses[-1].seconds:.1f} s ({parses[-1].cpu:.1f} s CPU)", flush=True)
    ours, parse = median(checks), median(parses)
    met = ours.seconds < GOAL_OFFLINE
    return [
        Row(
            f"check-links --offline, {megabytes:.0f} MB",
            ours,
            parse,
            "parse_file alone",
            f"< {GOAL_OFFLINE:g} s",
            met,
            cpu_ratio=True,
        )
    ]


def print_table(rows: list[Row]) -> None:
    """One line per figure: ours, the yardstick, the ratio, the goal and whether it is met."""
    print("\n| figure | awesome-lint | yardstick | ratio | goal |")
    print("| --- | ---: | --- | ---: | --- |")
    for row in rows:
        ours = f"{row.ours.seconds:.2f} s" + (f" ({row.ours.cpu:.2f} s CPU)" if row.ours.cpu is not None else "")
        yard = ""
        if row.yardstick is not None:
            cpu = f", {row.yardstick.cpu:.2f} s CPU" if row.yardstick.cpu is not None else ""
            yard = f"{row.yardstick_label}: {row.yardstick.seconds:.2f} s{cpu}"
        goal = f"{row.goal} {'MET' if row.met else 'MISSED'}" if row.goal else ""
        print(f"| {row.label}: {row.ours.note} | {ours} | {yard} | {row.ratio()} | {goal} |")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table and the command; exit 1 when a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000, help="distinct links on the local server (0: skip)")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds the local server waits per answer")
    parser.add_argument("--runs", type=int, default=3, help="rounds of the HTTP and offline runs (medians shown)")
    parser.add_argument("--ids", type=int, default=500, help="arXiv ids on the fake API (0: skip)")
    parser.add_argument("--arxiv-delay", type=float, default=3.0, help="seconds between arXiv API requests")
    parser.add_argument("--offline-size", type=int, default=100, help="list size for --offline, x lists/ (0: skip)")
    parser.add_argument("--serve", type=float, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve is not None:
        serve(args.serve)
        return 0
    if args.runs < 1 or args.latency < 0 or args.arxiv_delay < 0:
        parser.error("--runs must be positive, --latency and --arxiv-delay not negative")
    if args.links < 0 or args.ids < 0 or args.offline_size < 0:
        parser.error("--links, --ids and --offline-size must not be negative")
    with tempfile.TemporaryDirectory(prefix="link-speed-") as tmp:
        folder = Path(tmp)
        rows = bench_links(args.links, args.latency, args.runs, folder) if args.links else []
        if args.ids:
            rows += bench_arxiv(args.ids, args.arxiv_delay, folder)
        if args.offline_size:
            rows += bench_offline(args.offline_size, args.runs, folder)
    print_table(rows)
    command = ["python", "benchmarks/link_speed.py", *(argv if argv is not None else sys.argv[1:])]
    print(f"\n`{shlex.join(command)}` on {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
