"""Entries rules: links, duplicates, format consistency, list numbering and bullets, years and venues."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from awesome_lint.findings import Edit, Fix
from awesome_lint.model import Entry, Span
from awesome_lint.rules.registry import Context, Issue, rule

T = TypeVar("T")

_COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_DIGITS = re.compile(rb"\d{1,9}")
_LEAD = re.compile(r"^(?:19|20)\d\d\s*-\s*(?:(\[)|[^\[\]\s][^\[\]]*?-\s*\[)")
_LEAD_TEXT = re.compile(r"^(?:19|20)\d\d\s*-\s*(?:[^\[\]\s][^\[\]]*?-\s*)?(?=\[)")
_CITATION = re.compile(r"\[[JCMAD]\]")


def quote(text: str, limit: int = 48) -> str:
    """Text shortened to `limit` characters with an ellipsis, whitespace collapsed."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _indent(line: str) -> int:
    """Columns of leading whitespace (a tab counts as four)."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


def blocking_indent(gap: str) -> int | None:
    """The smallest indentation of a line between two items that is neither blank nor a comment, or None.

    The first piece of the gap is the rest of the previous item's last line and the last piece is the
    prefix of the next item's line (indentation, `>`); neither can hold a block of its own.
    """
    lines = gap.split("\n")
    found: int | None = None
    for line in lines[1:-1]:
        line = line.rstrip("\r")
        body = _QUOTE_PREFIX.sub("", line)
        if not body.strip() or _COMMENT_LINE.match(body):
            continue
        width = _indent(line)
        found = width if found is None else min(found, width)
    return found


def _kind(entry: Entry) -> str:
    """The list type an item belongs to: `ordered.`, `ordered)` or `bullet` (bullet characters may vary)."""
    return f"ordered{entry.marker}" if entry.number is not None else "bullet"


def list_runs(ctx: Context) -> list[list[Entry]]:
    """Items grouped into source lists: same depth and list type, with only blank lines, comments or nested
    items between them. Unlike CommonMark, a change of bullet character does not start a new list."""
    entries = ctx.document.entries
    runs: list[list[Entry]] = []
    open_runs: dict[int, list[Entry]] = {}
    previous_end: int | None = None
    for entry in entries:
        if previous_end is not None:
            blocking = blocking_indent(ctx.data[previous_end : entry.span.start].decode("utf-8", "replace"))
            if blocking is not None:
                for depth in [d for d, run in open_runs.items() if run[0].span.column - 1 >= blocking]:
                    runs.append(open_runs.pop(depth))
        for depth in [d for d in open_runs if d > entry.depth]:
            runs.append(open_runs.pop(depth))
        current = open_runs.get(entry.depth)
        if current is not None and _kind(current[0]) == _kind(entry):
            current.append(entry)
        else:
            if current is not None:
                runs.append(current)
            open_runs[entry.depth] = [entry]
        previous_end = max(previous_end or 0, entry.span.end)
    runs.extend(open_runs.values())
    runs.sort(key=lambda run: run[0].span.start)
    return runs


def _has_link(entry: Entry) -> bool:
    """Whether an entry has any link, even an empty `[Title]()` one."""
    return any(link.style != "missing" for link in entry.links)


@rule(
    "AL201",
    "missing-link",
    "warning",
    "paper entry with no link at all",
)
def missing_link(ctx: Context) -> Iterator[Issue]:
    """Reports paper entries that have no link at all: a title in brackets with nothing after it, or plain
    text. A reader cannot open the paper, and link checking and duplicate matching by arXiv id or URL have
    nothing to work with. An empty link `[Title]()` is reported by `empty-link` instead.

    Bad:

        - J. L. Holi. [Finite precision error analysis of neural network hardware]. In IJCNN, 1993.

    Good:

        - J. L. Holi. [Finite precision error analysis of neural network hardware](https://doi.org/…). In IJCNN, 1993.
    """
    for entry in ctx.papers:
        if _has_link(entry):
            continue
        yield Issue(
            entry.title_span or entry.span,
            f'paper "{quote(entry.title)}" has no link; link its title to the paper, e.g. [Title](https://…)',
        )


@rule(
    "AL202",
    "empty-link",
    "error",
    "link with an empty target `[Title]()`",
)
def empty_link(ctx: Context) -> Iterator[Issue]:
    """Reports links with an empty target, `[Title]()`. GitHub renders them as links that go nowhere (or
    back to the list itself), so the entry looks linked but is not.

    Bad:

        3. [Net2net: Accelerating learning via knowledge transfer]()

    Good:

        3. [Net2net: Accelerating learning via knowledge transfer](https://arxiv.org/abs/1511.05641)
    """
    for entry in ctx.document.entries:
        for link in entry.links:
            if link.style == "empty":
                yield Issue(
                    link.span,
                    f'link "[{quote(link.label or entry.title, 40)}]()" has an empty target; '
                    "put the URL between the parentheses or drop the brackets",
                )


@rule(
    "AL203",
    "duplicate-paper",
    "warning",
    "the same paper listed twice",
)
def duplicate_paper(ctx: Context) -> Iterator[Issue]:
    """Reports a paper that the list already cites: the same arXiv id, DOI or paper URL, or the same title
    (ignoring case, punctuation and cut-off endings). Duplicates make a list look unmaintained and split its
    links and notes between two places. Every copy after the first is reported, naming the first one's line
    and why they match; which copy to keep (and in which section) is the maintainer's call, so there is no
    automatic fix.

    Bad:

        - [Deep Compression](https://arxiv.org/abs/1510.00149)
        - [Deep compression: compressing deep neural networks](https://arxiv.org/pdf/1510.00149.pdf)

    Good:

        - [Deep Compression](https://arxiv.org/abs/1510.00149)
    """
    papers = ctx.papers
    for cluster in ctx.clusters:
        first = cluster.members[0]
        for member in cluster.members[1:]:
            touching = [e for e in cluster.edges if member in (e.a, e.b)]
            direct = [e for e in touching if first in (e.a, e.b)]
            edge = (direct or touching or list(cluster.edges))[0]
            original = papers[first]
            yield Issue(
                papers[member].title_span or papers[member].span,
                f'same paper as line {original.span.line} "{quote(original.title, 40)}" '
                f"(matched on {edge.signal}); remove one of them",
            )


@dataclass(frozen=True, slots=True)
class Shape:
    """How a paper entry is written, ignoring optional parts (nickname, code links, notes)."""

    marker: str
    title: str
    lead: str
    tail: str
    tags: bool
    citation: bool


_SHAPE_TEXT = {
    "marker": {"ordered": "a numbered item (`1.`)", "bullet": "a bullet item (`-`)"},
    "title": {
        "link": "the title as the link [Title](url)",
        "label": "the title as plain text with a separate link",
        "unlinked": "no link",
    },
    "lead": {
        "year-venue": "a `YEAR-VENUE-` prefix",
        "year": "a `YEAR-` prefix without venue",
        "none": "no `YEAR-VENUE-` prefix",
    },
    "tail": {"bracket": "a trailing `[VENUE'YY]`", "none": "no trailing `[VENUE'YY]`"},
    "tags": {True: "a 【Tag】", False: "no 【Tag】"},
    "citation": {True: "a `.[J]`/`.[C]` citation mark", False: "no `.[J]`/`.[C]` citation mark"},
}


def shape_of(entry: Entry) -> Shape:
    """The shape signature of a paper entry, from its parsed fields and its text."""
    lead_match = _LEAD.match(entry.text)
    lead = "none" if lead_match is None else ("year" if lead_match.group(1) else "year-venue")
    title_span = entry.title_span
    linked = title_span is not None and any(
        link.span.start <= title_span.start and title_span.end <= link.span.end for link in entry.links
    )
    if linked:
        title = "link"
    elif _has_link(entry):
        title = "label"
    else:
        title = "unlinked"
    return Shape(
        marker="ordered" if entry.number is not None else "bullet",
        title=title,
        lead=lead,
        tail="bracket" if (entry.venue_raw or "").startswith("[") else "none",
        tags=bool(entry.tags),
        citation=bool(_CITATION.search(entry.text)),
    )


def _dominant(ctx: Context, rule_name: str, values: list[T]) -> tuple[T, int] | None:
    """The value most papers share and its count, when it reaches the rule's `min-share` of at least 5 papers."""
    share = float(ctx.option(rule_name, "min-share"))
    minimum = int(ctx.option(rule_name, "min-papers"))
    if len(values) < max(minimum, 1):
        return None
    value, count = Counter(values).most_common(1)[0]
    return (value, count) if count >= share * len(values) else None


@rule(
    "AL204",
    "inconsistent-format",
    "warning",
    "paper entry written differently from the list's dominant format",
    options={"min-share": 0.8, "min-papers": 5},
)
def inconsistent_format(ctx: Context) -> Iterator[Issue]:
    """Learns the list's own entry format and reports paper entries written differently. Each paper entry
    gets a shape: numbered or bullet item, title as the link or as plain text beside a separate link, a
    `YEAR-VENUE-` prefix, a trailing `[VENUE'YY]`, a 【Tag】 and a `.[J]` citation mark. Optional parts
    (a `**[Nickname]**`, code links, notes) are not part of the shape. Each of these features on its own is
    a convention of the list when one value of it covers `min-share` of at least `min-papers` papers; an
    entry that breaks a convention is reported with what differs (so a new entry in a pull request that
    breaks the list's style is caught), while features a list mixes by design are not checked. A title
    without any link is left to `missing-link`.

    Bad:

        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)
        - 2016-[Network Trimming](https://arxiv.org/abs/1607.03250)

    Good:

        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)
        - 2016-arXiv-[Network Trimming](https://arxiv.org/abs/1607.03250)

    Options:

        min-share = 0.8   # the share of papers the dominant shape must cover
        min-papers = 5    # lists with fewer papers are not checked
    """
    papers = ctx.papers
    shapes = [shape_of(entry) for entry in papers]
    fields = ("marker", "title", "lead", "tail", "tags", "citation")
    dominant: dict[str, tuple[Any, int]] = {}
    for field in fields:
        found = _dominant(ctx, "inconsistent-format", [getattr(shape, field) for shape in shapes])
        if found is not None:
            dominant[field] = found
    if not dominant:
        return
    typical = [
        entry
        for entry, shape in zip(papers, shapes, strict=True)
        if all(getattr(shape, f) == value for f, (value, _count) in dominant.items())
    ]
    for entry, shape in zip(papers, shapes, strict=True):
        differences = [
            field
            for field, (value, _count) in dominant.items()
            if getattr(shape, field) != value and not (field == "title" and "unlinked" in (shape.title, value))
        ]
        if not differences:
            continue
        has = "; ".join(_SHAPE_TEXT[field][getattr(shape, field)] for field in differences)
        want = "; ".join(
            f"{dominant[field][1]} of {len(papers)} papers have {_SHAPE_TEXT[field][dominant[field][0]]}"
            for field in differences
        )
        example = f' (e.g. line {typical[0].span.line}: "{quote(typical[0].text, 40)}")' if typical else ""
        yield Issue(
            entry.span,
            f'entry "{quote(entry.text, 40)}" has {has}, but {want}{example}; rewrite it in that format',
        )


def _digits_span(entry: Entry, data: bytes) -> tuple[int, int] | None:
    """Byte range of an ordered item's number (`12` of `12.`), or None if the span does not start with it."""
    match = _DIGITS.match(data, entry.span.start)
    return (match.start(), match.end()) if match else None


def _number_span(entry: Entry, start: int, end: int) -> Span:
    """The span of an item's number and delimiter (`12.`); both are ASCII, so columns equal bytes."""
    width = end - start + 1
    return Span(entry.span.line, entry.span.column, entry.span.line, entry.span.column + width, start, end + 1)


def _has_children(entries: tuple[Entry, ...]) -> set[int]:
    """Indices of entries directly followed by a deeper (nested) entry."""
    return {i for i in range(len(entries) - 1) if entries[i + 1].depth > entries[i].depth}


@rule(
    "AL205",
    "ordered-list-numbering",
    "warning",
    "ordered list whose numbers restart or jump",
    fixable=True,
)
def ordered_list_numbering(ctx: Context) -> Iterator[Issue]:
    """Checks the numbers of each ordered list: either every item has the same number (`1.` `1.` `1.`, lazy
    numbering, decided by the first two items) or the numbers count up by one from the first. A list that
    restarts at `1.` after `9.` renders as 10, 11, … on GitHub but reads as two lists in the source, and a
    jump hides a deleted or misplaced item. Items with other blocks (a heading, a paragraph) between them
    are separate lists. The finding is on the first wrong number of each stretch; the safe fix renumbers
    that stretch (it is marked unsafe when a changed width would un-nest the item's sub-list).

    Bad:

        8. [ThiNet](https://arxiv.org/abs/1707.06342)
        9. [To prune, or not to prune](https://arxiv.org/abs/1710.01878)
        1. [Data-Driven Sparse Structure Selection](https://arxiv.org/abs/1707.01213)

    Good:

        8. [ThiNet](https://arxiv.org/abs/1707.06342)
        9. [To prune, or not to prune](https://arxiv.org/abs/1710.01878)
        10. [Data-Driven Sparse Structure Selection](https://arxiv.org/abs/1707.01213)
    """
    entries = ctx.document.entries
    position = {id(entry): i for i, entry in enumerate(entries)}
    parents = _has_children(entries)
    for run in list_runs(ctx):
        if run[0].number is None or len(run) < 2:
            continue
        numbers = [entry.number or 0 for entry in run]
        lazy = numbers[0] == numbers[1]
        expected = [numbers[0] if lazy else numbers[0] + i for i in range(len(run))]
        for stretch in _stretches([i for i in range(len(run)) if numbers[i] != expected[i]]):
            edits: list[Edit] = []
            safe = True
            for i in stretch:
                digits = _digits_span(run[i], ctx.data)
                if digits is None:
                    break
                edits.append(Edit(digits[0], digits[1], str(expected[i])))
                if len(str(expected[i])) > digits[1] - digits[0] and position[id(run[i])] in parents:
                    safe = False
            first = run[stretch[0]]
            digits = _digits_span(first, ctx.data)
            span = _number_span(first, *digits) if digits else first.span
            fix = None
            if len(edits) == len(stretch):
                fix = Fix(tuple(edits), f"renumber from {expected[stretch[0]]}{first.marker}", safe=safe)
            yield Issue(span, _numbering_message(numbers, expected, stretch, lazy, first.marker), fix)


def _stretches(indices: list[int]) -> list[list[int]]:
    """Consecutive indices grouped: [3, 4, 7] -> [[3, 4], [7]]."""
    stretches: list[list[int]] = []
    for i in indices:
        if stretches and stretches[-1][-1] == i - 1:
            stretches[-1].append(i)
        else:
            stretches.append([i])
    return stretches


def _numbering_message(numbers: list[int], expected: list[int], stretch: list[int], lazy: bool, delim: str) -> str:
    """What is wrong with a stretch of item numbers and what to renumber them to."""
    first = stretch[0]
    number, previous = numbers[first], numbers[first - 1]
    if lazy:
        what = f"item {number}{delim} breaks the list's lazy numbering (every item is {numbers[0]}{delim})"
    elif number <= previous:
        what = f"numbering restarts at {number}{delim} after {previous}{delim}"
    else:
        what = f"numbering jumps from {previous}{delim} to {number}{delim}"
    how = f"renumber it to {expected[first]}{delim}"
    if len(stretch) == 2:
        how += f" and the next item to {expected[first + 1]}{delim}"
    elif len(stretch) > 2:
        how += (
            f" and the {len(stretch) - 1} items after it to {expected[first + 1]}{delim}–{expected[stretch[-1]]}{delim}"
        )
    return f"{what}; {how}"


@rule(
    "AL206",
    "mixed-bullets",
    "warning",
    "bullet list mixing bullet characters",
    fixable=True,
)
def mixed_bullets(ctx: Context) -> Iterator[Issue]:
    """Reports items of one bullet list (same depth, with nothing but blank lines, comments or nested items
    between them) whose bullet character differs from the list's first item. CommonMark starts a new list
    when the bullet changes, so `-` followed by `*` renders as two lists with extra spacing between them,
    and the source looks careless. The safe fix replaces the bullet character.

    Bad:

        - [Reading List 5](https://github.com/sun254/awesome-model-compression-and-acceleration)
        * [CNN中千奇百怪的卷积方式大汇总](https://zhuanlan.zhihu.com/p/29367273)

    Good:

        - [Reading List 5](https://github.com/sun254/awesome-model-compression-and-acceleration)
        - [CNN中千奇百怪的卷积方式大汇总](https://zhuanlan.zhihu.com/p/29367273)
    """
    for run in list_runs(ctx):
        if run[0].number is not None:
            continue
        bullet = run[0].marker
        for entry in run[1:]:
            if entry.marker == bullet:
                continue
            start = entry.span.start
            fix = None
            if ctx.data[start : start + 1] == entry.marker.encode():
                fix = Fix((Edit(start, start + 1, bullet),), f"replace `{entry.marker}` with `{bullet}`")
            span = Span(entry.span.line, entry.span.column, entry.span.line, entry.span.column + 1, start, start + 1)
            yield Issue(
                span,
                f"bullet `{entry.marker}` in a list that starts with `{bullet}` (line {run[0].span.line}); "
                f"use `{bullet}` for every item",
                fix,
            )


def _example(entry: Entry, fields: list[str]) -> str:
    """How an entry writes the given fields: its `YEAR-VENUE-` prefix, its venue text, or its year."""
    lead = _LEAD_TEXT.match(entry.text)
    if lead:
        return f'"{lead.group(0)}"'
    if fields == ["year"] and str(entry.year) not in entry.text:
        return f"the year comes from the `{entry.year}` heading above it"
    if entry.venue_raw and ("year" not in fields or str(entry.year) in entry.venue_raw):
        return f'"{quote(entry.venue_raw, 32)}"'
    if entry.venue_raw:
        return f'"{quote(entry.venue_raw, 30)}", {entry.year}'
    return f'"{entry.year}"'


@rule(
    "AL207",
    "missing-year",
    "info",
    "paper without a year (or venue) where most of the list's papers have one",
    options={"min-share": 0.8, "min-papers": 5},
)
def missing_year(ctx: Context) -> Iterator[Issue]:
    """Where most paper entries of the list give a year (or a venue), reports the papers that do not. Readers
    scan a list by year and venue, and a paper without them is usually one added in a hurry. A year given by
    a `### 2017` heading above the entry counts. The check for years and the check for venues each apply
    only when at least `min-share` of at least `min-papers` papers have the field.

    Bad:

        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)
        - [Network Trimming](https://arxiv.org/abs/1607.03250)

    Good:

        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)
        - 2016-arXiv-[Network Trimming](https://arxiv.org/abs/1607.03250)

    Options:

        min-share = 0.8   # the share of papers that must have the field
        min-papers = 5    # lists with fewer papers are not checked
    """
    papers = ctx.papers
    checks: list[tuple[str, list[bool]]] = []
    for field in ("year", "venue"):
        present = [getattr(entry, field) is not None for entry in papers]
        found = _dominant(ctx, "missing-year", present)
        if found is not None and found[0] is True:
            checks.append((field, present))
    for index, entry in enumerate(papers):
        missing = [field for field, present in checks if not present[index]]
        if not missing:
            continue
        complete = [all(present[i] for field, present in checks if field in missing) for i in range(len(papers))]
        neighbour = _nearest(papers, complete, index)
        how = f" (line {neighbour.span.line}: {_example(neighbour, missing)})" if neighbour else ""
        yield Issue(
            entry.span,
            f'paper "{quote(entry.title, 40)}" has no {" or ".join(missing)}; '
            f"add {'it' if len(missing) == 1 else 'them'} as the list's other entries do{how}",
        )


def _nearest(papers: list[Entry], present: list[bool], index: int) -> Entry | None:
    """The closest paper before (else after) `index` that has the fields."""
    for i in range(index - 1, -1, -1):
        if present[i]:
            return papers[i]
    return next((papers[i] for i in range(index + 1, len(papers)) if present[i]), None)
