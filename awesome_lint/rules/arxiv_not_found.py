"""Rule AL503 `arxiv-not-found`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._arxiv import arxiv_places
from awesome_lint.rules._registry import Context, Issue, rule


@rule(
    "AL503",
    "arxiv-not-found",
    "error",
    "with `--links`: arXiv does not know the id or the linked version (`v9`), or the paper was withdrawn",
    links=True,
)
def arxiv_not_found(ctx: Context) -> Iterator[Issue]:
    """An arXiv id (in a link or cited in the text) that the arXiv API does not know, a link to a version the
    paper does not have (`v9` of a paper with two versions leads nowhere), or a paper withdrawn by its
    authors. Checked through the API in batches, never by fetching abs or pdf pages (which answer CI runners
    with 403). An id that cannot exist as written (`1404.00736`, month 13) is never sent to arXiv: it is
    `malformed-arxiv-id`, which `check-links` reports too.

    Bad:

        - [A paper](https://arxiv.org/abs/1707.01209v9)

    Good:

        - [A paper](https://arxiv.org/abs/1707.01209)
    """
    net = ctx.network
    if net is None:
        return
    from awesome_lint.arxiv_id import is_valid

    for entry in ctx.document.entries:
        for arxiv_id, span, version in arxiv_places(entry):
            record = net.arxiv.get(arxiv_id)
            if record is None or not is_valid(arxiv_id):
                continue
            if record.exists is False:
                yield Issue(span, f"arXiv has no paper {arxiv_id} ({record.reason or 'not found'}); fix the id")
            elif record.withdrawn:
                yield Issue(span, f"arXiv:{arxiv_id} was withdrawn by its authors; cite another version")
            elif record.exists and record.lacks(version):
                yield Issue(
                    span,
                    f"arXiv has no version {version} of {arxiv_id} (the latest is v{record.version}), so the link"
                    f" leads nowhere; drop `v{version}` to link the latest version",
                )
