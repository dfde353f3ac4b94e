"""Rule AL502 `unknown-link`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import all_links


@rule(
    "AL502",
    "unknown-link",
    "info",
    "with `--links`: the link could not be checked",
    links=True,
)
def unknown_link(ctx: Context) -> Iterator[Issue]:
    """A link the checker could not confirm either way: a timeout, a 429 or 5xx answer, a 401/403 bot wall,
    a TLS error, or a machine that looks offline. Reported for information, not failing by default
    (`--fail-on info` makes it fail). A link that died once but not yet on `--dead-after` days is reported
    here too.

    Bad:

        - [A paper](https://slow.example.org/paper.pdf)

    Good:

        - [A paper](https://arxiv.org/abs/1707.01209)
    """
    net = ctx.network
    if net is None:
        return
    for _entry, link in all_links(ctx):
        result = net.urls.get(link.url.strip())
        if result is None:
            continue
        if result.outcome == "unknown":
            yield Issue(link.span, f"could not check {result.url}: {result.reason or 'no answer'}")
        elif result.outcome == "dead" and net.dead_after > 1:
            days = net.failing_days.get(result.url, 1)
            if days < net.dead_after:
                yield Issue(
                    link.span, f"{result.url} failed on {days} of the {net.dead_after} days needed to call it dead"
                )
