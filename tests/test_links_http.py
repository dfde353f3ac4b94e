"""The HTTP link checker against real servers on 127.0.0.1: outcomes, redirects, retries, address vetting, DNS."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from awesome_lint.errors import UserError
from awesome_lint.links.cache import LinkCache
from awesome_lint.links.http import (
    DEFAULT_USER_AGENT,
    OFFLINE_REASON,
    HttpChecker,
    is_public_address,
    parse_retry_after,
)

PUBLIC_IP = "93.184.216.34"  # only ever "connected" to through the getaddrinfo stand-in below


def make(**kwargs: Any) -> HttpChecker:
    """A checker for local tests: private addresses allowed, no retries, no waiting, a timeout no answer nears."""
    options: dict[str, Any] = {"allow_private": True, "retries": 0, "backoff": 0.0, "timeout": 30.0}
    options.update(kwargs)
    return HttpChecker(**options)


def check_one(checker: HttpChecker, url: str):
    return checker.check([url])[url]


def requests_seen(server: HTTPServer) -> list[tuple[str, str]]:
    return [(request.method, request.path) for request, _ in server.log]


def resolver_from(table: dict[str, list[str] | int]):
    """A resolver hook: a list of addresses, or a getaddrinfo error code for the name; anything else is unknown."""

    def resolve(host: str, port: int) -> list[str]:
        answer = table.get(host, socket.EAI_NONAME)
        if isinstance(answer, int):
            raise socket.gaierror(answer, "test resolver: " + ("no such name" if answer == socket.EAI_NONAME else "?"))
        return answer

    return resolve


# outcomes


def test_200_is_alive(server: HTTPServer) -> None:
    server.expect_request("/ok", method="HEAD").respond_with_data("")
    got = check_one(make(), server.url_for("/ok"))
    assert (got.outcome, got.status, got.reason) == ("alive", 200, "200 OK")
    assert got.final_url == server.url_for("/ok") and not got.from_cache
    assert requests_seen(server) == [("HEAD", "/ok")]


def test_head_405_falls_back_to_get_which_never_reads_the_body(server: HTTPServer) -> None:
    chunk = b"%PDF" + b"x" * 65532
    total = 16384  # 1 GiB if anyone read it all
    sent: list[int] = []
    finished = threading.Event()

    def big_pdf(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            try:
                for _ in range(total):
                    sent.append(1)
                    yield chunk
            finally:
                finished.set()

        return Response(body(), mimetype="application/pdf")

    server.expect_request("/paper.pdf", method="HEAD").respond_with_data("", status=405)
    server.expect_request("/paper.pdf", method="GET").respond_with_handler(big_pdf)
    got = check_one(make(), server.url_for("/paper.pdf"))
    assert (got.outcome, got.status) == ("alive", 200)
    assert requests_seen(server) == [("HEAD", "/paper.pdf"), ("GET", "/paper.pdf")]
    assert finished.wait(60), "the server kept streaming: the client did not close the connection"
    assert len(sent) < 1024  # at most 64 MiB left the server before the client hung up (in practice 1 chunk)


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_dead(server: HTTPServer, status: int) -> None:
    server.expect_request("/gone").respond_with_data("", status=status)
    got = check_one(make(), server.url_for("/gone"))
    assert (got.outcome, got.status) == ("dead", status)
    assert requests_seen(server) == [("HEAD", "/gone")]  # no GET to confirm a clear answer


def test_redirect_to_404_is_dead_and_every_hop_is_requested(server: HTTPServer) -> None:
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/moved"})
    server.expect_request("/moved").respond_with_data("", status=302, headers={"Location": server.url_for("/gone")})
    server.expect_request("/gone").respond_with_data("", status=404)
    got = check_one(make(), server.url_for("/old"))
    assert (got.outcome, got.status, got.final_url) == ("dead", 404, server.url_for("/gone"))
    assert got.reason.endswith("after 2 redirects")
    assert requests_seen(server) == [("HEAD", "/old"), ("HEAD", "/moved"), ("HEAD", "/gone")]


def test_redirect_to_200_is_alive(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("", status=308, headers={"Location": "b"})
    server.expect_request("/b").respond_with_data("")
    got = check_one(make(), server.url_for("/a"))
    assert (got.outcome, got.final_url) == ("alive", server.url_for("/b"))


def test_redirect_loop_is_unknown(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    got = check_one(make(), server.url_for("/a"))
    assert (got.outcome, got.reason) == ("unknown", "redirect loop")


def test_too_many_redirects_is_unknown(server: HTTPServer) -> None:
    for i in range(6):
        server.expect_request(f"/r{i}").respond_with_data("", status=302, headers={"Location": f"/r{i + 1}"})
    got = check_one(make(max_redirects=3), server.url_for("/r0"))
    assert (got.outcome, got.reason) == ("unknown", "too many redirects (more than 3)")
    assert len(server.log) == 4


def test_429_with_retry_after_then_200_is_alive(server: HTTPServer) -> None:
    calls: list[float] = []

    def rate_limited(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Response("", status=429, headers={"Retry-After": "1"})
        return Response("")

    server.expect_request("/busy").respond_with_handler(rate_limited)
    checker = make(retries=2, backoff=0.0)
    got = check_one(checker, server.url_for("/busy"))
    assert got.outcome == "alive"
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.95  # Retry-After: 1 honoured (there is no backoff)
    assert checker.stats.retries == 1 and checker.stats.requests == 2


def test_retry_after_beyond_the_cap_gives_up(server: HTTPServer) -> None:
    server.expect_request("/busy").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    checker = make(retries=3)
    got = check_one(checker, server.url_for("/busy"))
    assert (got.outcome, got.status) == ("unknown", 429)
    assert "Retry-After 3600 s" in got.reason and "rate limited" in got.reason
    assert len(server.log) == 1


def test_503_until_retries_run_out_is_unknown(server: HTTPServer) -> None:
    server.expect_request("/down").respond_with_data("", status=503)
    checker = make(retries=2, backoff=0.01)
    got = check_one(checker, server.url_for("/down"))
    assert (got.outcome, got.status) == ("unknown", 503)
    assert requests_seen(server) == [("HEAD", "/down")] * 3
    assert checker.stats.retries == 2


def test_timeout_is_unknown(server: HTTPServer) -> None:
    released = threading.Event()

    def slow(request: Request) -> Response:
        released.wait(60)  # answers only after the check returned: a client that waited would see 200
        return Response("")

    server.expect_request("/slow").respond_with_handler(slow)
    try:
        got = check_one(make(timeout=0.5), server.url_for("/slow"))
    finally:
        released.set()
    assert (got.outcome, got.reason) == ("unknown", "timeout after 0.5 s")


def test_403_is_unknown_after_trying_get(server: HTTPServer) -> None:
    server.expect_request("/walled").respond_with_data("", status=403)
    got = check_one(make(), server.url_for("/walled"))
    assert (got.outcome, got.status) == ("unknown", 403)
    assert "bot wall" in got.reason
    assert requests_seen(server) == [("HEAD", "/walled"), ("GET", "/walled")]


@pytest.mark.parametrize("status", [400, 401, 451, 500, 502])
def test_other_errors_are_unknown(server: HTTPServer, status: int) -> None:
    server.expect_request("/x").respond_with_data("", status=status)
    assert check_one(make(), server.url_for("/x")).outcome == "unknown"


def test_accept_makes_a_status_alive(server: HTTPServer) -> None:
    server.expect_request("/members").respond_with_data("", status=403)
    got = check_one(make(accept=[403]), server.url_for("/members"))
    assert (got.outcome, got.status) == ("alive", 403)
    assert requests_seen(server) == [("HEAD", "/members")]


def test_connection_refused_is_unknown() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the check: nothing listens there
    got = check_one(make(retries=1), f"http://127.0.0.1:{port}/")
    assert got.outcome == "unknown" and got.reason.startswith("connection error: ")
    assert "object at 0x" not in got.reason


def test_tls_error_is_unknown(server: HTTPServer) -> None:
    got = check_one(make(), server.url_for("/").replace("http://", "https://"))  # TLS to a plain-HTTP server
    assert got.outcome == "unknown" and got.reason.startswith("TLS error")


def test_skipped_without_a_request(server: HTTPServer) -> None:
    urls = ["mailto:someone@example.org", "ftp://ftp.test/file", "#section", "http://", server.url_for("/private")]
    checker = make(exclude=[r"/private$"])
    got = checker.check(urls)
    assert {r.outcome for r in got.values()} == {"skipped"}
    assert got["ftp://ftp.test/file"].reason == "unsupported scheme: ftp"
    assert got["#section"].reason == "not an absolute URL"
    assert got[server.url_for("/private")].reason == "excluded"
    assert server.log == [] and checker.stats.requests == 0


def test_bad_exclude_pattern_is_a_user_error() -> None:
    with pytest.raises(UserError, match="exclude pattern"):
        HttpChecker(exclude=["(unclosed"])


def test_duplicates_are_checked_once_and_order_is_kept(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("")
    server.expect_request("/b").respond_with_data("")
    a, b = server.url_for("/a"), server.url_for("/b")
    seen: list[str] = []
    got = make().check([b, a, b, a, b], progress=lambda r: seen.append(r.url))
    assert list(got) == [b, a]
    assert sorted(seen) == [a, b]
    assert len(server.log) == 2


# address vetting


def test_private_address_is_refused_without_a_request(server: HTTPServer) -> None:
    server.expect_request("/secret").respond_with_data("")
    checker = make(allow_private=False)
    got = check_one(checker, server.url_for("/secret"))
    assert (got.outcome, got.reason) == ("skipped", "private address")
    assert server.log == [] and checker.stats.requests == 0


@pytest.mark.parametrize(
    "addresses",
    [["10.1.2.3"], [PUBLIC_IP, "10.0.0.1"], ["::1"], ["169.254.169.254"], ["::ffff:127.0.0.1"]],
    ids=["private", "one-of-several", "ipv6-loopback", "metadata", "mapped-loopback"],
)
def test_a_name_resolving_to_any_private_address_is_refused(addresses: list[str]) -> None:
    checker = make(allow_private=False, resolver=resolver_from({"intranet.test": addresses}))
    got = check_one(checker, "http://intranet.test/")
    assert (got.outcome, got.reason) == ("skipped", "private address")
    assert checker.stats.requests == 0


@pytest.fixture
def public_ip_is_local(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the system's getaddrinfo turn PUBLIC_IP into 127.0.0.1 (and refuse anything else), so a connection the
    checker pins to a vetted public address reaches the local test server; nothing leaves the machine."""
    real = socket.getaddrinfo

    def local_only(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == PUBLIC_IP:
            return real("127.0.0.1", port, socket.AF_INET, socket.SOCK_STREAM)
        if host == "127.0.0.1":
            return real(host, port, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"test: no lookup of {host!r}")

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/secret", "http://internal.test:{port}/secret"])
def test_redirect_to_a_private_address_is_refused_on_the_hop(
    server: HTTPServer, public_ip_is_local: None, target: str
) -> None:
    location = target.format(port=server.port)
    server.expect_request("/start").respond_with_data("", status=302, headers={"Location": location})
    server.expect_request("/secret").respond_with_data("secret")
    resolver = resolver_from({"public.test": [PUBLIC_IP], "internal.test": ["10.0.0.7"]})
    checker = make(allow_private=False, resolver=resolver)
    got = check_one(checker, f"http://public.test:{server.port}/start")
    host = re.match(r"http://([^:/]+)", location).group(1)
    assert (got.outcome, got.reason) == ("skipped", f"private address (redirect to {host})")
    assert requests_seen(server) == [("HEAD", "/start")]  # the first hop was fetched, the private one never
    assert server.log[0][0].headers["Host"] == f"public.test:{server.port}"


def test_connections_go_to_the_vetted_address_not_a_fresh_lookup(server: HTTPServer) -> None:
    """The name is resolved once, by the checker; the connection uses that answer (no DNS rebinding window)."""
    server.expect_request("/ok").respond_with_data("")
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])  # a rebinding resolver: a different answer on the second lookup
    lookups: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        lookups.append(host)
        return next(answers)

    got = check_one(make(resolver=rebinding), f"http://rebind.test:{server.port}/ok")
    assert got.outcome == "alive" and lookups == ["rebind.test"]


ADDRESSES = {
    "8.8.8.8": True,
    "1.1.1.1": True,
    "2606:4700:4700::1111": True,
    "64:ff9b::808:808": True,  # NAT64 form of 8.8.8.8
    "::ffff:8.8.8.8": True,
    "127.0.0.1": False,
    "127.8.9.10": False,
    "10.0.0.1": False,
    "172.16.5.4": False,
    "192.168.1.1": False,
    "100.64.0.1": False,  # shared / CGNAT
    "169.254.169.254": False,  # link-local, cloud metadata
    "0.0.0.0": False,
    "255.255.255.255": False,
    "224.0.0.1": False,  # multicast
    "239.255.255.250": False,
    "240.0.0.1": False,  # reserved
    "192.0.2.1": False,  # documentation
    "::": False,
    "::1": False,
    "fe80::1": False,
    "fe80::1%eth0": False,
    "fc00::1": False,
    "fd12:3456::1": False,
    "ff02::1": False,
    "::ffff:127.0.0.1": False,
    "::ffff:10.0.0.1": False,
    "64:ff9b::a00:1": False,  # NAT64 form of 10.0.0.1
    "2002:7f00:1::": False,  # 6to4 around 127.0.0.1
    "2002:c0a8:101::": False,  # 6to4 around 192.168.1.1
    "not-an-ip": False,
    "": False,
}


@pytest.mark.parametrize(("address", "public"), ADDRESSES.items())
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public


# DNS failures


def test_no_name_resolving_means_offline_not_dead(server: HTTPServer) -> None:
    checker = make(resolver=resolver_from({}))
    got = checker.check(["http://a.test/x", "https://b.test/y", "http://a.test/z"])
    assert {(r.outcome, r.reason) for r in got.values()} == {("unknown", OFFLINE_REASON)}
    assert (checker.stats.resolved_hosts, checker.stats.resolver_failures) == (0, 2)
    assert checker.looked_offline and checker.stats.requests == 0


def test_a_missing_name_is_dead_when_another_resolves(server: HTTPServer) -> None:
    server.expect_request("/ok").respond_with_data("")
    checker = make(resolver=resolver_from({"good.test": ["127.0.0.1"], "flaky.test": socket.EAI_AGAIN}))
    good = f"http://good.test:{server.port}/ok"
    gone = f"http://gone.test:{server.port}/x"
    flaky = "http://flaky.test/"
    got = checker.check([good, gone, flaky])
    assert got[good].outcome == "alive"
    assert server.log[0][0].headers["Host"] == f"good.test:{server.port}"  # connected to the IP, named the host
    assert (got[gone].outcome, got[gone].reason) == ("dead", "host name does not resolve: gone.test")
    assert got[flaky].outcome == "unknown" and got[flaky].reason.startswith("DNS lookup failed for flaky.test")
    assert (checker.stats.resolved_hosts, checker.stats.resolver_failures) == (1, 2)
    assert not checker.looked_offline


def test_redirect_to_a_missing_name_is_dead(server: HTTPServer) -> None:
    server.expect_request("/moved").respond_with_data("", status=301, headers={"Location": "http://gone.test/"})
    checker = make(resolver=resolver_from({"good.test": ["127.0.0.1"]}))
    got = check_one(checker, f"http://good.test:{server.port}/moved")
    assert (got.outcome, got.reason) == ("dead", "host name does not resolve: redirect target gone.test")


# privacy: no cookies, no credentials, a clear User-Agent


def test_no_cookies_are_kept(server: HTTPServer) -> None:
    cookie = {"Set-Cookie": "session=abc123; Path=/"}
    server.expect_request("/login").respond_with_data("", status=302, headers={**cookie, "Location": "/page"})
    server.expect_request("/page").respond_with_data("", headers=cookie)
    checker = make()
    checker.check([server.url_for("/login")])
    checker.check([server.url_for("/page")])
    assert len(server.log) == 3
    assert all("Cookie" not in request.headers for request, _ in server.log)
    assert len(checker._get_session().cookies) == 0


def test_no_credentials_are_sent(server: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login me password hunter2\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # ignored: nothing listens there
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    server.expect_request("/a").respond_with_data("")
    server.expect_request("/b").respond_with_data("")
    url = server.url_for("/b").replace("http://", "http://user:pass@")
    got = make().check([server.url_for("/a"), url])
    assert {r.outcome for r in got.values()} == {"alive"}
    assert len(server.log) == 2
    assert all("Authorization" not in request.headers for request, _ in server.log)


def test_user_agent(server: HTTPServer) -> None:
    server.expect_request("/default").respond_with_data("")
    server.expect_request("/custom").respond_with_data("")
    make().check([server.url_for("/default")])
    make(user_agent="custom-bot/1").check([server.url_for("/custom")])
    agents: dict[str, set[str]] = {}
    for request, _ in server.log:  # a dropped HEAD is followed by a GET: count agents, not requests
        agents.setdefault(request.path, set()).add(request.headers["User-Agent"])
    assert agents == {"/default": {DEFAULT_USER_AGENT}, "/custom": {"custom-bot/1"}}
    assert DEFAULT_USER_AGENT.startswith("awesome-lint/")


# cache and offline mode


def test_cache_hit_makes_no_request(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/ok").respond_with_data("")
    server.expect_request("/down").respond_with_data("", status=503)
    ok, down = server.url_for("/ok"), server.url_for("/down")
    with LinkCache(tmp_path / "links.sqlite3") as cache:
        first = make(cache=cache).check([ok, down])
        assert not first[ok].from_cache and len(server.log) == 2
        checker = make(cache=cache)
        again = checker.check([ok, down])
        assert again[ok].from_cache and again[ok].outcome == "alive"
        assert not again[down].from_cache  # unknown is not cached: checked again
        assert requests_seen(server)[2:] == [("HEAD", "/down")]
        assert checker.stats.cache_hits == 1 and checker.stats.requests == 1
        assert [o for _, o in cache.history(down)] == ["unknown", "unknown"]


def test_offline_uses_only_the_cache(server: HTTPServer, tmp_path: Path) -> None:
    server.expect_request("/ok").respond_with_data("")
    ok, other = server.url_for("/ok"), server.url_for("/other")
    with LinkCache(tmp_path / "links.sqlite3") as cache:
        make(cache=cache).check([ok])
        server.clear_log()
        checker = make(cache=cache, offline=True)
        got = checker.check([ok, other, "ftp://x.test/"])
        assert got[ok].from_cache and got[ok].outcome == "alive"
        assert (got[other].outcome, got[other].reason) == ("unknown", "offline")
        assert got["ftp://x.test/"].outcome == "skipped"
        assert server.log == [] and cache.history(other) == []


# throughput and limits


def test_per_host_limit_and_delay(server: HTTPServer) -> None:
    active = [0, 0]  # now, peak
    lock = threading.Lock()

    pairs = threading.Barrier(2, timeout=60)  # each answer waits for a second request in flight

    def tracked(request: Request) -> Response:
        with lock:
            active[0] += 1
            active[1] = max(active)
        try:
            if request.path.startswith("/c/"):
                pairs.wait()
        except threading.BrokenBarrierError:
            return Response("", status=500)
        finally:
            with lock:
                active[0] -= 1
        return Response("")

    server.expect_request(re.compile(r"^/[cd]/\d+$")).respond_with_handler(tracked)
    got = make(workers=8, per_host=2, timeout=120.0).check([server.url_for(f"/c/{i}") for i in range(12)])
    assert {r.outcome for r in got.values()} == {"alive"}
    assert active[1] == 2  # two at once (the barrier needs two), never three
    start = time.monotonic()
    make(workers=4, per_host=4, host_delay=0.15).check([server.url_for(f"/d/{i}") for i in range(4)])
    assert time.monotonic() - start >= 0.45  # four requests 0.15 s apart


def test_thousand_urls_are_checked_concurrently(server: HTTPServer) -> None:
    together = threading.Barrier(8, timeout=60)  # each answer waits for 7 other requests in flight

    def in_company(request: Request) -> Response:
        try:
            together.wait()
        except threading.BrokenBarrierError:
            return Response("", status=500)  # a checker that asked one at a time gets here
        return Response("")

    server.expect_request(re.compile(r"^/item/\d+$")).respond_with_handler(in_company)
    urls = [server.url_for(f"/item/{i}") for i in range(1000)]
    checker = make(workers=16, per_host=16, timeout=120.0)
    got = checker.check(urls)
    assert len(got) == 1000 and {r.outcome for r in got.values()} == {"alive"}
    assert checker.stats.requests == 1000 and checker.stats.outcomes == {"alive": 1000}


# helpers


def test_parse_retry_after() -> None:
    now = time.time()
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(" 0 ") == 0.0
    assert 29 <= parse_retry_after(formatdate(now + 30, usegmt=True), now=now) <= 30
    assert parse_retry_after(formatdate(now - 30, usegmt=True), now=now) == 0.0
    for bad in (None, "", "soon", "-5", "1.5e3"):
        assert parse_retry_after(bad) is None


def test_requests_is_imported_lazily() -> None:
    code = "import sys, awesome_lint.links.http, awesome_lint.links.cache; print('requests' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_resolver_that_hangs_gives_unknown_in_time(server: HTTPServer) -> None:
    server.expect_request("/ok").respond_with_data("fine")
    released = threading.Event()

    def resolver(host: str, port: int) -> list[str]:
        if host != "good.test":
            released.wait(60)  # answers only after the check returned: a checker that waited would connect
        return ["127.0.0.1"]

    good = server.url_for("/ok").replace("127.0.0.1", "good.test").replace("localhost", "good.test")
    try:
        results = make(resolver=resolver, timeout=1.0, retries=2).check([good, "http://slow-dns.test/paper"])
    finally:
        released.set()
    assert results[good].outcome == "alive"
    slow = results["http://slow-dns.test/paper"]
    assert slow.outcome == "unknown"
    assert slow.reason == "DNS lookup failed for slow-dns.test: DNS lookup timed out after 1 s"
