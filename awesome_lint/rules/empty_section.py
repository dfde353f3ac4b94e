"""Rule AL103 `empty-section`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Annotated, NamedTuple

from awesome_lint.model import Document, LeafBlock, Section, Span
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._options import Option
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import QUOTE_PREFIX, brief, heading_text, ordered_sections
from awesome_lint.rules._source import blank

_NON_WORD = lazy_compile(r"[\W_]+")


class Options(NamedTuple):
    """Options of `empty-section`."""

    placeholders: Annotated[
        tuple[str, ...], Option("texts that stand for missing content (compared ignoring case and punctuation)")
    ] = ("Waiting for update...", "To be updated.", "TBD", "Coming soon", "TODO")


def _normalise_placeholder(text: str) -> str:
    """Case-folded words only: `Waiting for update...` -> `waiting for update`."""
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _content_lines(doc: Document, blocks: list[LeafBlock], comments: list[Span]) -> list[str]:
    """The non-blank lines of the blocks that hold content (not headings, not HTML comments), comments removed."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == "heading" or block.comment:
            continue
        start, end = doc.offsets(block.span)
        ranges = [(a - start, b - start) for a, b in map(doc.offsets, comments)]
        for line in blank(doc.text[start:end], ranges).split("\n"):
            body = QUOTE_PREFIX.sub("", line).strip()
            if body:
                lines.append(body)
    return lines


@rule(
    "AL103",
    "empty-section",
    "warning",
    "a section with no entries, or only a placeholder (`To be updated.`)",
    options=Options,
)
def empty_section(ctx: Context, options: Options) -> Iterator[Issue]:
    """Reports a section with no entries and no subsections whose text is empty or only a placeholder
    (`Waiting for update...`, `To be updated.` and the others of the `placeholders` option, compared ignoring
    case and punctuation). Readers who follow the table of contents to such a section find nothing. A section
    with prose of its own (an introduction, a copyright note), a code block, a table or HTML is not empty; HTML
    comments, thematic breaks and link definitions render nothing and do not count. The document title is not
    checked.

    Bad:

        # Awesome Model Compression

        ## 2. Quantization
        >Waiting for update...

    Good:

        # Awesome Model Compression

        ## 2. Quantization
        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)
    """
    placeholders = {_normalise_placeholder(p) for p in options.placeholders}
    placeholders.discard("")
    sections = ordered_sections(ctx)
    if not sections:
        return
    title = sections[0]
    skip_title = title.heading == ctx.document.title and title.level == min(s.level for s in sections)
    doc = ctx.document
    following: list[Section | None] = [*sections[1:], None]
    block_starts = [block.span.start for block in doc.blocks]
    comment_starts = [comment.start for comment in doc.comments]
    for index, (section, after) in enumerate(zip(sections, following, strict=True)):
        if (index == 0 and skip_title) or section.entries or section.children:
            continue
        # The blocks after the heading's own block, up to the next heading.
        end = after.span.start if after is not None else len(doc.text) + 1
        blocks = doc.blocks[bisect_right(block_starts, section.span.start) : bisect_left(block_starts, end)]
        comments = doc.comments[bisect_left(comment_starts, section.span.start) : bisect_left(comment_starts, end)]
        lines = _content_lines(doc, list(blocks), list(comments))
        name = brief(heading_text(section), 48)
        if not lines:
            yield Issue(section.span, f'section "{name}" is empty; add entries under it or remove the heading')
            continue
        words = [_normalise_placeholder(line) for line in lines]
        if all(w in placeholders for w in words) or _normalise_placeholder(" ".join(lines)) in placeholders:
            yield Issue(
                section.span,
                f'section "{name}" holds only the placeholder "{brief(" ".join(lines), 30)}"; '
                "add entries or remove the section until it has some",
            )
