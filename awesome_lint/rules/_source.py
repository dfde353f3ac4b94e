"""Source text of entries, links and headings as rules read it: where a URL starts, prose with markup blanked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from awesome_lint.findings import Edit
from awesome_lint.model import Document, Entry, Link, Section, Span
from awesome_lint.regex import lazy_compile

_CODE_SPAN = lazy_compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_HEADING_MARKS = lazy_compile(r"^[ \t]*#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$")
_ESCAPE_OR_BRACKET = lazy_compile(r"\\.|[\[\]]", re.DOTALL)
_NOT_NEWLINE = lazy_compile(r"[^\n]")


def source_text(doc: Document, span: Span) -> tuple[int, str]:
    """The text offset where a span starts, and its source text."""
    return doc.offsets(span)[0], doc.source(span)


def unescaped(text: str) -> Iterator[tuple[int, str]]:
    """(index, character) of each character of `text` that no backslash escapes (escapes themselves skipped)."""
    i = 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        yield i, text[i]
        i += 1


def label_end(raw: str) -> int:
    """Index of the `]` that closes the label of a link written as `[label]...`; -1 if there is none."""
    if not raw.startswith("["):
        return -1
    first = raw.find("]")
    if first > 0 and "\\" not in raw[:first] and "[" not in raw[1:first]:
        return first  # the common label: no escape, no bracket inside
    depth = 0
    for m in _ESCAPE_OR_BRACKET.finditer(raw):  # an escape (skipped, as `unescaped` skips it) or a bracket
        ch = m.group()
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return m.start()
    return -1


def url_offset(doc: Document, link: Link) -> int | None:
    """Text offset of the first character of a link's URL in the source; None when it is not written there."""
    if not link.url:
        return None
    start, raw = source_text(doc, link.span)
    found = raw.find(link.url, max(label_end(raw), 0))
    return None if found < 0 else start + found


def rewrite(doc: Document, start: int, old: str, new: str) -> tuple[Edit, ...]:
    """Edits turning `old`, written at text offset `start`, into `new`, touching only the characters that change
    (so fixes of different rules on one link do not overlap)."""
    return tuple(Edit.replace(doc.span(start + a, start + b), new[c:d]) for a, b, c, d in changed_runs(old, new))


def changed_runs(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """(a, b, c, d) for each run where `old[a:b]` becomes `new[c:d]`: the non-equal opcodes of difflib's
    `SequenceMatcher(None, old, new, autojunk=False)`, found with substring searches instead of its tables."""
    blocks: list[tuple[int, int, int]] = []
    queue = [(0, len(old), 0, len(new))]
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = _longest_match(old, new, alo, ahi, blo, bhi)
        if k:
            blocks.append((i, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    blocks.sort()
    blocks.append((len(old), len(new), 0))
    runs = []
    a = c = 0
    for i, j, k in blocks:
        if a < i or c < j:
            runs.append((a, i, c, j))
        a, c = i + k, j + k
    return runs


def _longest_match(old: str, new: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """The longest common run of `old[alo:ahi]` and `new[blo:bhi]` as (i, j, size): the earliest in `old`, then
    in `new`, as difflib's `find_longest_match` picks it when nothing is junk."""
    best_i, best_j, size = alo, blo, 0
    find = new.find
    i = alo
    while i + size < ahi and size < bhi - blo:
        if find(old[i : i + size + 1], blo, bhi) < 0:
            # no longer run starts here; when its last character is nowhere in `new`, none starts up to it either
            i += size + 1 if find(old[i + size], blo, bhi) < 0 else 1
            continue
        low, high = size + 1, min(ahi - i, bhi - blo)  # old[i:i+low] is in new; gallop to the longest that is
        while low < high:
            mid = (low + high + 1) // 2
            if find(old[i : i + mid], blo, bhi) < 0:
                high = mid - 1
            else:
                low = mid
        best_i, best_j, size = i, find(old[i : i + low], blo, bhi), low
        i += 1
    return best_i, best_j, size


def mask_code_spans(text: str) -> str:
    """The text with the contents of inline code spans (backticks included) blanked out."""
    if "`" not in text:
        return text
    return _CODE_SPAN.sub(lambda m: blanked(m.group(0)), text)


def masked_entry_text(doc: Document, entry: Entry, links: list[tuple[int, int]] | None = None) -> tuple[int, str]:
    """An entry's source text (start offset, text) with its links and code spans blanked out (`links`: the text
    offsets of its links, when the caller has them)."""
    start, text = source_text(doc, entry.span)
    if links is None:
        links = [doc.offsets(link.span) for link in entry.links]
    return start, blank(mask_code_spans(text), [(a - start, b - start) for a, b in links])


def blank(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` with the characters of each [start, end) range blanked out (ranges may overlap or run past the
    text), keeping newlines so positions and lines stay put."""
    pieces: list[str] = []
    done = 0
    lines = "\n" in text
    for start, end in sorted(ranges):
        start, end = max(start, done), min(end, len(text))
        if start < end:
            pieces += (text[done:start], blanked(text[start:end]) if lines else " " * (end - start))
            done = end
    return "".join(pieces) + text[done:] if pieces else text


def blanked(text: str) -> str:
    """`text` with every character but newlines made a space."""
    return _NOT_NEWLINE.sub(" ", text) if "\n" in text else " " * len(text)


def heading_prose(doc: Document, section: Section) -> tuple[int, str]:
    """A heading's source with its `#` marks and code spans blanked."""
    start, text = source_text(doc, section.span)
    return start, _HEADING_MARKS.sub(lambda m: " " * len(m.group(0)), mask_code_spans(text))
