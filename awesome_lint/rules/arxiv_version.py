"""Rule AL303 `arxiv-version`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.findings import Edit, Fix
from awesome_lint.rules._arxiv import arxiv_url, version_text
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import all_links
from awesome_lint.rules._source import url_offset


@rule("AL303", "arxiv-version", "info", "an arXiv link pinned to a version (`v1`)", fix="unsafe")
def arxiv_version(ctx: Context) -> Iterator[Issue]:
    """An arXiv link pinned to one version of the paper (`abs/1809.01330v1`). A versioned link keeps pointing
    at that version after the authors post corrections or the camera-ready version; an unversioned link always
    shows the latest. Pinning is sometimes deliberate, so the fix (dropping the version) is offered but never
    applied by `--fix`.

    Bad:

        - [ChannelNets: Compact and Efficient Convolutional Neural Networks](https://arxiv.org/abs/1809.01330v1)

    Good:

        - [ChannelNets: Compact and Efficient Convolutional Neural Networks](https://arxiv.org/abs/1809.01330)
    """
    for _entry, link in all_links(ctx):
        url = arxiv_url(link)
        if url is None or url.found.version is None:
            continue
        found, pos = url.found, url.id_start
        version = version_text(found)
        fix = None
        url_start = url_offset(ctx.document, link)
        if url_start is not None:
            end = url_start + pos + len(found.raw)
            fix = Fix((Edit.replace(ctx.document.span(end - len(version), end), ""),), f"drop `{version}`", safe=False)
        yield Issue(
            link.span,
            f"`{found.raw}` links to version {found.version} only; drop `{version}` to link the latest version",
            fix,
        )
