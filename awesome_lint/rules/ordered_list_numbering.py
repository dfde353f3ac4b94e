"""Rule AL205 `ordered-list-numbering`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.findings import Edit, Fix
from awesome_lint.model import Document, Entry, Span
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._lists import list_runs
from awesome_lint.rules._registry import Context, Issue, rule

_DIGITS = lazy_compile(r"\d{1,9}")


def _digits_span(doc: Document, entry: Entry) -> Span | None:
    """The span of an ordered item's number (`12` of `12.`), or None if the item does not start with it."""
    match = _DIGITS.match(doc.source(entry.span))
    if match is None:
        return None
    start = doc.offsets(entry.span)[0]
    return doc.span(start, start + match.end())


def _has_children(entries: tuple[Entry, ...]) -> set[int]:
    """Indices of entries directly followed by a deeper (nested) entry."""
    return {i for i in range(len(entries) - 1) if entries[i + 1].depth > entries[i].depth}


@rule(
    "AL205",
    "ordered-list-numbering",
    "warning",
    "ordered list numbers that restart or jump",
    fix="safe",
    cost=1,
    shares="list-runs",
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
                digits = _digits_span(ctx.document, run[i])
                if digits is None:
                    break
                edits.append(Edit.replace(digits, str(expected[i])))
                if len(str(expected[i])) > digits.end - digits.start and position[id(run[i])] in parents:
                    safe = False
            first = run[stretch[0]]
            digits = _digits_span(ctx.document, first)
            span = first.span
            if digits is not None:  # the number and its delimiter (`12.`)
                start = ctx.document.offsets(digits)[0]
                span = ctx.document.span(start, start + digits.end - digits.start + 1)
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
