"""HTTP link checking: HEAD then GET, redirects followed by hand, public addresses only, retries, per-host limits
that adapt to each host's answers (links.pacing).

Only a server's clear answer (404, 410, or a name that does not exist while other names resolve) makes a link dead;
everything uncertain is unknown. Every connection goes to an address this module resolved and vetted itself, and
every request must be done (connect, TLS, status line and headers) within `timeout` seconds in total.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from awesome_lint.errors import UserError
from awesome_lint.links import USER_AGENT
from awesome_lint.links.deadline import current, deadline, deadline_adapter
from awesome_lint.links.pacing import HostLimit
from awesome_lint.links.types import Cache, LinkResult, Outcome, Stats

if TYPE_CHECKING:
    import requests

DEFAULT_USER_AGENT = USER_AGENT
RETRY_AFTER_CAP = 60.0  # longest wait before a retry; a longer Retry-After gives up (unknown)
RETRY_STATUSES = frozenset({429, 502, 503, 504})
DEAD_STATUSES = frozenset({404, 410})
OFFLINE_REASON = "offline? no host name resolved"
PRIVATE_REASON = "private address"
_NO_SUCH_NAME = frozenset(
    code for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None)) if code is not None
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
MAX_BODY = 20 * 1024 * 1024  # the most `fetch` reads of one response

Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses `socket.getaddrinfo` gives for a host, in its order, without repeats."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address; False for private, loopback, link-local, multicast, reserved,
    unspecified, shared (CGNAT) and unparseable ones, including IPv4 hidden in IPv4-mapped, NAT64 and 6to4 IPv6."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return _is_public(ip.ipv4_mapped)
        if ip in _NAT64:  # DNS64/NAT64 networks give every name such an address: judge the IPv4 inside
            return _is_public(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.sixtofour is not None and not _is_public(ip.sixtofour):
            return False
    return _is_public(ip)


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return ip.is_global and not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date), or None when absent or invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _Skip(Exception):
    """A URL that is not checked (bad scheme, no host, unparseable); the message is the reason."""


@dataclass(frozen=True, slots=True)
class _Target:
    """One URL ready to request: userinfo and fragment removed, host as requests will connect to it."""

    url: str
    host: str
    port: int


@dataclass(frozen=True, slots=True)
class _Resolution:
    """What a host name resolved to; `missing` when the name does not exist (not a temporary failure)."""

    addresses: tuple[str, ...] = ()
    error: str = ""
    missing: bool = False
    literal: bool = False


@dataclass(frozen=True, slots=True)
class _Reply:
    """The status line and the headers that matter of one response; body and all headers only for `fetch`."""

    status: int
    phrase: str
    location: str | None = None
    retry_after: float | None = None
    body: bytes | None = None
    headers: Mapping[str, str] | None = None


@dataclass(frozen=True, slots=True)
class _Want:
    """What `fetch` asks of each request: extra headers, and the body of a 2xx answer (at most `max_bytes`)."""

    headers: Mapping[str, str]
    max_bytes: int
    credential: str | None = None  # the Authorization value, for the first URL's origin only


@dataclass(frozen=True, slots=True)
class Download:
    """What `HttpChecker.fetch` got: the outcome as a link check sees it, the body when alive, the last headers."""

    result: LinkResult
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Failure:
    """A request that got no HTTP answer; `dropped` when the server accepted the connection and then closed it."""

    reason: str
    dropped: bool = False


def _origin(target: _Target) -> tuple[str, str, int]:
    """Scheme, host and port: where a credential sent with the first request may follow a redirect."""
    return target.url.partition(":")[0], target.host, target.port


def _normalise_host(host: str) -> str:
    return host.strip("[]").rstrip(".").lower()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class HttpChecker:
    """Checks http(s) links concurrently; results are alive, dead, unknown or skipped (see the module docstring).

    At most `workers` requests at once in all, and at most `per_host` to one host (a ceiling: each host starts
    lower and gets more while it answers fast, see links.pacing); `host_delay` seconds between requests to a host.
    """

    def __init__(
        self,
        *,
        timeout: float = 10.0,
        retries: int = 2,
        backoff: float = 1.0,
        max_redirects: int = 5,
        workers: int = 64,
        per_host: int = 32,
        host_delay: float = 0.0,
        allow_private: bool = False,
        accept: Iterable[int] = (),
        exclude: Iterable[str] = (),
        cache: Cache | None = None,
        offline: bool = False,
        user_agent: str = DEFAULT_USER_AGENT,
        resolver: Resolver | None = None,
    ) -> None:
        if timeout <= 0 or retries < 0 or backoff < 0 or max_redirects < 0 or host_delay < 0:
            raise ValueError("timeout must be positive; retries, backoff, max_redirects, host_delay not negative")
        if workers < 1 or per_host < 1:
            raise ValueError("workers and per_host must be at least 1")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_redirects = max_redirects
        self.workers = workers
        self.per_host = per_host
        self.host_delay = host_delay
        self.allow_private = allow_private
        self.accept = frozenset(int(status) for status in accept)
        self.exclude: list[re.Pattern[str]] = []
        for pattern in exclude:
            try:
                self.exclude.append(re.compile(pattern))
            except re.error as exc:
                raise UserError(f"exclude pattern {pattern!r}: {exc}") from None
        self.cache = cache
        self.offline = offline
        self.user_agent = user_agent
        self.resolver: Resolver = resolver or system_resolver
        self.stats = Stats()
        self._lock = threading.Lock()
        self._dns: dict[str, _Resolution] = {}
        self._slots: dict[str, HostLimit] = {}
        self._get_only: set[str] = set()  # hosts whose answer to HEAD said nothing where GET's did
        self._session: requests.Session | None = None

    # public API

    @property
    def looked_offline(self) -> bool:
        """True when the last run resolved no host name at all but some failed (a machine without network)."""
        return self.stats.resolved_hosts == 0 and self.stats.resolver_failures > 0

    def host_limits(self) -> dict[str, int]:
        """How many requests each host asked so far may get at once now (see links.pacing)."""
        with self._lock:
            return {host: int(slot.limit) for host, slot in self._slots.items()}

    def check(self, urls: Iterable[str], progress: Callable[[LinkResult], None] | None = None) -> dict[str, LinkResult]:
        """Check each distinct URL once; returns {url: result} in first-seen order. `progress` is called in this
        thread with each result as it is ready; new results go to the cache. `stats` describes this run."""
        self.stats = Stats()
        self._dns = {}
        ordered = list(dict.fromkeys(urls))
        results: dict[str, LinkResult] = {}

        def finish(result: LinkResult, store: bool) -> None:
            results[result.url] = result
            self.stats.outcomes[result.outcome] = self.stats.outcomes.get(result.outcome, 0) + 1
            if store and self.cache is not None:
                self.cache.put_url(result)
            if progress is not None:
                progress(result)

        pending: list[tuple[str, _Target]] = []
        for url in ordered:
            if any(pattern.search(url) for pattern in self.exclude):
                finish(self._result(url, "skipped", reason="excluded"), store=False)
                continue
            try:
                target = self._target(url)
            except _Skip as skip:
                finish(self._result(url, "skipped", reason=str(skip)), store=False)
                continue
            cached = self.cache.get_url(url) if self.cache is not None else None
            if cached is not None:
                self.stats.cache_hits += 1
                finish(replace(cached, url=url, from_cache=True), store=False)
            elif self.offline:
                finish(self._result(url, "unknown", reason="offline"), store=False)
            else:
                pending.append((url, target))

        if pending:
            self._get_session()
            pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="awesome-lint-http")
            try:
                # Resolve every host first: whether a missing name means a dead link depends on the others.
                hosts = {target.host: target.port for _, target in pending}
                list(pool.map(lambda item: self._resolve(*item), hosts.items()))
                futures: dict[Future[LinkResult], str] = {}
                for url, target in self._interleave(pending):
                    resolution = self._dns[target.host]
                    if not resolution.addresses:
                        finish(self._name_failure(url, target.host, resolution, hop=False), store=True)
                    else:
                        futures[pool.submit(self._check_safely, url, target)] = url
                for future in as_completed(futures):
                    finish(future.result(), store=True)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        return {url: results[url] for url in ordered}

    def fetch(
        self,
        url: str,
        headers: Mapping[str, str] | None = None,
        max_bytes: int = MAX_BODY,
        credential: str | None = None,
    ) -> Download:
        """GET one URL and read its body, with every guard of `check` (vetted addresses, redirects one hop at a time,
        timeouts, retries honouring Retry-After); a body over `max_bytes` makes the outcome unknown. Not cached.
        `credential` is sent as `Authorization` to the URL's origin only, never after a redirect to another one."""
        try:
            target = self._target(url)
        except _Skip as skip:
            return Download(self._result(url, "skipped", reason=str(skip)))
        if any(pattern.search(url) for pattern in self.exclude):
            return Download(self._result(url, "skipped", reason="excluded"))
        if self.offline:
            return Download(self._result(url, "unknown", reason="offline"))
        self._get_session()
        try:
            result, reply = self._follow(url, target, _Want(dict(headers or {}), max_bytes, credential))
        except Exception as exc:  # the same safety net as check: a bug must not look like a server's answer
            return Download(self._result(url, "unknown", reason=f"unexpected error: {type(exc).__name__}: {exc}"))
        if reply is None:
            return Download(result)
        body = reply.body if result.outcome == "alive" and reply.body is not None else b""
        return Download(result, body, dict(reply.headers or {}))

    def close(self) -> None:
        """Close the HTTP session and its connections."""
        if self._session is not None:
            self._session.close()
            self._session = None

    def __enter__(self) -> HttpChecker:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # URLs and names

    def _target(self, url: str) -> _Target:
        """The URL as it will be requested (trimmed, no userinfo or fragment, IDNA host), or _Skip with the reason."""
        from requests.exceptions import RequestException
        from requests.models import PreparedRequest

        try:
            parts = urlsplit(url.strip())
            scheme = parts.scheme.lower()
            if scheme not in ("http", "https"):
                raise _Skip(f"unsupported scheme: {scheme}" if scheme else "not an absolute URL")
            if not parts.hostname:
                raise _Skip("no host")
            port = parts.port or (443 if scheme == "https" else 80)
            netloc = parts.netloc.rpartition("@")[2]
            prepared = PreparedRequest()
            prepared.prepare_url(urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")), None)
            url = prepared.url or ""
            host = urlsplit(url).hostname
        except (ValueError, UnicodeError, RequestException) as exc:
            raise _Skip(f"invalid URL: {exc}") from None
        if not host or not url:
            raise _Skip("no host")
        return _Target(url, _normalise_host(host), port)

    def _resolve(self, host: str, port: int) -> _Resolution:
        """The host's addresses, resolved once per run (the same answer is used to vet and to connect)."""
        with self._lock:
            known = self._dns.get(host)
        if known is not None:
            return known
        resolution = self._lookup(host, port)
        with self._lock:
            known = self._dns.setdefault(host, resolution)
            if known is resolution and not resolution.literal:
                if resolution.addresses:
                    self.stats.resolved_hosts += 1
                else:
                    self.stats.resolver_failures += 1
        return known

    def _lookup(self, host: str, port: int) -> _Resolution:
        try:
            ipaddress.ip_address(host)
        except ValueError:
            pass
        else:
            return _Resolution((host,), literal=True)
        try:
            addresses = tuple(dict.fromkeys(self._resolve_in_time(host, port)))
        except TimeoutError:
            return _Resolution(error=f"DNS lookup timed out after {self.timeout:g} s")
        except socket.gaierror as exc:
            return _Resolution(error=exc.strerror or str(exc), missing=exc.errno in _NO_SUCH_NAME)
        except Exception as exc:  # an injected resolver may raise anything: a failure, not proof of a missing name
            return _Resolution(error=str(exc) or type(exc).__name__)
        if not addresses:
            return _Resolution(error="no address", missing=True)
        return _Resolution(addresses)

    def _resolve_in_time(self, host: str, port: int) -> list[str]:
        """Run the resolver in a daemon thread and give up after `timeout` (getaddrinfo has no timeout)."""
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["addresses"] = self.resolver(host, port)
            except BaseException as exc:  # re-raised in the caller's thread
                box["error"] = exc

        thread = threading.Thread(target=work, name=f"resolve {host}", daemon=True)
        thread.start()
        thread.join(self.timeout)
        if thread.is_alive():
            raise TimeoutError(host)
        if "error" in box:
            raise box["error"]
        return box["addresses"]

    def _refused(self, resolution: _Resolution) -> bool:
        """True when any address of the host is not public (and private addresses are not allowed)."""
        return not self.allow_private and not all(is_public_address(a) for a in resolution.addresses)

    def _connect_addresses(self, host: str, port: int) -> tuple[str, ...]:
        """The vetted addresses a connection to host may use; OSError when there is none (called by the adapter)."""
        resolution = self._resolve(_normalise_host(host), port)
        if not resolution.addresses:
            raise OSError(f"{host}: {resolution.error}")
        if self._refused(resolution):
            raise OSError(f"{host}: refusing to connect to a non-public address")
        return resolution.addresses

    def _name_failure(self, url: str, host: str, resolution: _Resolution, *, hop: bool) -> LinkResult:
        """Dead only for a name that does not exist while other names resolved in this run; else unknown."""
        with self._lock:
            any_resolved = self.stats.resolved_hosts > 0
        where = f"redirect target {host}" if hop else host
        if not any_resolved:
            return self._result(url, "unknown", reason=OFFLINE_REASON)
        if resolution.missing:
            return self._result(url, "dead", reason=f"host name does not resolve: {where}")
        return self._result(url, "unknown", reason=f"DNS lookup failed for {where}: {resolution.error}")

    @staticmethod
    def _interleave(pending: list[tuple[str, _Target]]) -> list[tuple[str, _Target]]:
        """Round-robin over hosts, so workers are not all queued on one host's limit."""
        by_host: dict[str, list[tuple[str, _Target]]] = {}
        for item in pending:
            by_host.setdefault(item[1].host, []).append(item)
        queues = list(by_host.values())
        out: list[tuple[str, _Target]] = []
        for i in range(max(map(len, queues), default=0)):
            out.extend(queue[i] for queue in queues if i < len(queue))
        return out

    # checking one URL

    def _check_safely(self, url: str, target: _Target) -> LinkResult:
        try:
            return self._check_one(url, target)
        except Exception as exc:  # one odd URL must not end a run of thousands
            return self._result(url, "unknown", reason=f"unexpected error: {type(exc).__name__}: {exc}")

    def _check_one(self, url: str, target: _Target) -> LinkResult:
        return self._follow(url, target)[0]

    def _follow(self, url: str, target: _Target, want: _Want | None = None) -> tuple[LinkResult, _Reply | None]:
        """Follow the chain hop by hop (each hop's host vetted), HEAD first, GET when HEAD is not supported (GET
        only when `want` asks for the body, or on a host where GET answered what HEAD did not); the outcome and the
        last answer."""
        seen: set[str] = set()
        origin = _origin(target)
        use_get = want is not None
        redirects = 0
        while True:
            seen.add(target.url)
            resolution = self._resolve(target.host, target.port)
            if not resolution.addresses:
                return self._name_failure(url, target.host, resolution, hop=True), None
            if self._refused(resolution):
                reason = PRIVATE_REASON if not redirects else f"{PRIVATE_REASON} (redirect to {target.host})"
                return self._result(url, "skipped", reason=reason, final_url=target.url), None
            get_only = use_get or target.host in self._get_only
            reply = self._fetch("GET" if get_only else "HEAD", target, want)
            refused = reply.dropped if isinstance(reply, _Failure) else self._head_unsupported(reply.status)
            if not get_only and refused:
                use_get = True  # and for the rest of the chain
                reply = self._fetch("GET", target)
                if isinstance(reply, _Reply) and (reply.status < 400 or reply.status in DEAD_STATUSES):
                    with self._lock:  # GET got the answer HEAD did not: ask this host with GET from now on
                        self._get_only.add(target.host)
            if isinstance(reply, _Failure):
                return self._result(url, "unknown", reason=reply.reason, final_url=target.url), None
            status = reply.status
            after = f" after {_plural(redirects, 'redirect')}" if redirects else ""
            text = f"{status} {reply.phrase}".strip()
            if status in self.accept or 200 <= status < 300:
                return self._result(url, "alive", status, text + after, target.url), reply
            if 300 <= status < 400 and status != 304:
                if not reply.location:
                    return self._result(url, "unknown", status, f"{text}: redirect without Location", target.url), reply
                if redirects >= self.max_redirects:
                    reason = f"too many redirects (more than {self.max_redirects})"
                    return self._result(url, "unknown", status, reason, target.url), reply
                try:
                    target = self._target(urljoin(target.url, reply.location))
                except _Skip as skip:
                    reason = f"redirect to a URL not checked: {skip}"
                    return self._result(url, "unknown", status, reason, target.url), reply
                redirects += 1
                if want is not None and want.credential is not None and _origin(target) != origin:
                    want = replace(want, credential=None)
                if target.url in seen:
                    return self._result(url, "unknown", status, "redirect loop", target.url), reply
                continue
            return self._result(url, *self._classify(status, text + after), target.url), reply

    def _head_unsupported(self, status: int) -> bool:
        """HEAD answers that say nothing about the page: 501, and 4xx other than 404/410/429 (405, 403, 400...)."""
        if status in self.accept:
            return False
        return status == 501 or (400 <= status < 500 and status not in DEAD_STATUSES and status != 429)

    @staticmethod
    def _classify(status: int, text: str) -> tuple[Outcome, int, str]:
        if status in DEAD_STATUSES:
            return "dead", status, text
        if status in (401, 403):
            return "unknown", status, f"{text} (login or bot wall)"
        if status == 429:
            return "unknown", status, f"{text} (rate limited)"
        return "unknown", status, text

    def _fetch(self, method: str, target: _Target, want: _Want | None = None) -> _Reply | _Failure:
        """One request with retries (429/502/503/504, timeouts, connection errors), backoff and Retry-After."""
        import requests

        last: _Reply | _Failure = _Failure("no attempt")
        for attempt in range(self.retries + 1):
            if attempt:
                with self._lock:
                    self.stats.retries += 1
            wait: float | None = None
            try:
                reply = self._send(method, target, want)
            except requests.exceptions.SSLError as exc:
                return _Failure(f"TLS error: {_describe(exc)}")
            except requests.exceptions.Timeout:
                last = _Failure(f"timeout after {self.timeout:g} s")
            except requests.exceptions.ConnectionError as exc:
                dropped = not _connect_failed(exc)
                last = _Failure(f"connection error: {_describe(exc)}", dropped=dropped)
                if dropped and method == "HEAD":
                    return last  # the server took the connection but not the HEAD: try GET at once
            except requests.exceptions.RequestException as exc:
                return _Failure(f"request failed: {_describe(exc)}")
            except _TooLarge as exc:
                return _Failure(str(exc))
            else:
                if reply.status not in RETRY_STATUSES or reply.status in self.accept:
                    return reply
                last = reply
                wait = reply.retry_after
                if wait is not None:
                    if wait > RETRY_AFTER_CAP:
                        return replace(reply, phrase=f"{reply.phrase}, Retry-After {wait:g} s".lstrip(", "))
                    self._slot(target.host).defer(wait)  # every request to this host waits, not just this one
            if attempt < self.retries and wait is None:
                time.sleep(min(self.backoff * 2**attempt, RETRY_AFTER_CAP))
        return last

    def _send(self, method: str, target: _Target, want: _Want | None = None) -> _Reply:
        """One request: no redirects followed, no cookies, no credentials but `want`'s; the body is read only for
        `want`."""
        import requests

        session = self._get_session()
        slot = self._slot(target.host)
        started = slot.acquire(self.host_delay)
        answered = back_off = False
        try:
            reply = self._send_now(session, method, target, want)
        except requests.exceptions.SSLError:
            raise
        except (requests.exceptions.Timeout, requests.exceptions.ConnectionError):
            back_off = True  # no answer: the host may be overloaded
            raise
        else:
            answered = True
            back_off = reply.status in RETRY_STATUSES
            return reply
        finally:
            slot.release(started, answered=answered, back_off=back_off)

    def _send_now(self, session: requests.Session, method: str, target: _Target, want: _Want | None) -> _Reply:
        """The request itself, within its total deadline (the caller holds the host's place)."""
        import requests

        with self._lock:
            self.stats.requests += 1
        prepared = session.prepare_request(
            requests.Request(method, target.url, headers=dict(want.headers) if want else None)
        )
        for header in ("Authorization", "Proxy-Authorization", "Cookie"):
            prepared.headers.pop(header, None)
        if want is not None and want.credential is not None:
            prepared.headers["Authorization"] = want.credential
        # The whole request (connect, TLS, status line, headers and a fetched body) must be done within
        # `timeout`; requests' own timeout bounds each read only, which a server trickling bytes never trips.
        with deadline(self.timeout) as limit:
            try:
                # HEAD has no body, so its connection goes back to the pool; a GET is closed after the headers.
                response = session.send(
                    prepared,
                    allow_redirects=False,
                    stream=method != "HEAD",
                    timeout=self.timeout,
                    verify=True,
                    proxies={},
                )
                try:
                    reply = _Reply(
                        status=response.status_code,
                        phrase=response.reason or "",
                        location=_header_text(response.headers.get("Location")),
                        retry_after=parse_retry_after(response.headers.get("Retry-After")),
                    )
                    if want is not None:
                        body = _read_body(response, want.max_bytes) if 200 <= response.status_code < 300 else None
                        headers = {key.lower(): value for key, value in response.headers.items()}
                        reply = replace(reply, body=body, headers=headers)
                finally:
                    response.close()  # drops the connection if a body is pending: a PDF is never downloaded
            except Exception as exc:
                if limit.expired:  # the watchdog cut the connection: whatever broke, it is a timeout
                    raise requests.exceptions.Timeout(f"no complete answer within {self.timeout:g} s") from exc
                raise
            if limit.expired:  # cut off mid-headers, http.client may take what it read for a whole answer
                raise requests.exceptions.Timeout(f"no complete answer within {self.timeout:g} s")
            return reply

    def _slot(self, host: str) -> HostLimit:
        with self._lock:
            slot = self._slots.get(host)
            if slot is None:
                slot = self._slots[host] = HostLimit(self.per_host)
            return slot

    def _get_session(self) -> requests.Session:
        with self._lock:
            if self._session is None:
                self._session = _make_session(self)
            return self._session

    def _result(
        self,
        url: str,
        outcome: Outcome,
        status: int | None = None,
        reason: str = "",
        final_url: str | None = None,
    ) -> LinkResult:
        return LinkResult(url, outcome, status, reason, final_url, checked_at=time.time())


class _TooLarge(Exception):
    """A response body over the size `fetch` was asked to read."""


def _read_body(response: requests.Response, max_bytes: int) -> bytes:
    """The (decompressed) body of a streamed response; _TooLarge past `max_bytes`."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if size > max_bytes:
            raise _TooLarge(f"response larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _header_text(value: str | None) -> str | None:
    """A header as text: http.client decodes Latin-1, servers usually send UTF-8 (as requests does for Location)."""
    if value is None:
        return None
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _connect_failed(exc: Exception) -> bool:
    """True when a requests ConnectionError means no connection was made (refused, unreachable, no route)."""
    from urllib3.exceptions import NewConnectionError

    inner = exc.args[0] if exc.args else None
    return isinstance(getattr(inner, "reason", inner), NewConnectionError)


def _describe(exc: Exception) -> str:
    """The useful part of a requests/urllib3 error message (no pool repr, no object addresses)."""
    from urllib3.exceptions import ProtocolError

    inner: Any = exc.args[0] if exc.args else exc
    reason = getattr(inner, "reason", None) or inner
    if isinstance(reason, ProtocolError) and len(reason.args) > 1:
        reason = reason.args[1]
    text = re.sub(r"<[^<>]* object at 0x[0-9a-f]+>:?\s*", "", str(reason))
    text = text.replace("Failed to establish a new connection: ", "")
    return (text or type(exc).__name__)[:200]


def _make_session(checker: HttpChecker) -> requests.Session:
    """A requests session that keeps no cookies, reads no environment (proxies, .netrc), connects only to the
    addresses the checker vetted for each host (so DNS cannot be rebound between the check and the connection),
    and keeps each request's total deadline."""
    from http.cookiejar import DefaultCookiePolicy

    import requests
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
    from urllib3.util.connection import create_connection

    def open_socket(conn: Any) -> socket.socket:
        try:
            addresses = checker._connect_addresses(conn.host, conn.port)
        except OSError as exc:
            raise NewConnectionError(conn, f"Failed to establish a new connection: {exc}") from exc
        error: OSError | None = None
        for address in addresses:
            limit = current()
            if limit is not None and limit.remaining() <= 0:
                break
            try:
                return create_connection(
                    (address, conn.port),
                    conn.timeout if limit is None else min(conn.timeout, limit.remaining()),
                    source_address=conn.source_address,
                    socket_options=conn.socket_options,
                )
            except OSError as exc:
                error = exc
        if error is None or isinstance(error, TimeoutError):
            raise ConnectTimeoutError(conn, f"Connection to {conn.host} timed out") from error
        raise NewConnectionError(conn, f"Failed to establish a new connection: {error}") from error

    session = requests.Session()
    session.trust_env = False  # no proxies, no .netrc credentials, no REQUESTS_CA_BUNDLE surprises
    session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # accept and send no cookies
    session.headers.update({"User-Agent": checker.user_agent, "Accept": _ACCEPT})
    adapter = deadline_adapter(
        open_socket, pool_connections=max(10, checker.workers), pool_maxsize=max(checker.per_host, 2)
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
