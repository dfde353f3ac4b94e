"""Canonical rendering: Markdown escaping, link destinations, GitHub anchors, entry and resource lines."""

from __future__ import annotations

import re
from collections.abc import Sequence

from awesome_lint.merge.resolve import Resolved
from awesome_lint.model import Document, Entry
from awesome_lint.text import github_anchor
from awesome_lint.urls import canonical_url, upgrade_https

_ESCAPE = re.compile(r"([\\`*_\[\]<])")
_LINE_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|[-+*](?=\s|$)|[#>])")
_DESCRIPTION_LEAD = re.compile(r"^(?:[\s\xa0:\-]|&nbsp;)+")
_DESCRIPTION_TAIL = re.compile(r"(?:[\s\xa0]|&nbsp;)+$")


def escape(text: str) -> str:
    """Backslash-escape the characters that would turn title, author or venue text into Markdown."""
    return _ESCAPE.sub(r"\\\1", " ".join(text.split()))


def _escape_line_start(text: str) -> str:
    """Escape what would make plain text at the start of a list item a new block (`1.`, `#`, `-`)."""
    m = _LINE_START.match(text)
    if not m:
        return text
    if m.group(1):
        return f"{m.group(1)}\\{m.group(2)}{text[m.end() :]}"
    return f"\\{text}"


def link_destination(url: str) -> str:
    """A URL as a Markdown link destination: spaces, angle brackets and parentheses percent-encoded."""
    url = url.strip()
    for char, code in ((" ", "%20"), ("<", "%3C"), (">", "%3E"), ("(", "%28"), (")", "%29")):
        url = url.replace(char, code)
    return url


def anchor(heading: str, used: dict[str, int] | None = None) -> str:
    """GitHub's anchor for a heading: lower case, spaces to `-`, punctuation other than `-`/`_` dropped."""
    slug = github_anchor(heading)
    if used is None:
        return slug
    count = used.get(slug, 0)
    used[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"


def render_entry(entry: Resolved) -> list[str]:
    """The Markdown line(s) of one entry: `- [Title](URL) - Authors. *Venue Year*. [[code]](url)`."""
    if entry.url:
        parts = [f"- [{escape(entry.title)}]({link_destination(entry.url)})"]
    else:
        parts = [f"- [{escape(entry.title)}]"]
    authors = escape(entry.authors or "").rstrip(" .")
    if authors:
        parts.append(f" - {authors}.")
    when = " ".join(str(x) for x in (entry.venue, entry.year) if x)
    if when:
        parts.append(f" *{escape(when)}*.")
    parts.extend(f" [[code]]({link_destination(url)})" for url in entry.code)
    line = "".join(parts)
    gaps = (("missing-link", not entry.url), ("missing-year", not (entry.year and entry.venue)))
    missing = [name for name, absent in gaps if absent]
    return [f"<!-- awesome-lint-disable-next-line {' '.join(missing)} -->", line] if missing else [line]


def sort_key(entry: Resolved) -> tuple[int, int, str, str]:
    """Year descending (unknown last), then case-folded title, then URL."""
    return (entry.year is None, -(entry.year or 0), entry.title.casefold(), entry.url)


def _text_between(lines: Sequence[str], line: int, column: int, end_line: int, end_column: int) -> str:
    """The text between two 1-based (line, column) positions of a document split into lines."""
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    middle = lines[line : end_line - 1]
    return "\n".join([lines[line - 1][column - 1 :], *middle, lines[end_line - 1][: end_column - 1]])


def resource_description(doc: Document, entry: Entry, lines: Sequence[str] | None = None) -> str:
    """The item's Markdown after its first link, without leading `:`/`-`/no-break spaces, on one line."""
    if entry.links:
        link = entry.links[0].span
        lines = doc.text.split("\n") if lines is None else lines
        raw = _text_between(lines, link.end_line, link.end_column, entry.span.end_line, entry.span.end_column)
    else:
        raw = ""
    text = " ".join(raw.replace("\xa0", " ").split())
    return _DESCRIPTION_TAIL.sub("", _DESCRIPTION_LEAD.sub("", text))


def merge_resources(resources: Sequence[tuple[Document, Entry]]) -> list[tuple[str, list[tuple[Document, Entry]]]]:
    """Resource lines, one per canonical URL of the first link (or case-folded title), sorted by title."""
    groups: dict[str, list[tuple[Document, Entry]]] = {}
    lines: dict[int, list[str]] = {}
    for doc, entry in resources:
        if id(doc) not in lines:
            lines[id(doc)] = doc.text.split("\n")
        url = entry.links[0].url.strip() if entry.links else ""
        key = f"url:{canonical_url(url)}" if url else f"title:{' '.join(entry.title.casefold().split())}"
        groups.setdefault(key, []).append((doc, entry))
    out: list[tuple[str, str, str, list[tuple[Document, Entry]]]] = []
    for members in groups.values():
        doc, first = members[0]
        url = upgrade_https(first.links[0].url.strip()) if first.links else ""
        descriptions = (resource_description(dc, e, lines[id(dc)]) for dc, e in members)
        description = next((d for d in descriptions if d), "")
        name = escape(first.title) or url
        head = f"- [{name}]({link_destination(url)})" if url else f"- {_escape_line_start(name)}"
        line = f"{head} - {description}" if description else head
        out.append((first.title.casefold(), url, line, members))
    out.sort(key=lambda item: (item[0], item[1], item[2]))
    return [(line, members) for _key, _url, line, members in out]
