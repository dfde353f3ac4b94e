"""Rule AL504 `arxiv-title-mismatch`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._arxiv import verdicts
from awesome_lint.rules._registry import Context, Issue, rule


@rule("AL504", "arxiv-title-mismatch", "error", "with `--links`: the arXiv id points at a different paper", links=True)
def arxiv_title_mismatch(ctx: Context) -> Iterator[Issue]:
    """arXiv's record for the id is a different paper from the one the entry names: the id is wrong (a typo,
    or a copy-paste from the entry above). The title check weighs each title word by how rare it is (over the
    checked lists' titles and a built-in background), so two papers of one field that share "deep neural
    networks" still differ; a dropped nickname or subtitle, a typo, mojibake or case do not make a title
    different. The authors (when the list names them) and the year (an arXiv record years after the list's
    year) settle titles that are neither clearly alike nor clearly apart; when the evidence stays mixed the link
    is reported as `arxiv-title-differs` instead.

    Bad:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1711.01312)

    Good:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)
    """
    for arxiv_id, span, title, why in verdicts(ctx, "different"):
        yield Issue(span, f'this link points at a different paper: arXiv:{arxiv_id} is "{title}" ({why})')
