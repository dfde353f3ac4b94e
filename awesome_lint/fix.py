"""The fix engine: apply safe fixes to a file's bytes in one pass, sorted, refusing overlapping edits.

Repeating passes until nothing is left is `lint.fix_source`; writing the file atomically is `source.write_atomic`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from awesome_lint.findings import Edit, Fix


@dataclass(frozen=True, slots=True)
class FixResult:
    """The new file bytes and how many fixes went in or were held back because they overlapped."""

    data: bytes
    applied: int
    skipped: int


def apply_fixes(data: bytes, fixes: Iterable[Fix], newline: str = "\n") -> FixResult:
    """Apply every fix whose edits do not overlap an earlier fix's; bytes outside the edits stay identical."""
    chosen: list[Edit] = []
    applied = skipped = 0
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: min((e.start, e.end) for e in f.edits) if f.edits else (0, 0)):
        if not fix.safe or not fix.edits:
            continue
        if any(_overlaps(edit, taken) for edit in fix.edits) or _self_overlap(fix.edits):
            skipped += 1
            continue
        for edit in fix.edits:
            if not 0 <= edit.start <= edit.end <= len(data):
                raise ValueError(f"edit outside the file: {edit}")
            taken.append((edit.start, edit.end))
            chosen.append(edit)
        applied += 1
    out = bytearray(data)
    for edit in sorted(chosen, key=lambda e: (e.start, e.end), reverse=True):
        text = edit.text.replace("\n", newline) if newline != "\n" else edit.text
        out[edit.start : edit.end] = text.encode("utf-8")
    return FixResult(bytes(out), applied, skipped)


def _conflict(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two byte ranges conflict when they overlap, or when both insert at the same point."""
    return (a[0] < b[1] and b[0] < a[1]) or (a == b and a[0] == a[1])


def _overlaps(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    return any(_conflict((edit.start, edit.end), other) for other in taken)


def _self_overlap(edits: tuple[Edit, ...]) -> bool:
    ranges = [(e.start, e.end) for e in edits]
    return any(_conflict(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :])
