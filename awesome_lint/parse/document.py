"""Build a Document (sections and entries with exact spans) from mistune's annotated AST.

Entries come from list items and from the rows of GFM tables. Every item is read on its own first; then
the list's template is learned from those readings (`infer.py`) and the items that asked it a question
are read again. Code links given as sub-items join the paper above them, and an item that cites a second
paper on a line of its own gives a second entry.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from awesome_lint import arxiv_id
from awesome_lint.collector import paused_collection
from awesome_lint.model import (
    BlockKind,
    Document,
    Entry,
    EntryBlock,
    LeafBlock,
    Link,
    LinkRole,
    LinkStyle,
    Section,
    Span,
)
from awesome_lint.parse import infer
from awesome_lint.parse.fields import (
    NEUTRAL,
    Fields,
    Piece,
    Template,
    badge_role,
    clean_title,
    code_role,
    collapse,
    is_badge,
    known_dated,
    linked_arxiv,
    listed_loosely,
    recognise,
    recognise_block,
    section_venue,
)
from awesome_lint.parse.markdown import Token, iter_ast
from awesome_lint.parse.markup import anchor_href, closes_anchor, inline_tag
from awesome_lint.parse.positions import Aligner, BlockMap, LineIndex
from awesome_lint.parse.shapes import (
    is_code_host,
    is_paper_host,
    is_repository,
    label_kind,
    leading_decoration,
    looks_like_authors,
    looks_like_name,
    sentence_like,
)
from awesome_lint.parse.tables import column_roles, read_row
from awesome_lint.parse.venues import VenueField, read_slot, read_venue
from awesome_lint.regex import lazy_compile
from awesome_lint.text import find_collapsed, github_anchor

SPLIT_ITEMS = 2000
"""Items from which a forked child reads the later part of a list's items: below it, forking and sending the
readings back cost more than the child's share saves."""
_PARENT_SHARE = 55
"""The parent's share of the items, in percent: the child also pickles its readings."""

_YEAR_HEADING = lazy_compile(r"^\s*((?:19|20)\d\d)(?:\s+papers?)?(?:\s*\(\d+\))?\s*$", re.IGNORECASE)
_DATED_SENTENCE = lazy_compile(r"(?:19|20)\d\d[/.-](?:0?[1-9]|1[0-2])\s*[,，:]\s+")
_LABEL_YEAR = lazy_compile(r"(?:year\s+)?((?:19|20)\d\d)", re.IGNORECASE)
_MARKER = lazy_compile(r"([-*+]|(\d{1,9})[.)])[ \t]*$")
_SUMMARY = lazy_compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_HTML_HEADING = lazy_compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_INNER_TAG = lazy_compile(r"<[^>]*>")
_FENCE_RULES = ("block_code", "block_html", "thematic_break")
_COMMENT = lazy_compile(r"<!--.*?-->", re.DOTALL)
_ACRONYM = lazy_compile(r"[A-Z][A-Za-z&-]*[A-Z][A-Za-z&-]*")
_CITED_YEAR = lazy_compile(r"[,.]?\s*((?:19|20)\d\d)\s*\.?")
_POSTED_MONTH = lazy_compile(r"(?:0?[1-9]|1[0-2])/(?P<year>(?:19|20)\d\d)")  # `03/2023`: when a paper was posted
_TABLE_TAG = lazy_compile(r"<table\b", re.IGNORECASE)
# A field sub-item's label (`  - Publisher: ICLR 2024`, `  - Code: [official](url)`), and the labels known by role.
_FIELD_LABEL = lazy_compile(r"^\s*([A-Za-z][A-Za-z -]{0,19}?)\s*(?:\([^()\n]{0,60}\))?\s*[:：]\s*")
"""A field sub-item's label, with a remark in parentheses after it (`- github(PyTorch): <url>`)."""
_LABEL_ROLES = {
    **dict.fromkeys(("publisher", "venue", "conference", "published in", "journal", "published"), "venue"),
    **dict.fromkeys(("code", "github", "implementation", "official code", "repo", "source code"), "code"),
    **dict.fromkeys(("authors", "author"), "authors"),
    **dict.fromkeys(("paper", "pdf", "arxiv"), "paper"),
    **dict.fromkeys(("link", "links", "url", "urls"), "links"),  # `  - **:link:Link:** [paper](url) [code](url)`
    **dict.fromkeys(("project", "project page", "homepage", "home page", "website", "page", "demo"), "project"),
    **dict.fromkeys(("tags", "tag", "keywords", "key words"), "tags"),  # `  * **Tags:** fuzzing, taint, AFL`
    "intro": "remark",  # `- intro: CVPR 2017. ETH Zurich`: a remark, its venue where it opens with a known one
    **dict.fromkeys(("dataset", "datasets", "data", "leaderboard", "benchmark", "model", "models", "weights"), "other"),
}

Offset = Callable[[int], int]


def _shifted(bmap: BlockMap, lead: int) -> Offset:
    """Source offsets of a block's text that starts `lead` characters into what `bmap` maps."""
    return lambda offset: bmap(offset + lead)


def _after(start: int) -> Offset:
    """Source offsets of a text that starts at source offset `start`."""
    return lambda offset: start + offset


@dataclass(slots=True)
class _Heading:
    start: int
    end: int
    text: str
    level: int


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    pieces: list[Piece]
    marker: str
    number: int | None
    depth: int
    text: str
    key: int = -1
    parent: int | None = None
    """The key of the item this one is nested in."""
    block: EntryBlock = "item"
    table: int = -1
    """For a table row: the index of its table in the builder's tables."""
    cells: list[list[Piece]] = field(default_factory=list)
    cell_spans: list[tuple[int, int]] = field(default_factory=list)
    first_line: int = -1
    """The source line where the item's own text starts (for a second citation on a later line)."""
    parts: tuple[int, int] | None = None
    """A paper block (a paragraph and its `- Title` / `- Authors` list): where the title's and the authors' pieces
    start in `pieces` (after the paragraph's)."""


@dataclass(slots=True)
class _Table:
    header: list[str]
    rows: list[_Item] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Builder:
    index: LineIndex
    aligner: Aligner
    headings: list[_Heading] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)
    tables: list[_Table] = field(default_factory=list)
    paragraphs: list[tuple[_Item, str]] = field(default_factory=list)
    """Paragraphs that open with a bold line, with their shape (see `infer.paragraph_shape`)."""
    keys: int = 0
    blocks: list[tuple[BlockKind, int, int, bool]] = field(default_factory=list)
    """Leaf blocks as (kind, start, end, holds only comments), text offsets."""
    inline_html: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[int, int]] = field(default_factory=list)
    head: _Item | None = None
    """The paragraph just walked, while it may open a paper block with the list that follows it."""
    level: int = 0
    """The level of the last heading walked (a `<summary>` heads a section one level below it)."""
    summary: _Heading | None = None
    """A `<summary>` just walked: a heading if a list or a table comes next."""
    keep_facts: bool = True
    """Record the block facts (leaf blocks, inline HTML, comments); without them only entries are read."""
    recent: list[tuple[int, int, list[Piece]]] = field(default_factory=list)
    """The last two paragraphs walked (start, end, pieces), which may open a block of three (see `split_block`)."""

    def walk(self, tokens: list[Token], depth: int = 0) -> None:
        """Visit blocks in order, collecting headings, list items and table rows with their source offsets."""
        for token in tokens:
            kind = token.get("type")
            if self.summary is not None and kind != "blank_line":
                if kind in ("list", "table"):
                    self.headings.append(self.summary)  # (a `<summary>` that opens a list or a table heads it)
                self.summary = None
            head, self.head = self.head, None
            if kind == "heading":
                self.heading(token)
            elif kind == "list":
                count = len(self.items)
                for child in token.get("children", []):
                    self.item(child, token, depth, None)
                if head is not None and len(token.get("children", [])) == 2:
                    self.paper_block(head, count)
                if head is not None and len(self.items) > count and self.items[count].key >= 0:
                    self.field_list(head, count)
            elif kind == "blank_line":
                self.head = head
            elif kind == "block_quote":
                self.walk(token.get("children", []), depth)
            elif kind == "block_code":
                self.code(token)
            elif kind == "table":
                self.table(token)
            elif kind == "block_html":
                self.html(token, outline=True)
            elif kind == "paragraph" and "_raw" in token:
                self.paragraph(token, head)
            elif "_raw" in token:
                self.text_block(token, self.aligner.align(token["_raw"]))

    def facts(self, tokens: list[Token]) -> None:
        """Record the block facts of blocks that give no entries (a block quote inside a list item)."""
        for token in tokens:
            kind = token.get("type")
            if kind in ("list", "list_item", "block_quote"):
                self.facts(token.get("children", []))
            elif kind == "block_code":
                self.code(token)
            elif kind == "block_html":
                self.html(token)
            elif "_raw" in token:
                self.text_block(token, self.aligner.align(token["_raw"], heading=kind == "heading"))

    def text_block(self, token: Token, bmap: BlockMap | None) -> None:
        """Record a paragraph or heading (its lines, a setext heading's underline included) and its inline HTML."""
        if bmap is None or not self.keep_facts:
            return
        raw = token["_raw"]
        lead = token.get("_lead", 0)
        content_end = len(raw.rstrip())
        if content_end <= lead:
            return
        start = bmap(lead)
        end = bmap(content_end - 1) + 1
        heading = token.get("type") == "heading"
        if heading and token.get("style") == "setext":
            line = self.index.locate(end)[0] + 1
            if line < len(self.index.lines):
                end = self.index.char_starts[line] + len(self.index.lines[line].rstrip())
        elif heading:  # an ATX heading starts at its `#` marks
            line, column, _byte = self.index.locate(start)
            before = self.index.lines[line][:column].rstrip(" \t")
            if before.endswith("#"):
                start = self.index.char_starts[line] + len(before.rstrip("#"))
            end = self.index.char_starts[line] + len(self.index.lines[line].rstrip())
        self.blocks.append(("heading" if heading else "paragraph", start, end, False))
        self.inline(token.get("children", []), _shifted(bmap, lead))

    def inline(self, tokens: list[Token], offset: Offset) -> None:
        """Record the inline HTML among `tokens` (links' text included), and which of it is comments."""
        for token in tokens:
            if token.get("type") == "inline_html" and "_pos" in token:
                a, b = token["_pos"]
                span = (offset(a), offset(b - 1) + 1)
                self.inline_html.append(span)
                if token.get("raw", "").startswith("<!--"):
                    self.comments.append(span)
            elif "children" in token:
                self.inline(token["children"], offset)

    def html(self, token: Token, outline: bool = False) -> None:
        """Record an HTML block and the comments in it; outside lists (`outline`), a `<summary>` that a list or a
        table follows heads a section."""
        raw = token.get("raw", "")
        bmap = self.aligner.align(raw)
        if bmap is None:
            return
        content_end = len(raw.rstrip())
        lead = len(raw) - len(raw.lstrip())
        heading = _HTML_HEADING.fullmatch(raw.strip()) if raw.lstrip()[:2].lower() == "<h" else None
        if heading is not None and (text := collapse(_INNER_TAG.sub("", heading.group(2)))):
            # `<h4 id="tsad-benchmark">Benchmark and Survey</h4>`: a section as much as `#### Benchmark and Survey`
            self.headings.append(
                _Heading(bmap(lead), bmap(content_end - 1) + 1, html.unescape(text), int(heading.group(1)))
            )
            self.level = int(heading.group(1))
        summary = _SUMMARY.search(raw) if outline and self.level and "<summary" in raw.lower() else None
        if summary is not None and (text := collapse(_INNER_TAG.sub("", summary.group(1)))):
            # `<details><summary>2024 Papers (27)</summary>`: a section below the heading before it, to the next one
            level = min(self.level + 1, 6)
            self.summary = _Heading(bmap(summary.start()), bmap(summary.end() - 1) + 1, html.unescape(text), level)
        if outline and _TABLE_TAG.search(raw) is not None:
            self.html_tables(raw, bmap)
        if not self.keep_facts:
            return
        comments = [(bmap(m.start()), bmap(m.end() - 1) + 1) for m in _COMMENT.finditer(raw)]
        only = bool(comments) and not _COMMENT.sub("", raw).strip()
        self.blocks.append(("html", bmap(lead), bmap(content_end - 1) + 1, only))
        self.comments.extend(comments)

    def heading(self, token: Token) -> None:
        bmap = self.aligner.align(token["_raw"], heading=True)
        self.text_block(token, bmap)
        if bmap is None:
            return
        text = collapse(_plain(token.get("children", [])))
        first = bmap(token["_lead"])
        line, _col, _byte = self.index.locate(first)
        source = self.index.lines[line]
        start = self.index.char_starts[line] + len(source) - len(source.lstrip())
        end = self.index.char_starts[line] + len(source.rstrip())
        self.headings.append(_Heading(start, end, text, int(token["attrs"]["level"])))
        self.level = int(token["attrs"]["level"])

    def item(self, token: Token, parent: Token, depth: int, parent_key: int | None) -> None:
        key = self.keys
        self.keys += 1
        own = False  # whether the item has text of its own, not only nested blocks
        pieces: list[Piece] = []
        start = end = -1
        index = self.index
        blocks = token.get("children", [])
        papers = _link_paragraphs(blocks)
        for position, block in enumerate(blocks):
            if position in papers:
                self.sub_paragraph(block, depth + 1, key)  # `  - Query-based RAG` / `    [Title](url)` / ...
                continue
            raw = block.get("_raw")
            if raw is None:
                kind = block.get("type")
                if kind == "list":
                    for child in block.get("children", []):
                        self.item(child, block, depth + 1, key)
                elif kind == "block_code":
                    self.code(block)
                elif kind == "table":
                    self.table(block)
                elif kind == "block_html":
                    self.html(block)
                elif kind == "block_quote":
                    self.facts(block.get("children", []))
                continue
            own = True
            bmap = self.aligner.align(raw)
            self.text_block(block, bmap)
            if bmap is None:
                continue
            lead = block["_lead"]
            content_end = len(raw.rstrip())
            if start < 0:
                start = bmap(lead)
            end = max(end, bmap(content_end - 1) + 1) if content_end > 0 else end
            if pieces:
                pieces.append(Piece(" "))
            if block.get("type") in _FENCE_RULES:
                continue
            _flatten(block.get("children", []), pieces, _shifted(bmap, lead), index.text)
        if start < 0 or not own:
            return
        line, col, _ = index.locate(start)
        prefix = index.lines[line][:col]
        m = _MARKER.search(prefix)
        marker_col = m.start() if m else len(prefix) - len(prefix.lstrip())
        marker = (m.group(1)[-1] if m else parent.get("bullet", "-")) or "-"
        number = int(m.group(2)) if m and m.group(2) else None
        item_start = index.char_starts[line] + marker_col
        text = collapse(index.text[start:end])
        self.items.append(_Item(item_start, end, pieces, marker, number, depth, text, key, parent_key, first_line=line))

    def sub_paragraph(self, token: Token, depth: int, parent_key: int) -> None:
        """A paragraph of an item that is an item of its own, nested in it (a paper among the item's papers)."""
        bmap = self.aligner.align(token["_raw"])
        self.text_block(token, bmap)
        content_end = len(token["_raw"].rstrip())
        lead = token["_lead"]
        if bmap is None or content_end <= lead:
            return
        pieces: list[Piece] = []
        _flatten(token.get("children", []), pieces, _shifted(bmap, lead), self.index.text)
        start, end = bmap(lead), bmap(content_end - 1) + 1
        line = self.index.locate(start)[0]
        text = collapse(self.index.text[start:end])
        item = _Item(start, end, pieces, "", None, depth, text, self.keys, parent_key, "paragraph", first_line=line)
        self.items.append(item)
        self.keys += 1

    def paragraph(self, token: Token, head: _Item | None = None) -> None:
        """A paragraph that opens with a bold line (`**Title** \\` / `*Authors* \\` / `Venue Year. [[Paper](url)]`):
        kept aside until the document shows it writes its entries so. A paragraph of images alone leaves `head`, the
        paragraph before it, to open what follows (`**Title**` / `[![img](src)](src)` / `- arxiv: <url>`)."""
        bmap = self.aligner.align(token["_raw"])
        self.text_block(token, bmap)
        if bmap is None:
            return
        pieces: list[Piece] = []
        lead = token["_lead"]
        _flatten(token.get("children", []), pieces, _shifted(bmap, lead), self.index.text)
        for before, piece in zip([None, *pieces], pieces, strict=False):
            # Each line of a block is a field of its own, but a bold run goes on over a line's end (`**Title of` /
            # `More words.**<br>`).
            wrapped = before is not None and piece.emphasis == "strong" == before.emphasis and not before.link
            piece.brk = piece.brk or (piece.newline and not wrapped)
        if head is not None and all(p.image or not p.text.strip() for p in pieces):
            self.head = head
            return
        content_end = len(token["_raw"].rstrip())
        if head is not None and content_end > lead and self.linked_title(head, pieces, bmap(content_end - 1) + 1):
            return
        shape = (
            infer.paragraph_shape(pieces)
            or ("citation" if infer.citation_paragraph(pieces) else "")
            or ("linked" if infer.linked_paragraph(pieces) else "")
            or ("marked" if infer.marked_paragraph(pieces) else "")
            or ("titled" if infer.titled_paragraph(pieces) else "")
            or ("bracketed" if infer.bracketed_paragraph(pieces) else "")
            or ("described" if infer.described_paragraph(pieces) else "")
        )
        if content_end <= lead:
            return
        start, end = bmap(lead), bmap(content_end - 1) + 1
        if self.split_block(pieces, start, end) or not (shape or any(p.link or p.emphasis for p in pieces)):
            return
        line = self.index.locate(start)[0]
        if not shape:  # it may open a paper block with a `- Title` / `- Authors` list after it
            self.head = _Item(start, end, pieces, "", None, 0, "", -1, None, "paragraph", first_line=line)
            return
        text = collapse(self.index.text[start:end])
        item = _Item(start, end, pieces, "", None, 0, text, self.keys, None, "paragraph", first_line=line)
        self.keys += 1
        self.paragraphs.append((item, shape))
        if shape == "bold":
            self.head = item  # (`**Title**` / `- Authors: …` / `- Venue: …`: its fields may follow as a list)

    def linked_title(self, head: _Item, pieces: list[Piece], end: int) -> bool:
        """Whether this paragraph is only links to papers or repositories right after a bold title alone (`**Title**`
        / `<https://arxiv.org/abs/…>`): the two are then one entry, the paragraph the title's links."""
        links = [p for p in pieces if p.link]
        if not links or not infer.bold_alone(head.pieces):
            return False
        if any(p.text.strip() and not p.link for p in pieces) or any(p.image for p in pieces):
            return False
        if not all((is_paper_host(p.url) and urlsplit(p.url).path.strip("/")) or is_repository(p.url) for p in links):
            return False  # (a site's home page, `**PubChem**` / `https://pubchem.ncbi.nlm.nih.gov/`, is no paper)
        joined = [*head.pieces, Piece(" ", brk=True), *pieces]
        self.paragraphs = [(item, shape) for item, shape in self.paragraphs if item is not head]
        text = collapse(self.index.text[head.start : end])
        line = self.index.locate(head.start)[0]
        item = _Item(head.start, end, joined, "", None, 0, text, self.keys, None, "paragraph", first_line=line)
        self.items.append(item)
        self.keys += 1
        return True

    def split_block(self, pieces: list[Piece], start: int, end: int) -> bool:
        """Whether this paragraph closes a paper written as three paragraphs in a row, `**Title**`, `*Authors*` and
        `Venue Year. [[Paper](url)]`: they are then one paragraph block, an entry where the list writes several."""
        recent, self.recent = self.recent, [*self.recent[-1:], (start, end, pieces)]
        if len(recent) < 2:
            return False
        (title_start, title_end, title), (names_start, names_end, names) = recent
        between = self.index.text[title_end:names_start] + self.index.text[names_end:start]
        if between.strip() or not infer.split_block(title, names, pieces):
            return False
        joined = [*title, Piece(" ", brk=True), *names, Piece(" ", brk=True), *pieces]
        text = collapse(self.index.text[title_start:end])
        line = self.index.locate(title_start)[0]
        item = _Item(title_start, end, joined, "", None, 0, text, self.keys, None, "paragraph", first_line=line)
        self.keys += 1
        self.paragraphs = [(other, shape) for other, shape in self.paragraphs if other.start != title_start]
        self.paragraphs.append((item, "split"))  # (a bold paragraph alone is no entry in a list written so)
        self.head, self.recent = None, []
        return True

    def paper_block(self, head: _Item, count: int) -> None:
        """Join a paragraph and the two-item list after it (`- Title` / `- Authors`) into one paper entry when they
        read as one (see `infer.paper_block`); the list's items are then no entries of their own."""
        items = self.items[count:]
        if len(items) != 2 or not infer.paper_block(head.pieces, [item.pieces for item in items]):
            return
        del self.items[count:]
        title, authors = items
        pieces = [*head.pieces, *title.pieces, *authors.pieces]
        parts = (len(head.pieces), len(head.pieces) + len(title.pieces))
        text = collapse(self.index.text[head.start : authors.end])
        block = _Item(head.start, authors.end, pieces, "", None, 0, text, self.keys, None, "paragraph")
        block.first_line, block.parts = head.first_line, parts
        self.keys += 1
        self.items.append(block)

    def field_list(self, head: _Item, count: int) -> None:
        """A bold title paragraph and the list of its fields right after it (`**Title**` / `- Authors: …` / `- Venue:
        ICML 2023` / `- description`), or a bold venue line and the list of its papers (`**AAAI'24**` / `- Title`):
        the paragraph is an entry (a label, for a venue line) and the list's items are its sub-items."""
        items = [item for item in self.items[count:] if item.parent is None]
        if not infer.bold_alone(head.pieces):
            return
        labels = [_FIELD_LABEL.match(item.pieces[0].text) if item.pieces else None for item in items]
        roles = [_LABEL_ROLES.get(m.group(1).lower()) if m is not None else None for m in labels]
        # (`**Title**` / `- intro: CVPR 2017` / `- arxiv: <url>` / `- github(Caffe): <url>`: labelled links, most lines)
        linked = 2 * sum(m is not None for m in labels) >= len(items) and ("paper" in roles or "code" in roles)
        fielded = linked or "authors" in roles or "venue" in roles
        if not fielded and (head.key < 0 or _group_label(head) is None):
            return  # (`**AAAI'24**` / `- Title [[paper](url)]`: a venue line over its papers is their label)
        if head.key >= 0:  # a bold paragraph, an entry of its own only in a list written so: this one is
            self.paragraphs = [(item, shape) for item, shape in self.paragraphs if item is not head]
        else:  # (a paragraph kept aside while it may open a paper block: made an entry)
            head.text, head.key = collapse(self.index.text[head.start : head.end]), self.keys
            self.keys += 1
        for item in items:
            item.parent = head.key
        self.items.insert(count, head)

    def table(self, token: Token) -> None:
        """The rows of a GFM table, each an item whose pieces are its cells' pieces."""
        bmap = self.aligner.align(token["_table_text"])
        if bmap is None:
            return
        line_starts = [0]
        for line in token["_table_text"].split("\n")[:-1]:
            line_starts.append(line_starts[-1] + len(line) + 1)
        head, body = token["children"]
        lines = token["_table_text"].split("\n")
        self.blocks.append(("table", bmap(0), bmap(line_starts[-1] + len(lines[-1].rstrip()) - 1) + 1, False))
        for head_cell in head["children"]:
            head_start = bmap(head_cell["_col"])
            self.inline(head_cell.get("children", []), _after(head_start))
        header = [collapse(_plain(cell.get("children", []))) for cell in head["children"]]
        table = _Table(header)
        number = len(self.tables)
        self.tables.append(table)
        for row in body["children"]:
            cells: list[list[Piece]] = []
            spans: list[tuple[int, int]] = []
            base = line_starts[row["_line"]]
            for cell in row["children"]:
                cell_start = bmap(base + cell["_col"])
                pieces: list[Piece] = []
                _flatten(cell.get("children", []), pieces, _after(cell_start), self.index.text)
                self.inline(cell.get("children", []), _after(cell_start))
                cells.append(pieces)
                spans.append((cell_start, cell_start + len(cell.get("_raw", ""))))
            line, _col, _byte = self.index.locate(bmap(base + (row["children"][0]["_col"] if row["children"] else 0)))
            source = self.index.lines[line]
            row_start = self.index.char_starts[line] + len(source) - len(source.lstrip())
            row_end = self.index.char_starts[line] + len(source.rstrip())
            text = collapse(source)
            item = _Item(row_start, row_end, [], "|", None, 0, text, self.keys, None, "row", number, cells, spans)
            self.keys += 1
            table.rows.append(item)
            self.items.append(item)

    def html_tables(self, raw: str, bmap: BlockMap) -> None:
        """The body rows of the `<table>`s in an HTML block, each an item whose cells are read as a GFM table's."""
        from awesome_lint.parse.html_tables import read_tables  # (`html.parser`, only for a list that has a table)

        for found in read_tables(raw):
            table = _Table(found.header)
            number = len(self.tables)
            self.tables.append(table)
            for row in found.rows:
                start, end = bmap(row.start), bmap(row.end - 1) + 1
                spans = [(bmap(a), bmap(b - 1) + 1) if b > a else (start, start) for a, b in row.spans]
                cells = [[_mapped(piece, bmap) for piece in cell] for cell in row.cells]
                text = collapse(self.index.text[start:end])
                item = _Item(start, end, [], "|", None, 0, text, self.keys, None, "row", number, cells, spans)
                self.keys += 1
                table.rows.append(item)
                self.items.append(item)

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
        first_line, last_line = self.index.lines[start], self.index.lines[end - 1]
        self.blocks.append(
            (
                "code",
                self.index.char_starts[start] + len(first_line) - len(first_line.lstrip(" \t>")),
                self.index.char_starts[end - 1] + len(last_line.rstrip()),
                False,
            )
        )


def _mapped(piece: Piece, bmap: BlockMap) -> Piece:
    """A piece of an HTML block with its link's offsets in the block's text mapped to the source."""
    if piece.start < 0:
        return piece
    return replace(piece, start=bmap(piece.start), end=bmap(piece.end - 1) + 1)


def _link_paragraphs(blocks: list[Token]) -> set[int]:
    """The paragraphs of an item after its first that are each one link labelled by a name or title and nothing
    else, where there are two or more of them and the item's own first paragraph links nothing: a label over the
    papers it lists."""
    if len(blocks) < 3 or blocks[0].get("type") not in ("paragraph", "block_text") or _links_in(blocks[0]):
        return set()
    found = {
        number
        for number, block in enumerate(blocks[1:], 1)
        if block.get("type") == "paragraph"
        and len(inline := [c for c in block.get("children", []) if c.get("type") != "softbreak" and _shown(c)]) == 1
        and inline[0].get("type") == "link"
        and label_kind(_plain(inline[0].get("children", []))) == "text"  # (`[github](url)` is the item's own link)
    }
    return found if len(found) >= 2 else set()


def _shown(token: Token) -> bool:
    """An inline token that shows something (not blank text)."""
    return token.get("type") != "text" or bool(token.get("raw", "").strip())


def _links_in(token: Token) -> bool:
    """Whether a block's inline tokens hold a link."""
    return any(c.get("type") == "link" or _links_in(c) for c in token.get("children", []) or [])


def _text(token: Token) -> str:
    """A text token's text, its character references (`&amp;`, `&nbsp;`) resolved as a browser shows them."""
    raw: str = token.get("raw", "")
    return html.unescape(raw) if "&" in raw else raw


def _plain(tokens: list[Token]) -> str:
    if len(tokens) == 1 and tokens[0].get("type") == "text":  # most links' labels
        return _text(tokens[0])
    out: list[str] = []
    for token in tokens:
        kind = token.get("type")
        if kind == "text":
            out.append(_text(token))
        elif kind == "codespan":
            out.append(token.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            out.append(" ")
        elif "children" in token and kind != "image":
            out.append(_plain(token["children"]))
    return "".join(out)


def _flatten(
    tokens: list[Token],
    pieces: list[Piece],
    offset: Offset,
    text: str,
    emphasis: str = "",
    html: list[str] | None = None,
) -> None:
    """Turn inline tokens into text, link and image pieces, mapping link offsets to the source."""
    html = [] if html is None else html
    group = html[-1] if html else ""
    resume = 0
    for number, token in enumerate(tokens):
        if number < resume:
            continue
        kind = token.get("type")
        if kind == "text":
            pieces.append(Piece(_text(token), emphasis=emphasis, html=group))
        elif kind == "codespan":
            pieces.append(Piece(token.get("raw", ""), emphasis=emphasis, code=True, html=group))
        elif kind == "softbreak":
            pieces.append(Piece(" ", emphasis=emphasis, newline=True, html=group))
        elif kind == "linebreak":
            pieces.append(Piece(" ", emphasis=emphasis, brk=True, html=group))
        elif kind == "inline_html":
            resume = _anchor(tokens, number, pieces, offset, emphasis)
            if resume <= number:
                group = inline_tag(token.get("raw", ""), pieces, html)
        elif kind == "link":
            label = collapse(_plain(token.get("children", [])))
            start = end = -1
            style: str = token.get("_style", "inline")
            url = token.get("attrs", {}).get("url", "")
            if "_pos" in token:
                start = offset(token["_pos"][0])
                end = offset(token["_pos"][1] - 1) + 1
                raw = text[start:end]
                if style == "inline":
                    url = _raw_destination(raw) or url
                elif style in ("autolink", "bare"):
                    url = raw.strip("<>")
            pieces.append(Piece(label, link=True, url=url, style=style, start=start, end=end, emphasis=emphasis))
            _images(token.get("children", []), pieces)
        elif kind in ("strong", "emphasis"):
            inner = "strong" if "strong" in (emphasis, kind) else "em"
            _flatten(token.get("children", []), pieces, offset, text, inner, html)
        elif kind == "image":
            _images([token], pieces)
        elif "children" in token:
            _flatten(token["children"], pieces, offset, text, emphasis, html)


def _anchor(tokens: list[Token], number: int, pieces: list[Piece], offset: Offset, emphasis: str) -> int:
    """Read `<a href="url">label</a>` opening at `tokens[number]` as one link piece (with the images inside it after
    it); returns the index after its `</a>`, or 0 when the tag opens no link closed among `tokens`."""
    opening = tokens[number]
    url = anchor_href(opening.get("raw", ""))
    if url is None or "_pos" not in opening:
        return 0
    for close in range(number + 1, len(tokens)):
        token = tokens[close]
        if token.get("type") == "inline_html" and closes_anchor(token.get("raw", "")):
            break
    else:
        return 0
    if "_pos" not in token:
        return 0
    inner = tokens[number + 1 : close]
    start, end = offset(opening["_pos"][0]), offset(token["_pos"][1] - 1) + 1
    label = collapse(_plain(inner))
    pieces.append(Piece(label, link=True, url=url, style="html", start=start, end=end, emphasis=emphasis))
    _images(inner, pieces)
    for inside in inner:
        if inside.get("type") == "inline_html" and inside.get("raw", "").lstrip()[:4].lower() == "<img":
            inline_tag(inside["raw"], pieces, [])
    return close + 1


def _images(tokens: list[Token], pieces: list[Piece]) -> None:
    """Image pieces (alt text and source) for the images among `tokens`, badges inside links included."""
    for token in tokens:
        if token.get("type") == "image":
            pieces.append(
                Piece(_plain(token.get("children", [])), url=token.get("attrs", {}).get("url", ""), image=True)
            )


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


def build(
    path: str,
    text: str,
    data: bytes | None = None,
    bom: bool = False,
    newline: str = "\n",
    facts: bool = True,
    comments: bool = False,
    split_from: int | None = SPLIT_ITEMS,
) -> Document:
    """Parse LF-normalised Markdown text into a Document; `data` are the file's bytes for byte offsets. Without
    `facts` the document has no block facts (code lines, blocks, inline HTML, and comments unless `comments`),
    which saves memory. A list of `split_from` items or more (None: never) has its later items read by a forked
    child meanwhile.

    The cyclic garbage collector is paused meanwhile: the parse makes a great many containers that live until
    it ends and no cycles, so its collections would only walk them over and over."""
    with paused_collection():
        return _build(path, text, data, bom, newline, facts, comments, split_from)


def _build(
    path: str,
    text: str,
    data: bytes | None,
    bom: bool,
    newline: str,
    facts: bool,
    comments: bool,
    split_from: int | None,
) -> Document:
    index = LineIndex(text, data, bom)
    builder = _Builder(index, Aligner(index), keep_facts=facts or comments)
    for token in iter_ast(text):  # one top-level block's tokens at a time, freed once walked
        builder.walk([token])
    builder.aligner.release()
    if not facts:
        builder.code_lines.clear()
        builder.blocks.clear()
        builder.inline_html.clear()
        if not comments:
            builder.comments.clear()
    shapes = [shape for _item, shape in builder.paragraphs]
    kinds = infer.paragraph_entries(shapes)
    builder.items.extend(item for item, shape in builder.paragraphs if shape in kinds)
    return _assemble(path, text, index, builder, bom, newline, split_from)


@dataclass(slots=True)
class _Reading:
    """An item (or one citation of it) with where it stands and what the reader found."""

    item: _Item
    section: tuple[str, ...]
    heading_year: int | None
    pieces: list[Piece]
    fields: Fields
    start: int
    end: int
    text: str
    block: EntryBlock = "item"
    own: str | None = None
    extra: list[tuple[Piece, LinkRole]] = field(default_factory=list)
    """Links of sub-items that belong to this entry (code given as `+ [owner/repo](url)` below a paper)."""


def _assemble(
    path: str, text: str, index: LineIndex, builder: _Builder, bom: bool, newline: str, split_from: int | None
) -> Document:
    events: list[tuple[int, int, Any]] = [(h.start, 0, h) for h in builder.headings]
    events += [(it.start, 1, it) for it in builder.items]
    events.sort(key=lambda e: (e[0], e[1]))

    # Section tree as mutable nodes first, then frozen.
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    readings: list[_Reading] = []
    owner: list[dict[str, Any] | None] = []
    pending: list[tuple[_Item, tuple[str, ...], int | None]] = []
    nodes: list[dict[str, Any] | None] = []
    title = None
    first_heading = None
    for _start, _kind, event in events:
        if isinstance(event, _Heading):
            while stack and stack[-1]["level"] >= event.level:
                stack.pop()
            path_ = (*(n["heading"] for n in stack), event.text)
            node: dict[str, Any] = {
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
        pending.append((event, stack[-1]["path"] if stack else (), stack[-1]["year"] if stack else None))
        nodes.append(stack[-1] if stack else None)
    for found, parent in zip(_read_items(pending, builder, index, split_from), nodes, strict=True):
        readings += found
        owner += [parent] * len(found)

    _apply_templates(readings, builder)
    _group_labels(readings, builder.items)
    _attach_labelled_items(readings, owner)
    _attach_field_items(readings, owner)
    _decide_kinds(readings, {github_anchor(h.text) for h in builder.headings})
    _attach_code_items(readings)
    _heading_venues(readings)

    # Each reading (its pieces and fields) is freed once its entry is made, and the builder's items with it.
    events.clear()
    builder.items.clear()
    builder.paragraphs.clear()
    builder.tables.clear()
    readings.reverse()
    owner.reverse()
    entries: list[Entry] = []
    while readings:
        entry = _entry(readings.pop(), index)
        entries.append(entry)
        section_node = owner.pop()
        if section_node is not None:
            section_node["entries"].append(entry)

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
        blocks=tuple(
            LeafBlock(kind, index.span(start, end), comment)
            for kind, start, end, comment in sorted(builder.blocks, key=_by_start)
        ),
        inline_html=tuple(index.span(start, end) for start, end in sorted(builder.inline_html)),
        comments=tuple(index.span(start, end) for start, end in sorted(builder.comments)),
    )


def _by_start(block: tuple[BlockKind, int, int, bool]) -> tuple[int, int]:
    return block[1], block[2]


_Packed = tuple[
    Fields, "list[Piece] | None", int, int, "str | None", EntryBlock, "str | None", list[tuple[Piece, LinkRole]]
]
"""A reading as a child sends it back: its item, section and year left out (the parent has them), and its pieces
and text too where they are the item's own."""


def _read_items(
    items: list[tuple[_Item, tuple[str, ...], int | None]], builder: _Builder, index: LineIndex, split_from: int | None
) -> list[list[_Reading]]:
    """Each item's first readings (with its section and heading year). From `split_from` items on, a forked child
    reads the later items meanwhile and sends its readings back (see `workers`); each item is read on its own, so
    the readings are the same either way."""
    if split_from is not None and len(items) >= max(split_from, 2):
        from awesome_lint.workers import may_share  # (a small list needs no worker machinery)

        if may_share():
            return _read_shared(items, builder, index)
    return [_first_readings(item, section, year, builder, index) for item, section, year in items]


def _read_shared(
    items: list[tuple[_Item, tuple[str, ...], int | None]],
    builder: _Builder,
    index: LineIndex,
) -> list[list[_Reading]]:
    """The first readings of `items`, the later ones read by a forked child meanwhile."""
    from awesome_lint.workers import Forked

    cut = len(items) * _PARENT_SHARE // 100
    theirs = items[cut:]

    def read_theirs() -> list[list[_Packed]]:
        return [[_pack(r) for r in _first_readings(item, s, y, builder, index)] for item, s, y in theirs]

    with Forked(read_theirs) as child:
        mine = [_first_readings(item, section, year, builder, index) for item, section, year in items[:cut]]
        packed = child.result()
    return mine + [
        [_unpack(p, item, section, year) for p in found]
        for (item, section, year), found in zip(theirs, packed, strict=True)
    ]


def _pack(reading: _Reading) -> _Packed:
    item = reading.item
    pieces = None if reading.pieces is item.pieces else reading.pieces
    text = None if reading.text is item.text else reading.text
    return reading.fields, pieces, reading.start, reading.end, text, reading.block, reading.own, reading.extra


def _unpack(packed: _Packed, item: _Item, section: tuple[str, ...], year: int | None) -> _Reading:
    fields, pieces, start, end, text, block, own, extra = packed
    return _Reading(
        item,
        section,
        year,
        item.pieces if pieces is None else pieces,
        fields,
        start,
        end,
        item.text if text is None else text,
        block,
        own,
        extra,
    )


def _table_roles(table: _Table) -> list[str]:
    """The roles of a table's columns, worked out on first use (in each process that reads its rows)."""
    if not table.roles:
        table.roles = column_roles(table.header, [row.cells for row in table.rows])
    return table.roles


def _first_readings(
    item: _Item, section: tuple[str, ...], year: int | None, builder: _Builder, index: LineIndex
) -> list[_Reading]:
    """An item read on its own: one reading, or one per citation when it cites papers on separate lines."""
    if item.block == "row":
        found = read_row(item.cells, _table_roles(builder.tables[item.table]), section, year, NEUTRAL)
        if found is None:
            return []
        pieces, fields = found
        return [_Reading(item, section, year, pieces, fields, item.start, item.end, item.text, "row")]
    if item.parts:
        head, title = item.parts
        pieces, fields = recognise_block(
            item.pieces[:head], item.pieces[head:title], item.pieces[title:], section, year
        )
        return [_Reading(item, section, year, pieces, fields, item.start, item.end, item.text, item.block)]
    fields = recognise(item.pieces, section, year, NEUTRAL)
    whole = _Reading(item, section, year, item.pieces, fields, item.start, item.end, item.text, item.block)
    if item.block == "paragraph" or not any(p.newline for p in item.pieces):
        return [whole]
    return _citations(whole, index) or [whole]


def _apply_templates(readings: list[_Reading], builder: _Builder) -> None:
    """Learn the template of each top-level section (the whole list where a section is too small to tell) and
    read again the items whose first reading asked a question the template answers differently."""
    overall = infer.votes(r.fields for r in readings if r.block != "row")
    parts: dict[str, list[_Reading]] = {}
    for reading in readings:
        parts.setdefault(reading.section[0] if reading.section else "", []).append(reading)
    for part in parts.values():
        template = infer.learn(infer.votes(r.fields for r in part if r.block != "row"), overall)
        for reading in part:
            if infer.needs_rereading(reading.fields, template):
                reading.fields = _reread(reading, builder, template)


def _reread(reading: _Reading, builder: _Builder, template: Template) -> Fields:
    item = reading.item
    if reading.block == "row":
        table = builder.tables[item.table]
        found = read_row(item.cells, _table_roles(table), reading.section, reading.heading_year, template)
        return found[1] if found is not None else reading.fields
    if item.parts:
        return reading.fields  # a paper block asks the template nothing
    return recognise(reading.pieces, reading.section, reading.heading_year, template)


def _citations(whole: _Reading, index: LineIndex) -> list[_Reading]:
    """The citations of an item that cites one paper per source line (`Authors. [Title](url). In Venue.`
    and, on the next line, `Authors. [Title]. Venue.`); empty when its lines are one citation."""
    lines: list[list[Piece]] = [[]]
    for piece in whole.pieces:
        if piece.newline:
            lines.append([])
        else:
            lines[-1].append(piece)
    if len(lines) < 2:
        return []
    readings = [recognise(line, whole.section, None, NEUTRAL) for line in lines]
    if not all(_complete_citation(f, line) for f, line in zip(readings, lines, strict=True)):
        return []
    item = whole.item
    out: list[_Reading] = []
    for number, (fields, line_pieces) in enumerate(zip(readings, lines, strict=True)):
        source_line = item.first_line + number
        if source_line >= len(index.lines):
            return []
        line_text = index.lines[source_line]
        begin = index.char_starts[source_line] + len(line_text) - len(line_text.lstrip(" \t>"))
        start = item.start if number == 0 else begin
        end = item.end if number == len(lines) - 1 else index.char_starts[source_line] + len(line_text.rstrip())
        if find_collapsed(index.text, clean_title(fields.title), start, end) is None:
            return []
        fields.year = fields.year if fields.year is not None else whole.heading_year
        block: EntryBlock = "item" if number == 0 else "citation"
        text = collapse(index.text[start:end])
        out.append(_Reading(item, whole.section, whole.heading_year, line_pieces, fields, start, end, text, block))
    return out


def _group_labels(readings: list[_Reading], items: list[_Item]) -> None:
    """A bullet that is only a year or a venue (`- **Year 2024**` / `  - **CVPR**`) and holds items of its own is a
    label, no entry: the items below it take its year and venue where they name none of their own."""
    parents = {item.parent for item in items if item.parent is not None}
    labels: dict[int, tuple[int | None, str | None, str]] = {}
    for item in items:
        if item.key in parents and (label := _group_label(item)) is not None:
            labels[item.key] = label
    if not labels:
        return
    by_key = {item.key: item for item in items}
    for reading in readings:
        item = reading.item
        if item.key in labels:
            reading.fields.kind = "other"
            continue
        year, venue, raw = None, None, ""
        parent = item.parent
        while parent is not None and parent in by_key:
            if parent in labels:
                found_year, found_venue, found_raw = labels[parent]
                year = year or found_year
                if venue is None and found_venue is not None:
                    venue, raw = found_venue, found_raw
            parent = by_key[parent].parent
        fields = reading.fields
        if year is not None and fields.year in (None, reading.heading_year):
            fields.year = year
        if venue is not None and fields.venue is None:
            fields.venue, fields.venue_raw = venue, raw


def _group_label(item: _Item) -> tuple[int | None, str | None, str] | None:
    """The year and known venue a bullet of one short phrase and no link names (`**Year 2024**`, `**CVPR**`,
    `2023`), with its text; None for any other bullet."""
    if item.block not in ("item", "paragraph") or any(p.link or p.image for p in item.pieces):
        return None
    text = collapse("".join(p.text for p in item.pieces)).strip(" *_:")
    if not text or len(text.split()) > 3:
        return None
    year = _LABEL_YEAR.fullmatch(text)
    if year is not None:
        return int(year.group(1)), None, text
    found = read_venue(text)
    if found is None or not (found.known or found.year is not None) or found.arxiv:
        return None
    return found.year, found.venue if found.known else None, text


def _heading_venues(readings: list[_Reading]) -> None:
    """A paper that names no venue of its own takes the one its heading names (`## ICCV 2023`)."""
    for reading in readings:
        fields = reading.fields
        if fields.kind == "paper" and fields.venue is None and (named := section_venue(reading.section)) is not None:
            fields.venue, fields.venue_raw = named


def _heading_links(reading: _Reading, anchors: set[str]) -> bool:
    """An item of a table of contents that links the list's headings through its repository's page
    (`[Framework](https://github.com/owner/repo#framework)`), as `[Framework](#framework)` does, citing nothing."""
    fields = reading.fields
    if fields.arxiv is not None or fields.venue is not None or fields.authors is not None or fields.year is not None:
        return False
    links = [p.url for p in reading.pieces if p.link]
    return all(
        "#" in url and url.rpartition("#")[2].lower() in anchors and is_repository(url.partition("#")[0])
        for url in links
    )


def _complete_citation(fields: Fields, pieces: list[Piece]) -> bool:
    """A line that is a citation on its own: a title, authors before it and a venue or year after it."""
    text = "".join(p.text for p in pieces).strip()
    return (
        bool(fields.title)
        and len(fields.title.split()) >= 2
        and fields.authors is not None
        and (fields.venue is not None or fields.year is not None)
        and text.endswith((".", ")"))
    )


def _decide_kinds(readings: list[_Reading], anchors: set[str]) -> None:
    """Each entry's kind: its own evidence, else what most entries of its section, or else its list, are
    (`anchors`: the ids of the document's headings, for a table of contents that links them in full)."""
    by_section: dict[tuple[str, ...], list[str | None]] = {}
    part = infer.part_level(r.section for r in readings)
    linked = [any(p.link for p in reading.pieces) for reading in readings]
    for reading, has_links in zip(readings, linked, strict=True):
        if has_links and _heading_links(reading, anchors):
            reading.fields.kind = "other"
        reading.own = infer.own_kind(reading.fields, reading.section, has_links, part)
        by_section.setdefault(reading.section, []).append(reading.own)
    list_prior = infer.majority(k for r in readings for k in [r.own])  # type: ignore[misc]
    priors = {section: infer.majority(kinds) for section, kinds in by_section.items()}  # type: ignore[arg-type]
    form = infer.paper_form((r.fields, r.own) for r in readings)  # type: ignore[misc]
    for reading, has_links in zip(readings, linked, strict=True):
        prior = priors.get(reading.section) or list_prior
        kind = infer.decide_kind(reading.own, reading.fields, has_links, prior, form)  # type: ignore[arg-type]
        fields = reading.fields
        fields.kind = kind
        if kind == "paper":
            roles = infer.paper_roles(reading.pieces, fields.roles)
            if roles != fields.roles and fields.arxiv is None:  # (a dataset's `[📄](arxiv)`, now the paper's link)
                found = linked_arxiv(reading.pieces, roles)
                fields.arxiv = found if found is not None and arxiv_id.is_valid(found.id) else None
            fields.roles = roles
        else:
            fields.authors = fields.venue = fields.venue_raw = fields.year = fields.arxiv = None
            own_link = reading.pieces[fields.title_link] if fields.title_link is not None else None
            links = [p for p in reading.pieces if p.link]
            fields.roles = [
                role
                if (role == "code" and (piece is not own_link or fields.implementation)) or piece.url.startswith("#")
                else "project"
                for piece, role in zip(links, fields.roles, strict=True)
            ]
            if kind == "resource" and own_link is None and fields.title_form not in ("bold", "quoted"):
                fields.title = _resource_name(fields.title)
            if kind == "other" and not fields.title:
                fields.title = clean_title("".join(p.text for p in reading.pieces if not p.image))  # `ICLR 2020`


def _resource_name(title: str) -> str:
    """The name of a resource written as `Name: what it does` (`llama.cpp: Inference of LLaMA in C/C++`)."""
    name, sep, _rest = title.partition(": ")
    return name.strip() if sep and 0 < len(name.split()) <= 3 else title


def _attach_field_items(readings: list[_Reading], owner: list[Any]) -> None:
    """Sub-items without a link that are only a field of the item above (`  - Han Cai, Chuang Gan`, `  - ICLR
    2020`) give it that field where it has none, and are no entries of their own."""
    by_key = {r.item.key: r for r in readings if r.block == "item"}
    dropped: set[int] = set()
    for reading in readings:
        parent = by_key.get(reading.item.parent) if reading.item.parent is not None else None
        fields = reading.fields
        if parent is not None and reading.block == "item" and (text := _dated_description(reading.pieces)):
            parent.fields.notes.append(text)  # `  - 2023/03, Tsinghua University proposes …`
            dropped.add(id(reading))
            continue
        if parent is None or reading.block != "item" or any(p.link for p in reading.pieces):
            continue
        own_year = fields.year is not None and fields.year != reading.heading_year  # (not the heading's)
        if not (fields.venue or own_year) and _plain_field_line(reading, parent):
            whole = collapse("".join(p.text for p in reading.pieces if not p.image)).strip(" ,;.")
            if whole and looks_like_authors(whole):
                fields.authors, fields.title = whole, ""  # `  - A, B, C and D`: names, however the reader split them
            elif (slot := _venue_line(whole)) is not None:  # `  - ADMA 2013`
                fields.venue, fields.venue_raw, fields.year, fields.title = slot.venue, whole, slot.year, ""
            elif (cited := _cited_line(whole)) is not None:  # `  - A, B. NeurIPS 2023. 03/2023.`
                fields.authors, slot, raw, year, notes = cited
                fields.venue, fields.venue_raw, fields.year, fields.title = slot.venue, raw, year, ""
                parent.fields.notes.extend(n for n in notes if n not in parent.fields.notes)
        if (cited_em := _emphasised_citation(reading, parent)) is not None:  # `  - Judea Pearl. *Stat. Surv.*, 2009.`
            fields.authors, found, fields.year, fields.title = cited_em
            fields.venue, fields.venue_raw = found.venue, found.venue
        names = fields.title.strip(" ,;")
        if (fields.title and not (fields.venue or fields.year)) or (names and not looks_like_authors(names)):
            continue  # (`  - Hilde Kuehne, Ali Arslan, and Thomas Serre, *CVPR 2014*.`: names and a venue, read above)
        if names:
            fields.authors = fields.authors or names
        if _give_fields(parent, reading):
            dropped.add(id(reading))
    _drop(readings, owner, dropped)


def _emphasised_citation(reading: _Reading, parent: _Reading) -> tuple[str, VenueField, int, str] | None:
    """A sub-item that cites the linked paper above it as `Names. *Venue*, Year.` or `Names *Venue Year*`: the names
    (one, or a list however odd its names: `Xingzhe Su1`, `Maartje ter Hoeve`), the emphasised venue (known or not),
    the year and an empty title; None for any other sub-item."""
    pieces = [p for p in reading.pieces if p.text.strip()]
    marked = [n for n, p in enumerate(pieces) if p.emphasis]
    if len(marked) != 1 or pieces[marked[0]].emphasis != "em" or not any(p.link for p in parent.pieces):
        return None
    before = collapse("".join(p.text for p in pieces[: marked[0]]))
    rest = collapse("".join(p.text for p in pieces[marked[0] + 1 :])).strip(" .")
    after = _CITED_YEAR.fullmatch(rest) if rest else None
    names = before.rstrip(" .,;")
    found = read_venue(collapse(pieces[marked[0]].text))
    if found is None or found.venue is None or not names or not listed_loosely(names):
        return None
    if after is None:  # `  - Matt J. Kusner, José Miguel Hernández-Lobato *ICLR 2018*`: the year in the venue run
        return (names, found, found.year, "") if not rest and found.year is not None else None
    if not before.endswith(".") or found.year not in (None, int(after.group(1))):
        return None
    return names, found, int(after.group(1)), ""


def _plain_field_line(reading: _Reading, parent: _Reading) -> bool:
    """Whether a sub-item may be read whole as one field of its parent: the parent links its paper, and the sub-item
    has no emphasis (`  - N. Carlini, … **Title.**` is a paper of its own)."""
    return any(p.link for p in parent.pieces) and not any(p.emphasis for p in reading.pieces)


def _venue_line(text: str) -> VenueField | None:
    """A sub-item that is only a venue and its year: a venue the table knows, or an acronym (`ADMA 2013`,
    `AKBC 19`); None for any other text (`Deep Learning 2017`)."""
    found = read_slot(text) if text else None
    if found is None or found.venue is None or found.year is None:
        return None
    return found if found.known or _ACRONYM.fullmatch(found.venue) else None


def _cited_line(text: str) -> tuple[str, VenueField, str, int | None, list[str]] | None:
    """A sub-item that cites its parent in full stops: names, a venue the table knows (and its year), then the month
    it was posted (`03/2023`, which gives the year where the venue has none) and remarks (`Bandit problem`): the
    names, the venue, its text, the year and the remarks; None for any other text."""
    parts = text.split(". ")
    for cut in range(1, len(parts)):
        slot = read_slot(parts[cut].strip())
        if slot is None or not slot.known or slot.venue is None:
            continue
        names = ". ".join(parts[:cut]).strip(" ,;")
        if not looks_like_authors(names):
            return None
        year, notes = slot.year, []
        for part in parts[cut + 1 :]:
            posted = _POSTED_MONTH.fullmatch(part.strip(" ."))
            if posted is not None:
                year = year or int(posted.group("year"))
            elif part.strip(" ."):
                notes.append(part.strip(" ."))
        return names, slot, parts[cut].strip(), year, notes
    return None


def _dated_description(pieces: list[Piece]) -> str:
    """The text of a sub-item that is a dated sentence about the item above (`2023/06, Baichuan proposes the
    Baichuan-7B, …`), or "" for any other sub-item."""
    if not pieces or pieces[0].text[:2] not in ("19", "20"):
        return ""
    text = collapse("".join(p.text for p in pieces))
    m = _DATED_SENTENCE.match(text)
    return text if m is not None and _description(text[m.end() :]) else ""


def _give_fields(parent: _Reading, reading: _Reading) -> bool:
    """Give the item above the authors, venue and year a sub-item holds, where it has none; whether it held any."""
    fields, target = reading.fields, parent.fields
    if fields.authors is not None and target.authors is None:
        target.authors = fields.authors
    if fields.venue is not None and target.venue is None:
        target.venue, target.venue_raw = fields.venue, fields.venue_raw
    if fields.year is not None and fields.year != reading.heading_year and target.year in (None, parent.heading_year):
        target.year = fields.year
    target.paper_evidence = target.paper_evidence or fields.venue is not None or fields.authors is not None
    return fields.authors is not None or fields.venue is not None or fields.year is not None


def _drop(readings: list[_Reading], owner: list[Any], dropped: set[int]) -> None:
    """Remove the readings (by `id`) that another item took in, with their section owners."""
    if dropped:
        kept = [n for n, reading in enumerate(readings) if id(reading) not in dropped]
        readings[:] = [readings[n] for n in kept]
        owner[:] = [owner[n] for n in kept]


def _field_label(reading: _Reading) -> tuple[str, str] | None:
    """A sub-item that opens with `Label:` (after any emoji: `📜 Paper:`, `:link:Link:`): the label (lower-cased)
    and the rest of its first piece."""
    first = reading.pieces[0] if reading.pieces else None
    if first is None or first.link or first.image or (":" not in first.text and "：" not in first.text):
        return None
    text = first.text
    for piece in reading.pieces[1:]:  # (`**:file_folder:Dataset:**` comes in three pieces, split at the `_`)
        if piece.link or piece.image or piece.emphasis != first.emphasis or not first.emphasis:
            break
        text += piece.text
    text = text[leading_decoration(text) :]
    m = _FIELD_LABEL.match(text)
    if m is None or (first.emphasis and text[m.end() :].strip()):
        return None  # `**Trustworthy LLMs: a Survey …**`: the colon is inside an emphasised title
    return collapse(m.group(1)).lower(), text[m.end() :]


def _link_label(reading: _Reading) -> tuple[str, str] | None:
    """A sub-item that is only links labelled by their role (`  - [paper](url)`, `  - [code](url)`), or badges of a
    paper link and others: read as the field `Paper:` / `Code:` / `Links:` of the item above it (a table of
    contents' `[arXiv](#arxiv)` is none; one with no address yet, `  - [[Code]]( )`, is)."""
    kinds = set()
    pieces = reading.pieces
    for number, piece in enumerate(pieces):
        if piece.link and not piece.image and not piece.url.startswith("#"):
            badge = is_badge(pieces, number)  # `<a href="abs"><img src="…/badge/arXiv-Paper-…"></a>`: its image says
            kinds.add(badge_role(pieces, number) if badge else label_kind(collapse(piece.text)))
        elif piece.link or piece.text.strip():
            return None
    if len(kinds) == 1 and kinds <= {"paper", "code"}:
        return kinds.pop(), ""
    # (badges of a paper and its page or code, `  - [![arXiv](…)](abs) [![Website](…)](site)`: each link its own)
    return ("links", "") if "paper" in kinds and kinds <= {"paper", "code", "project", "other"} else None


def _author_line(reading: _Reading) -> str | None:
    """The names of a sub-item without a link that lists names, or is one name (`  - Wenhao Li`): a paper's author
    line; None for any other sub-item."""
    if any(p.link for p in reading.pieces):
        return None
    fields = reading.fields
    if looks_like_authors(reading.text):
        return reading.text  # (`  - A B, C D, Philip S. Yu`, which the reader took for a title and its authors)
    if not fields.title:
        return fields.authors
    return fields.title if looks_like_name(fields.title) else None


def _attach_labelled_items(readings: list[_Reading], owner: list[Any]) -> None:
    """A paper's field sub-list (`  - Publisher: ICLR 2024`, `  - Code: [official](url)`, `  - Key: ...`): each
    labelled sub-item is a field of the titled item above it, never an entry; Publisher/Venue give venue and year,
    Code/GitHub code links, Authors the authors, any other label nothing. Its plain author line goes with it."""
    by_key = {r.item.key: r for r in readings if r.block in ("item", "paragraph")}
    parents = {r.item.parent for r in readings}
    children: dict[int, list[tuple[_Reading, tuple[str, str] | None]]] = {}
    for reading in readings:
        parent_key = reading.item.parent
        if parent_key is not None and reading.block == "item" and parent_key in by_key:
            # (an item with sub-items of its own is never a field line: `  - InfiGUIAgent: ...` / `    - Paper: url`)
            label = None if reading.item.key in parents else _field_label(reading) or _link_label(reading)
            children.setdefault(parent_key, []).append((reading, label))
    dropped: set[int] = set()
    for parent_key, subs in children.items():
        parent = by_key[parent_key]
        labels = [label[0] for _r, label in subs if label]
        names = subs[0][1] is None and _author_line(subs[0][0]) is not None  # `  - A, B, C` / `  - Key: survey`
        if not parent.fields.title or not (
            len(labels) >= 2 or any(label in _LABEL_ROLES for label in labels) or (labels and names)
        ):
            continue  # one sub-item with an unknown label (`- Note: ...`) is no field sub-list
        target = parent.fields
        for number, (reading, label) in enumerate(subs):
            if label is None:
                if any(p.link for p in reading.pieces):
                    continue  # not a field line: a sub-item of its own
                if reading.fields.title and labels and _description(reading.text):
                    target.notes.append(reading.text)  # `- Venue: ICML 2023` / `- Developed generalizable priors …`
                elif reading.fields.title:
                    line = _author_line(reading)
                    if number or line is None:
                        continue
                    target.authors = target.authors or line  # `  - A B, C D`, `  - Wenhao Li`: one author
                else:
                    _give_fields(parent, reading)
                dropped.add(id(reading))
                continue
            dropped.add(id(reading))
            role = _LABEL_ROLES.get(label[0])
            rest = reading.pieces[1:] if label[1] or not reading.pieces[0].link else reading.pieces
            value = collapse(label[1] + "".join(p.text for p in rest if not p.link and not p.image))
            if role == "venue":
                found = read_venue(value) if value else None
                if found is not None and found.venue is not None and target.venue is None:
                    target.venue, target.venue_raw = found.venue, value
                    target.paper_evidence = True
                if found is not None and found.year is not None and target.year in (None, parent.heading_year):
                    target.year = found.year
            elif role == "authors" and target.authors is None and looks_like_authors(value):
                target.authors = value
            elif role == "remark":
                first, _stop, more = value.strip().partition(". ")
                first = first.strip(" .")
                found = read_slot(first) if first else None
                if found is not None and found.known and found.venue is not None:
                    if target.venue is None:
                        target.venue, target.venue_raw = found.venue, first
                    if found.year is not None and target.year in (None, parent.heading_year):
                        target.year = found.year
                    value = more  # (the rest of the remark, if any, is a note)
                if value.strip(" .") and value.strip() not in target.notes:
                    target.notes.append(value.strip())
            elif role == "tags":
                target.tags.extend(tag for tag in (t.strip(" .") for t in value.strip(" :").split(",")) if tag)
            elif role is not None and role not in ("venue", "authors", "tags"):
                read = dict(zip((id(p) for p in reading.pieces if p.link), reading.fields.roles, strict=True))
                for piece in rest:
                    if piece.link and not piece.image:
                        _give_link(parent, piece, _labelled_role(role, piece.url, read[id(piece)]))
    _drop(readings, owner, dropped)


def _description(text: str) -> bool:
    """A sentence of eight words or more that describes the paper above it, among its fields."""
    return len(text.split()) >= 8 and sentence_like(text)


def _labelled_role(label_role: str, url: str, read: LinkRole) -> LinkRole:
    """The role of a link in a field sub-item by its label's role: `Code:` code, `Paper:` paper, `Project:` project,
    `Dataset:` other, `Link:` the role the link has by its own label (`[paper](url)`, `[code](url)`)."""
    if label_role == "code" or (label_role == "project" and is_code_host(url)):
        return "code" if not is_code_host(url) else code_role(url)
    if label_role in ("paper", "project", "other"):
        return label_role  # type: ignore[return-value]
    return read


def _give_link(parent: _Reading, piece: Piece, role: LinkRole) -> None:
    """Give the item above a link of a field sub-item; a paper link is evidence of a paper and may give its arXiv
    id."""
    parent.extra.append((piece, role))
    if role != "paper":
        return
    target = parent.fields
    target.paper_evidence = True
    linked = arxiv_id.parse_link(piece.url) if "arxiv" in piece.url.lower() else None
    if linked is not None and target.arxiv is None:
        target.arxiv = linked


def _attach_code_items(readings: list[_Reading]) -> None:
    """Sub-items that only give a paper's code (`+ [owner/repo](https://github.com/...)`) belong to it."""
    by_key = {r.item.key: r for r in readings if r.block != "citation"}
    for reading in readings:
        parent_key = reading.item.parent
        if parent_key is None or reading.block != "item":
            continue
        parent = by_key.get(parent_key)
        if parent is None or parent.fields.kind != "paper":
            continue
        links = [p for p in reading.pieces if p.link]
        fields = reading.fields
        if not links or fields.arxiv is not None or fields.venue is not None:
            continue
        if not is_code_host(links[0].url) and label_kind(collapse(links[0].text)) != "code":
            continue
        if code_role(links[0].url) != "code":
            continue  # `+ [notes](https://github.com/u/r/blob/master/notes/x.md)`: notes, not the paper's code
        fields.kind = "resource"
        fields.authors = fields.venue = fields.venue_raw = fields.year = None
        fields.roles = [
            code_role(p.url) if is_code_host(p.url) or i == 0 else r
            for i, (p, r) in enumerate(zip(links, fields.roles, strict=True))
        ]
        for piece, role in zip(links, fields.roles, strict=True):
            if role == "code":
                parent.extra.append((piece, role))


def _heading_year(text: str, stack: list[dict[str, Any]]) -> int | None:
    """The year a heading gives its items: its own (`## 2019`, `## ICCV 2023`: a venue the table knows and its
    year), else its parent's."""
    m = _YEAR_HEADING.match(text)
    if m:
        return int(m.group(1))
    found = known_dated(text)
    if found is not None:
        return found.year
    return stack[-1]["year"] if stack else None


def _entry(reading: _Reading, index: LineIndex) -> Entry:
    fields = reading.fields
    item = reading.item
    links = []
    link_pieces = [p for p in reading.pieces if p.link]
    pairs = [*zip(link_pieces, fields.roles, strict=True), *reading.extra]
    title_piece = reading.pieces[fields.title_link] if fields.title_link is not None else None
    title_span = None
    for piece, role in pairs:
        if piece.start < 0:
            continue
        span = index.span(piece.start, piece.end)
        if piece is title_piece:
            title_span = span  # the title's link: one span for both
        style: LinkStyle = "empty" if not piece.url and piece.style == "inline" else piece.style  # type: ignore[assignment]
        links.append(Link(url=piece.url, label=piece.text, role=role, span=span, style=style))
    if title_piece is not None and title_piece.start >= 0:
        if title_span is None:
            title_span = index.span(title_piece.start, title_piece.end)
    elif fields.title:
        title_span = _find_title(fields.title, reading.start, reading.end, index)
    return Entry(
        kind=fields.kind,
        title=fields.title,
        span=index.span(reading.start, reading.end),
        section=reading.section,
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
        cited_arxiv_ids=tuple([c.id for c in fields.cited]),
        links=tuple(links),
        text=reading.text,
        marker=item.marker,
        number=item.number if reading.block != "citation" else None,
        depth=item.depth,
        block=reading.block,
        cells=tuple(index.span(s, e) for s, e in item.cell_spans) if reading.block == "row" else (),
    )


def _find_title(title: str, start: int, end: int, index: LineIndex) -> Span | None:
    """The span of a title written as plain text inside the item, if it can be found."""
    plain = clean_title(title)
    found = find_collapsed(index.text, plain, start, end) if plain else None
    return index.span(*found) if found else None
