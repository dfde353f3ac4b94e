"""Link checker speed on this machine only: HTTP links on a slow local server, arXiv ids on the fake arXiv API.

1. `--links` distinct URLs on one threaded HTTP server on 127.0.0.1 that answers every HEAD and GET after
   `--latency` seconds, checked by `HttpChecker` with its default limits and with per_host=32, workers=32 (all
   links are on one host, so the per-host limit bounds the speed), each with a fresh cache; then the tuned run
   again with its filled cache and a new checker.
2. `--ids` arXiv ids on `tests/fake_arxiv.py` (a pytest_httpserver on 127.0.0.1), looked up by `ArxivClient`
   with `--arxiv-delay` seconds between requests (arXiv asks for 3 s), then again with the filled cache.
3. A table of the goals, each MET or MISSED. Run:

    python benchmarks/link_speed.py [--links 1000] [--ids 500] [--latency 0.05] [--arxiv-delay 3.0]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from awesome_lint.links.arxiv import ArxivClient
from awesome_lint.links.cache import LinkCache
from awesome_lint.links.http import HttpChecker

ROOT = Path(__file__).resolve().parent.parent
GOAL_LINKS = 5.0  # seconds for 1,000 links, uncached
GOAL_ARXIV_REQUESTS = 5  # API requests for 500 ids, uncached
GOAL_CACHED = 1.0  # seconds for a cached re-run (links or ids)
TUNED_WORKERS = 32
TUNED_PER_HOST = 32


@dataclass
class Measure:
    """One timed run: wall time, requests sent, cache hits and outcome counts."""

    label: str
    seconds: float
    requests: int
    cache_hits: int
    outcomes: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        """The run as one printed line."""
        outcomes = ", ".join(f"{k}={v}" for k, v in sorted(self.outcomes.items())) or "-"
        return (
            f"  {self.label:<48} {self.seconds:8.3f} s   requests {self.requests:5d}   "
            f"cache hits {self.cache_hits:5d}   {outcomes}"
        )


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
    """A thread per connection, a deep listen queue (no SYN drops at 32 connections), request counts."""

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


@contextmanager
def slow_server(latency: float) -> Iterator[SlowServer]:
    """A running SlowServer on 127.0.0.1, shut down on exit."""
    server = SlowServer(latency)
    thread = threading.Thread(target=server.serve_forever, name="slow-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def check_links(label: str, urls: list[str], cache_path: Path, **settings: int) -> Measure:
    """Check urls with a new HttpChecker (private addresses allowed) on the cache at cache_path."""
    with LinkCache(cache_path) as cache, HttpChecker(allow_private=True, cache=cache, **settings) as checker:
        started = time.perf_counter()
        checker.check(urls)
        seconds = time.perf_counter() - started
        label = f"{label} (workers={checker.workers}, per_host={checker.per_host})"
        stats = checker.stats
        return Measure(label, seconds, stats.requests, stats.cache_hits, dict(stats.outcomes))


def bench_links(count: int, latency: float, folder: Path) -> list[Measure]:
    """The HTTP runs: defaults, tuned, then the tuned run again on its cache."""
    runs: list[Measure] = []
    with slow_server(latency) as server:
        port = server.server_address[1]
        urls = [f"http://127.0.0.1:{port}/paper/{n}" for n in range(count)]
        print(f"{count} links on http://127.0.0.1:{port}/, every answer after {latency * 1000:g} ms")
        runs.append(check_links("defaults, uncached", urls, folder / "defaults.sqlite3"))
        print(runs[-1].line(), flush=True)
        tuned = {"workers": TUNED_WORKERS, "per_host": TUNED_PER_HOST}
        runs.append(check_links("tuned, uncached", urls, folder / "tuned.sqlite3", **tuned))
        print(runs[-1].line(), flush=True)
        runs.append(check_links("tuned, cached re-run", urls, folder / "tuned.sqlite3", **tuned))
        print(runs[-1].line(), flush=True)
        served = ", ".join(f"{k} {v}" for k, v in sorted(server.served.items()))
        print(f"  server answered: {served}")
    return runs


def bench_arxiv(count: int, delay: float, folder: Path) -> list[Measure]:
    """The arXiv runs on the fake API: uncached, then again on the filled cache."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fake_arxiv import FakeArxiv, Paper
    from pytest_httpserver import HTTPServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log lines
    ids = [f"1801.{n:05d}" for n in range(1, count + 1)]
    fake = FakeArxiv({i: Paper(f"Paper {i}") for i in ids})
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    runs: list[Measure] = []
    try:
        template = fake.install(server)
        print(f"\n{count} arXiv ids on the fake API at {template.split('?')[0]}, delay {delay:g} s between requests")
        for label in ("uncached", "cached re-run"):
            with LinkCache(folder / "arxiv.sqlite3") as cache:
                client = ArxivClient(template, delay=delay, cache=cache)
                before = len(fake.requests)
                started = time.perf_counter()
                records = client.lookup(ids)
                seconds = time.perf_counter() - started
            outcomes: dict[str, int] = {}
            for record in records.values():
                key = {True: "found", False: "not found", None: "unknown"}[record.exists]
                outcomes[key] = outcomes.get(key, 0) + 1
            runs.append(Measure(label, seconds, client.stats.requests, client.stats.cache_hits, outcomes))
            print(runs[-1].line() + f"   (fake API saw {len(fake.requests) - before} requests)", flush=True)
    finally:
        server.clear()
        server.stop()
    return runs


def goal_table(links: list[Measure], arxiv: list[Measure], n_links: int, n_ids: int) -> list[tuple[str, str, bool]]:
    """(goal, measured, met) rows."""
    defaults, tuned, links_cached = links
    uncached, ids_cached = arxiv
    return [
        (f"{n_links} links < {GOAL_LINKS:g} s, defaults", f"{defaults.seconds:.2f} s", defaults.seconds < GOAL_LINKS),
        (f"{n_links} links < {GOAL_LINKS:g} s, per_host=32", f"{tuned.seconds:.2f} s", tuned.seconds < GOAL_LINKS),
        (
            f"links cached re-run < {GOAL_CACHED:g} s",
            f"{links_cached.seconds:.3f} s, {links_cached.requests} requests",
            links_cached.seconds < GOAL_CACHED and links_cached.requests == 0,
        ),
        (
            f"{n_ids} ids in <= {GOAL_ARXIV_REQUESTS} requests",
            f"{uncached.requests} requests, {uncached.seconds:.2f} s",
            uncached.requests <= GOAL_ARXIV_REQUESTS,
        ),
        (
            f"ids cached re-run < {GOAL_CACHED:g} s",
            f"{ids_cached.seconds:.3f} s, {ids_cached.requests} requests",
            ids_cached.seconds < GOAL_CACHED and ids_cached.requests == 0,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print each run and the goal table; exit 1 when a goal of the tuned setup is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000, help="distinct links on the local server")
    parser.add_argument("--ids", type=int, default=500, help="arXiv ids on the fake API")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds the local server waits per answer")
    parser.add_argument("--arxiv-delay", type=float, default=3.0, help="seconds between arXiv API requests")
    args = parser.parse_args(argv)
    if args.links < 1 or args.ids < 1 or args.latency < 0 or args.arxiv_delay < 0:
        parser.error("--links and --ids must be positive, --latency and --arxiv-delay not negative")
    with tempfile.TemporaryDirectory(prefix="link-speed-") as tmp:
        folder = Path(tmp)
        links = bench_links(args.links, args.latency, folder)
        arxiv = bench_arxiv(args.ids, args.arxiv_delay, folder)
    rows = goal_table(links, arxiv, args.links, args.ids)
    print("\nGoals")
    width = max(len(goal) for goal, _, _ in rows)
    for goal, measured, met in rows:
        print(f"  {goal:<{width}}  {measured:<28} {'MET' if met else 'MISSED'}")
    limit = HttpChecker().per_host
    floor = args.links * args.latency / limit
    print(f"  (defaults: per_host={limit} bounds {args.links} links on one host to >= {floor:.1f} s)")
    return 0 if all(met for _, _, met in rows[1:]) else 1


if __name__ == "__main__":
    sys.exit(main())
