"""The common document model: every list, whatever its format, parses into these types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, TypeVar

SCHEMA_VERSION = 1

EntryKind = Literal["paper", "resource", "other"]
LinkRole = Literal["paper", "code", "project", "other"]


class _Roled(Protocol):
    """Anything with a link role (a parsed `Link`, a merge input's link)."""

    @property
    def role(self) -> LinkRole: ...


_L = TypeVar("_L", bound=_Roled)


def with_role(links: tuple[_L, ...], role: LinkRole) -> tuple[_L, ...]:
    """The links of one role, in order: what an entry's `paper_links` and `code_links` are."""
    return tuple(link for link in links if link.role == role)


LinkStyle = Literal["inline", "reference", "autolink", "bare", "empty", "html"]
EntryBlock = Literal["item", "row", "citation", "paragraph"]
BlockKind = Literal["paragraph", "heading", "code", "html", "table"]


@dataclass(frozen=True, slots=True)
class Span:
    """A source range: 1-based line/column (end exclusive) and byte offsets into the file."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int

    def to_json(self) -> dict[str, int]:
        """Return the span as a JSON object."""
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Link:
    """One link inside an entry: `[label](url)`, a reference link, an autolink or a bare URL."""

    url: str
    label: str
    role: LinkRole
    span: Span
    style: LinkStyle = "inline"

    def to_json(self) -> dict[str, Any]:
        """Return the link as a JSON object."""
        return {
            "url": self.url,
            "label": self.label,
            "role": self.role,
            "style": self.style,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Entry:
    """One list item: a paper, a resource (tool, list, project) or something else (TOC, tips)."""

    kind: EntryKind
    title: str
    span: Span
    section: tuple[str, ...] = ()
    title_span: Span | None = None
    authors: str | None = None
    year: int | None = None
    venue: str | None = None
    venue_raw: str | None = None
    notes: tuple[str, ...] = ()
    nickname: str | None = None
    tags: tuple[str, ...] = ()
    arxiv_id: str | None = None
    arxiv_id_malformed: bool = False
    cited_arxiv_ids: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    text: str = ""
    marker: str = "-"
    number: int | None = None
    depth: int = 0
    block: EntryBlock = "item"
    """Where the entry is written: a list `item`, a GFM table `row`, or a further `citation` inside the item
    before it (a second paper cited on a line of its own)."""
    cells: tuple[Span, ...] = ()
    """For a table row: the span of each cell's text, in column order."""

    @property
    def paper_links(self) -> tuple[Link, ...]:
        """Links whose role is `paper`."""
        return with_role(self.links, "paper")

    @property
    def code_links(self) -> tuple[Link, ...]:
        """Links whose role is `code`."""
        return with_role(self.links, "code")

    def to_json(self) -> dict[str, Any]:
        """Return the entry as a JSON object (schema 1)."""
        return {
            "kind": self.kind,
            "title": self.title,
            "authors": self.authors,
            "year": self.year,
            "venue": self.venue,
            "venue_raw": self.venue_raw,
            "notes": list(self.notes),
            "nickname": self.nickname,
            "tags": list(self.tags),
            "arxiv_id": self.arxiv_id,
            "arxiv_id_malformed": self.arxiv_id_malformed,
            "cited_arxiv_ids": list(self.cited_arxiv_ids),
            "section": list(self.section),
            "links": [link.to_json() for link in self.links],
            "marker": self.marker,
            "number": self.number,
            "depth": self.depth,
            "block": self.block,
            "cells": [cell.to_json() for cell in self.cells],
            "text": self.text,
            "span": self.span.to_json(),
            "title_span": self.title_span.to_json() if self.title_span else None,
        }


@dataclass(frozen=True, slots=True)
class Section:
    """A heading with the entries directly under it and its child sections."""

    heading: str
    level: int
    path: tuple[str, ...]
    span: Span
    entries: tuple[Entry, ...] = ()
    children: tuple[Section, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return the section tree as JSON; entries are given by their line numbers."""
        return {
            "heading": self.heading,
            "level": self.level,
            "path": list(self.path),
            "span": self.span.to_json(),
            "entry_lines": [entry.span.line for entry in self.entries],
            "sections": [child.to_json() for child in self.children],
        }


@dataclass(frozen=True, slots=True)
class LeafBlock:
    """A leaf block as the parser read it: a paragraph (a list item's text too), a heading, a code block, an HTML
    block or a GFM table. Its span runs from its first character to the end of its last line, a code block's
    fences and a setext heading's underline included."""

    kind: BlockKind
    span: Span
    comment: bool = False
    """For an HTML block: it holds nothing but HTML comments."""


class Positions(Protocol):
    """Turns offsets into the document text into spans and back (the parser's LineIndex)."""

    lines: list[str]

    def span(self, start: int, end: int) -> Span:
        """The span of text offsets [start, end)."""
        ...

    def offset(self, line: int, column: int) -> int:
        """The text offset of a 0-based line and column."""
        ...


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed list: its path, title, section tree and the flat list of every entry in order.

    `text` is the file's text with LF newlines; spans map into it (and into the file's bytes) through the
    position methods below, and `code_lines` are the 1-based lines of code blocks, fences included. The block
    facts come from the parser: `blocks` are the leaf blocks in source order, `inline_html` every piece of inline
    HTML (tags and comments) in text, and `comments` every HTML comment outside code (in HTML blocks and inline).
    """

    path: str
    title: str | None
    sections: tuple[Section, ...] = ()
    entries: tuple[Entry, ...] = ()
    text: str = field(default="", repr=False, compare=False)
    newline: str = "\n"
    bom: bool = False
    positions: Positions | None = field(default=None, repr=False, compare=False)
    code_lines: frozenset[int] = field(default=frozenset(), repr=False, compare=False)
    blocks: tuple[LeafBlock, ...] = field(default=(), repr=False, compare=False)
    inline_html: tuple[Span, ...] = field(default=(), repr=False, compare=False)
    comments: tuple[Span, ...] = field(default=(), repr=False, compare=False)

    def _index(self) -> Positions:
        if self.positions is None:
            raise ValueError(f"{self.path}: document was built without source positions")
        return self.positions

    @property
    def lines(self) -> list[str]:
        """The lines of `text`, without newlines."""
        return self._index().lines

    def span(self, start: int, end: int) -> Span:
        """The span of text offsets [start, end), with lines, columns and file byte offsets."""
        return self._index().span(start, end)

    def offsets(self, span: Span) -> tuple[int, int]:
        """The text offsets [start, end) of a span."""
        index = self._index()
        return index.offset(span.line - 1, span.column - 1), index.offset(span.end_line - 1, span.end_column - 1)

    def line_start(self, line: int) -> int:
        """The text offset where a 1-based line starts."""
        return self._index().offset(line - 1, 0)

    def source(self, span: Span) -> str:
        """The source text of a span (LF newlines)."""
        start, end = self.offsets(span)
        return self.text[start:end]

    def tail(self, span: Span, after: Span) -> str:
        """The source text of `span` that follows `after`, a part of it (such as a link inside an entry)."""
        return self.text[self.offsets(after)[1] : self.offsets(span)[1]]

    def between(self, first: Span, second: Span | None = None) -> str:
        """The source text from the end of `first` to the start of `second` (to the end of the text if None)."""
        start = self.offsets(first)[1]
        return self.text[start : len(self.text) if second is None else self.offsets(second)[0]]

    def iter_sections(self) -> list[Section]:
        """Every section of the tree, in document order."""
        out: list[Section] = []
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            out.append(section)
            stack.extend(reversed(section.children))
        return out

    def to_json(self, lazy: bool = False) -> dict[str, Any]:
        """Return the document as JSON (schema 1); `lazy` gives the entries as an iterator, made one at a time."""
        entries = (entry.to_json() for entry in self.entries)
        return {
            "path": self.path,
            "title": self.title,
            "newline": "crlf" if self.newline == "\r\n" else "lf",
            "bom": self.bom,
            "sections": [section.to_json() for section in self.sections],
            "entries": entries if lazy else list(entries),
        }


def documents_to_json(documents: list[Document], lazy: bool = False) -> dict[str, Any]:
    """The versioned JSON envelope for a list of parsed documents; `lazy` gives documents and entries as
    iterators."""
    docs = (doc.to_json(lazy) for doc in documents)
    return {"schema": SCHEMA_VERSION, "documents": docs if lazy else list(docs)}
