"""Rule AL306 `duplicate-url`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import Link
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.urls import canonical_url


@rule("AL306", "duplicate-url", "warning", "the same URL twice in one entry", cost=1)
def duplicate_url(ctx: Context) -> Iterator[Issue]:
    """The same URL linked twice in one entry (compared by canonical form). A repeated code or paper link is
    usually a copy-paste slip where a second, different link (another implementation, the project page) was
    meant; at best it is clutter.

    Bad:

        - [ShuffleNet](https://arxiv.org/abs/1707.01083) [[code]](https://github.com/a/b) [[code]](https://github.com/a/b)

    Good:

        - [ShuffleNet](https://arxiv.org/abs/1707.01083) [[code]](https://github.com/a/b)
    """
    for entry in ctx.document.entries:
        seen: dict[str, Link] = {}
        for link in entry.links:
            if not link.url or link.url.startswith("#"):
                continue
            key = canonical_url(link.url)
            if not key:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = link
                continue
            yield Issue(
                link.span,
                f"`{brief(link.url, 70)}` is already linked as [{brief(first.label, 40)}] in this entry; "
                "remove the repeat or link what was meant",
            )
