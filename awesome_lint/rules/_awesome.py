"""What the rules of the `awesome` set share: the npm awesome-lint's conventions read on the Markdown tree (which
lists hold the list's items, the `## Contents` heading, node positions, the case and URL tests it uses)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from awesome_lint.model import Span
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._registry import Context

if TYPE_CHECKING:
    from awesome_lint.parse.tree import Block, Inline, Tree

GROUP = "awesome"
CONTENTS = "Contents"
LINKS = ("link", "linkReference")
_COMMENT = lazy_compile(r"<!--.*?-->", re.DOTALL)

# Emoji as the common emoji blocks give them (flags, pictographs, dingbats, with skin tones, joiners, VS16).
_EMOJI_UNIT = r"(?:[\U0001F1E6-\U0001F1FF]{2}|[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u231A-\u23FF])"
_EMOJI_TAIL = r"[\U0001F3FB-\U0001F3FF\uFE0F]*"
EMOJI = lazy_compile(rf"{_EMOJI_UNIT}{_EMOJI_TAIL}(?:\u200D{_EMOJI_UNIT}{_EMOJI_TAIL})*")


def node_span(ctx: Context, block: Block, node: Inline | None = None) -> Span:
    """The span of an inline node of a block, or of the block's text (its start when the place is not known)."""
    first, last = (node.start, node.end) if node is not None else (0, len(block.source))
    start = block.offset(first) if node is not None else block.start
    end = block.offset(last - 1) + 1 if last > first >= 0 else -1
    if start < 0:
        start = max(block.start, 0)
        end = start
    return ctx.document.span(start, max(start, end))


def heading_text(block: Block) -> str:
    """A heading's text as the npm awesome-lint compares it: HTML comments removed, trimmed."""
    return _COMMENT.sub("", block.text).strip()


def contents_index(tree: Tree) -> int | None:
    """The index among the top-level blocks of the `## Contents` heading, if there is one."""
    for index, block in enumerate(tree.blocks):
        if block.kind == "heading" and block.level == 2 and heading_text(block) == CONTENTS:
            return index
    return None


def indexed(blocks: tuple[Block, ...], parent: Block | None = None) -> Iterator[tuple[Block, int, Block | None]]:
    """Every block in document order with its index among its parent's children and the parent (None: the
    document)."""
    for index, block in enumerate(blocks):
        yield block, index, parent
        yield from indexed(block.children, block)


def all_lists(blocks: tuple[Block, ...] | list[Block]) -> Iterator[Block]:
    """Every list among the blocks and inside them, in document order."""
    for block in blocks:
        if block.kind == "list":
            yield block
        yield from all_lists(block.children)


def content_lists(tree: Tree) -> list[Block]:
    """The lists whose items are the list's entries: with a `## Contents` heading, the top-level lists after
    the first heading that follows it (and the lists inside them); without one, every list."""
    toc = contents_index(tree)
    if toc is None:
        return list(all_lists(tree.blocks))
    after = [i for i in range(toc + 1, len(tree.blocks)) if tree.blocks[i].kind == "heading"]
    if not after:
        return []
    return list(all_lists([b for b in tree.blocks[after[0] + 1 :] if b.kind == "list"]))


def first_paragraph(item: Block) -> Block | None:
    """A list item's first block when it is a paragraph with text."""
    first = item.children[0] if item.children else None
    return first if first is not None and first.kind == "paragraph" and first.inlines else None


def ends_with_emoji(text: str) -> bool:
    """Whether the text ends with an emoji."""
    ends = [m.end() for m in EMOJI.finditer(text)]
    return bool(ends) and ends[-1] >= len(text)


def words(text: str) -> list[str]:
    """The words the npm awesome-lint splits a description into (at `-`, space, `;`, `.`, `/`, `'`)."""
    return [word for word in re.split(r"[- ;./']", text) if word]


def is_url(url: str) -> bool:
    """Whether a link destination is an absolute URL a browser's URL parser accepts (a scheme, and a host for
    the web's schemes): what the npm awesome-lint asks of a list item's link."""
    url = url.strip()
    m = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url)
    if " " in url or m is None:
        return False
    if m.group(0).lower() not in ("http:", "https:", "ws:", "wss:", "ftp:"):
        return True
    authority = re.split(r"[/?#\\]", url[m.end() :].lstrip("/\\"), maxsplit=1)[0]
    host = authority.rsplit("@", 1)[-1]
    return bool(host) and re.fullmatch(r"[^\s<>^|%\[\]]+(?::\d*)?|\[[0-9A-Fa-f:.]+\](?::\d*)?", host) is not None


def has_case(text: str) -> bool:
    """Whether a word is written in a script with upper and lower case (Latin first, or Greek or Cyrillic)."""
    if not text:
        return True

    def script(char: str) -> str:
        return unicodedata.name(char, "").split(" ", 1)[0]

    return script(text[0]) == "LATIN" or any(script(c) in ("GREEK", "CYRILLIC") for c in text)


# The `case` package's case names, as the npm awesome-lint uses them (Case.of, Case.title).
_SYMBOLS = "\u0020-\u0026\u0028-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e\u00a0-\u00bf\u00d7\u00f7"
_LOWERS = "a-z\u00df-\u00f6\u00f8-\u00ff"
_UPPERS = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_IMPROPER = lazy_compile(r"\b(A|An|And|As|At|But|By|En|For|If|In|Of|On|Or|The|To|Vs?\.?|Via)\b", re.ASCII)
_CAPITALIZE = lazy_compile(f"(^|[{_SYMBOLS}])([{_LOWERS}])")
_PASCAL = lazy_compile(f"(^|[{_SYMBOLS}])+([{_LOWERS}{_UPPERS}])")
_FILL = lazy_compile(f"[{_SYMBOLS}]+(.|$)")
_SENTENCE = lazy_compile(rf"(^\s*|[?!.]+\"?\s+\"?|,\s+\")([{_LOWERS}])")
_RELAX = lazy_compile(f"([^{_UPPERS}])([{_UPPERS}]*)([{_UPPERS}])(?=[^{_UPPERS}]|$)")
_UPPER = lazy_compile(f"^[^{_LOWERS}]+$")
_HOLE = lazy_compile(r"[^\s]\s[^\s]")
_ROOM = lazy_compile(f"[{_SYMBOLS}]")


def _fill(s: str, fill: str | None = None, deapostrophe: bool = False) -> str:
    if fill is not None:
        s = _FILL.sub(lambda m: fill + m.group(1) if m.group(1) else "", s)
    return s.replace("'", "") if deapostrophe else s


def _prep(s: str, fill: str | None = None, pascal: bool = False, upper: bool = False) -> str:
    if not upper and _UPPER.search(s):
        s = s.lower()
    if not fill and not _HOLE.search(s):
        holey = _fill(s, " ")
        if _HOLE.search(holey):
            s = holey
    if not pascal and not _ROOM.search(s):
        s = _RELAX.sub(lambda m: m.group(1) + " " + (m.group(2) + " " if m.group(2) else "") + m.group(3), s)
    return s


def _lower(s: str, fill: str | None = None, deapostrophe: bool = False) -> str:
    return _fill(_prep(s, fill).lower(), fill, deapostrophe)


def _upper(s: str, fill: str | None = None, deapostrophe: bool = False) -> str:
    return _fill(_prep(s, fill, False, True).upper(), fill, deapostrophe)


def _capital(s: str, fill: str | None = None, deapostrophe: bool = False) -> str:
    return _fill(_CAPITALIZE.sub(lambda m: m.group(1) + m.group(2).upper(), _prep(s)), fill, deapostrophe)


def _pascal(s: str) -> str:
    return _fill(_PASCAL.sub(lambda m: m.group(2).upper(), _prep(s, None, True)), "", True)


def title_case(s: str) -> str:
    """The `case` package's title case: every word capitalised but small words (`of`, `and`) inside."""
    return _IMPROPER.sub(
        lambda m: m.group(0).lower() if 0 < m.start() < m.string.rfind(" ") else m.group(0), _capital(s)
    )


def _sentence(s: str) -> str:
    return _SENTENCE.sub(lambda m: m.group(1) + m.group(2).upper(), _lower(s))


_CASES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("lower", _lower),
    ("snake", lambda s: _lower(s, "_", True)),
    ("constant", lambda s: _upper(s, "_", True)),
    ("camel", lambda s: (lambda p: p[:1].lower() + p[1:])(_pascal(s))),
    ("kebab", lambda s: _lower(s, "-", True)),
    ("upper", _upper),
    ("capital", _capital),
    ("header", lambda s: _capital(s, "-", True)),
    ("pascal", _pascal),
    ("title", title_case),
    ("sentence", _sentence),
)


def case_of(s: str) -> str | None:
    """The name of the case a text is written in (`lower`, `capital`, `title`, `camel`, ...), as the `case`
    package names it; None when none fits."""
    return next((name for name, convert in _CASES if convert(s) == s), None)
