"""The fix engine: apply safe fixes to a file's bytes in one pass, sorted, refusing overlapping edits.

Repeating passes until nothing is left is `lint.fix_source`; writing the file atomically is `source.write_atomic`.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass

from awesome_lint.findings import Edit, Fix


@dataclass(frozen=True, slots=True)
class FixResult:
    """The new file bytes and how many fixes went in or were held back because they overlapped."""

    data: bytes
    applied: int
    skipped: int


class _Taken:
    """Byte ranges already claimed, kept sorted; a conflict check costs O(log n).

    Two ranges conflict when their interiors overlap, or when both insert at the same point. The ranges
    held never conflict with each other, so sorted by (start, end) their ends are sorted too, and a new
    range conflicts with one of them exactly when it conflicts with the last one starting before its end.
    """

    def __init__(self) -> None:
        self._ranges: list[tuple[int, int]] = []
        self._insertions: set[int] = set()

    def conflicts(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a range held (or inserts where another insertion is held)."""
        if start == end and start in self._insertions:
            return True
        index = bisect_left(self._ranges, (end, -1)) - 1  # the last range starting before `end`
        if index >= 0 and self._ranges[index][1] > start:
            return self._ranges[index][0] < end
        return False

    def add(self, start: int, end: int) -> None:
        """Hold [start, end); the caller has checked that it does not conflict."""
        insort(self._ranges, (start, end))
        if start == end:
            self._insertions.add(start)


def _first_edit(fix: Fix) -> tuple[int, int]:
    return min((e.start, e.end) for e in fix.edits) if fix.edits else (0, 0)


def apply_fixes(data: bytes, fixes: Iterable[Fix], newline: str = "\n") -> FixResult:
    """Apply every fix whose edits do not overlap an earlier fix's; bytes outside the edits stay identical.

    Fixes are taken in order of their first edit; the overlap checks cost O(log n) each, so thousands of
    fixes in one file take time n log n, not n squared.
    """
    chosen: list[Edit] = []
    applied = skipped = 0
    taken = _Taken()
    for fix in sorted(fixes, key=_first_edit):
        if not fix.safe or not fix.edits:
            continue
        if _self_overlap(fix.edits) or any(taken.conflicts(e.start, e.end) for e in fix.edits):
            skipped += 1
            continue
        for edit in fix.edits:
            if not 0 <= edit.start <= edit.end <= len(data):
                raise ValueError(f"edit outside the file: {edit}")
            taken.add(edit.start, edit.end)
            chosen.append(edit)
        applied += 1
    out = bytearray(data)
    for edit in sorted(chosen, key=lambda e: (e.start, e.end), reverse=True):
        text = edit.text.replace("\n", newline) if newline != "\n" else edit.text
        out[edit.start : edit.end] = text.encode("utf-8")
    return FixResult(bytes(out), applied, skipped)


def _self_overlap(edits: tuple[Edit, ...]) -> bool:
    """Whether two edits of one fix conflict with each other."""
    own = _Taken()
    for edit in edits:
        if own.conflicts(edit.start, edit.end):
            return True
        own.add(edit.start, edit.end)
    return False
