"""What link checks produce, shared by the arXiv client, the HTTP checker, the cache and the rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

Outcome = Literal["alive", "dead", "unknown", "skipped"]


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The outcome of checking one URL: only a server's clear answer makes a link dead."""

    url: str
    outcome: Outcome
    status: int | None = None
    reason: str = ""
    final_url: str | None = None
    checked_at: float = 0.0
    from_cache: bool = False


@dataclass(frozen=True, slots=True)
class ArxivRecord:
    """What arXiv says about one id: exists (True/False) or unknown (None), with its metadata."""

    id: str
    exists: bool | None
    title: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    version: int | None = None
    """The latest version arXiv has (a link to a later `vN` leads nowhere); None when not known."""
    categories: tuple[str, ...] = ()
    """arXiv's subject categories, the primary one first (`cs.CV`, `cs.LG`); empty when not known."""
    withdrawn: bool = False
    reason: str = ""
    checked_at: float = 0.0
    from_cache: bool = False

    def lacks(self, version: int | None) -> bool:
        """Whether a link to `version` leads nowhere: arXiv's latest version is known and older."""
        return version is not None and self.version is not None and version > self.version


@dataclass
class Stats:
    """Counters for the run summary."""

    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    resolver_failures: int = 0
    resolved_hosts: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)


class Cache(Protocol):
    """The cache interface the checkers use (implemented by links.cache.LinkCache)."""

    def get_url(self, url: str) -> LinkResult | None:
        """A cached, still-fresh result for a URL, or None."""

    def put_url(self, result: LinkResult) -> None:
        """Store a result (unknown outcomes are not cached) and append it to the URL's history."""

    def get_arxiv(self, arxiv_id: str) -> ArxivRecord | None:
        """A cached, still-fresh record for an arXiv id, or None."""

    def put_arxiv(self, record: ArxivRecord) -> None:
        """Store a record (unknown ones are not cached)."""
