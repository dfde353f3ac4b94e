"""Rule AL101 `skipped-heading-level`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief, heading_text, ordered_sections


@rule(
    "AL101",
    "skipped-heading-level",
    "warning",
    "a heading more than one level deeper than the one before it",
)
def skipped_heading_level(ctx: Context) -> Iterator[Issue]:
    """Reports a heading that is more than one level deeper than the heading before it (`##` then
    `####`). Skipped levels break the document outline that GitHub, screen readers and tables of contents
    build from the headings, and usually mean a section was copied from elsewhere. The first heading of the
    document may have any level.

    Bad:

        ## Paper
        #### Pruning

    Good:

        ## Paper
        ### Pruning
    """
    sections = ordered_sections(ctx)
    for index in range(1, len(sections)):
        previous, section = sections[index - 1], sections[index]
        if section.level <= previous.level + 1:
            continue
        siblings = 0
        for later in sections[index + 1 :]:
            if later.level <= previous.level:
                break
            siblings += later.level == section.level
        marks = "#" * section.level
        also = {0: "", 1: f" (and for the {marks} heading after it)"}.get(
            siblings, f" (and for the {siblings} {marks} headings after it)"
        )
        yield Issue(
            section.span,
            f'heading level jumps from {previous.level} to {section.level} ("{brief(heading_text(section), 48)}"); '
            f"use {'#' * (previous.level + 1)} instead of {'#' * section.level}{also}",
        )
