"""A batched, polite, cached arXiv API client built on the `arxiv` package.

`ArxivClient.lookup` answers "does this id exist, and what is it?" for many ids at once:

- ids are validated locally (`arxiv_id.is_valid`) and never sent when malformed, because one malformed id
  makes arXiv answer HTTP 400 for the whole batch;
- the cache is asked first; the rest go out in batches (`id_list`, at most `batch_size` ids, hard cap 200),
  at most one request every `delay` seconds (arXiv's terms ask for 3 s);
- every request is bounded in time: connecting, the headers and the whole body must be done `timeout`
  seconds after sending (a server trickling bytes, in the headers or the body, is cut off too);
- only a clear answer is definite: a 200 page that lists some ids makes the others "not found"; timeouts,
  connection errors, overload and exhausted retries make the id unknown (`exists=None`), never "not found";
- 429/5xx are retried with exponential backoff or after `Retry-After` (up to MAX_RETRY_AFTER); when a batch
  ends unknown because arXiv is overloaded or unreachable, the lookup's later batches are not sent.

Empty pages: arXiv's API sometimes answers 200 with zero entries although the papers exist. After the first
well-formed empty page for a batch, the client asks once more with a paper arXiv is known to have added (one
found earlier in the run or the cache, else CANARY_ID): if that paper comes back, the others really do not
exist. Otherwise the batch is retried like a 503; when the retries run out, the ids are "not found" only if
every empty answer was a well-formed Atom feed whose `opensearch:totalResults` was present and 0; a blank
body, a broken feed or a feed claiming results it did not list leaves them unknown.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import os
import re
import string
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from awesome_lint.arxiv_id import ArxivId, is_valid, parse_id, parse_url
from awesome_lint.errors import UserError
from awesome_lint.links import USER_AGENT
from awesome_lint.links.deadline import deadline, deadline_adapter
from awesome_lint.links.types import ArxivRecord, Cache, Stats

if TYPE_CHECKING:
    import arxiv  # type: ignore[import-untyped]
    import requests

__all__ = ["API_ENV", "ARXIV_DELAY", "DEFAULT_API", "MAX_BATCH", "ArxivClient"]

DEFAULT_API = "https://export.arxiv.org/api/query?{}"
API_ENV = "AWESOME_LINT_ARXIV_API"
ARXIV_DELAY = 3.0  # seconds between API requests, as arXiv's terms ask
MAX_BATCH = 200  # ~640 ids give HTTP 414 (URI too long); 200 leaves room for long old-style ids
MAX_RETRY_AFTER = 120.0  # a server asking for a longer pause is not waited for: the ids stay unknown
_MAX_IDLIST_CHARS = 6000  # URL-encoded id_list length per request, far below common 8 KiB request-line limits
_MAX_BODY = 20 * 1024 * 1024
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

_ATOM = "{http://www.w3.org/2005/Atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"

# arXiv marks a withdrawn paper in the comment or abstract of its last version, e.g. "This paper has been
# withdrawn by the author due to an error in Lemma 3". Only phrasings about the paper itself count, so an
# abstract about "drugs withdrawn from the market" does not.
_DOC = r"(?:paper|article|submission|manuscript|preprint|version|work)"
_WITHDRAWN_RE = re.compile(
    rf"^\W*(?:{_DOC}\s+)?withdrawn\b"
    rf"|\b{_DOC}\s+(?:(?:has|have)\s+been\s+|is\s+(?:being\s+)?|was\s+)?withdrawn\b"
    r"|\bwithdrawn\s+by\s+(?:the\s+)?(?:author|authors|submitter|arxiv|admin)",
    re.IGNORECASE,
)

logger = logging.getLogger(__name__)

_Kind = Literal["ok", "empty", "retry", "split", "fail"]


@dataclass
class _FeedInfo:
    """What our own look at a raw answer says (the `arxiv` package hides these details)."""

    well_formed: bool = False
    total: int | None = None
    entry_keys: set[str] = field(default_factory=set)
    error: str | None = None


CANARY_ID = "1706.03762"
"""A paper arXiv certainly has, added to a re-asked query when no id of this run is known to exist yet."""


@dataclass
class _Answer:
    """The outcome of one request for a list of ids."""

    kind: _Kind
    found: dict[str, ArxivRecord] = field(default_factory=dict)
    unparsed: set[str] = field(default_factory=set)
    reason: str = ""
    retry_after: float | None = None
    genuine_empty: bool = False
    halt: bool = False
    stray: str = ""  # an entry matching no asked id: an absent id may be that paper under another form


class ArxivClient:
    """Look arXiv ids up through the arXiv API: batched, rate-limited, retried, cached (one lookup at a time)."""

    def __init__(
        self,
        api_template: str | None = None,
        *,
        delay: float = ARXIV_DELAY,
        batch_size: int = 100,
        timeout: float = 20.0,
        retries: int = 4,
        backoff: float = 3.0,
        cache: Cache | None = None,
        offline: bool = False,
        user_agent: str = USER_AGENT,
    ) -> None:
        """Validate the settings; `api_template` falls back to $AWESOME_LINT_ARXIV_API, then DEFAULT_API."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if delay < 0 or backoff < 0 or retries < 0:
            raise ValueError("delay, backoff and retries must not be negative")
        if not timeout > 0:
            raise ValueError("timeout must be positive")
        if api_template:
            self.template = _check_template(api_template, "the arXiv API URL")
        elif os.environ.get(API_ENV):
            self.template = _check_template(os.environ[API_ENV], f"${API_ENV}")
        else:
            self.template = DEFAULT_API
        self.delay = float(delay)
        self.batch_size = min(batch_size, MAX_BATCH)
        self.timeout = float(timeout)
        self.retries = retries
        self.backoff = float(backoff)
        self.cache = cache
        self.offline = offline
        self.user_agent = user_agent
        self.stats = Stats()
        self._client: arxiv.Client | None = None
        self._session: Any = None
        self._halt = ""  # set when arXiv is unreachable or overloaded: later batches are not sent
        self._known: str | None = None  # an id arXiv has confirmed, to probe a suspicious empty answer

    # public

    def lookup(self, ids: Iterable[str]) -> dict[str, ArxivRecord]:
        """One record per distinct input id (keyed by the id as given); records carry the normalised id."""
        if isinstance(ids, str):
            raise TypeError("lookup() takes an iterable of ids, not one string")
        now = time.time()
        normalised: dict[str, str | None] = {}
        for raw in ids:
            if raw not in normalised:
                normalised[raw] = _normalise(raw)
        records: dict[str, ArxivRecord] = {}
        pending: list[str] = []
        for norm in dict.fromkeys(n for n in normalised.values() if n is not None):
            cached = self.cache.get_arxiv(norm) if self.cache is not None else None
            if cached is not None:
                self.stats.cache_hits += 1
                if cached.exists:
                    self._known = norm
                records[norm] = cached if cached.from_cache else dataclasses.replace(cached, from_cache=True)
            elif self.offline:
                records[norm] = ArxivRecord(norm, None, reason="offline", checked_at=now)
            else:
                pending.append(norm)
        self._halt = ""
        for batch in self._batches(pending):
            resolved = self._resolve(batch)
            for record in resolved.values():
                if record.exists:
                    self._known = record.id
                if record.exists is not None and self.cache is not None:
                    self.cache.put_arxiv(record)
            records.update(resolved)
        return {
            raw: records[norm] if norm is not None else ArxivRecord(raw, False, reason="malformed id", checked_at=now)
            for raw, norm in normalised.items()
        }

    # batching and retries

    def _batches(self, ids: list[str]) -> Iterable[list[str]]:
        """Split ids into batches of at most batch_size ids and _MAX_IDLIST_CHARS URL characters."""
        batch: list[str] = []
        chars = 0
        for arxiv_id in ids:
            cost = len(arxiv_id.replace("/", "%2F")) + 3  # the id and its encoded comma
            if batch and (len(batch) >= self.batch_size or chars + cost > _MAX_IDLIST_CHARS):
                yield batch
                batch, chars = [], 0
            batch.append(arxiv_id)
            chars += cost
        if batch:
            yield batch

    def _resolve(self, batch: list[str]) -> dict[str, ArxivRecord]:
        """Records for one batch: retry overload and empty pages, split on HTTP 400, never guess."""
        out: dict[str, ArxivRecord] = {}
        remaining = list(batch)
        all_empties_genuine = True
        last: _Answer | None = None
        for attempt in range(self.retries + 1):
            if self._halt:
                return out | _unknown(remaining, f"skipped: {self._halt}")
            if attempt:
                self.stats.retries += 1
            answer = self._request(remaining)
            last = answer
            out.update(answer.found)
            out.update(_unknown(sorted(answer.unparsed), "arXiv listed the id, but its entry could not be parsed"))
            remaining = [i for i in remaining if i not in out]
            if answer.kind == "ok" and answer.stray:
                return out | _unknown(
                    remaining, f"arXiv answered with an entry for {answer.stray}, which was not asked"
                )
            if answer.kind == "ok" or not remaining:
                return out | _not_found(remaining)
            if answer.kind == "split":
                return out | self._split(remaining, answer.reason)
            if answer.kind == "fail":
                if answer.halt:
                    self._halt = answer.reason
                return out | _unknown(remaining, answer.reason)
            if answer.kind == "empty":
                all_empties_genuine = all_empties_genuine and answer.genuine_empty
                if attempt == 0 and answer.genuine_empty and self._probe_confirms_empty(remaining):
                    return out | _not_found(remaining)
            if attempt == self.retries:
                break
            wait = answer.retry_after if answer.retry_after is not None else self.backoff * 2**attempt
            if wait > MAX_RETRY_AFTER:
                self._halt = f"arXiv API asked to wait {wait:g} s ({answer.reason})"
                return out | _unknown(remaining, self._halt)
            logger.debug("arXiv: %s; retry %d in %.2f s", answer.reason, attempt + 1, wait)
            time.sleep(wait)
        assert last is not None
        if last.kind == "empty" and all_empties_genuine:
            return out | _not_found(remaining)
        reason = f"{last.reason} (gave up after {self.retries} {'retry' if self.retries == 1 else 'retries'})"
        if last.kind == "retry" and last.halt:
            self._halt = reason
        return out | _unknown(remaining, reason)

    def _probe_confirms_empty(self, ids: list[str]) -> bool:
        """Ask again with an id arXiv is known to have: if it comes back, the empty answer was genuine.

        arXiv's API sometimes answers a valid query with an empty page; an empty page for ids that do not
        exist looks the same. One request with a known paper added tells them apart without the backoff.
        """
        canary = self._known or CANARY_ID
        if canary in ids:
            return False
        probe = self._request([*ids, canary])
        self.stats.retries += 1
        return probe.kind == "ok" and canary in probe.found and not any(i in probe.found for i in ids)

    def _split(self, ids: list[str], reason: str) -> dict[str, ArxivRecord]:
        """arXiv rejected the batch (HTTP 400): retry each half, so one bad id cannot sink the others."""
        if len(ids) == 1:
            return {ids[0]: ArxivRecord(ids[0], False, reason=reason, checked_at=time.time())}
        middle = len(ids) // 2
        return self._resolve(ids[:middle]) | self._resolve(ids[middle:])

    # one request through the arxiv package

    def _request(self, ids: list[str]) -> _Answer:
        """Ask arXiv about ids with one query (the package pages on if arXiv claims more results)."""
        import arxiv
        import requests

        client, session = self._arxiv_client()
        client.page_size = len(ids)
        session.responses = []
        search = arxiv.Search(id_list=ids, max_results=len(ids))
        results: list[arxiv.Result] = []
        try:
            for result in client.results(search):  # keep what earlier pages gave if a later one fails
                results.append(result)
            kind: _Kind = "ok"
            reason = ""
        except arxiv.HTTPError as exc:
            return self._http_error(exc.status, session.responses[-1] if session.responses else None, ids, results)
        except arxiv.UnexpectedEmptyPageError:
            kind, reason = "retry", "arXiv API returned an unexpectedly empty page"
        except requests.Timeout:
            return self._answer(ids, results, "fail", f"timed out after {self.timeout:g} s")
        except requests.ConnectionError as exc:
            answer = self._answer(ids, results, "fail", _describe_connection_error(exc, self.template))
            answer.halt = True
            return answer
        except requests.RequestException as exc:
            return self._answer(ids, results, "fail", f"request failed: {_one_line(exc)}")
        except Exception as exc:  # the package choking on an odd answer must not end the run
            logger.debug("arXiv: unexpected error", exc_info=True)
            return self._answer(ids, results, "fail", f"unexpected answer from arXiv API: {_one_line(exc)}")
        infos = [_inspect(r.content) for r in session.responses if r.status_code == 200]
        errors = [info.error for info in infos if info.error]
        if errors:
            return self._answer(ids, results, "split", errors[0])
        answer = self._answer(ids, results, kind, reason, infos)
        if answer.kind == "ok" and not results and not answer.unparsed:
            answer.kind = "empty"
            answer.reason = "arXiv API returned an empty page"
            answer.genuine_empty = bool(infos) and all(
                i.well_formed and i.total == 0 and not i.entry_keys for i in infos
            )
        return answer

    def _http_error(
        self, status: int, response: requests.Response | None, ids: list[str], results: list[arxiv.Result]
    ) -> _Answer:
        """Classify a non-200 answer: overload is retried, an Atom error on 400 splits, the rest fails."""
        reason = f"HTTP {status} from arXiv API"
        if status in _RETRY_STATUSES:
            retry_after = _retry_after(response.headers.get("Retry-After")) if response is not None else None
            answer = self._answer(ids, results, "retry", reason)
            answer.retry_after = retry_after
            answer.halt = True  # if this batch runs out of retries, arXiv is overloaded: stop asking
            return answer
        if status == 400 and response is not None:
            error = _inspect(response.content).error
            if error:
                return self._answer(ids, results, "split", error)
        return self._answer(ids, results, "fail", reason)

    def _answer(
        self,
        ids: list[str],
        results: list[arxiv.Result],
        kind: _Kind,
        reason: str,
        infos: list[_FeedInfo] | None = None,
    ) -> _Answer:
        """Match returned entries to the asked ids (arXiv returns `.../abs/ID vN`, in its own order)."""
        asked = {_match_key(i): i for i in ids}
        now = time.time()
        found: dict[str, ArxivRecord] = {}
        stray = ""
        for result in results:
            entry_id = _entry_id(result.entry_id)
            norm = asked.get(_match_key(entry_id)) if entry_id else None
            if norm is None:
                stray = stray or result.entry_id
                continue
            found[norm] = _record(norm, result, now)
        listed = set().union(*(info.entry_keys for info in infos)) if infos else set()
        unparsed = {asked[k] for k in listed if k in asked and asked[k] not in found}
        return _Answer(kind, found, unparsed, reason, stray=stray)

    def _arxiv_client(self) -> tuple[arxiv.Client, Any]:
        """The `arxiv.Client` (built on first use) and our session inside it."""
        if self._client is None:
            import arxiv

            # num_retries=0: retries, backoff and Retry-After are ours. delay_seconds=0: the session below
            # throttles every request (pages and retries too) on time.monotonic.
            client = arxiv.Client(page_size=self.batch_size, delay_seconds=0.0, num_retries=0)
            client.query_url_format = self.template
            session = _session_class()(self.timeout, self.user_agent, self.delay, self.stats)
            client._session = session  # the package's own session has no timeout
            self._client, self._session = client, session
        return self._client, self._session


# the session the arxiv package sends its requests through


_SESSION_CLASS: type | None = None


def _session_class() -> type:
    """A `requests.Session` that throttles, bounds every request in time and keeps the answers."""
    global _SESSION_CLASS
    if _SESSION_CLASS is not None:
        return _SESSION_CLASS
    import requests

    class PoliteSession(requests.Session):
        """Throttled (one request per `delay` s), time-bounded, identifying, recording session."""

        def __init__(self, timeout: float, user_agent: str, delay: float, stats: Stats) -> None:
            super().__init__()
            adapter = deadline_adapter()
            self.mount("http://", adapter)
            self.mount("https://", adapter)
            self.timeout = timeout
            self.user_agent = user_agent
            self.delay = delay
            self.stats = stats
            self.responses: list[requests.Response] = []
            self._last_done: float | None = None

        def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> requests.Response:
            """Wait for our turn, send with a timeout and our User-Agent, read the body by a deadline."""
            if kwargs.get("timeout") is None:
                kwargs["timeout"] = self.timeout
            headers = {k: v for k, v in (kwargs.get("headers") or {}).items() if str(k).lower() != "user-agent"}
            headers["User-Agent"] = self.user_agent
            kwargs["headers"] = headers
            kwargs["stream"] = True
            if self._last_done is not None:
                pause = self._last_done + self.delay - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
            self.stats.requests += 1
            try:
                # connect, headers and body together within `timeout` (a trickling server is cut off too)
                with deadline(self.timeout) as limit:
                    try:
                        verb = method.decode() if isinstance(method, bytes) else method
                        response = super().request(verb, url, *args, **kwargs)
                        self.responses.append(response)
                        _read_body(response)
                    except Exception as exc:
                        if limit.expired:
                            raise requests.exceptions.ReadTimeout("the answer did not arrive in time") from exc
                        raise
                    if limit.expired:  # cut off, the answer may look complete without being so
                        raise requests.exceptions.ReadTimeout("the answer did not arrive in time")
            finally:
                self._last_done = time.monotonic()
            return response

    _SESSION_CLASS = PoliteSession
    return PoliteSession


def _read_body(response: requests.Response) -> None:
    """Read the whole body (at most _MAX_BODY bytes) into the response; the caller's deadline bounds the time."""
    import requests
    import urllib3

    body = bytearray()
    try:
        for chunk in response.iter_content(64 * 1024):
            body += chunk
            if len(body) > _MAX_BODY:
                raise requests.exceptions.RequestException(f"answer larger than {_MAX_BODY // 2**20} MiB")
    except requests.exceptions.ConnectionError as exc:
        # requests reports a read timeout while streaming as a ConnectionError; keep it a timeout
        if exc.args and isinstance(exc.args[0], urllib3.exceptions.ReadTimeoutError):
            raise requests.exceptions.ReadTimeout(str(exc)) from exc
        raise
    finally:
        response.close()
    response._content = bytes(body)  # what `response.content` returns from now on


# helpers


def _check_template(template: str, source: str) -> str:
    """The template must be an http(s) URL with exactly one `{}` for the query string."""
    problem = f"{source} must be an http(s) URL with exactly one '{{}}' for the query string, got {template!r}"
    try:
        fields = [
            (name, spec, conv) for _text, name, spec, conv in string.Formatter().parse(template) if name is not None
        ]
    except ValueError:
        raise UserError(problem) from None
    if fields != [("", "", None)]:
        raise UserError(problem)
    parts = urlsplit(template.replace("{}", "x"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UserError(problem)
    return template


def _normalise(raw: str) -> str | None:
    """The normalised id (no prefix, no version) when `raw` is a possible arXiv id, else None."""
    parsed = parse_id(raw)
    if parsed is None or not is_valid(parsed.id):
        return None
    return parsed.id


def _match_key(arxiv_id: str) -> str:
    """Compare ids as arXiv answers them: an old-style `math.GT/0309136` comes back as `math/0309136`."""
    if "/" not in arxiv_id:
        return arxiv_id
    archive, number = arxiv_id.split("/", 1)
    return archive.split(".", 1)[0].lower() + "/" + number


def _entry_id(url: str) -> str | None:
    """The normalised id of an entry's `<id>` (`http://arxiv.org/abs/1707.01209v2` -> `1707.01209`)."""
    parsed = _parse_entry_url(url)
    return parsed.id if parsed is not None else None


def _parse_entry_url(url: str) -> ArxivId | None:
    """An entry's `<id>` URL parsed, with its version (`http://arxiv.org/abs/1707.01209v2`)."""
    return parse_url(url) or parse_id(url.rsplit("/abs/", 1)[-1])


def _record(arxiv_id: str, result: arxiv.Result, now: float) -> ArxivRecord:
    """An existing paper's record from the package's parsed entry."""
    published = getattr(result, "published", None)
    year = published.year if published is not None and published.year > 1 else None
    texts = [result.comment or "", result.summary or ""]
    parsed = _parse_entry_url(result.entry_id or "")
    return ArxivRecord(
        arxiv_id,
        True,
        title=" ".join((result.title or "").split()) or None,
        authors=tuple(" ".join(a.name.split()) for a in result.authors if a.name and a.name.strip()),
        year=year,
        version=parsed.version if parsed is not None else None,
        categories=tuple(dict.fromkeys(c for c in (result.primary_category, *result.categories) if c)),
        withdrawn=any(_WITHDRAWN_RE.search(text.strip()) for text in texts),
        checked_at=now,
    )


def _not_found(ids: Iterable[str]) -> dict[str, ArxivRecord]:
    """Records for ids a clear answer did not list."""
    now = time.time()
    return {i: ArxivRecord(i, False, reason="not found", checked_at=now) for i in ids}


def _unknown(ids: Iterable[str], reason: str) -> dict[str, ArxivRecord]:
    """Records for ids arXiv gave no clear answer about."""
    now = time.time()
    return {i: ArxivRecord(i, None, reason=reason, checked_at=now) for i in ids}


def _inspect(content: bytes) -> _FeedInfo:
    """Read what the package does not expose: feed well-formedness, totalResults, entry ids, an error entry."""
    import xml.etree.ElementTree as ElementTree  # expat >= 2.4 refuses entity-expansion bombs

    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        return _FeedInfo()
    if root.tag != f"{_ATOM}feed":
        return _FeedInfo()
    info = _FeedInfo(well_formed=True)
    total = (root.findtext(f"{_OPENSEARCH}totalResults") or "").strip()
    info.total = int(total) if total.isdigit() else None
    for entry in root.iterfind(f"{_ATOM}entry"):
        entry_url = (entry.findtext(f"{_ATOM}id") or "").strip()
        if "/api/errors" in entry_url or (entry.findtext(f"{_ATOM}title") or "").strip() == "Error":
            info.error = " ".join((entry.findtext(f"{_ATOM}summary") or "arXiv API error").split())
            continue
        entry_id = _entry_id(entry_url)
        if entry_id is not None:
            info.entry_keys.add(_match_key(entry_id))
    return info


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delay-seconds or an HTTP date); None when absent or unreadable."""
    import email.utils

    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(0.0, seconds) if math.isfinite(seconds) else None


def _describe_connection_error(exc: Exception, template: str) -> str:
    """A one-line reason for a failed connection, naming DNS failures as such."""
    host = urlsplit(template.replace("{}", "x")).hostname or "the arXiv API"
    text = str(exc)
    if any(s in text for s in ("NameResolutionError", "Name or service not known", "getaddrinfo", "nodename")):
        return f"DNS lookup failed for {host}"
    if "refused" in text.lower():
        return f"connection refused by {host}"
    return f"cannot connect to {host}: {_one_line(exc)}"


def _one_line(exc: BaseException) -> str:
    """An exception as one short line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."
