"""arXiv links as written: where the id stands in the URL, its version, every id of an entry, and the title
check's verdict on each."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint import arxiv_id
from awesome_lint.arxiv_id import ArxivId
from awesome_lint.model import Entry, Link, Span
from awesome_lint.rules._registry import Context


def arxiv_parts(link: Link) -> tuple[ArxivId, int, str] | None:
    """The parsed id of an arXiv link, where its id text starts in the URL, and the path kind before it."""
    found = arxiv_id.parse_url(link.url)
    if found is None:
        return None
    pos = link.url.find(found.raw)
    if pos < 5 or link.url[pos - 1] != "/":
        return None
    return found, pos, link.url[: pos - 1].rsplit("/", 1)[-1].lower()


def version_text(found: ArxivId) -> str:
    """The `vN` suffix of an id as written (empty when it has none)."""
    if found.version is None:
        return ""
    return found.raw[found.raw.lower().rfind("v") :]


def id_base(found: ArxivId) -> str:
    """The id as written, without its version suffix."""
    version = version_text(found)
    return found.raw[: len(found.raw) - len(version)] if version else found.raw


def arxiv_places(entry: Entry) -> Iterator[tuple[str, Span, int | None]]:
    """Each arXiv id of an entry with the span to report it on (its link, or the entry for a cited id) and
    the version the link asks for (None for no version or a cited id)."""
    from awesome_lint.arxiv_id import parse_url

    seen = set()
    for link in entry.links:
        found = parse_url(link.url)
        if found is not None and found.id not in seen:
            seen.add(found.id)
            yield found.id, link.span, found.version
    for cited in entry.cited_arxiv_ids:
        if cited not in seen:
            seen.add(cited)
            yield cited, entry.span, None


def verdicts(ctx: Context, decision: str) -> Iterator[tuple[str, Span, str, str]]:
    """(id, span, arXiv's title, evidence) of each arXiv id whose record the title check judges `decision`."""
    net = ctx.network
    if net is None:
        return
    from awesome_lint.title_match import Claim

    for entry in ctx.document.entries:
        if entry.kind != "paper" or not entry.title:
            continue
        claim = Claim.of(entry)
        for paper_id, span, _version in arxiv_places(entry):
            verdict = net.verdict(claim, paper_id)
            if verdict is not None and verdict.decision == decision:
                yield paper_id, span, net.arxiv[paper_id].title, verdict.explain()
