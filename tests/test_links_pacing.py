"""Per-host limits that adapt: the policy on a clock the test controls, and the signals the checker sends it."""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer
from test_links_http import make, requests_seen
from werkzeug import Request, Response

from awesome_lint.links.pacing import SLACK, START, TOLERANCE, HostLimit


def host_of(server: HTTPServer) -> str:
    return urlsplit(server.url_for("/")).hostname or ""


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def answer(limit: HostLimit, clock: Clock, seconds: float, *, back_off: bool = False, answered: bool = True) -> None:
    """One request that takes `seconds` on the fake clock."""
    started = limit.acquire()
    clock.now += seconds
    limit.release(started, answered=answered, back_off=back_off)


def test_a_host_starts_low_and_grows_by_one_per_fast_answer_up_to_the_ceiling() -> None:
    clock = Clock()
    limit = HostLimit(20, clock=clock)
    assert limit.limit == START
    for n in range(1, 20 - START + 1):
        answer(limit, clock, 0.05)
        assert limit.limit == START + n
    answer(limit, clock, 0.05)
    assert limit.limit == 20  # never above the ceiling
    assert HostLimit(3).limit == 3  # a ceiling below the start is the start


def test_a_slow_answer_stops_the_growth() -> None:
    clock = Clock()
    limit = HostLimit(32, clock=clock)
    answer(limit, clock, 0.1)  # the fastest answer so far
    assert limit.limit == START + 1
    answer(limit, clock, TOLERANCE * 0.1 + SLACK + 0.01)  # the server slowed down as we added requests
    assert limit.limit == START + 1
    answer(limit, clock, 0.2)
    assert limit.limit == START + 2


def test_back_off_halves_once_per_round_then_growth_is_one_per_round() -> None:
    clock = Clock()
    limit = HostLimit(64, clock=clock)
    for _ in range(8):
        answer(limit, clock, 0.05)
    assert limit.limit == 16
    in_flight = [limit.acquire() for _ in range(3)]  # three requests out when the host says 429
    clock.now += 0.05
    limit.release(in_flight[0], answered=True, back_off=True)
    assert limit.limit == 8
    for started in in_flight[1:]:  # their 429s belong to the same round: no second cut
        limit.release(started, answered=True, back_off=True)
    assert limit.limit == 8
    answer(limit, clock, 0.05, back_off=True)  # a request sent after the cut that is refused again
    assert limit.limit == 4
    for _ in range(4):  # additive increase: one per round trip (four answers at a limit of four)
        answer(limit, clock, 0.05)
    assert limit.limit == pytest.approx(5.0, abs=0.2)
    for _ in range(5):
        answer(limit, clock, 0.05, answered=False, back_off=True)  # timeouts: halved down to one, never zero
    assert limit.limit == 1
    assert limit.active == 0


def test_acquire_waits_for_a_free_place() -> None:
    limit = HostLimit(2)
    first, _second = limit.acquire(), limit.acquire()
    entered = threading.Event()

    def third() -> None:
        limit.acquire()
        entered.set()

    thread = threading.Thread(target=third, daemon=True)
    thread.start()
    assert not entered.wait(0.2)  # both places are taken (this never passes early: the thread cannot get in)
    limit.release(first, answered=False, back_off=False)
    assert entered.wait(60)
    thread.join(60)
    assert limit.active == 2


@given(st.lists(st.tuples(st.floats(0.0, 2.0), st.booleans(), st.booleans()), max_size=200), st.integers(1, 64))
def test_the_limit_stays_between_one_and_the_ceiling(steps: list[tuple[float, bool, bool]], ceiling: int) -> None:
    clock = Clock()
    limit = HostLimit(ceiling, clock=clock)
    for seconds, answered, back_off in steps:
        answer(limit, clock, seconds, answered=answered, back_off=back_off)
        assert 1 <= limit.limit <= ceiling
    assert limit.active == 0


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        HostLimit(0)
    with pytest.raises(ValueError):
        HostLimit(4, start=0)


# the signals the checker sends


def test_an_answer_raises_the_hosts_limit(server: HTTPServer) -> None:
    server.expect_request("/ok").respond_with_data("")
    checker = make(per_host=32)
    assert checker.check([server.url_for("/ok")])[server.url_for("/ok")].outcome == "alive"
    assert checker.host_limits() == {host_of(server): START + 1}  # the first answer is the fastest so far


@pytest.mark.parametrize("status", [429, 503])
def test_slow_down_answers_halve_the_hosts_limit(server: HTTPServer, status: int) -> None:
    server.expect_request("/busy").respond_with_data("", status=status)
    checker = make(per_host=32, retries=0)
    assert checker.check([server.url_for("/busy")])[server.url_for("/busy")].outcome == "unknown"
    assert checker.host_limits() == {host_of(server): START // 2}


def test_no_answer_halves_the_hosts_limit() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens there once closed
    checker = make(per_host=32, retries=0)
    assert checker.check([f"http://127.0.0.1:{port}/"])[f"http://127.0.0.1:{port}/"].outcome == "unknown"
    assert checker.host_limits() == {"127.0.0.1": START // 2}


def test_a_host_that_answers_get_but_not_head_is_asked_with_get(server: HTTPServer) -> None:
    def by_method(request: Request) -> Response:
        return Response("", status=405 if request.method == "HEAD" else 200)

    server.expect_request("/walled").respond_with_data("", status=403)
    server.expect_request("/a").respond_with_handler(by_method)
    server.expect_request("/b").respond_with_handler(by_method)
    checker = make()
    for path in ("/walled", "/a", "/b"):  # one at a time, so the order of requests is known
        assert checker.check([server.url_for(path)])[server.url_for(path)].status == (403 if path == "/walled" else 200)
    # A 403 to both says nothing about HEAD; GET answering where HEAD got 405 does: /b is asked with GET only.
    assert requests_seen(server) == [
        ("HEAD", "/walled"),
        ("GET", "/walled"),
        ("HEAD", "/a"),
        ("GET", "/a"),
        ("GET", "/b"),
    ]
