"""A small fake of the arXiv query API that answers in arXiv's own Atom format, for tests on 127.0.0.1.

`FakeArxiv(papers).install(server)` registers `/api/query` on a `pytest_httpserver.HTTPServer` and returns
an API URL template. Like export.arxiv.org it reads `id_list`, `start` and `max_results` (default 10), lists
one `<entry>` per known id (`<id>http://arxiv.org/abs/IDvN</id>`, arXiv's element order and namespaces),
leaves unknown well-formed ids out (`opensearch:totalResults` counts only the papers found) and answers a
malformed id with HTTP 400 and arXiv's error feed. It records every request and can be told to misbehave:
`fail_next` (503/429 with Retry-After), `empty_next` (the API's flaky empty pages), `blank_next` (a 200 with
no body), `stall_next` (answer later than the client's timeout) and `trickle_next` (a body sent slowly);
`reject` (ids it calls badly formatted), `alias` (an asked id answered under another id) and `broken` (an
entry without `<published>`) shape individual answers.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple
from xml.sax.saxutils import escape, quoteattr

from werkzeug import Request, Response

if TYPE_CHECKING:
    from pytest_httpserver import HTTPServer

PATH = "/api/query"
WITHDRAWN_TEXT = "This paper has been withdrawn by the author due to a crucial error in the main theorem."

# arXiv's own notion of an id's shape (deliberately independent of awesome_lint.arxiv_id).
_NEW_ID = re.compile(r"\d{4}\.\d{4,5}")
_OLD_ID = re.compile(r"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}")
_VERSION = re.compile(r"v(\d+)$")


class Paper(NamedTuple):
    """A paper the fake knows: title, authors, published date, comment, withdrawn flag, latest version and arXiv
    subject categories (the primary one first)."""

    title: str
    authors: tuple[str, ...] = ("Ada Lovelace",)
    published: str = "2017-07-05T09:12:01Z"
    comment: str | None = None
    withdrawn: bool = False
    summary: str = "We study something and find something else."
    version: int = 2
    categories: tuple[str, ...] = ("cs.CV",)


@dataclass
class Seen:
    """One request the fake received."""

    ids: list[str]
    start: int
    max_results: int
    user_agent: str
    at: float
    status: int = 200


@dataclass
class _Trouble:
    """A misbehaviour queued for the next request."""

    kind: str
    status: int = 503
    retry_after: str | None = None
    total: int | None = None
    seconds: float = 0.0


@dataclass
class FakeArxiv:
    """The fake API: known papers, ids it rejects as badly formatted, a request log and queued trouble."""

    papers: Mapping[str, Paper]
    reject: set[str] = field(default_factory=set)
    alias: dict[str, str] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    template: str = ""
    requests: list[Seen] = field(default_factory=list)
    _trouble: deque[_Trouble] = field(default_factory=deque)
    _release: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def install(self, server: HTTPServer) -> str:
        """Serve `/api/query` on server; return the API URL template (`...?{}`)."""
        server.expect_request(PATH).respond_with_handler(self.handle)
        self.template = server.url_for(PATH) + "?{}"
        return self.template

    # misbehaviour

    def fail_next(self, n: int, status: int = 503, retry_after: str | None = None) -> None:
        """Answer the next n requests with an HTTP error (503 by default), optionally with Retry-After."""
        self._trouble.extend(_Trouble("fail", status=status, retry_after=retry_after) for _ in range(n))

    def empty_next(self, n: int, total: int | None = None) -> None:
        """Answer the next n requests with a well-formed feed without entries (totalResults: the true count)."""
        self._trouble.extend(_Trouble("empty", total=total) for _ in range(n))

    def blank_next(self, n: int) -> None:
        """Answer the next n requests with 200 and an empty body."""
        self._trouble.extend(_Trouble("blank") for _ in range(n))

    def stall_next(self, n: int, seconds: float) -> None:
        """Sleep `seconds` (or until release()) before answering the next n requests."""
        self._trouble.extend(_Trouble("stall", seconds=seconds) for _ in range(n))

    def trickle_next(self, n: int, seconds: float) -> None:
        """Send the next n answers in ten pieces spread over `seconds` (each piece is quick)."""
        self._trouble.extend(_Trouble("trickle", seconds=seconds) for _ in range(n))

    def release(self) -> None:
        """End any stall or trickle now (call at the end of a test so the server is free again)."""
        self._release.set()

    # what the tests look at

    @property
    def asked(self) -> list[str]:
        """Every id asked, over all requests, in order."""
        return [i for seen in self.requests for i in seen.ids]

    # the handler

    def handle(self, request: Request) -> Response:
        """Answer one API request the way export.arxiv.org does."""
        args = request.args
        ids = [i for i in args.get("id_list", "").split(",") if i]
        start = int(args.get("start", "0") or 0)
        max_results = int(args.get("max_results", "10") or 10)
        seen = Seen(ids, start, max_results, request.headers.get("User-Agent", ""), time.monotonic())
        with self._lock:
            self.requests.append(seen)
            trouble = self._trouble.popleft() if self._trouble else None
        if trouble is not None and trouble.kind == "stall":
            self._release.wait(trouble.seconds)
            trouble = None
        if trouble is not None and trouble.kind == "fail":
            seen.status = trouble.status
            headers = {"Retry-After": trouble.retry_after} if trouble.retry_after is not None else {}
            return Response("Service Unavailable", status=trouble.status, headers=headers, mimetype="text/plain")
        if trouble is not None and trouble.kind == "blank":
            return Response(b"", status=200, mimetype="application/atom+xml")
        bad = next((i for i in ids if not self._well_formed(i)), None)
        if bad is not None:
            seen.status = 400
            return Response(error_feed(bad), status=400, mimetype="application/atom+xml")
        found = [i for i in dict.fromkeys(ids) if self._lookup(i) is not None]
        found.sort()  # arXiv does not answer in id_list order either
        page = found[start : start + max_results]
        total = len(found)
        if trouble is not None and trouble.kind == "empty":
            page = []
            total = total if trouble.total is None else trouble.total
        entries = [entry_xml(i, self._lookup(i), i in self.broken) for i in page]  # type: ignore[arg-type]
        body = feed_xml(args.get("id_list", ""), start, max_results, total, entries)
        if trouble is not None and trouble.kind == "trickle":
            return Response(self._trickle(body, trouble.seconds), status=200, mimetype="application/atom+xml")
        return Response(body, status=200, mimetype="application/atom+xml")

    def _trickle(self, body: str, seconds: float) -> Iterator[bytes]:
        """Yield body in ten pieces, pausing between them (stops early on release())."""
        data = body.encode("utf-8")
        step = max(1, len(data) // 10 + 1)
        for offset in range(0, len(data), step):
            yield data[offset : offset + step]
            if self._release.wait(seconds / 10):
                return

    def _well_formed(self, arxiv_id: str) -> bool:
        """True when arXiv would accept the id's format."""
        bare = _VERSION.sub("", arxiv_id)
        return arxiv_id not in self.reject and bool(_NEW_ID.fullmatch(bare) or _OLD_ID.fullmatch(bare))

    def _lookup(self, arxiv_id: str) -> tuple[str, Paper] | None:
        """The canonical id and paper for an asked id (version and old-style subject class ignored)."""
        bare = _VERSION.sub("", arxiv_id)
        if "/" in bare:
            archive, number = bare.split("/", 1)
            bare = archive.split(".", 1)[0] + "/" + number
        bare = self.alias.get(bare, bare)
        paper = self.papers.get(bare)
        if paper is None:
            return None
        version = _VERSION.search(arxiv_id)
        if version is not None and int(version.group(1)) > paper.version:
            return None
        return bare, paper


def feed_xml(id_list: str, start: int, max_results: int, total: int, entries: list[str]) -> str:
    """A query answer as export.arxiv.org writes it."""
    query = escape(f"search_query=&id_list={id_list}&start={start}&max_results={max_results}")
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom"'
        ' xmlns="http://www.w3.org/2005/Atom">\n'
        "  <id>https://arxiv.org/api/qFNnN3Zc8bA02fouemuGZq2J4Tg</id>\n"
        f"  <title>arXiv Query: {query}</title>\n"
        "  <updated>2026-04-12T22:09:36Z</updated>\n"
        f'  <link href="https://arxiv.org/api/query?{query}" type="application/atom+xml"/>\n'
        f"  <opensearch:itemsPerPage>{max_results}</opensearch:itemsPerPage>\n"
        f"  <opensearch:totalResults>{total}</opensearch:totalResults>\n"
        f"  <opensearch:startIndex>{start}</opensearch:startIndex>\n" + "".join(entries) + "</feed>\n"
    )


def entry_xml(asked: str, found: tuple[str, Paper], broken: bool = False) -> str:
    """One `<entry>`: the asked version if one was asked, else the latest; `broken` leaves out `<published>`."""
    arxiv_id, paper = found
    version = _VERSION.search(asked)
    vid = f"{arxiv_id}v{version.group(1) if version else paper.version}"
    comment = WITHDRAWN_TEXT if paper.withdrawn else paper.comment
    summary = WITHDRAWN_TEXT if paper.withdrawn else paper.summary
    authors = "".join(f"    <author>\n      <name>{escape(name)}</name>\n    </author>\n" for name in paper.authors)
    comment_xml = f"    <arxiv:comment>{escape(comment)}</arxiv:comment>\n" if comment else ""
    published_xml = "" if broken else f"    <published>{paper.published}</published>\n"
    categories = "".join(
        f'    <category term={quoteattr(category)} scheme="http://arxiv.org/schemas/atom"/>\n'
        for category in paper.categories
    )
    primary = f"    <arxiv:primary_category term={quoteattr(paper.categories[0])}/>\n" if paper.categories else ""
    return (
        "  <entry>\n"
        f"    <id>http://arxiv.org/abs/{vid}</id>\n"
        f"    <title>{escape(paper.title)}</title>\n"
        f"    <updated>{paper.published}</updated>\n"
        f'    <link href="https://arxiv.org/abs/{vid}" rel="alternate" type="text/html"/>\n'
        f'    <link href="https://arxiv.org/pdf/{vid}" rel="related" type="application/pdf" title="pdf"/>\n'
        f"    <summary>{escape(summary)}</summary>\n"
        f"{categories}"
        f"{published_xml}"
        f"{comment_xml}"
        f"{primary}"
        f"{authors}"
        "  </entry>\n"
    )


def error_feed(bad_id: str) -> str:
    """arXiv's HTTP 400 answer for a malformed id."""
    anchor = f"https://arxiv.org/api/errors#incorrect_id_format_for_{bad_id}"
    return (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom"'
        ' xmlns="http://www.w3.org/2005/Atom">\n'
        "  <id>https://arxiv.org/</id>\n"
        "  <title>arXiv Search Results</title>\n"
        "  <updated>2026-04-12T22:59:06Z</updated>\n"
        "  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>\n"
        "  <opensearch:totalResults>1</opensearch:totalResults>\n"
        "  <opensearch:startIndex>0</opensearch:startIndex>\n"
        "  <entry>\n"
        f"    <id>{escape(anchor)}</id>\n"
        "    <title>Error</title>\n"
        "    <updated>2026-04-12T22:59:06Z</updated>\n"
        f'    <link href={quoteattr(anchor)} rel="alternate" type="text/html"/>\n'
        f"    <summary>incorrect id format for {escape(bad_id)}</summary>\n"
        "    <author>\n      <name>arXiv api core</name>\n    </author>\n"
        "  </entry>\n"
        "</feed>\n"
    )
