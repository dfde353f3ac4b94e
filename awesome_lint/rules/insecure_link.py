"""Rule AL301 `insecure-link`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, NamedTuple
from urllib.parse import urlsplit

from awesome_lint.findings import Edit, Fix
from awesome_lint.rules._options import Option
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import all_links
from awesome_lint.rules._source import url_offset
from awesome_lint.urls import DEFAULT_HTTPS_HOSTS, serves_https


class Options(NamedTuple):
    """Options of `insecure-link`."""

    https_hosts: Annotated[tuple[str, ...], Option("hosts known to serve https; `*.` matches every subdomain")] = (
        DEFAULT_HTTPS_HOSTS
    )


@rule(
    "AL301",
    "insecure-link",
    "warning",
    "`http://` to a host on the https allow-list",
    fix="safe",
    options=Options,
    cost=1,
)
def insecure_link(ctx: Context, options: Options) -> Iterator[Issue]:
    """An `http://` link to a site known to serve the same page over https. Plain-http links are downgraded by
    browsers, blocked by some networks and flagged by link checkers; for arXiv, GitHub, the CVF and NeurIPS
    proceedings, OpenReview and the other hosts on the allow-list the https URL is the same page, so the fix
    only adds the `s`. Hosts that are not on the list are left alone, because not every site serves https.

    Bad:

        - [Learning Efficient Object Detection Models](http://papers.nips.cc/paper/6676-learning.pdf)

    Good:

        - [Learning Efficient Object Detection Models](https://papers.nips.cc/paper/6676-learning.pdf)
    """
    for _entry, link in all_links(ctx):
        if link.url[:7].lower() != "http://":
            continue
        try:
            host = (urlsplit(link.url).hostname or "").lower()
        except ValueError:
            continue
        if not host or not serves_https(host, options.https_hosts):
            continue
        fix = None
        start = url_offset(ctx.document, link)
        if start is not None:
            fix = Fix((Edit.replace(ctx.document.span(start, start + 5), "https:"),), "use https://")
        yield Issue(link.span, f"`http://{host}` link; {host} serves https, so write `https://`", fix)
