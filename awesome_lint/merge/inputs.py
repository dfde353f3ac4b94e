"""What the merge reads of one parsed list, as slim records made as soon as the list is parsed.

A `MergeInput` holds, per item, only the fields the merge reads (a paper's fields and links, a resource's line
parts, a dropped item's reason), so the parsed document (sections, spans, the source text) can be freed before
the duplicate search. Strings repeated across items (authors, venues, URLs, headings) are kept once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from awesome_lint.merge.provenance import Source, marked_sources
from awesome_lint.merge.render import resource_description
from awesome_lint.merge.report import DroppedItem
from awesome_lint.merge.taxonomy import list_title
from awesome_lint.model import Document, Entry, LinkRole, with_role

_MERGED_ROLES = ("paper", "code")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PaperLink:
    """A paper or code link of a paper: its URL as written and its role."""

    url: str
    role: LinkRole


@dataclass(frozen=True, slots=True)
class PaperItem:
    """One paper of an input list: the fields the duplicate matcher, topic placement and field resolution read,
    and the line and column where it starts."""

    title: str
    line: int
    column: int
    authors: str | None = None
    year: int | None = None
    venue: str | None = None
    notes: tuple[str, ...] = ()
    nickname: str | None = None
    tags: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    arxiv_id: str | None = None
    links: tuple[PaperLink, ...] = ()
    """The paper and code links, in order (the other links are not merged)."""

    @property
    def paper_links(self) -> tuple[PaperLink, ...]:
        """Links whose role is `paper`."""
        return with_role(self.links, "paper")

    @property
    def code_links(self) -> tuple[PaperLink, ...]:
        """Links whose role is `code`."""
        return with_role(self.links, "code")


@dataclass(frozen=True, slots=True)
class ResourceItem:
    """One resource of an input list: where it starts, its title, its first link and the description after it."""

    path: str
    line: int
    column: int
    title: str
    url: str
    """The first link's URL, stripped; empty when the item has no link."""
    description: str
    """`render.resource_description` of the item."""


@dataclass(frozen=True, slots=True)
class MergeInput:
    """One input list as the merge reads it: its path, its `# title`, the sources its merge marker names (None
    for a list not written by `awesome-lint merge`), its papers, resources and the items left out."""

    path: str
    title: str | None
    sources: tuple[Source, ...] | None
    papers: tuple[PaperItem, ...]
    resources: tuple[ResourceItem, ...]
    dropped: tuple[DroppedItem, ...]
    arxiv_ids: tuple[str, ...] = ()
    """Every arXiv id the papers link to or cite (`links.check.arxiv_ids`), when asked for."""

    @property
    def merged(self) -> bool:
        """True for a list written by `awesome-lint merge` (it carries the marker)."""
        return self.sources is not None


def drop_reason(entry: Entry) -> str:
    """Why an item of kind `other` is left out of the merged list."""
    if entry.links and all(link.url.startswith("#") for link in entry.links):
        return "table of contents entry"
    if not entry.links:
        return "no link and nothing that cites a paper: a label, a note or an instruction (other)"
    return "not a paper or resource (other)"


def merge_input(doc: Document, with_arxiv_ids: bool = False) -> MergeInput:
    """The slim records of a parsed list; `with_arxiv_ids` also collects its papers' arXiv ids (`merge --arxiv`)."""
    pool: dict[object, object] = {}

    def once(value: T) -> T:
        return pool.setdefault(value, value)  # type: ignore[return-value]

    papers: list[PaperItem] = []
    resources: list[ResourceItem] = []
    dropped: list[DroppedItem] = []
    for entry in doc.entries:
        span = entry.span
        if entry.kind == "paper":
            links = tuple(PaperLink(once(link.url), link.role) for link in entry.links if link.role in _MERGED_ROLES)
            papers.append(
                PaperItem(
                    entry.title,
                    span.line,
                    span.column,
                    entry.authors and once(entry.authors),
                    entry.year,
                    entry.venue and once(entry.venue),
                    once(entry.notes),
                    entry.nickname,
                    once(entry.tags),
                    once(entry.section),
                    entry.arxiv_id,
                    once(links),
                )
            )
        elif entry.kind == "resource":
            url = entry.links[0].url.strip() if entry.links else ""
            description = resource_description(doc, entry)
            resources.append(ResourceItem(doc.path, span.line, span.column, entry.title, url, description))
        else:
            dropped.append(DroppedItem(doc.path, span.line, entry.title, drop_reason(entry), span.column))
    marked = marked_sources(doc.text)
    ids: list[str] = []
    if with_arxiv_ids:
        from awesome_lint.links.check import arxiv_ids

        ids = arxiv_ids(e for e in doc.entries if e.kind == "paper")
    return MergeInput(
        doc.path,
        list_title(doc),
        None if marked is None else tuple(marked),
        tuple(papers),
        tuple(resources),
        tuple(dropped),
        tuple(ids),
    )
