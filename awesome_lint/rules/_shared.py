"""What several rules share: short quotes for messages, every link, headings in order, a list's conventions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated, NamedTuple, TypeVar

from awesome_lint.model import Entry, Link, Section
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._options import Option
from awesome_lint.rules._registry import Context

QUOTE_PREFIX = lazy_compile(r"^[ \t]*(?:>[ \t]?)*")
"""Indentation and block-quote markers at the start of a line."""


def brief(text: str, limit: int = 60) -> str:
    """Text shortened to `limit` characters with an ellipsis, whitespace collapsed, for a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def all_links(ctx: Context) -> Iterator[tuple[Entry, Link]]:
    """Every link of every entry, in document order."""
    for entry in ctx.document.entries:
        for link in entry.links:
            yield entry, link


def title_read(entry: Entry) -> bool:
    """Whether the parser read a title that names a paper: not empty, not only generic words (`paper`), not a
    venue's or journal's name or a `Venue Year` field (`dedup.names_nothing`). A rule that judges a paper by its
    fields skips an entry whose title it did not read: its other fields were likely misread too."""
    from awesome_lint.dedup import names_nothing, normalize_title

    return not names_nothing(normalize_title(entry.title))


def paper_by_itself(entry: Entry) -> bool:
    """Whether an entry gives evidence of its own that it is a paper (authors, a venue, an arXiv id, a year
    written in it), rather than being typed a paper only because the entries around it are."""
    return bool(
        entry.authors
        or entry.venue
        or entry.arxiv_id
        or entry.cited_arxiv_ids
        or entry.paper_links
        or (entry.year is not None and str(entry.year) in entry.text)
    )


def ordered_sections(ctx: Context) -> list[Section]:
    """Every section (heading) of the document in source order."""
    return sorted(ctx.document.iter_sections(), key=lambda section: section.span.start)


def heading_text(section: Section) -> str:
    """A heading as written in ATX style, e.g. `## 1. Pruning`."""
    return f"{'#' * section.level} {section.heading}"


T = TypeVar("T")


class MajorityOptions(NamedTuple):
    """When a convention of the list is checked: the list has enough papers and enough of them agree."""

    min_share: Annotated[float, Option("the share of papers that must agree on a convention", low=0, high=1)] = 0.8
    min_papers: Annotated[int, Option("lists with fewer papers are not checked", low=0)] = 5


def dominant_value(values: list[T], options: MajorityOptions) -> tuple[T, int] | None:
    """The value most papers share and its count, when it covers `min-share` of at least `min-papers` papers."""
    if len(values) < max(options.min_papers, 1):
        return None
    value, count = Counter(values).most_common(1)[0]
    return (value, count) if count >= options.min_share * len(values) else None
