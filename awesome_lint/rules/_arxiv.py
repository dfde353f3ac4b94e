"""arXiv links as written: their parts, the list's link style and the one canonical form every rule suggests,
versions, every id of an entry, and the title check's verdict on each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Literal, NamedTuple

from awesome_lint.arxiv_id import ArxivId, ArxivUrl, split_url
from awesome_lint.model import Entry, Link, Span
from awesome_lint.rules._options import Option
from awesome_lint.rules._registry import Context
from awesome_lint.rules._shared import all_links, title_read

STYLE_RULE = "arxiv-link-style"


class LinkStyleOptions(NamedTuple):
    """Options of `arxiv-link-style`."""

    style: Annotated[
        Literal["auto", "abs", "pdf"],
        Option(
            '"abs": abstract pages, as arXiv asks; "pdf": PDFs; "auto": whichever most of the list\'s arXiv links'
            ' use (a tie counts as "abs")'
        ),
    ] = "abs"


def arxiv_url(link: Link) -> ArxivUrl | None:
    """The parts of an arXiv abs/pdf/format/html link as written; None for any other link."""
    return split_url(link.url)


def styled_links(ctx: Context) -> Iterator[tuple[Link, ArxivUrl]]:
    """Paper links to arXiv abstract pages or PDFs, with their parts: the links a link style applies to."""
    for _entry, link in all_links(ctx):
        if link.role != "paper":
            continue
        url = arxiv_url(link)
        if url is not None and url.kind.lower() in ("abs", "pdf"):
            yield link, url


def link_style(ctx: Context, options: LinkStyleOptions | None = None) -> tuple[str, str]:
    """The kind of page (`abs` or `pdf`) the list's arXiv paper links should use, and why, in words; `options`
    default to the ones configured for arxiv-link-style."""
    options = options or ctx.options.get(STYLE_RULE) or LinkStyleOptions()
    if options.style != "auto":
        if options.style == "abs":
            return "abs", "arXiv asks for links to the abstract page"
        return "pdf", "this list links arXiv PDFs"
    counts = ctx.derived(_style_counts)
    style = "pdf" if counts["pdf"] > counts["abs"] else "abs"
    return style, f"most of this list's arXiv links ({counts[style]} of {counts.total()}) use /{style}/"


def _style_counts(ctx: Context) -> Counter[str]:
    """How many of the list's styled arXiv links use each kind of page (counted once per document)."""
    return Counter(url.kind.lower() for _link, url in styled_links(ctx))


def suggested_link(ctx: Context, url: ArxivUrl) -> str:
    """The link every rule suggests for an arXiv URL: arXiv's own https form in the list's style, for the latest
    version (whether a pinned version stays is the author's call, never a suggestion's)."""
    kind = url.kind.lower()
    return url.canonical(link_style(ctx)[0] if kind in ("abs", "pdf") else kind, version=False)


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
    seen = set()
    for link in entry.links:
        url = arxiv_url(link)
        found = None if url is None else url.found
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
    if net is None or not net.any_titled():
        return
    from awesome_lint.title_match import Claim

    for entry in ctx.document.entries:
        if entry.kind != "paper":
            continue
        places = [place for place in arxiv_places(entry) if net.titled(place[0])]
        if not places or not title_read(entry):
            continue
        claim = Claim.of(entry)
        for paper_id, span, _version in places:
            verdict = net.verdict(claim, paper_id)
            if verdict is not None and verdict.decision == decision:
                yield paper_id, span, net.arxiv[paper_id].title, verdict.explain()
