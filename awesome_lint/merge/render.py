"""Canonical rendering: Markdown escaping, link destinations, entry and resource lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from awesome_lint.merge.resolve import Resolved, search_url
from awesome_lint.model import Document, Entry
from awesome_lint.text import starts_with_name
from awesome_lint.urls import canonical_url, upgrade_https

if TYPE_CHECKING:
    from awesome_lint.merge.inputs import ResourceItem

_ESCAPE = re.compile(r"([\\`*_\[\]<])")
_DESCRIPTION_LEAD = re.compile(r"^(?:[\s\xa0:\-]|&nbsp;)+")
_DESCRIPTION_TAIL = re.compile(r"(?:[\s\xa0]|&nbsp;)+$")
_DESCRIPTION_END = re.compile(r"[\s;,:]+$")
_SENTENCE_END = re.compile(r"[.!?…][\"”]?$")
_REPEATED_NAME_TAIL = re.compile(r"^[\s.,!?:;\-–]*(?:(?:is|are)\b\s*)?")
_CODE_SPAN = re.compile(r"(`+[^`]*`+)")
_BARE_BRACKET = re.compile(r"(?<!\\)([\[\]])")


def escape(text: str) -> str:
    """Backslash-escape the characters that would turn title, author or venue text into Markdown."""
    return _ESCAPE.sub(r"\\\1", " ".join(text.split()))


def link_destination(url: str) -> str:
    """A URL as a Markdown link destination: spaces, angle brackets and parentheses percent-encoded."""
    url = url.strip()
    for char, code in ((" ", "%20"), ("<", "%3C"), (">", "%3E"), ("(", "%28"), (")", "%29")):
        url = url.replace(char, code)
    return url


def render_entry(entry: Resolved, used: set[str] | None = None) -> str:
    """The Markdown line of one entry: `- [Title](URL) - Authors. *Venue Year (Note)*. [Code](url)`.

    Parts that are unknown are left out with their punctuation. A paper no source links gets a search link
    for its title (made unique among the links in `used`, which it joins), so every entry is a link followed
    by a ` - ` description, as awesome lists write them.
    """
    url = entry.url or _unique_search(entry, used)
    if used is not None:
        used.add(canonical_url(url))
    head = f"- [{escape(entry.title)}]({link_destination(url)})"
    parts: list[str] = []
    authors = escape(entry.authors or "").rstrip(" ")
    if authors:
        parts.append(authors if _SENTENCE_END.search(authors) else f"{authors.rstrip('.')}.")
    note = f"({'; '.join(entry.notes)})" if entry.notes else ""
    when = " ".join(str(x) for x in (entry.venue, entry.year, note) if x)
    if when:
        parts.append(f"*{escape(when)}*.")
    parts.extend(f"[Code]({link_destination(code)})" for code in entry.code)
    if not parts:
        return head
    return f"{head} - {' '.join(parts)}"


def _unique_search(entry: Resolved, used: set[str] | None) -> str:
    """The title search of an unlinked paper; where another entry has that link, the year and first author
    narrow the query, and a number as the last resort."""
    queries = [entry.title, " ".join(str(x) for x in (entry.title, entry.authors, entry.year) if x)]
    for query in queries:
        url = search_url(query)
        if used is None or canonical_url(url) not in used:
            return url
    number = 2
    while used is not None and canonical_url(url := search_url(f"{queries[-1]} ({number})")) in used:
        number += 1
    return url


def sort_key(entry: Resolved) -> tuple[int, int, str, str]:
    """Year descending (unknown last), then case-folded title, then URL."""
    return (entry.year is None, -(entry.year or 0), entry.title.casefold(), entry.url)


def _escape_brackets(text: str) -> str:
    """Backslash-escape `[` and `]` outside code spans and not already escaped (bracketed text that is not a
    link would otherwise read as an undefined reference)."""
    parts = _CODE_SPAN.split(text)
    return "".join(p if i % 2 else _BARE_BRACKET.sub(r"\\\1", p) for i, p in enumerate(parts))


def resource_description(doc: Document, entry: Entry) -> str:
    """The item's Markdown after its first link, on one line: leading `:`/`-`/no-break spaces dropped, the
    other links kept as written, brackets outside them escaped."""
    if not entry.links:
        return ""
    pieces: list[str] = []
    previous = entry.links[0].span
    for link in entry.links[1:]:
        if link.span.start < previous.end or link.span.end > entry.span.end:
            continue
        pieces.append(_escape_brackets(doc.between(previous, link.span)))
        pieces.append(doc.source(link.span))
        previous = link.span
    pieces.append(_escape_brackets(doc.tail(entry.span, after=previous)))
    text = " ".join("".join(pieces).replace("\xa0", " ").split())
    return _DESCRIPTION_TAIL.sub("", _DESCRIPTION_LEAD.sub("", text))


def tidy_description(name: str, description: str) -> str:
    """A resource description as awesome lists write one: not opening with the item's own name (`X is a` is
    dropped), a capital first letter, and a closing full stop instead of `;` or `,`."""
    text = _DESCRIPTION_END.sub("", description)
    if name and starts_with_name(text, name):
        text = _REPEATED_NAME_TAIL.sub("", text[len(name) :], count=1)
    if not text:
        return ""
    if text[0].islower():
        text = text[0].upper() + text[1:]
    return text if _SENTENCE_END.search(text) else f"{text}."


def merge_resources(
    resources: Sequence[ResourceItem], taken: set[str] | None = None
) -> tuple[list[tuple[str, list[ResourceItem]]], list[tuple[str, list[ResourceItem]]]]:
    """Resource lines, one per canonical URL of the first link, sorted by title; and the groups left out, with
    why: a resource whose link is a paper entry's (`taken`, which lists it already), or one without a link."""
    groups: dict[str, list[ResourceItem]] = {}
    for item in resources:
        key = f"url:{canonical_url(item.url)}" if item.url else f"title:{' '.join(item.title.casefold().split())}"
        groups.setdefault(key, []).append(item)
    out: list[tuple[str, str, str, list[ResourceItem]]] = []
    left: list[tuple[str, list[ResourceItem]]] = []
    for members in groups.values():
        first = members[0]
        url = upgrade_https(first.url)
        if not url:
            left.append(("a resource without a link", members))
            continue
        if taken is not None and canonical_url(url) in taken:
            left.append(("a resource whose link is a paper entry's (listed there)", members))
            continue
        description = next((item.description for item in members if item.description), "")
        name = escape(first.title) or url
        head = f"- [{name}]({link_destination(url)})"
        description = tidy_description(first.title, description)
        line = f"{head} - {description}" if description else head
        out.append((first.title.casefold(), url, line, members))
    out.sort(key=lambda item: (item[0], item[1], item[2]))
    return [(line, members) for _key, _url, line, members in out], left
