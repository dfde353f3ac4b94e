"""Every HTTP request has a total deadline: servers that trickle bytes for ever end as `unknown`, not as a hang.

The slow servers here never stop on their own, so without the deadline these tests would not end; each
check runs under `finishes`, which fails the test after a limit far above the few seconds the deadline takes.
"""

from __future__ import annotations

import re
import socket
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from conftest import run_within
from fake_arxiv import Paper, entry_xml, feed_xml
from pytest_httpserver import HTTPServer
from slow_server import body_trickle, endless_continue, header_trickle, slow_server, status_trickle

from awesome_lint.links.arxiv import ArxivClient
from awesome_lint.links.deadline import deadline
from awesome_lint.links.http import HttpChecker
from awesome_lint.links.types import LinkResult

T = TypeVar("T")
LIMIT = 60.0  # far above the deadlines used here (1-2 s), so a loaded machine cannot fail these tests


def finishes(work: Callable[[], T], limit: float = LIMIT) -> T:
    """Run `work` in a thread; fail the test if it has not returned after `limit` seconds."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(limit)
    if thread.is_alive():
        pytest.fail(f"still running after {limit:g} s: the deadline was not kept")
    if "error" in box:
        raise box["error"]
    return box["value"]


def checker(**options: Any) -> HttpChecker:
    settings: dict[str, Any] = {"allow_private": True, "retries": 0, "backoff": 0.0, "timeout": 1.0}
    return HttpChecker(**(settings | options))


def wait_for(condition: Callable[[], bool], limit: float = LIMIT) -> bool:
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.parametrize("behaviour", [header_trickle, status_trickle, endless_continue])
def test_a_server_that_never_finishes_its_headers_is_unknown(behaviour: Any) -> None:
    with slow_server(behaviour) as slow:
        url = slow.url("/paper")
        result = finishes(lambda: checker(timeout=1.0).check([url])[url])
        assert (result.outcome, result.reason) == ("unknown", "timeout after 1 s")
        assert wait_for(lambda: slow.closed_by_client >= 1)  # the checker hung up; the server did not stop


def test_timeouts_are_retried_each_with_its_own_deadline() -> None:
    with slow_server(header_trickle) as slow:
        url = slow.url("/paper")
        check = checker(timeout=0.5, retries=2, backoff=0.01)
        result = finishes(lambda: check.check([url])[url])
        assert (result.outcome, result.reason) == ("unknown", "timeout after 0.5 s")
        assert check.stats.requests == 3 and check.stats.retries == 2
        assert wait_for(lambda: slow.connections == 3 and slow.closed_by_client == 3)


def test_a_slow_link_does_not_hold_back_the_others(server: HTTPServer) -> None:
    server.expect_request(re.compile(r"^/ok/\d+$")).respond_with_data("fine")
    good = [server.url_for(f"/ok/{i}") for i in range(20)]
    with slow_server(header_trickle) as slow:
        bad = slow.url("/stuck")
        order: list[LinkResult] = []
        # 3 s: some sixty times what the twenty good links take together, even on a busy machine
        results = finishes(lambda: checker(timeout=3.0).check([bad, *good], progress=order.append))
    assert results[bad].outcome == "unknown" and results[bad].reason == "timeout after 3 s"
    assert all(results[url].outcome == "alive" for url in good)
    # every good result was ready (and reported) while the slow one was still being waited for
    assert [r.url for r in order][-1] == bad
    assert {r.url for r in order[:-1]} == set(good)


def test_a_body_sent_slowly_does_not_matter_to_the_link_checker() -> None:
    with slow_server(body_trickle(b"x" * 10_000)) as slow:
        url = slow.url("/big.pdf")
        result = finishes(lambda: checker(timeout=2.0).check([url])[url])
    assert (result.outcome, result.status) == ("alive", 200)  # the headers decide; the body is never read


def test_a_short_deadline_expires_after_many_long_ones_finished() -> None:
    a, b = socket.socketpair()
    with a, b, deadline(120.0):  # one still running, so the finished ones stay queued in the watchdog
        for _ in range(500):
            with deadline(60.0) as done:
                done.watch(a)
        assert not done.expired
        with deadline(0.2) as limit:  # earlier than all of them: the watchdog must wake up for it
            limit.watch(a)
            assert wait_for(lambda: limit.expired)
            assert a.recv(1) == b""  # the watched socket was shut down, so a blocked read returns


def watchdogs() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "awesome-lint-deadlines"]


def test_the_watchdog_ends_with_the_last_request_not_its_deadline() -> None:
    with deadline(600.0):
        with deadline(300.0):
            assert len(watchdogs()) == 1
        time.sleep(0.2)
        assert len(watchdogs()) == 1  # a request still runs
        running = watchdogs()
    for thread in running:
        thread.join(30.0)  # far below the deadlines: the last request's end wakes it, and it ends
    assert running and not any(thread.is_alive() for thread in running)
    with deadline(0.2) as again:  # and a later request starts it again
        assert len(watchdogs()) == 1
        assert wait_for(lambda: again.expired)


def _feed() -> bytes:
    paper = Paper("Model Compression via Distillation and Quantization")
    return feed_xml("1707.01209", 0, 1, 1, [entry_xml("1707.01209", ("1707.01209", paper))]).encode()


@pytest.mark.parametrize(
    "behaviour",
    [body_trickle(_feed(), "application/atom+xml"), header_trickle, endless_continue],
    ids=["body", "headers", "continue"],
)
def test_the_arxiv_client_keeps_its_deadline(behaviour: Any) -> None:
    with slow_server(behaviour) as slow:
        client = ArxivClient(slow.url("/api/query") + "?{}", delay=0, retries=0, timeout=1.0)
        record = finishes(lambda: client.lookup(["1707.01209"])["1707.01209"])
        assert record.exists is None  # unknown, never "not found"
        assert record.reason == "timed out after 1 s"
        assert client.stats.requests == 1
        assert wait_for(lambda: slow.closed_by_client >= 1)


def test_the_arxiv_client_reads_a_slow_answer_that_arrives_in_time() -> None:
    feed = _feed()
    with slow_server(body_trickle(feed, "application/atom+xml", interval=0.001)) as slow:
        client = ArxivClient(slow.url("/api/query") + "?{}", delay=0, retries=0, timeout=LIMIT / 2)
        record = finishes(lambda: client.lookup(["1707.01209"])["1707.01209"])
    assert record.exists is True  # put together from single bytes, within the deadline
    assert record.title == "Model Compression via Distillation and Quantization"


def test_check_links_with_a_stuck_server_ends_and_fails_on_unknown(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    with slow_server(endless_continue) as slow:
        listing = tmp_path / "list.md"
        listing.write_text(f"# L\n\n- [Stuck]({slow.url('/stuck')})\n- [Fine]({server.url_for('/ok')})\n")
        command = [sys.executable, "-m", "awesome_lint", "check-links", "--allow-private", "--no-cache"]
        command += ["--timeout", "1", "--fail-on", "unknown", str(listing)]
        done = run_within(command, LIMIT)
    assert done.returncode == 1, done.stderr
    assert "could not check " + slow.url("/stuck") + ": timeout after 1 s" in done.stdout
    assert "links: 1 alive, 0 dead, 1 unknown" in done.stderr
