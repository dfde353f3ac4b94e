"""Rule AL305 `arxiv-id-mismatch`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint import arxiv_id
from awesome_lint.rules._registry import Context, Issue, rule


@rule(
    "AL305",
    "arxiv-id-mismatch",
    "warning",
    "link id and cited id disagree (`abs/1712.01312` beside `arXiv:1711.01312`)",
)
def arxiv_id_mismatch(ctx: Context) -> Iterator[Issue]:
    """The arXiv id of an entry's paper link differs from the id cited in the entry's text. One of the two is
    a copy-paste slip: readers who follow the link get a different paper from the one the citation names. Ids
    are compared after normalisation, so `1404.00736` equals `1404.0736` and versions are ignored. There is no
    automatic fix: check which one is right.

    Bad:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312) arXiv:1711.01312

    Good:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312) arXiv:1712.01312
    """
    for entry in ctx.document.entries:
        cited = list(entry.cited_arxiv_ids)
        if not cited:
            continue
        for link in entry.paper_links:
            found = arxiv_id.parse_url(link.url)
            if found is None or found.id in cited:
                continue
            yield Issue(
                link.span,
                f"link points at arXiv:{found.id} but the citation says arXiv:{cited[0]}; fix whichever is wrong",
            )
