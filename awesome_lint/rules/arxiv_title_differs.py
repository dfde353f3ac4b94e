"""Rule AL505 `arxiv-title-differs`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._arxiv import verdicts
from awesome_lint.rules._registry import Context, Issue, rule


@rule(
    "AL505",
    "arxiv-title-differs",
    "warning",
    "with `--links`: arXiv's title differs, but not clearly another paper (renamed or wrong id?)",
    links=True,
)
def arxiv_title_differs(ctx: Context) -> Iterator[Issue]:
    """arXiv's record for the id is neither clearly the paper the entry names nor clearly another one: the
    titles share telling words but differ elsewhere, and the authors and year do not settle it. Either the paper
    was renamed between versions (then update the title to arXiv's) or the id points at a related paper (then
    fix the id). Reported as a warning, not an error: only a reader can tell.

    Bad:

        - [ResBinNet: Residual Binary Neural Network](https://arxiv.org/abs/1711.01243)

    Good:

        - [ReBNet: Residual Binarized Neural Network](https://arxiv.org/abs/1711.01243)
    """
    for arxiv_id, span, title, why in verdicts(ctx, "mixed"):
        yield Issue(span, f'title differs from arXiv\'s: renamed or wrong id? arXiv:{arxiv_id} is "{title}" ({why})')
