"""AL504 `arxiv-title-mismatch`: an arXiv link that points at a different paper."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from awesome_lint.rules._arxiv import arxiv_places
from awesome_lint.rules._options import option
from awesome_lint.rules._registry import Context, Issue, rule


@dataclass(frozen=True)
class Options:
    """Options of `arxiv-title-mismatch` (also set by `title-threshold` in `[tool.awesome-lint.links]`)."""

    title_threshold: float = option(
        50.0, "token_set_ratio (0-100) of the two titles below which they are different papers", low=0, high=100
    )


@rule(
    "AL504",
    "arxiv-title-mismatch",
    "error",
    "with `--links`: an arXiv link that points at a different paper",
    options=Options,
)
def arxiv_title_mismatch(ctx: Context, options: Options) -> Iterator[Issue]:
    """The entry's title and the title arXiv has for its id are clearly different papers: the id is wrong
    (a typo, or a copy-paste from the entry above). Titles are compared with rapidfuzz's token set ratio on
    normalised titles; below `title-threshold` the link is reported, so renamed versions and short titles of
    the same paper pass. The threshold can also be set as `title-threshold` in `[tool.awesome-lint.links]`.

    Bad:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1711.01312)

    Good:

        - [Learning Sparse Neural Networks through L0 Regularization](https://arxiv.org/abs/1712.01312)
    """
    net = ctx.network
    if net is None:
        return
    from rapidfuzz import fuzz

    from awesome_lint.dedup import normalize_title

    threshold = options.title_threshold
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
