"""Rule AL404 `trailing-whitespace`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, NamedTuple

from awesome_lint.findings import Edit, Fix
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._options import Option
from awesome_lint.rules._registry import Context, Issue, rule

_TRAILING = lazy_compile(r"[ \t]+$")


class Options(NamedTuple):
    """Options of `trailing-whitespace`."""

    br_spaces: Annotated[
        int, Option("trailing spaces that make a hard line break; 0 reports every trailing space", low=0)
    ] = 2


@rule(
    "AL404",
    "trailing-whitespace",
    "info",
    "trailing spaces (a Markdown hard break of exactly `br-spaces` spaces is kept)",
    fix="safe",
    options=Options,
    cost=1,
)
def trailing_whitespace(ctx: Context, options: Options) -> Iterator[Issue]:
    """Spaces or tabs at the end of a line, and lines that hold only whitespace. Invisible whitespace causes noisy
    diffs and merge conflicts and is often an accidental hard line break. Exactly `br-spaces` spaces before a line
    of the same paragraph are a Markdown hard line break and are allowed (as in markdownlint MD009); where the
    paragraph ends (before a blank line, a heading, a new list item, an HTML block, the end of the file; in a
    table, an HTML block or a link definition) they break nothing and are reported. Which lines go on in the next
    one is the parser's reading, as CommonMark's. The fix removes the whitespace, except where a longer run of
    spaces does make a line break: there it keeps exactly `br-spaces` spaces, so the rendered list does not change.
    (␠ marks a space.)

    Bad:

        - [Dynamic network surgery for efficient dnns](https://arxiv.org/abs/1608.04493). NIPS, 2016.␠

    Good:

        - [Dynamic network surgery for efficient dnns](https://arxiv.org/abs/1608.04493). NIPS, 2016.
    """
    br_spaces = options.br_spaces
    doc = ctx.document
    lines = doc.lines
    # Line ends inside a paragraph's or heading's text (a setext heading's last line is its underline).
    continued: set[int] = set()
    for block in doc.blocks:
        if block.kind in ("paragraph", "heading"):
            last = block.span.end_line - (block.kind == "heading")
            continued.update(range(block.span.line, last))
    for number, line in enumerate(lines, start=1):
        if not line.endswith((" ", "\t")):
            continue  # (lines hold no newline, so the pattern's `$` is their end)
        m = _TRAILING.search(line)
        if m is None:
            continue
        run = m.group(0)
        blank = m.start() == 0
        # CommonMark reads two or more trailing spaces before a line of the same paragraph as a hard break.
        breaks = len(run) >= 2 and run.strip(" ") == "" and not blank and number in continued
        if breaks and len(run) == br_spaces:
            continue
        start = doc.line_start(number)
        span = doc.span(start + m.start(), start + m.end())
        shown = run.replace("\t", "\\t").replace(" ", "␠")
        if breaks and br_spaces >= 2:
            message = f"trailing `{shown}` makes a hard line break; write exactly {br_spaces} spaces"
            fix = Fix((Edit.replace(span, " " * br_spaces),), f"use {br_spaces} spaces for the line break")
        elif blank:
            message = f"line holds only whitespace (`{shown}`); remove it"
            fix = Fix((Edit.replace(span, ""),), "remove trailing whitespace")
        else:
            message = f"trailing whitespace `{shown}`; remove it"
            fix = Fix((Edit.replace(span, ""),), "remove trailing whitespace")
        yield Issue(span, message, fix)
