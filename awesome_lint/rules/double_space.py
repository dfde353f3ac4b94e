"""Rule AL403 `double-space`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.findings import Edit, Fix
from awesome_lint.model import Entry
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.rules._source import (
    heading_prose,
    label_end,
    source_text,
)
from awesome_lint.text import find_collapsed

_ODD_SPACE = "\u00a0\u2000-\u200a\u202f\u205f\u3000"  # no-break and other Unicode spaces
_ANY_SPACES = lazy_compile(rf"[ \t][ \t]|[{_ODD_SPACE}]")
"""What every run `_INNER_SPACES` finds holds."""
_INNER_SPACES = lazy_compile(rf"(?<=\S)(?:[ \t]{{2,}}|[ \t]*[{_ODD_SPACE}][ \t{_ODD_SPACE}]*)(?=\S)")


def _title_region(ctx: Context, entry: Entry) -> tuple[int, int] | None:
    """Text offsets of an entry's title as written: a link's label, or the title span itself."""
    if entry.title_span is None:
        return None
    a, b = ctx.document.offsets(entry.title_span)
    for link in entry.links:
        if link.span == entry.title_span:
            close = label_end(ctx.document.text[a:b])
            return (a + 1, a + close) if close > 0 else None
    return a, b


def _authors_region(ctx: Context, entry: Entry) -> tuple[int, int] | None:
    """Text offsets of an entry's authors in its source, found word by word; None when not found."""
    if not entry.authors or not entry.authors.split():
        return None
    start, text = source_text(ctx.document, entry.span)
    found = find_collapsed(text, entry.authors)
    return (start + found[0], start + found[1]) if found else None


@rule(
    "AL403",
    "double-space",
    "info",
    "doubled or no-break spaces inside a title, author list or heading",
    fix="safe",
    cost=2,
)
def double_space(ctx: Context) -> Iterator[Issue]:
    """Two or more spaces, or a no-break (or other Unicode) space, inside a title, an author list or a heading.
    They are left behind by copying titles from PDFs, web pages or arXiv listings (`Efficient  Evaluation`) and
    make the same title differ between lists, which defeats search and duplicate checks. Indentation, the
    spacing between a title link and the links or notes after it, and trailing whitespace (see
    `trailing-whitespace`) are not prose and are not reported. The fix writes one normal space.

    Bad:

        - [Exploiting Linear Structure Within Convolutional Networks for Efficient  Evaluation](https://arxiv.org/abs/1404.0736)

    Good:

        - [Exploiting Linear Structure Within Convolutional Networks for Efficient Evaluation](https://arxiv.org/abs/1404.0736)
    """
    regions: list[tuple[int, str, str]] = []
    for entry in ctx.document.entries:
        if not _ANY_SPACES.search(ctx.document.text, *ctx.document.offsets(entry.span)):
            continue  # neither its title nor its authors (both inside its source) can hold a run
        for found, what in ((_title_region(ctx, entry), "title"), (_authors_region(ctx, entry), "author list")):
            if found is not None:
                regions.append((found[0], ctx.document.text[found[0] : found[1]], what))
    for section in ctx.document.iter_sections():
        regions.append((*heading_prose(ctx.document, section), "heading"))
    seen: set[int] = set()
    for a, text, what in regions:
        for m in _INNER_SPACES.finditer(text):
            pos = a + m.start()
            if pos in seen:
                continue
            seen.add(pos)
            before, after = _word_before(text, m.start()), _word_after(text, m.end())
            run = m.group(0)
            kind = f"{len(run)} spaces" if run.strip(" \t") == "" else "a no-break space"
            span = ctx.document.span(pos, a + m.end())
            yield Issue(
                span,
                f"{kind} between `{brief(before, 25)}` and `{brief(after, 25)}` in the {what}; use one space",
                Fix((Edit.replace(span, " "),), "collapse to one space"),
            )


def _word_before(text: str, end: int) -> str:
    """The word that ends at `end` (the run of non-space characters before it), found in time of its length."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    """The word that starts at `start`, found in time of its length."""
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]
