"""Inline HTML in a list, read as an item's pieces: `<a href>` links, `<img>` images, `<br>` field breaks and the
elements that group text (`<b>`, `<ins>`), in Markdown items and in the cells of HTML tables (`html_tables.py`)."""

from __future__ import annotations

import html
import re

from awesome_lint.parse.fields import Piece
from awesome_lint.regex import lazy_compile

_HTML_TAG = lazy_compile(r"^<\s*(/?)\s*([A-Za-z][\w-]*)[^>]*?(/?)\s*>$")
_BREAK_TAGS = frozenset(("br", "hr"))
_HTML_ATTR = {
    name: lazy_compile(rf"""\s{name}\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
    for name in ("src", "alt", "href")
}
_GROUP_TAGS = frozenset(("ins", "b", "strong", "i", "em", "u", "sup", "sub", "mark", "small", "span", "font", "code"))
_ANCHOR_OPEN = lazy_compile(r"<a\s", re.IGNORECASE)
_ANCHOR_CLOSE = lazy_compile(r"</a\s*>", re.IGNORECASE)


def inline_tag(raw: str, pieces: list[Piece], stack: list[str]) -> str:
    """Inline HTML other than a link: `<br>` separates fields, `<img>` is an image, `<ins>...</ins>` and the
    like group the text inside. Returns the innermost open group."""
    m = _HTML_TAG.match(raw.strip())
    if m:
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _BREAK_TAGS:
            pieces.append(Piece(" ", brk=True))
        elif name == "img" and not closing and (src := _HTML_ATTR["src"].search(raw)) is not None:
            alt = _HTML_ATTR["alt"].search(raw)  # `<img src="https://img.shields.io/badge/DAC-2025-green.svg">`
            text = html.unescape(alt.group(2)) if alt else ""
            pieces.append(Piece(text, url=html.unescape(src.group(2)), image=True))
        elif name in _GROUP_TAGS and not self_closing:
            if closing:
                if name in stack:
                    del stack[len(stack) - 1 - stack[::-1].index(name) :]
            else:
                stack.append(name)
    return stack[-1] if stack else ""


def anchor_href(raw: str) -> str | None:
    """The target of an opening `<a href="...">` tag, its character references resolved; None for any other tag."""
    if not _ANCHOR_OPEN.match(raw):
        return None
    found = _HTML_ATTR["href"].search(raw)
    return html.unescape(found.group(2)).strip() if found is not None else None


def closes_anchor(raw: str) -> bool:
    """Whether an inline HTML tag is `</a>`."""
    return _ANCHOR_CLOSE.fullmatch(raw.strip()) is not None
