"""Rule AL202 `empty-link`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief


@rule(
    "AL202",
    "empty-link",
    "error",
    "a link with an empty target `[Title]()`",
)
def empty_link(ctx: Context) -> Iterator[Issue]:
    """Reports links with an empty target, `[Title]()`. GitHub renders them as links that go nowhere (or
    back to the list itself), so the entry looks linked but is not.

    Bad:

        3. [Net2net: Accelerating learning via knowledge transfer]()

    Good:

        3. [Net2net: Accelerating learning via knowledge transfer](https://arxiv.org/abs/1511.05641)
    """
    for entry in ctx.document.entries:
        for link in entry.links:
            if link.style == "empty":
                yield Issue(
                    link.span,
                    f'link "[{brief(link.label or entry.title, 40)}]()" has an empty target; '
                    "put the URL between the parentheses or drop the brackets",
                )
