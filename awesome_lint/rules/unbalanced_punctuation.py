"""Rule AL402 `unbalanced-punctuation`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import Entry
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.rules._source import (
    blank,
    heading_prose,
    label_end,
    mask_code_spans,
    source_text,
    unescaped,
)

_LIST_MARKER = lazy_compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_OPENERS = {"(": ")", "[": "]", "{": "}", "（": "）", "【": "】"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def _prose(ctx: Context, entry: Entry) -> tuple[int, str] | None:
    """An entry's source with link syntax, URLs, code spans and the list marker blanked; labels are kept. None
    when that prose is plainly balanced."""
    start, text = source_text(ctx.document, entry.span)
    ranges: list[tuple[int, int]] = []
    marker = _LIST_MARKER.match(text)
    if marker:
        ranges.append((0, marker.end()))
    for link in entry.links:
        a, b = ctx.document.offsets(link.span)
        a -= start
        b -= start
        close = label_end(text[a:b])
        ranges += [(a, b)] if close < 0 else [(a, a + 1), (a + close, b)]
    prose = blank(mask_code_spans(text), ranges)
    return None if _balanced(prose) else (start, prose)


_NOT_PUNCTUATION = lazy_compile('[^()\\[\\]{}（）【】“”"\\\\]+')
_EMPTY_PAIR = lazy_compile("\\(\\)|\\[\\]|\\{\\}|（）|【】|“”")


def _balanced(text: str) -> bool:
    """A fast yes for the common case: every bracket and quote pairs up (no escapes to worry about)."""
    marks = _NOT_PUNCTUATION.sub("", text)
    if "\\" in marks:
        return False
    while True:
        reduced = _EMPTY_PAIR.sub("", marks)
        if reduced == marks:
            break
        marks = reduced
    return marks.count('"') == len(marks) and len(marks) % 2 == 0


def _unbalanced(text: str) -> list[tuple[int, str]]:
    """Positions of brackets and double quotes in `text` that have no partner, with what is wrong."""
    if _balanced(text):
        return []
    problems: list[tuple[int, str]] = []
    stack: list[tuple[int, str]] = []
    curly: list[int] = []
    straight: int | None = None
    for i, ch in unescaped(text):
        if ch in _OPENERS:
            stack.append((i, ch))
        elif ch in _CLOSERS:
            if any(opener == _CLOSERS[ch] for _pos, opener in stack):
                while stack[-1][1] != _CLOSERS[ch]:
                    pos, opener = stack.pop()
                    problems.append((pos, f"`{opener}` is never closed"))
                stack.pop()
            else:
                problems.append((i, f"`{ch}` has no opening `{_CLOSERS[ch]}`"))
        elif ch == "“":
            curly.append(i)
        elif ch == "”":
            if curly:
                curly.pop()
            else:
                problems.append((i, "`”` has no opening `“`"))
        elif ch == '"':
            straight = i if straight is None else None
    problems.extend((pos, f"`{opener}` is never closed") for pos, opener in stack)
    problems.extend((pos, "`“` is never closed") for pos in curly)
    if straight is not None:
        problems.append((straight, '`"` is never closed'))
    return sorted(problems)


@rule("AL402", "unbalanced-punctuation", "warning", "unbalanced brackets, parentheses or double quotes", cost=2)
def unbalanced_punctuation(ctx: Context) -> Iterator[Issue]:
    """An opening bracket or double quote without its partner (or the reverse) in one entry or heading. A lost
    `)` or `]` usually means a truncated title, a broken note such as `(Workshop` or a link label like
    `[[code(Pytorch]]`; on GitHub it can also turn the rest of the line into one odd link. `()`, `[]`, `{}`,
    full-width `（）` and `【】`, curly `“”` and straight `"` pairs are checked inside each entry's own text (link
    targets, code spans and the list marker are left out) and inside each heading. Apostrophes (`ICLR'17`) are
    not quotes.

    Bad:

        - [Deep (Learning](https://arxiv.org/abs/1510.00149) (ICLR 2016

    Good:

        - [Deep Learning](https://arxiv.org/abs/1510.00149) (ICLR 2016)
    """
    regions = [prose for entry in ctx.document.entries if (prose := _prose(ctx, entry)) is not None]
    regions += [heading_prose(ctx.document, section) for section in ctx.document.iter_sections()]
    for start, text in regions:
        for pos, what in _unbalanced(text):
            source = ctx.document.text
            line_start = source.rfind("\n", 0, start + pos) + 1
            line_end = source.find("\n", start + pos)
            line_end = len(source) if line_end < 0 else line_end
            context = source[max(line_start, start + pos - 20) : min(line_end, start + pos + 20)]
            yield Issue(
                ctx.document.span(start + pos, start + pos + 1),
                f"{what} in `{brief(context.strip(), 50)}`; add the missing partner or remove it",
            )
