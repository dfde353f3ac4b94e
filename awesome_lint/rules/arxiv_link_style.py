"""Rule AL302 `arxiv-link-style`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.arxiv_id import ArxivUrl
from awesome_lint.findings import Edit, Fix
from awesome_lint.rules._arxiv import LinkStyleOptions, link_style, styled_links, suggested_link, version_text
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.rules._source import rewrite, url_offset


def _restyled(url: ArxivUrl, style: str) -> str:
    """The link with only what the style owns made canonical: https when it has no scheme, arXiv's host, the
    page kind, no `.pdf` after an abs id, no trailing `/` or empty `?`/`#`. The scheme as written
    (insecure-link's), the id's digits (malformed-arxiv-id's) and the version (arxiv-version's) stay."""
    kind = url.kind.lower()
    suffix = url.suffix if style == "pdf" and kind == "pdf" else ""
    tail = url.tail if len(url.tail) > 1 else ""
    return f"{url.scheme or 'https'}://arxiv.org/{style}/{url.found.raw}{suffix}{tail}"


def _differences(url: ArxivUrl, style: str, why: str) -> list[str]:
    """What is not in the list's style or arXiv's own form, as clauses for a message."""
    kind = url.kind.lower()
    clauses = []
    if kind != style:
        clauses.append(f"links the arXiv {'PDF' if kind == 'pdf' else 'abstract page'}, but {why}")
    elif kind == "abs" and url.suffix:
        clauses.append("has `.pdf` after an abstract-page id")
    if not url.scheme:
        clauses.append("has no `https:`")
    if url.host.lower() != "arxiv.org":
        clauses.append(f"goes through `{url.host.lower()}`")
    if url.host != url.host.lower() or (kind == style and url.kind != kind):
        clauses.append("is not in lower case")
    if url.slash or url.tail in ("?", "#"):
        clauses.append(f"ends in a stray `{'/' if url.slash else url.tail}`")
    return clauses


@rule(
    "AL302",
    "arxiv-link-style",
    "warning",
    "an arXiv paper link not in arXiv's own form `https://arxiv.org/abs/ID` (or the configured style)",
    fix="safe",
    options=LinkStyleOptions,
    cost=2,
    shares="arxiv-links",
)
def arxiv_link_style(ctx: Context, options: LinkStyleOptions) -> Iterator[Issue]:
    """arXiv paper links that are not written the way arXiv writes them. arXiv asks that links point at the
    abstract page (`https://arxiv.org/abs/ID`), which shows the title, authors, all versions and the PDF link; a
    `/pdf/` link downloads one file. One style also keeps the list consistent and lets readers know where a click
    goes. Spellings arXiv's site tolerates but does not write are reported too, because readers and tools that
    compare links cannot tell they are the same page: `.pdf` after an abs id (`abs/1706.02677.pdf`), the `www.`
    or `export.` host, upper case, a trailing `/` or an empty `#`, and a link with no scheme at all
    (`arxiv.org/abs/ID`, which Markdown reads as a relative link). The fix rewrites only those parts; it keeps
    the `http:` scheme (insecure-link's), the id's digits (malformed-arxiv-id's) and a pinned version
    (arxiv-version's), so the fixes of all four apply to one link in one pass. The message names the link arXiv
    itself gives, for the latest version.

    `style = "pdf"` requires PDF links instead (`/pdf/ID` and `/pdf/ID.pdf` both pass), and `style = "auto"`
    whichever most of the list's own arXiv links use.

    Bad:

        - [A Survey of Model Compression](https://arxiv.org/pdf/1710.09282.pdf)
        - [Accurate, Large Minibatch SGD](https://arxiv.org/abs/1706.02677.pdf)
        - [Pruning Filters for Efficient ConvNets](https://www.arxiv.org/abs/1608.08710)

    Good:

        - [A Survey of Model Compression](https://arxiv.org/abs/1710.09282)
        - [Accurate, Large Minibatch SGD](https://arxiv.org/abs/1706.02677)
        - [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)
    """
    style, why = link_style(ctx, options)
    for link, url in styled_links(ctx):
        clauses = _differences(url, style, why)
        if not clauses:
            continue
        suggestion = suggested_link(ctx, url)
        listed = ", ".join(clauses[:-1]) + " and " + clauses[-1] if len(clauses) > 1 else clauses[0]
        message = f"`{brief(link.url, 80)}` {listed}; use `{suggestion}`"
        if url.found.version is not None:
            message += f" (the fix keeps the pinned `{version_text(url.found)}`: see arxiv-version)"
        start = url_offset(ctx.document, link)
        if start is None:
            yield Issue(link.span, message)
            continue
        target = _restyled(url, style)
        fix = Fix(rewrite(ctx.document, start, link.url, target), f"write `{target}`")
        yield Issue(link.span, message, fix, Edit.replace(ctx.document.span(start, start + len(link.url)), suggestion))
