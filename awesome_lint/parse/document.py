"""Build a Document (sections and entries with exact spans) from mistune's annotated AST."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from awesome_lint.model import Document, Entry, Link, LinkStyle, Section, Span
from awesome_lint.parse.fields import Piece, clean_title, collapse, recognise
from awesome_lint.parse.markdown import Token, parse_ast
from awesome_lint.parse.positions import Aligner, BlockMap, LineIndex
from awesome_lint.text import find_collapsed

_YEAR_HEADING = re.compile(r"^\s*((?:19|20)\d\d)\s*$")
_MARKER = re.compile(r"([-*+]|(\d{1,9})[.)])[ \t]*$")
_FENCE_RULES = ("block_code", "block_html", "thematic_break")


@dataclass
class _Heading:
    start: int
    end: int
    text: str
    level: int


@dataclass
class _Item:
    start: int
    end: int
    pieces: list[Piece]
    marker: str
    number: int | None
    depth: int
    text: str


@dataclass
class _Builder:
    index: LineIndex
    aligner: Aligner
    headings: list[_Heading] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)

    def walk(self, tokens: list[Token], depth: int = 0) -> None:
        """Visit blocks in order, collecting headings and list items with their source offsets."""
        for token in tokens:
            kind = token.get("type")
            if kind == "heading":
                self.heading(token)
            elif kind == "list":
                for child in token.get("children", []):
                    self.item(child, token, depth)
            elif kind == "block_quote":
                self.walk(token.get("children", []), depth)
            elif kind == "block_code":
                self.code(token)
            elif "_raw" in token:
                self.aligner.align(token["_raw"])

    def heading(self, token: Token) -> None:
        bmap = self.aligner.align(token["_raw"], heading=True)
        if bmap is None:
            return
        text = collapse(_plain(token.get("children", [])))
        first = bmap(token["_lead"])
        line, _col, _byte = self.index.locate(first)
        source = self.index.lines[line]
        start = self.index.char_starts[line] + len(source) - len(source.lstrip())
        end = self.index.char_starts[line] + len(source.rstrip())
        self.headings.append(_Heading(start, end, text, int(token["attrs"]["level"])))

    def item(self, token: Token, parent: Token, depth: int) -> None:
        own = [t for t in token.get("children", []) if "_raw" in t]
        pieces: list[Piece] = []
        start = end = -1
        for block in token.get("children", []):
            if "_raw" not in block:
                if block.get("type") == "list":
                    for child in block.get("children", []):
                        self.item(child, block, depth + 1)
                elif block.get("type") == "block_code":
                    self.code(block)
                continue
            bmap = self.aligner.align(block["_raw"])
            if bmap is None:
                continue
            lead = block["_lead"]
            raw = block["_raw"]
            content_end = len(raw.rstrip())
            if start < 0:
                start = bmap(lead)
            end = max(end, bmap(content_end - 1) + 1) if content_end > 0 else end
            if pieces:
                pieces.append(Piece(" "))
            if block.get("type") in _FENCE_RULES:
                continue
            _flatten(block.get("children", []), pieces, bmap, lead, self.index.text)
        if start < 0 or not own:
            return
        line, col, _ = self.index.locate(start)
        prefix = self.index.lines[line][:col]
        m = _MARKER.search(prefix)
        marker_col = m.start() if m else len(prefix) - len(prefix.lstrip())
        marker = (m.group(1)[-1] if m else parent.get("bullet", "-")) or "-"
        number = int(m.group(2)) if m and m.group(2) else None
        item_start = self.index.char_starts[line] + marker_col
        text = collapse(self.index.text[start:end])
        self.items.append(_Item(item_start, end, pieces, marker, number, depth, text))

    def code(self, token: Token) -> None:
        """Record the 1-based source lines of a code block, its fences included, and claim them."""
        pieces = token.get("raw", "").split("\n")
        if pieces[-1] == "":
            pieces.pop()
        fenced = token.get("style") == "fenced"
        if fenced:  # the opening fence as written, when its info string needed no unescaping
            pieces.insert(0, (token.get("marker") or "") + token.get("attrs", {}).get("info", ""))
        for first in [i for i, piece in enumerate(pieces) if piece.strip()][:2]:
            bmap = self.aligner.align(pieces[first])
            if bmap is not None:
                break
        else:
            return
        start = self.index.locate(bmap(0))[0] - first
        end = start + len(pieces)
        marker = token.get("marker") or ""
        if fenced and end < len(self.index.lines) and self.index.lines[end].lstrip(" \t>").startswith(marker):
            end += 1  # the closing fence
        self.aligner.claim(start, end)
        self.code_lines.update(range(start + 1, end + 1))


def _plain(tokens: list[Token]) -> str:
    out: list[str] = []
    for token in tokens:
        kind = token.get("type")
        if kind in ("text", "codespan"):
            out.append(token.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            out.append(" ")
        elif "children" in token and kind != "image":
            out.append(_plain(token["children"]))
    return "".join(out)


def _flatten(
    tokens: list[Token], pieces: list[Piece], bmap: BlockMap, lead: int, text: str, emphasis: str = ""
) -> None:
    """Turn inline tokens into text and link pieces, mapping link offsets to the source."""
    for token in tokens:
        kind = token.get("type")
        if kind == "text":
            pieces.append(Piece(token.get("raw", ""), emphasis=emphasis))
        elif kind == "codespan":
            pieces.append(Piece(token.get("raw", ""), emphasis=emphasis, code=True))
        elif kind in ("softbreak", "linebreak"):
            pieces.append(Piece(" ", emphasis=emphasis))
        elif kind == "link":
            label = _plain(token.get("children", []))
            start = end = -1
            style: str = token.get("_style", "inline")
            url = token.get("attrs", {}).get("url", "")
            if "_pos" in token:
                start = bmap(token["_pos"][0] + lead)
                end = bmap(token["_pos"][1] - 1 + lead) + 1
                raw = text[start:end]
                if style == "inline":
                    url = _raw_destination(raw) or url
                elif style in ("autolink", "bare"):
                    url = raw.strip("<>")
            pieces.append(Piece(label, link=True, url=url, style=style, start=start, end=end))
        elif kind in ("strong", "emphasis"):
            inner = "strong" if "strong" in (emphasis, kind) else "em"
            _flatten(token.get("children", []), pieces, bmap, lead, text, inner)
        elif kind == "image":
            continue
        elif "children" in token:
            _flatten(token["children"], pieces, bmap, lead, text, emphasis)


def _raw_destination(raw: str) -> str | None:
    """The link destination exactly as written in `[label](destination "title")`."""
    close = raw.rfind("](")
    if close < 0 or not raw.endswith(")"):
        return None
    inner = raw[close + 2 : -1].strip()
    if inner.startswith("<"):
        end = inner.find(">")
        return inner[1:end] if end > 0 else None
    if " " not in inner and "\t" not in inner and "\n" not in inner:
        return inner
    depth = 0
    for j, ch in enumerate(inner):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch.isspace() and depth <= 0:
            return inner[:j]
    return inner


def build(path: str, text: str, data: bytes | None = None, bom: bool = False, newline: str = "\n") -> Document:
    """Parse LF-normalised Markdown text into a Document; `data` are the file's bytes for byte offsets."""
    index = LineIndex(text, data, bom)
    builder = _Builder(index, Aligner(index))
    builder.walk(parse_ast(text))
    return _assemble(path, text, index, builder, bom, newline)


def _assemble(path: str, text: str, index: LineIndex, builder: _Builder, bom: bool, newline: str) -> Document:
    events: list[tuple[int, int, Any]] = [(h.start, 0, h) for h in builder.headings]
    events += [(it.start, 1, it) for it in builder.items]
    events.sort(key=lambda e: (e[0], e[1]))

    # Section tree as mutable nodes first, then frozen.
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    entries: list[Entry] = []
    title = None
    first_heading = None
    for _start, _kind, event in events:
        if isinstance(event, _Heading):
            while stack and stack[-1]["level"] >= event.level:
                stack.pop()
            path_ = (*(n["heading"] for n in stack), event.text)
            node = {
                "heading": event.text,
                "level": event.level,
                "path": path_,
                "span": index.span(event.start, event.end),
                "entries": [],
                "children": [],
                "year": _heading_year(event.text, stack),
            }
            (stack[-1]["children"] if stack else roots).append(node)
            stack.append(node)
            if first_heading is None:
                first_heading = event.text
            if title is None and event.level == 1:
                title = event.text
            continue
        section = stack[-1]["path"] if stack else ()
        year = stack[-1]["year"] if stack else None
        entry = _entry(event, section, year, index)
        entries.append(entry)
        if stack:
            stack[-1]["entries"].append(entry)

    def freeze(node: dict[str, Any]) -> Section:
        return Section(
            node["heading"],
            node["level"],
            node["path"],
            node["span"],
            tuple(node["entries"]),
            tuple(freeze(c) for c in node["children"]),
        )

    return Document(
        path=path,
        title=title or first_heading,
        sections=tuple(freeze(n) for n in roots),
        entries=tuple(entries),
        text=text,
        newline=newline,
        bom=bom,
        positions=index,
        code_lines=frozenset(builder.code_lines),
    )


def _heading_year(text: str, stack: list[dict[str, Any]]) -> int | None:
    m = _YEAR_HEADING.match(text)
    if m:
        return int(m.group(1))
    return stack[-1]["year"] if stack else None


def _entry(item: _Item, section: tuple[str, ...], year: int | None, index: LineIndex) -> Entry:
    fields = recognise(item.pieces, section, year)
    links = []
    link_pieces = [p for p in item.pieces if p.link]
    for piece, role in zip(link_pieces, fields.roles, strict=True):
        if piece.start < 0:
            continue
        style: LinkStyle = "empty" if not piece.url and piece.style == "inline" else piece.style  # type: ignore[assignment]
        links.append(
            Link(
                url=piece.url,
                label=collapse(piece.text),
                role=role,
                span=index.span(piece.start, piece.end),
                style=style,
            )
        )
    title_span = None
    if fields.title_link is not None and item.pieces[fields.title_link].start >= 0:
        piece = item.pieces[fields.title_link]
        title_span = index.span(piece.start, piece.end)
    elif fields.title:
        title_span = _find_title(fields.title, item.start, item.end, index)
    return Entry(
        kind=fields.kind,
        title=fields.title,
        span=index.span(item.start, item.end),
        section=section,
        title_span=title_span,
        authors=fields.authors,
        year=fields.year,
        venue=fields.venue,
        venue_raw=fields.venue_raw,
        notes=tuple(fields.notes),
        nickname=fields.nickname,
        tags=tuple(fields.tags),
        arxiv_id=fields.arxiv.id if fields.arxiv else None,
        arxiv_id_malformed=bool(fields.arxiv and fields.arxiv.malformed),
        cited_arxiv_ids=tuple(c.id for c in fields.cited),
        links=tuple(links),
        text=item.text,
        marker=item.marker,
        number=item.number,
        depth=item.depth,
    )


def _find_title(title: str, start: int, end: int, index: LineIndex) -> Span | None:
    """The span of a title written as plain text inside the item, if it can be found."""
    plain = clean_title(title)
    found = find_collapsed(index.text, plain, start, end) if plain else None
    return index.span(*found) if found else None
