"""AL503 `arxiv-not-found`: an arXiv id that arXiv does not know, or a withdrawn paper."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._arxiv import arxiv_places
from awesome_lint.rules._registry import Context, Issue, rule


@rule("AL503", "arxiv-not-found", "error", "with `--links`: an arXiv id that arXiv does not know, or a withdrawn paper")
def arxiv_not_found(ctx: Context) -> Iterator[Issue]:
    """An arXiv id (in a link or cited in the text) that the arXiv API does not know, or whose paper was
    withdrawn. Checked through the API in batches, never by fetching abs or pdf pages (which answer CI
    runners with 403).

    Bad:

        - [A paper](https://arxiv.org/abs/1713.01209)

    Good:

        - [A paper](https://arxiv.org/abs/1707.01209)
    """
    net = ctx.network
    if net is None:
        return
    for entry in ctx.document.entries:
        for arxiv_id, span in arxiv_places(entry):
            record = net.arxiv.get(arxiv_id)
            if record is None:
                continue
            if record.exists is False:
                yield Issue(span, f"arXiv has no paper {arxiv_id} ({record.reason or 'not found'}); fix the id")
            elif record.withdrawn:
                yield Issue(span, f"arXiv:{arxiv_id} was withdrawn by its authors; cite another version")
