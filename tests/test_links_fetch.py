"""`HttpChecker.fetch`: a GET that reads the body, with the link checker's guards, against servers on 127.0.0.1."""

from __future__ import annotations

from pytest_httpserver import HTTPServer
from test_links_http import make
from werkzeug import Request, Response

from awesome_lint.links.http import HttpChecker


def test_fetch_reads_the_body_after_redirects_with_the_asked_headers(server: HTTPServer) -> None:
    seen: list[Request] = []

    def file(request: Request) -> Response:
        seen.append(request)
        return Response("# List\n", headers={"X-Thing": "1"}, content_type="text/markdown")

    server.expect_request("/old").respond_with_response(Response("", status=301, headers={"Location": "/new"}))
    server.expect_request("/new").respond_with_handler(file)
    with make() as checker:
        got = checker.fetch(server.url_for("/old"), {"Accept": "text/markdown", "Authorization": "token secret"})
    assert got.result.outcome == "alive" and got.result.final_url == server.url_for("/new")
    assert got.body == b"# List\n"
    assert got.headers["x-thing"] == "1"
    assert seen[0].headers["Accept"] == "text/markdown"
    assert "Authorization" not in seen[0].headers and "Cookie" not in seen[0].headers
    assert [r.method for r, _ in server.log] == ["GET", "GET"]


def test_fetch_refuses_private_addresses_unless_allowed(server: HTTPServer) -> None:
    server.expect_request("/f").respond_with_data("secret")
    with HttpChecker(retries=0) as checker:
        got = checker.fetch(server.url_for("/f"))
    assert got.result.outcome == "skipped" and "private address" in got.result.reason
    assert got.body == b"" and server.log == []


def test_fetch_outcomes_for_missing_rate_limited_and_oversized(server: HTTPServer) -> None:
    server.expect_request("/gone").respond_with_data("Not Found", status=404, headers={"X-RateLimit-Remaining": "59"})
    server.expect_request("/busy").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    server.expect_request("/big").respond_with_data(b"x" * 5000)
    with make() as checker:
        gone = checker.fetch(server.url_for("/gone"))
        busy = checker.fetch(server.url_for("/busy"))
        big = checker.fetch(server.url_for("/big"), max_bytes=4096)
        small = checker.fetch(server.url_for("/big"), max_bytes=5000)
    assert (gone.result.outcome, gone.result.status, gone.body) == ("dead", 404, b"")
    assert gone.headers["x-ratelimit-remaining"] == "59"
    assert busy.result.outcome == "unknown" and "Retry-After 3600 s" in busy.result.reason
    assert big.result.outcome == "unknown" and "larger than 4096 bytes" in big.result.reason
    assert small.result.outcome == "alive" and len(small.body) == 5000


def test_fetch_retries_after_retry_after(server: HTTPServer) -> None:
    answers = iter([Response("", status=429, headers={"Retry-After": "1"}), Response("body")])
    server.expect_request("/f").respond_with_handler(lambda _request: next(answers))
    with make(retries=1) as checker:
        got = checker.fetch(server.url_for("/f"))
    assert (got.result.outcome, got.body) == ("alive", b"body")
    assert len(server.log) == 2 and checker.stats.retries == 1


def test_fetch_offline_and_bad_urls_make_no_request(server: HTTPServer) -> None:
    with make(offline=True) as checker:
        assert checker.fetch(server.url_for("/f")).result.outcome == "unknown"
    with make() as checker:
        assert checker.fetch("ftp://example.org/x").result.outcome == "skipped"
    assert server.log == []


def test_fetch_sends_a_credential_to_its_origin_only(server: HTTPServer) -> None:
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        other.expect_request("/elsewhere").respond_with_data("moved away")
        server.expect_request("/a").respond_with_response(Response("", status=302, headers={"Location": "/b"}))
        server.expect_request("/b").respond_with_response(
            Response("", status=302, headers={"Location": other.url_for("/elsewhere")})
        )
        server.expect_request("/plain").respond_with_data("no credential asked")
        with make() as checker:
            got = checker.fetch(server.url_for("/a"), credential="Bearer s3cret")
            plain = checker.fetch(server.url_for("/plain"))
        seen = {request.path: request.headers.get("Authorization") for request, _ in [*server.log, *other.log]}
    finally:
        other.clear()
        other.stop()
    assert got.result.outcome == "alive" and got.body == b"moved away"
    # same scheme, host and port: the credential follows; another port is another origin: it is dropped
    assert seen == {"/a": "Bearer s3cret", "/b": "Bearer s3cret", "/elsewhere": None, "/plain": None}
    assert plain.result.outcome == "alive"
