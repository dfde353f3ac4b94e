"""The merge report (typed): where every output line came from, what was left out, and its JSON form."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

from awesome_lint.merge.resolve import Paper, Resolved
from awesome_lint.title_match import Decision

REPORT_SCHEMA = 3
"""Version of the report's JSON: 2 added `schema`, sources' `column`, entries' `topic_reason` and `year`, and
`skipped`; 3 added entries' `arxiv_match` and `arxiv_fields`, and `conflicts`."""


@dataclass(frozen=True, slots=True)
class PaperSource:
    """One input paper of an entry: where it starts, and the duplicate matcher's edge that joined it (None
    for the first)."""

    path: str
    line: int
    column: int = 1
    signal: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class ItemSource:
    """One input item: its file and the 1-based line and column where it starts."""

    path: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class EntryRecord:
    """One paper entry of the merged list: its line there and the input papers it stands for."""

    title: str
    topic: str
    line: int
    arxiv_id: str | None
    sources: tuple[PaperSource, ...]
    topic_reason: str = ""
    year: int | None = None
    arxiv_match: Decision | None = None
    """`merge --arxiv`: title_match's decision on arXiv's record for the id; None without one."""
    arxiv_fields: tuple[str, ...] = ()
    """The fields (`title`, `authors`, `year`) whose value comes from arXiv's record."""


@dataclass(frozen=True, slots=True)
class ArxivConflict:
    """An entry whose arXiv record is not clearly the paper the lists name ("mixed": renamed, or a wrong id of a
    related paper; "different": another paper): the merged list keeps the lists' title, authors and year."""

    arxiv_id: str
    match: Decision
    title: str
    arxiv_title: str
    score: float
    evidence: tuple[str, ...]
    line: int
    sources: tuple[ItemSource, ...]


@dataclass(frozen=True, slots=True)
class ResourceRecord:
    """One resource line of the merged list and the input items it stands for."""

    title: str
    line: int
    sources: tuple[ItemSource, ...]


@dataclass(frozen=True, slots=True)
class DroppedItem:
    """An input item left out of the merged list, and why."""

    path: str
    line: int
    title: str
    reason: str
    column: int = 1


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """An input file not merged, and why (a list written by `awesome-lint merge`)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class ListSummary:
    """What one input list gave: paper items, the entries they are in, entries only it has, and the rest."""

    path: str
    papers: int
    entries: int
    unique: int
    resources: int
    dropped: int


@dataclass(frozen=True, slots=True)
class Overlap:
    """How many merged entries two input lists share."""

    a: str
    b: str
    shared: int


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over the whole merge."""

    lists: int
    papers: int
    entries: int
    duplicates_merged: int
    resources: int
    resource_items: int
    dropped: int
    topics: dict[str, int] = field(default_factory=dict)
    years: dict[str, int] = field(default_factory=dict)
    per_list: tuple[ListSummary, ...] = ()
    overlap: tuple[Overlap, ...] = ()


@dataclass(frozen=True, slots=True)
class MergeReport:
    """Every merged entry and resource with its sources, every dropped item, the summary, the input files that
    were not merged, and the entries whose arXiv record `merge --arxiv` did not trust."""

    entries: tuple[EntryRecord, ...]
    resources: tuple[ResourceRecord, ...]
    dropped: tuple[DroppedItem, ...]
    summary: Summary
    skipped: tuple[SkippedFile, ...] = ()
    conflicts: tuple[ArxivConflict, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready dicts and lists: `schema` first, then the fields in order."""
        return {"schema": REPORT_SCHEMA, **asdict(self)}


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged list (LF, one final newline) and the merge report."""

    markdown: str
    report: MergeReport


def entry_report(item: Resolved, papers: Sequence[Paper], line: int) -> EntryRecord:
    """The report record of one output entry."""
    sources = []
    for index, joined in zip(item.members, item.joined_by, strict=True):
        paper = papers[index]
        signal, score = joined if joined else (None, None)
        sources.append(PaperSource(paper.path, paper.entry.line, paper.entry.column, signal, score))
    match = item.arxiv_match
    return EntryRecord(
        item.title,
        item.topic,
        line,
        item.arxiv_id,
        tuple(sources),
        item.topic_reason,
        item.year,
        match.verdict.decision if match else None,
        match.fields if match else (),
    )


def arxiv_conflict(item: Resolved, papers: Sequence[Paper], line: int) -> ArxivConflict | None:
    """The conflict record of an output entry whose arXiv record is not "same" as the lists' paper, else None."""
    match = item.arxiv_match
    if match is None or match.verdict.decision == "same" or item.arxiv_id is None:
        return None
    sources = tuple(ItemSource(papers[i].path, papers[i].entry.line, papers[i].entry.column) for i in item.members)
    verdict = match.verdict
    return ArxivConflict(
        item.arxiv_id, verdict.decision, item.title, match.arxiv_title, verdict.score, verdict.evidence, line, sources
    )


def report_json(report: MergeReport) -> str:
    """The report as deterministic JSON text with a final newline (`json.dumps` of `to_json` with an indent of 2)."""
    return "".join(report_pieces(report))


def report_bytes(report: MergeReport) -> bytes:
    """`report_json` encoded as UTF-8, built piece by piece without the whole text as a string."""
    import io

    out = io.BytesIO()
    for piece in report_pieces(report):
        out.write(piece.encode("utf-8"))
    return out.getvalue()


def report_pieces(report: MergeReport) -> Iterator[str]:
    """The text of `report_json` in pieces, one record at a time, so the report never exists as one tree of dicts.

    Each record is encoded on its own and indented to its depth: JSON strings hold no raw newline, so every
    newline in a record's text starts one of its lines."""
    import json

    encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
    yield f'{{\n  "schema": {encode(REPORT_SCHEMA)}'
    for name in report.__slots__:
        value = getattr(report, name)
        yield f",\n  {encode(name)}: "
        if isinstance(value, tuple) and value:
            yield "["
            for number, item in enumerate(value):
                text = encode(_plain(item)).replace("\n", "\n    ")
                yield f"{',' if number else ''}\n    {text}"
            yield "\n  ]"
        else:
            yield encode(_plain(value)).replace("\n", "\n  ")
    yield "\n}\n"


def _plain(value: object) -> object:
    """A record as the dict of its fields; any other value as it is."""
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else value
