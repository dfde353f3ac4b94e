"""Rule AL102 `duplicate-heading`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import Section
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief, heading_text


def _collapse(text: str) -> str:
    """Case-folded text with whitespace collapsed, for comparing headings."""
    return " ".join(text.casefold().split())


@rule(
    "AL102",
    "duplicate-heading",
    "warning",
    "two sibling headings with the same text",
)
def duplicate_heading(ctx: Context) -> Iterator[Issue]:
    """Reports a heading with the same text (ignoring case and spacing) as an earlier heading under the same
    parent. Two sections with one name split the papers of one topic in two places, and their anchors
    collide (the second becomes `#pruning-1`). Headings of the same name under different parents
    (`Vision > Pruning`, `NLP > Pruning`) are fine.

    Bad:

        ## Pruning
        ## Quantization
        ## Pruning

    Good:

        ## Pruning
        ## Quantization
    """
    groups: list[tuple[Section, ...]] = [ctx.document.sections]
    groups.extend(section.children for section in ctx.document.iter_sections())
    for siblings in groups:
        seen: dict[str, Section] = {}
        for section in siblings:
            key = _collapse(section.heading)
            first = seen.setdefault(key, section)
            if first is not section:
                yield Issue(
                    section.span,
                    f'duplicate heading "{brief(heading_text(section), 48)}" (first on line {first.span.line}); '
                    "merge the two sections or rename one",
                )
