"""The Markdown tree as CommonMark reads it, with source offsets: what rules about a file's Markdown itself ask
about (the blocks in order, the inline nodes of headings and paragraphs by mdast's names, link reference
definitions), as the ecosystem's remark-based linter sees the file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import mistune
from mistune.core import InlineState

from awesome_lint.model import Document
from awesome_lint.parse.markdown import _INLINE_STRIP, PositionedInlineParser, Token, create_parser
from awesome_lint.parse.positions import Aligner, BlockMap, LineIndex
from awesome_lint.regex import lazy_compile

_INLINE_KINDS = {"codespan": "inlineCode", "inline_html": "html", "linebreak": "break"}
_DELIMITERS = {"emphasis": 1, "strong": 2}


class _EveryPositionParser(PositionedInlineParser):
    """Also records `_pos` on the tokens of code spans, inline HTML, escapes and breaks."""

    fast = False
    """Every token's own offsets come from mistune's rules, so every text goes to them."""

    def parse_method(self, m: Any, state: InlineState) -> int | None:  # type: ignore[override]
        """Run the rule; a single token it added gets the offsets of the match."""
        count = len(state.tokens)
        end = super().parse_method(m, state)
        if end and len(state.tokens) == count + 1 and "_pos" not in state.tokens[-1]:
            state.tokens[-1]["_pos"] = (m.start(), end)
        return end


@dataclass(frozen=True, slots=True)
class Inline:
    """An inline node, named as mdast names it: text, link, linkReference, image, emphasis, strong, inlineCode,
    html or break. `value` is its text as mdast's toString gives it (a link's text, an image's alt); `start` and
    `end` are offsets into its block's `source` (-1 when unknown)."""

    kind: str
    value: str
    start: int
    end: int
    url: str = ""
    children: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Block:
    """A block: heading, paragraph, list, item, quote, code, html or rule. A heading or paragraph holds its inline
    `source` (the text CommonMark parses, markers and indentation removed) and inline nodes; `offset` maps a
    `source` offset to the document text; `marker` counts the characters of an ATX heading's `#` marks or a list
    item's bullet and the spaces after them. `html` is an HTML block's source."""

    kind: str
    level: int = 0
    source: str = ""
    inlines: tuple[Inline, ...] = ()
    children: tuple[Block, ...] = ()
    html: str = ""
    marker: int = 0
    _map: tuple[BlockMap, int] | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The block's text (mdast's toString): its inline nodes' text, or its children's."""
        if self.kind in ("heading", "paragraph"):
            return "".join(node.value for node in self.inlines)
        if self.kind == "html":
            return self.html
        return "".join(child.text for child in self.children)

    def offset(self, position: int) -> int:
        """The document text offset of an offset into `source`; -1 when the block was not found in the file."""
        if self._map is None or position < 0:
            return -1
        bmap, lead = self._map
        return bmap(position + lead)

    @property
    def start(self) -> int:
        """The document text offset where the block starts, an ATX heading's `#` marks included (-1 when
        unknown)."""
        first = self.offset(0) if self.kind in ("heading", "paragraph") else -1
        if self.kind not in ("heading", "paragraph"):
            first = next((child.start for child in self.children if child.start >= 0), -1)
        return first - self.marker if first >= 0 else -1


@dataclass(frozen=True)
class Tree:
    """The blocks of a document in order, and the labels of its link reference definitions (normalised as
    CommonMark matches them, `text.reference_label`)."""

    blocks: tuple[Block, ...]
    definitions: frozenset[str]

    def walk(self) -> Iterator[tuple[Block, tuple[Block, ...]]]:
        """Every block in document order with its ancestors (outermost first)."""
        stack: list[tuple[Block, tuple[Block, ...]]] = [(b, ()) for b in reversed(self.blocks)]
        while stack:
            block, ancestors = stack.pop()
            yield block, ancestors
            stack.extend((child, (*ancestors, block)) for child in reversed(block.children))


_PARSER: mistune.Markdown | None = None


def markdown_tree(document: Document) -> Tree:
    """The Markdown tree of a document's text."""
    global _PARSER
    if _PARSER is None:
        _PARSER = create_parser(_EveryPositionParser())
    tokens, state = _PARSER.parse(document.text)
    assert isinstance(tokens, list)
    aligner = Aligner(LineIndex(document.text))
    definitions = frozenset(state.env.get("ref_links", {}))
    return Tree(tuple(_blocks(tokens, aligner)), definitions)


def _blocks(tokens: list[Token], aligner: Aligner) -> Iterator[Block]:
    for token in tokens:
        kind = token.get("type")
        if kind in ("heading", "paragraph", "block_text"):
            yield _phrasing(token, aligner, aligner.index.text)
        elif kind == "list":
            items = tuple(
                _item(tuple(_blocks(item.get("children", []), aligner)), aligner.index.text)
                for item in token.get("children", [])
            )
            yield Block("list", children=items)
        elif kind == "block_quote":
            yield Block("quote", children=tuple(_blocks(token.get("children", []), aligner)))
        elif kind == "block_code":
            yield Block("code")
        elif kind == "block_html":
            yield Block("html", html=token.get("raw", ""))
        elif kind == "thematic_break":
            yield Block("rule")


_ITEM_MARKER = lazy_compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]*\Z")


def _item(children: tuple[Block, ...], text: str) -> Block:
    """A list item; its `marker` counts the characters from its bullet or number to its first block."""
    first = next((child.start for child in children if child.start >= 0), -1)
    line_start = text.rfind("\n", 0, first) + 1
    m = _ITEM_MARKER.search(text, line_start, first) if first >= 0 else None
    return Block("item", children=children, marker=first - m.start() if m else 0)


def _phrasing(token: Token, aligner: Aligner, text: str) -> Block:
    raw = token.get("_raw", "")
    lead = token.get("_lead", 0)
    source = raw.strip(_INLINE_STRIP)
    heading = token.get("type") == "heading"
    bmap = aligner.align(raw, heading=heading) if raw.strip() else None
    inlines, _cursor = _inlines(token.get("children", []), source, 0)
    marker = 0
    if heading and bmap is not None and token.get("style") == "atx":
        first = bmap(lead)
        line_start = text.rfind("\n", 0, first) + 1
        before = text[line_start:first].rstrip(" \t")
        marker = first - (line_start + len(before.rstrip("#"))) if before.endswith("#") else 0
    return Block(
        "heading" if heading else "paragraph",
        level=int(token.get("attrs", {}).get("level", 0)),
        source=source,
        inlines=tuple(inlines),
        marker=marker,
        _map=(bmap, lead) if bmap is not None else None,
    )


def _inlines(tokens: list[Token], source: str, cursor: int) -> tuple[list[Inline], int]:
    """Inline nodes of mistune's tokens, adjacent text merged as mdast merges it; `cursor` follows the source."""
    out: list[Inline] = []
    for token in tokens:
        kind: str = token.get("type", "")
        pos = token.get("_pos")
        if kind in ("text", "softbreak"):
            value = "\n" if kind == "softbreak" else token.get("raw", "")
            start, end = pos if pos else _find_text(source, value, cursor)
            cursor = end if end >= 0 else cursor
            if out and out[-1].kind == "text":
                last = out[-1]
                out[-1] = Inline("text", last.value + value, last.start if last.start >= 0 else start, end)
            else:
                out.append(Inline("text", value, start, end))
            continue
        if kind in ("link", "image"):
            start, end = pos if pos else (-1, -1)
            children, _ = _inlines(token.get("children", []), source, start + (2 if kind == "image" else 1))
            cursor = end if end >= 0 else cursor
            named = "linkReference" if kind == "link" and "ref" in token else kind
            url = token.get("attrs", {}).get("url", "")
            out.append(Inline(named, _text(children), start, end, url, tuple(children)))
        elif kind in _DELIMITERS:
            start = cursor
            children, cursor = _inlines(token.get("children", []), source, cursor + _DELIMITERS[kind])
            width = _DELIMITERS[kind]
            if source[cursor : cursor + width].strip("*_") == "":
                cursor += width
            out.append(Inline(kind, _text(children), start, cursor, children=tuple(children)))
        else:
            start, end = pos if pos else (-1, -1)
            cursor = end if end >= 0 else cursor
            value = "" if kind == "linebreak" else token.get("raw", "")
            out.append(Inline(_INLINE_KINDS.get(kind, kind), value, start, end))
    return out, cursor


def _find_text(source: str, value: str, cursor: int) -> tuple[int, int]:
    """Where a text token starts at the cursor, past emphasis delimiters, escaping backslashes and whitespace
    only; (-1, -1) if it is not there (its text was rewritten, as an entity is)."""
    pos = cursor
    while value and pos < len(source):
        if source.startswith(value, pos):
            return pos, pos + len(value)
        if source[pos] not in "*_\\ \t\n":
            break
        pos += 1
    return -1, -1


def _text(nodes: list[Inline]) -> str:
    return "".join(node.value for node in nodes)
