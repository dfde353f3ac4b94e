"""AL504 `arxiv-title-mismatch`: an arXiv link that points at a different paper."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._arxiv import arxiv_places
from awesome_lint.rules._registry import Context, Issue, rule


@rule(
    "AL504",
    "arxiv-title-mismatch",
    "error",
    "an arXiv link that points at a different paper",
    options={"title-threshold": 50.0},
)
def arxiv_title_mismatch(ctx: Context) -> Iterator[Issue]:
    """The entry's title and the title arXiv has for its id are clearly different papers: the id is wrong
    (a typo, or a copy-paste from the entry above). Titles are compared with rapidfuzz's token set ratio on
    normalised titles; below the threshold (option `title-threshold`, default 50) the link is reported, so
    renamed versions and short titles of the same paper pass.

    Bad:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312v9)

    Good:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)
    """
    net = ctx.network
    if net is None:
        return
    from rapidfuzz import fuzz

    from awesome_lint.dedup import normalize_title

    threshold = float(ctx.option("arxiv-title-mismatch", "title-threshold", net.title_threshold))
    for entry in ctx.document.entries:
        if entry.kind != "paper" or not entry.title:
            continue
        for arxiv_id, span in arxiv_places(entry):
            record = net.arxiv.get(arxiv_id)
            if record is None or not record.exists or not record.title:
                continue
            score = fuzz.token_set_ratio(normalize_title(entry.title), normalize_title(record.title))
            if score < threshold:
                yield Issue(span, f'this link points at a different paper: arXiv:{arxiv_id} is "{record.title}"')
