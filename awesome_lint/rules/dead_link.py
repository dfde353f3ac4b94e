"""Rule AL501 `dead-link`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import all_links


@rule(
    "AL501",
    "dead-link",
    "error",
    "with `--links`: the server says the page is gone",
    links=True,
)
def dead_link(ctx: Context) -> Iterator[Issue]:
    """A link whose server answered that the page is gone: HTTP 404 or 410 (also at the end of a redirect
    chain), or a host name that does not exist while other names resolved in the same run. A timeout, a 429,
    a 5xx or a bot wall is never "dead" (see `unknown-link`). With `--dead-after N`, a link is reported here
    only after it failed on N different days (the cache keeps each URL's history), so one bad night does not
    turn every pull request red.

    Bad:

        - [Scalpel](http://www-personal.umich.edu/~jiecaoyu/papers/gone.pdf)

    Good:

        - [Scalpel](https://dl.acm.org/doi/10.1145/3079856.3080215)
    """
    net = ctx.network
    if net is None:
        return
    for _entry, link in all_links(ctx):
        result = net.urls.get(link.url.strip())
        if result is None or result.outcome != "dead":
            continue
        days = net.failing_days.get(result.url, 1)
        if net.dead_after > 1 and days < net.dead_after:
            continue
        status = f"HTTP {result.status}" if result.status else result.reason
        yield Issue(link.span, f"dead link ({status}): {result.url}; update or remove it")
