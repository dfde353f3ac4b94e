"""Check the links of parsed lists: arXiv ids through the API, every other link over HTTP, one summary."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from awesome_lint.links.arxiv import ARXIV_DELAY
from awesome_lint.links.types import ArxivRecord, LinkResult, Outcome, Stats
from awesome_lint.model import Document, Entry
from awesome_lint.title_match import Claim, TitleWeights, Verdict, same_paper, title_weights


@dataclass(frozen=True)
class LinkCheckOptions:
    """How links are checked; the CLI fills it from flags and `[tool.awesome-lint.links]`."""

    arxiv_api: str | None = None
    cache_path: str | None = None
    use_cache: bool = True
    offline: bool = False
    allow_private: bool = False
    accept: tuple[int, ...] = ()
    exclude: tuple[str, ...] = ()
    timeout: float = 10.0
    workers: int = 64
    per_host: int = 32
    dead_after: int = 1
    arxiv_delay: float = ARXIV_DELAY


def options_from(
    table: dict[str, Any],
    *,
    arxiv_api: str | None = None,
    cache_path: str | None = None,
    no_cache: bool = False,
    offline: bool = False,
    allow_private: bool = False,
    accept: tuple[str, ...] | None = None,
    exclude: tuple[str, ...] = (),
    timeout: float | None = None,
    dead_after: int | None = None,
) -> LinkCheckOptions:
    """LinkCheckOptions from a `[tool.awesome-lint.links]` table, overridden by command-line values."""
    from awesome_lint.errors import UserError

    codes = accept or tuple(str(code) for code in table.get("accept", ()))
    try:
        statuses = tuple(int(code) for code in codes)
    except ValueError:
        raise UserError(f"--accept: status codes must be numbers, not {codes!r}") from None
    defaults = LinkCheckOptions()
    return LinkCheckOptions(
        arxiv_api=arxiv_api or table.get("arxiv-api"),
        cache_path=cache_path or table.get("cache"),
        use_cache=not no_cache,
        offline=offline,
        allow_private=allow_private,
        accept=statuses,
        exclude=exclude or tuple(table.get("exclude", ())),
        timeout=float(timeout or table.get("timeout", defaults.timeout)),
        workers=int(table.get("workers", defaults.workers)),
        per_host=int(table.get("per-host", defaults.per_host)),
        dead_after=int(dead_after or table.get("dead-after", defaults.dead_after)),
        arxiv_delay=float(table.get("arxiv-delay", defaults.arxiv_delay)),
    )


@dataclass
class NetworkResults:
    """What the checks found, keyed by URL and by arXiv id; read by the network rules.

    `weights` rate title words by rarity over the titles of every checked list (see title_match).
    """

    urls: dict[str, LinkResult] = field(default_factory=dict)
    not_checked: tuple[str, ...] = ()
    """URLs `--offline` left unchecked (not in the cache): counted as unknown and summed up, not reported one by one."""
    arxiv: dict[str, ArxivRecord] = field(default_factory=dict)
    arxiv_links: tuple[str, ...] = ()
    """arXiv links as written, and cited ids no link carries: what the summary counts, each for the address it
    gives (`pdf/1404.00736` leads nowhere, although arXiv knows 1404.0736)."""
    failing_days: dict[str, int] = field(default_factory=dict)
    dead_after: int = 1
    weights: TitleWeights | None = None
    """None: made from the titles of `documents` when the first title check needs them."""
    documents: tuple[Document, ...] = field(default=(), repr=False)
    http_stats: Stats = field(default_factory=Stats)
    arxiv_stats: Stats = field(default_factory=Stats)
    _verdicts: dict[tuple[Claim, str], Verdict | None] = field(default_factory=dict, repr=False)

    def titled(self, arxiv_id: str) -> bool:
        """Whether arXiv's record for the id has a title to check a claim against (else `verdict` is None)."""
        record = self.arxiv.get(arxiv_id)
        return record is not None and bool(record.exists) and bool(record.title)

    def any_titled(self) -> bool:
        """Whether any record has a title: without one, no title check has anything to judge."""
        return any(record.exists and record.title for record in self.arxiv.values())

    def verdict(self, claim: Claim, arxiv_id: str) -> Verdict | None:
        """Whether arXiv's record for the id is the paper the claim names; None without a record with a title."""
        key = (claim, arxiv_id)
        if key not in self._verdicts:
            record = self.arxiv.get(arxiv_id)
            found = None
            if record is not None and record.exists and record.title:
                if self.weights is None:
                    self.weights = title_weights(self.documents)
                found = same_paper(claim, record.title, record.authors, record.year, self.weights)
            self._verdicts[key] = found
        return self._verdicts[key]

    def arxiv_outcome(self, written: str) -> Outcome:
        """What a reader gets at an arXiv link as written (or a cited id): dead for an id that cannot exist as
        written, one arXiv does not have, or a version it does not have; unknown when arXiv could not be asked."""
        from awesome_lint.arxiv_id import is_valid, parse_id, parse_url

        found = parse_url(written) or parse_id(written)
        if found is None or found.malformed or not is_valid(found.id):
            return "dead"
        record = self.arxiv.get(found.id)
        if record is None or record.exists is None:
            return "unknown"
        return "dead" if not record.exists or record.lacks(found.version) else "alive"

    def summary(self) -> dict[str, Any]:
        """Counts per outcome, requests made, cache hits, whether the run looked offline, the arXiv ids that could
        not be checked (id -> reason; the network rules report unknown web links, not these) and the URLs that
        `--offline` did not check."""
        counts = {"alive": 0, "dead": 0, "unknown": len(self.not_checked), "skipped": 0}
        for result in self.urls.values():
            counts[result.outcome] = counts.get(result.outcome, 0) + 1
        for written in self.arxiv_links:
            counts[self.arxiv_outcome(written)] += 1
        offline = bool(self.urls) and self.http_stats.resolved_hosts == 0 and self.http_stats.resolver_failures > 0
        return {
            **counts,
            "arxiv_unknown": {i: r.reason for i, r in self.arxiv.items() if r.exists is None},
            "not_checked": list(self.not_checked),
            "urls": len(self.urls) + len(self.not_checked),
            "arxiv_links": len(self.arxiv_links),
            "arxiv_ids": len(self.arxiv),
            "requests": self.http_stats.requests + self.arxiv_stats.requests,
            "cache_hits": self.http_stats.cache_hits + self.arxiv_stats.cache_hits,
            "offline": offline,
        }


def link_targets(entries: Iterable[Entry]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What the entries' links point at, each distinct one in first-seen order, read in one pass: the URLs worth a
    request (http(s) links that are not arXiv pages, which are asked through arXiv's API), every arXiv id linked
    or cited (normalised), and every arXiv link as written with every cited id no link of its entry carries."""
    from awesome_lint.arxiv_id import parse_url

    urls: dict[str, None] = {}
    ids: dict[str, None] = {}
    written: dict[str, None] = {}
    for entry in entries:
        linked = set()
        for link in entry.links:
            found = parse_url(link.url)
            url = link.url.strip()
            if found is not None:
                ids.setdefault(found.id, None)
                written.setdefault(url, None)
                linked.add(found.id)
            web = url.lower().startswith(("http://", "https://"))
            if web and (found if url == link.url else parse_url(url)) is None:
                urls.setdefault(url, None)
        for cited in entry.cited_arxiv_ids:
            ids.setdefault(cited, None)
            if cited not in linked:
                written.setdefault(cited, None)
    return tuple(urls), tuple(ids), tuple(written)


def arxiv_ids(entries: Iterable[Entry]) -> list[str]:
    """Every arXiv id an entry links to or cites, normalised, in first-seen order."""
    return list(link_targets(entries)[1])


def arxiv_links(entries: Iterable[Entry]) -> tuple[str, ...]:
    """Every arXiv link as written (its URL) and every cited id no link of its entry carries, in first-seen order."""
    return link_targets(entries)[2]


@dataclass(frozen=True)
class LinkPlan:
    """What a run checks, collected once: the distinct URLs and arXiv ids of the chosen entries, in order, and
    the arXiv links as written (what the summary counts)."""

    documents: tuple[Document, ...]
    urls: tuple[str, ...]
    ids: tuple[str, ...]
    arxiv_links: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Checks to make (each URL and each arXiv id once): the length of a progress bar."""
        return len(self.urls) + len(self.ids)


def plan_checks(documents: Sequence[Document], lines: dict[str, set[int] | None] | None = None) -> LinkPlan:
    """The links of the documents to check (only those of entries on `lines`, per path, when given)."""
    lines = lines or {}

    def wanted(doc: Document) -> Iterable[Entry]:
        keep = lines.get(doc.path)
        if doc.path not in lines or keep is None:
            return doc.entries
        return [e for e in doc.entries if any(line in keep for line in range(e.span.line, e.span.end_line + 1))]

    urls, ids, written = link_targets(entry for doc in documents for entry in wanted(doc))
    return LinkPlan(tuple(documents), urls, ids, written)


def run_checks(
    plan: LinkPlan, options: LinkCheckOptions, progress: Callable[[int], None] | None = None
) -> NetworkResults:
    """Check every URL and arXiv id of the plan; `progress(n)` is told of each n checks done (plan.total in all)."""
    from awesome_lint.links.arxiv import ArxivClient
    from awesome_lint.links.http import HttpChecker

    cache = _open_cache(options)
    try:
        arxiv = ArxivClient(
            options.arxiv_api, delay=options.arxiv_delay, cache=cache, offline=options.offline, timeout=20.0
        )
        records = arxiv.lookup(list(plan.ids)) if plan.ids else {}
        if progress and plan.ids:
            progress(len(plan.ids))
        http = HttpChecker(
            timeout=options.timeout,
            workers=options.workers,
            per_host=options.per_host,
            allow_private=options.allow_private,
            accept=options.accept,
            exclude=options.exclude,
            cache=cache,
            offline=options.offline,
        )
        results = http.check(plan.urls, (lambda _r: progress(1)) if progress else None) if plan.urls else {}
        failing = {}
        if cache is not None and options.dead_after > 1:
            failing = {url: cache.failing_days(url) for url, r in results.items() if r.outcome == "dead"}
    finally:
        if cache is not None:
            cache.close()
    not_checked: tuple[str, ...] = ()
    if options.offline:  # the cache keeps no unknown result: every unknown one is a link the cache did not have
        not_checked = tuple(url for url, r in results.items() if r.outcome == "unknown" and not r.from_cache)
        results = {url: r for url, r in results.items() if r.outcome != "unknown" or r.from_cache}
    return NetworkResults(
        urls=results,
        not_checked=not_checked,
        arxiv=records,
        arxiv_links=plan.arxiv_links,
        failing_days=failing,
        dead_after=options.dead_after,
        documents=plan.documents,
        http_stats=http.stats,
        arxiv_stats=arxiv.stats,
    )


def arxiv_metadata(ids: Sequence[str], options: LinkCheckOptions) -> tuple[dict[str, ArxivRecord], int]:
    """arXiv records for `ids` (cache first; `arxiv_ids` of the papers to merge), and requests made."""
    from awesome_lint.links.arxiv import ArxivClient
    from awesome_lint.links.cache import LinkCache

    with LinkCache(os.path.expanduser(options.cache_path) if options.cache_path else None) as cache:
        client = ArxivClient(options.arxiv_api, cache=cache, offline=options.offline, delay=options.arxiv_delay)
        records = client.lookup(ids)
    return records, client.stats.requests


def _open_cache(options: LinkCheckOptions) -> Any:
    """The SQLite cache at --cache PATH (or the user cache dir), or None with --no-cache."""
    if not options.use_cache:
        return None
    from awesome_lint.links.cache import LinkCache

    return LinkCache(os.path.expanduser(options.cache_path) if options.cache_path else None)
