"""Rule AL302 `arxiv-link-style`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from awesome_lint.arxiv_id import ArxivId
from awesome_lint.findings import Edit, Fix
from awesome_lint.model import Entry, Link
from awesome_lint.rules._arxiv import arxiv_parts
from awesome_lint.rules._options import option
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import all_links, brief
from awesome_lint.rules._source import url_offset


@dataclass(frozen=True)
class Options:
    """Options of `arxiv-link-style`."""

    style: Literal["auto", "abs", "pdf"] = option(
        "auto", '"auto": whichever most of the list\'s arXiv links use (a tie counts as "abs"); or "abs", or "pdf"'
    )


def _arxiv_paper_links(ctx: Context) -> Iterator[tuple[Entry, Link, ArxivId, int, str]]:
    """Paper links to arXiv abs or pdf pages, with their parsed id, id position and path kind."""
    for entry, link in all_links(ctx):
        if link.role != "paper":
            continue
        parts = arxiv_parts(link)
        if parts is not None and parts[2] in ("abs", "pdf"):
            yield entry, link, *parts


@rule(
    "AL302",
    "arxiv-link-style",
    "warning",
    "an arXiv pdf link in a list that uses abs links (or the configured style)",
    fix="safe",
    options=Options,
)
def arxiv_link_style(ctx: Context, options: Options) -> Iterator[Issue]:
    """arXiv paper links that do not use the list's link style: abstract pages or PDFs. One style keeps the
    list consistent and lets readers know where a click goes. arXiv asks that links point at the abstract page
    (`/abs/ID`), which shows the title, authors, all versions and the PDF link; a `/pdf/` link downloads one
    file. The fix rewrites only the path (`pdf` to `abs`, dropping `.pdf`, or the reverse) and keeps the
    scheme, host and any version as written.

    By default the style is the one most of the list's own arXiv links use, so the rule enforces the
    list's convention; set `style = "abs"` to require abstract pages everywhere.

    Bad:

        - [A Survey of Model Compression](https://arxiv.org/pdf/1710.09282.pdf)
        - [Rethinking the Value of Network Pruning](https://arxiv.org/abs/1810.05270)
        - [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)

    Good:

        - [A Survey of Model Compression](https://arxiv.org/abs/1710.09282)
        - [Rethinking the Value of Network Pruning](https://arxiv.org/abs/1810.05270)
        - [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)
    """
    style: str = options.style
    links = list(_arxiv_paper_links(ctx))
    if style == "auto":
        counts = Counter(kind for *_rest, kind in links)
        style = "pdf" if counts["pdf"] > counts["abs"] else "abs"
        why = f"most of this list's arXiv links ({counts[style]} of {len(links)}) use /{style}/"
    else:
        why = f"this list links arXiv {'abstract pages' if style == 'abs' else 'PDFs'}"
    for _entry, link, found, pos, kind in links:
        if kind == style:
            continue
        url_start = url_offset(ctx.document, link)
        end = pos + len(found.raw)
        suffix = link.url[end : end + 4]
        new_url = link.url[: pos - 4] + style + "/" + found.raw
        edits: list[Edit] = []
        if url_start is not None:
            edits.append(Edit.replace(ctx.document.span(url_start + pos - 4, url_start + pos - 1), style))
        if style == "abs" and suffix.lower() == ".pdf":
            if url_start is not None:
                edits.append(Edit.replace(ctx.document.span(url_start + end, url_start + end + 4), ""))
            new_url += link.url[end + 4 :]
        else:
            new_url += link.url[end:]
        fix = Fix(tuple(edits), f"link /{style}/ instead of /{kind}/") if edits else None
        what = "PDF" if kind == "pdf" else "abstract page"
        yield Issue(link.span, f"`{brief(link.url, 80)}` links the arXiv {what}, but {why}; use `{new_url}`", fix)
