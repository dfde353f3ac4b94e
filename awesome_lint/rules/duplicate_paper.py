"""Rule AL203 `duplicate-paper`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief

if TYPE_CHECKING:
    from awesome_lint.dedup import Edge


@rule(
    "AL203",
    "duplicate-paper",
    "warning",
    "the same paper twice in one list (the duplicate matcher; both places named)",
    cost=15,
    shares="titles",
)
def duplicate_paper(ctx: Context) -> Iterator[Issue]:
    """Reports a paper that the list already cites: the same arXiv id, DOI or paper URL, or the same title
    (ignoring case, punctuation and cut-off endings). Two different arXiv ids are never one paper, nor are two
    titles that only look alike when the entries name two different venues (a preprint server aside), and a title
    that names no paper (a venue, `paper`) is never compared. Duplicates make a list look unmaintained and split
    its links and notes between two places. Every copy after the first is reported, naming the first one's line and
    why they match; which copy to keep (and in which section) is the maintainer's call, so there is no automatic
    fix.

    Bad:

        - [Deep Compression](https://arxiv.org/abs/1510.00149)
        - [Deep compression: compressing deep neural networks](https://arxiv.org/pdf/1510.00149.pdf)

    Good:

        - [Deep Compression](https://arxiv.org/abs/1510.00149)
    """
    papers = ctx.papers
    for cluster in ctx.clusters:
        first = cluster.members[0]
        touching: dict[int, list[Edge]] = defaultdict(list)  # each member's edges, in the cluster's order
        for e in cluster.edges:
            touching[e.a].append(e)
            if e.b != e.a:
                touching[e.b].append(e)
        for member in cluster.members[1:]:
            own = touching.get(member, [])
            edge = next((e for e in own if first in (e.a, e.b)), None) or (own or list(cluster.edges))[0]
            original = papers[first]
            yield Issue(
                papers[member].title_span or papers[member].span,
                f'same paper as line {original.span.line} "{brief(original.title, 40)}" '
                f"(matched on {edge.signal}); remove one of them",
            )
