"""The marker a merged list carries: which upstream lists it was merged from and where each one lives.

`<!-- awesome-lint merge: sources=NAME=LINK,NAME=LINK -->`, names and links URL-quoted. A file with the
marker was written by `awesome-lint merge`; merging it again credits its upstream lists, not the file.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

if TYPE_CHECKING:
    from awesome_lint.merge.inputs import MergeInput

_MARKER = re.compile(r"<!--\s*awesome-lint merge:\s*sources=(?P<sources>[^\s]*)\s*-->")


@dataclass(frozen=True, slots=True)
class Source:
    """One upstream list: the name it is credited by and the link to it (a URL or a relative path)."""

    name: str
    link: str


def marker(sources: Sequence[Source]) -> str:
    """The marker comment naming `sources`."""
    items = (f"{quote(s.name, safe='')}={quote(s.link, safe='')}" for s in sources)
    return f"<!-- awesome-lint merge: sources={','.join(items)} -->"


def marked_sources(text: str) -> list[Source] | None:
    """The sources a merged list names in its marker, or None when the text has no marker."""
    m = _MARKER.search(text)
    if m is None:
        return None
    out = []
    for item in m.group("sources").split(","):
        if item:
            name, _, link = item.partition("=")
            out.append(Source(unquote(name), unquote(link) or unquote(name)))
    return out


def _is_url(link: str) -> bool:
    return bool(urlsplit(link).scheme)


def _relative(path: str, base: str) -> str:
    """`path` relative to the directory `base`, written with `/`."""
    return posixpath.join(*os.path.relpath(path, base).split(os.sep))


def document_sources(
    documents: Sequence[MergeInput],
    base: str = ".",
    urls: Mapping[str, str] | None = None,
    credits: Mapping[str, tuple[str, str]] | None = None,
) -> list[Source]:
    """The upstream lists of the inputs, sorted by name: a merged input's own sources (their links rebased
    from its folder to `base`), else the file itself, or the (display name, URL) `credits` gives its file
    name. `urls` (name -> URL) overrides a link; the first source of a name wins."""
    found: dict[str, str] = {}
    for doc in documents:
        marked = doc.sources
        if marked is None:
            file_name = os.path.basename(doc.path)
            if credits and file_name in credits:
                name, url = credits[file_name]
                found.setdefault(name, url)
            else:
                found.setdefault(file_name, _relative(doc.path, base))
            continue
        for source in marked:
            link = source.link
            if not _is_url(link) and not os.path.isabs(link):
                link = _relative(os.path.join(os.path.dirname(doc.path), link), base)
            found.setdefault(source.name, link)
    for name, url in (urls or {}).items():
        if name in found:
            found[name] = url
    return [Source(name, found[name]) for name in sorted(found)]
