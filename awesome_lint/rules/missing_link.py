"""Rule AL201 `missing-link`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief, paper_by_itself


@rule(
    "AL201",
    "missing-link",
    "warning",
    "a paper entry with no link at all",
)
def missing_link(ctx: Context) -> Iterator[Issue]:
    """Reports paper entries that have no link at all: a title in brackets with nothing after it, or plain
    text. A reader cannot open the paper, and link checking and duplicate matching by arXiv id or URL have
    nothing to work with. An empty link `[Title]()` is reported by `empty-link` instead. Only entries that say
    by themselves that they are papers (authors, a venue, an arXiv id or a year written in them) are checked:
    a line of prose typed a paper because the items around it are is left alone.

    Bad:

        - J. L. Holi. [Finite precision error analysis of neural network hardware]. In IJCNN, 1993.

    Good:

        - J. L. Holi. [Finite precision error analysis of neural network hardware](https://doi.org/…). In IJCNN, 1993.
    """
    for entry in ctx.papers:
        if entry.links or not paper_by_itself(entry):
            continue
        yield Issue(
            entry.title_span or entry.span,
            f'paper "{brief(entry.title, 48)}" has no link; link its title to the paper, e.g. [Title](https://…)',
        )
