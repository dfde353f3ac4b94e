"""Rule AL308 `bad-url`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from awesome_lint.arxiv_id import split_url
from awesome_lint.findings import Edit
from awesome_lint.model import Entry
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._arxiv import suggested_link
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.rules._source import masked_entry_text, url_offset

_ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_SCHEME = lazy_compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_SPACE = lazy_compile(r"\s")
_PLAIN_HOST = lazy_compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[A-Za-z0-9.\-]+(?:[/?#]|\Z)")
"""A URL whose host is plain ASCII letters, digits, dots and hyphens: `urlsplit` finds that host, and no error."""


# How a link target that was meant as a URL starts: a scheme, `www.`, a path, or an anchor.
_URLISH = lazy_compile(r"[ \t]*<?(?:[A-Za-z][A-Za-z0-9+.\-]*:|www\.|\.{0,2}/|#)")


def _meant(ctx: Context, url: str) -> str:
    """A `www.` target as the URL it was meant to be: `https://` before it, or the link every rule suggests for
    an arXiv address."""
    found = split_url(url)
    return "https://" + url if found is None else suggested_link(ctx, found)


@lru_cache(maxsize=4096)
def _url_problem(url: str, meant: str) -> str | None:
    """What is wrong with a link target (`meant` is what a `www.` target was meant to be), or None when it looks
    well-formed."""
    if _SPACE.search(url):
        return f"link target `{brief(url)}` contains whitespace; remove it or encode it as %20"
    if url.count("(") != url.count(")"):
        return f"link target `{brief(url)}` has unbalanced parentheses; fix or encode them (%28, %29)"
    m = _SCHEME.match(url)
    if m is None:
        if url.lower().startswith("www."):
            return f"link target `{brief(url)}` has no scheme, so it is a relative link; write `{meant}`"
        return None
    scheme = m.group(1).lower()
    if len(scheme) == 1:
        return f"link target `{brief(url)}` is a local file path; link a web URL instead"
    if scheme not in _ALLOWED_SCHEMES:
        return f"link target `{brief(url)}` uses the `{scheme}:` scheme; link an http(s) URL instead"
    if scheme == "mailto" or _PLAIN_HOST.match(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return f"link target `{brief(url)}` is not a valid URL; fix its host part"
    if not parts.netloc or not host:
        return f"link target `{brief(url)}` has no host; write `{scheme}://host/path`"
    return None


def _unparsed_links(ctx: Context, entry: Entry) -> Iterator[tuple[int, int, str]]:
    """`[label](url` sequences in an entry's source that Markdown did not read as links: text offsets, message."""
    if entry.text.count("](") <= sum(1 for link in entry.links if link.style in ("inline", "empty")):
        return
    start, masked = masked_entry_text(ctx.document, entry)
    text = ctx.document.text[start : start + len(masked)]
    for m in re.finditer(r"(?<!\\)\]\(", masked):
        open_bracket = masked.rfind("[", 0, m.start())
        if open_bracket < text.rfind("\n", 0, m.start()) + 1:
            continue
        line_end = text.find("\n", m.end())
        rest = text[m.end() : len(text) if line_end < 0 else line_end]
        if not _URLISH.match(rest):
            continue
        close = rest.find(")")
        target = rest[:close] if close >= 0 else rest.split()[0]
        end = m.end() + (close + 1 if close >= 0 else len(target))
        shown = brief(text[open_bracket:end], 70)
        if close < 0:
            message = f"`{shown}` is not a link: the target has no closing `)`; add it"
        elif _SPACE.search(target.strip()):
            message = f"`{shown}` is not a link: its target contains whitespace; remove it or encode it as %20"
        elif target.count("(") != target.count(")"):
            message = f"`{shown}` is not a link: its target has unbalanced parentheses; encode them (%28, %29)"
        else:
            message = f"`{shown}` is not a link: unbalanced brackets or parentheses; fix its syntax"
        yield start + open_bracket, start + end, message


@rule(
    "AL308",
    "bad-url",
    "error",
    "whitespace or unbalanced parentheses in a URL, no host, odd scheme",
    cost=1,
    shares="arxiv-links",
)
def bad_url(ctx: Context) -> Iterator[Issue]:
    """A link target that is not a usable web URL, or link syntax that did not become a link. Reported:
    whitespace inside a target, unbalanced parentheses, a scheme other than http, https, mailto or ftp
    (in-page `#anchors` and relative paths are fine), a URL without a host (`https:///x`, `http:/x`), a `www.`
    target without a scheme (GitHub renders it as a relative link), and `[label](target` text that Markdown
    did not read as a link at all, which readers see as raw brackets.

    Bad:

        - [Deep Compression](https:/arxiv.org/abs/1510.00149)
        - [Deep Compression](https://arxiv.org/abs/1510.00149 v2)

    Good:

        - [Deep Compression](https://arxiv.org/abs/1510.00149)
    """
    for entry in ctx.document.entries:
        broken = list(_unparsed_links(ctx, entry))
        for a, b, message in broken:
            yield Issue(ctx.document.span(a, b), message)
        for link in entry.links:
            if not link.url or link.url.startswith("#"):
                continue
            if broken:
                a, b = ctx.document.offsets(link.span)
                if any(x <= a and b <= y for x, y, _message in broken):
                    continue
            meant = _meant(ctx, link.url) if link.url.lower().startswith("www.") else ""
            problem = _url_problem(link.url, meant)
            if problem is None:
                continue
            start = url_offset(ctx.document, link)
            suggestion = None
            if meant and start is not None:
                suggestion = Edit.replace(ctx.document.span(start, start + len(link.url)), meant)
            yield Issue(link.span, problem, suggestion=suggestion)
