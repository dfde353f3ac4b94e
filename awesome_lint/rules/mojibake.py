"""Rule AL401 `mojibake`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.findings import Edit, Fix
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.rules._source import (
    source_text,
)
from awesome_lint.text import MOJIBAKE_SHAPE, repair_mojibake

_WORD = lazy_compile(r"[^ \t\n]+")  # NBSP stays inside a word: `Â\xa0` is mojibake too


def _regions(ctx: Context) -> Iterator[tuple[int, str]]:
    """The source text of every entry and every heading: (start offset, text)."""
    for entry in ctx.document.entries:
        yield source_text(ctx.document, entry.span)
    for section in ctx.document.iter_sections():
        yield source_text(ctx.document, section.span)


@rule("AL401", "mojibake", "warning", "mis-decoded UTF-8 (`Uniï¬ed`)", fix="safe", cost=1)
def mojibake(ctx: Context) -> Iterator[Issue]:
    """Text garbled by mis-decoded UTF-8 ("mojibake"), such as `Uniï¬ed` for `Unified`. It appears when text
    is copied from a PDF or a page that was read in the wrong encoding. It makes titles unreadable and
    unsearchable and defeats duplicate detection. Only runs that have the shape of mojibake (a UTF-8 lead byte
    read as Latin-1 followed by a continuation byte) and that the repair actually changes are reported, so
    deliberate accents, curly quotes and ligatures are left alone. The fix replaces the garbled characters
    with the repaired text.

    Bad:

        - [Squeezedet: Uniï¬ed, small, low power fully convolutional neural networks](https://arxiv.org/abs/1612.01051)

    Good:

        - [Squeezedet: Unified, small, low power fully convolutional neural networks](https://arxiv.org/abs/1612.01051)
    """
    for start, text in _regions(ctx):
        if not MOJIBAKE_SHAPE.search(text):
            continue
        for word in _WORD.finditer(text):
            run = word.group(0)
            if not MOJIBAKE_SHAPE.search(run):
                continue
            repaired = repair_mojibake(run)
            if repaired == run or len(MOJIBAKE_SHAPE.findall(repaired)) >= len(MOJIBAKE_SHAPE.findall(run)):
                continue
            head = 0
            while head < min(len(run), len(repaired)) and run[head] == repaired[head]:
                head += 1
            tail = 0
            while tail < min(len(run), len(repaired)) - head and run[-1 - tail] == repaired[-1 - tail]:
                tail += 1
            a = start + word.start() + head
            b = start + word.end() - tail
            new = repaired[head : len(repaired) - tail]
            span = ctx.document.span(a, b)
            fix = Fix((Edit.replace(span, new),), f"write {repaired!r}")
            yield Issue(span, f"mojibake `{brief(run, 40)}`; write `{brief(repaired, 40)}`", fix)
