"""HTML `<table>` blocks in a list, read with the standard library's `html.parser` into rows of cells whose
pieces are read as a GFM table's are (imported only for a list that has one).

A table's cells are placed on a grid as a browser places them: a `colspan` cell takes its first column (the others
stay empty), a `rowspan` cell of plain text (a venue or year grouping rows) is repeated in the rows it spans, and
one holding links is not (its links belong to its own row). Header rows are the rows in `<thead>`, rows of `<th>`
cells, or, where a table marks none, a first row of short texts that links nothing, with the rows its `rowspan`
cells span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from awesome_lint.parse.fields import Piece, collapse
from awesome_lint.parse.markup import anchor_href, inline_tag
from awesome_lint.regex import lazy_compile

# Elements inside a table cell that end a line of its text, as `<br>` does.
_CELL_BREAKS = frozenset(("br", "hr", "p", "div", "li", "ul", "ol", "dl", "dt", "dd"))
_SPACES = lazy_compile(r"\s+")
_HEADER_TEXT = 30
"""The longest cell text of a first row taken for the header where the table marks none."""
_MAX_SPAN = 50
"""The largest `rowspan` or `colspan` followed; a larger one is read as 1."""


@dataclass(slots=True)
class HtmlCell:
    """A table cell: where it is in the block's text, its pieces, and the rows and columns it spans."""

    start: int
    end: int
    pieces: list[Piece] = field(default_factory=list)
    header: bool = False
    rows: int = 1
    columns: int = 1


@dataclass(slots=True)
class HtmlRow:
    """A table row as placed on the grid: one cell (maybe empty, with a span of no width) per column."""

    start: int
    end: int
    cells: list[list[Piece]]
    spans: list[tuple[int, int]]


@dataclass(slots=True)
class HtmlTable:
    """A table's header (one text per column) and its body rows; offsets are in the block's text."""

    header: list[str]
    rows: list[HtmlRow]


@dataclass(slots=True)
class _Row:
    start: int
    end: int
    head: bool
    cells: list[HtmlCell] = field(default_factory=list)


class _TableReader(HTMLParser):
    """Collects the rows of the outermost tables of an HTML block, with offsets into its text."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=True)
        self.raw = raw
        self.line_starts = [0]
        self.line_starts.extend(m.end() for m in re.finditer("\n", raw))
        self.tables: list[list[_Row]] = []
        self.depth = 0
        self.in_head = False
        self.row: _Row | None = None
        self.cell: HtmlCell | None = None
        self.groups: list[str] = []
        self.anchor: tuple[int, str, int] | None = None
        """An open link in the current cell: where its tag starts, its target, and its first piece's index."""

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._offset()
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
                self.in_head = False
            return
        if self.depth != 1:
            return
        end = at + len(self.get_starttag_text() or "")
        if tag == "thead":
            self.in_head = True
        elif tag in ("tbody", "tfoot"):
            self.in_head = False
        elif tag == "tr":
            self._close_row(at)
            self.row = _Row(at, end, self.in_head)
            self.tables[-1].append(self.row)
        elif tag in ("td", "th"):
            self._close_cell(at)
            if self.row is None:
                self.row = _Row(at, end, self.in_head)
                self.tables[-1].append(self.row)
            values = dict(attrs)
            self.cell = HtmlCell(at, end, [], tag == "th", _span(values.get("rowspan")), _span(values.get("colspan")))
            self.row.cells.append(self.cell)
            self.groups = []
        elif self.cell is not None:
            self._inline_start(tag, at, end)

    def _inline_start(self, tag: str, at: int, end: int) -> None:
        cell = self.cell
        assert cell is not None
        if tag == "a":
            url = anchor_href(self.raw[at:end])
            if url is not None and self.anchor is None:
                self.anchor = (at, url, len(cell.pieces))
        elif tag in _CELL_BREAKS:
            if any(p.text.strip() or p.image or p.link for p in cell.pieces):
                cell.pieces.append(Piece(" ", brk=True))
        else:
            inline_tag(self.raw[at:end], cell.pieces, self.groups)

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        close = self.raw.find(">", at)
        end = len(self.raw) if close < 0 else close + 1
        if tag == "table":
            if self.depth == 1:
                self._close_row(end)
            self.depth = max(self.depth - 1, 0)
            return
        if self.depth != 1:
            return
        if tag == "thead":
            self._close_row(end)
            self.in_head = False
        elif tag == "tr":
            self._close_row(end)
        elif tag in ("td", "th"):
            self._close_cell(end)
        elif self.cell is not None:
            if tag == "a" and self.anchor is not None:
                self._close_anchor(end)
            elif tag not in _CELL_BREAKS:
                inline_tag(self.raw[at:end], self.cell.pieces, self.groups)

    def handle_data(self, data: str) -> None:
        if self.cell is not None and self.depth == 1:
            group = self.groups[-1] if self.groups else ""
            self.cell.pieces.append(Piece(_SPACES.sub(" ", data), html=group))

    def _close_anchor(self, end: int) -> None:
        """Turn the pieces since the open `<a href>` into one link (its images kept after it)."""
        cell = self.cell
        assert cell is not None and self.anchor is not None
        start, url, first = self.anchor
        self.anchor = None
        inner = cell.pieces[first:]
        del cell.pieces[first:]
        label = collapse("".join(p.text for p in inner if not p.image and not p.brk))
        cell.pieces.append(Piece(label, link=True, url=url, style="html", start=start, end=end))
        cell.pieces.extend(p for p in inner if p.image)

    def _close_cell(self, end: int) -> None:
        if self.cell is not None:
            if self.anchor is not None:
                self._close_anchor(end)
            self.cell.end = max(self.cell.end, end)
            self.cell = None
            self.groups = []

    def _close_row(self, end: int) -> None:
        self._close_cell(end)
        if self.row is not None:
            self.row.end = max(self.row.end, end)
            self.row = None


def _span(value: str | None) -> int:
    """A `rowspan` or `colspan` value as a count of 1 to `_MAX_SPAN`."""
    try:
        count = int((value or "1").strip())
    except ValueError:
        return 1
    return count if 1 <= count <= _MAX_SPAN else 1


def read_tables(raw: str) -> list[HtmlTable]:
    """The tables of an HTML block's text, each with its header and body rows on one grid of columns."""
    reader = _TableReader(raw)
    reader.feed(raw)
    reader.close()
    reader._close_row(len(raw.rstrip()))
    return [table for rows in reader.tables if rows and (table := _grid(rows)) is not None]


def _grid(rows: list[_Row]) -> HtmlTable | None:
    """Place the cells of `rows` on one grid and split off the header rows."""
    rows = [row for row in rows if row.cells]
    if not rows:
        return None
    head_count = _header_rows(rows)
    width = max(sum(cell.columns for cell in row.cells) for row in rows)
    pending: dict[int, tuple[int, HtmlCell]] = {}  # a column's cell from a row above, and how many more rows it spans
    header = [""] * width
    body: list[HtmlRow] = []
    for number, row in enumerate(rows):
        # Each column's cell, and whether it stands there from a row above; `taken` marks the columns filled so far.
        placed: list[tuple[HtmlCell | None, bool]] = [(None, False)] * width
        taken = [False] * width
        for column, (left, spanning) in list(pending.items()):
            placed[column], taken[column] = (spanning, True), True
            if left <= 1:
                del pending[column]
            else:
                pending[column] = (left - 1, spanning)
        column = 0
        for cell in row.cells:
            while column < width and taken[column]:
                column += 1
            if column >= width:
                break
            placed[column] = (cell, False)
            for covered in range(column, min(column + cell.columns, width)):
                taken[covered] = True
                if cell.rows > 1:
                    pending[covered] = (cell.rows - 1, cell) if covered == column else (cell.rows - 1, _COVERED)
            column += cell.columns
        if number < head_count:
            for column, (found, _above) in enumerate(placed):
                text = collapse("".join(p.text for p in found.pieces if not p.image)) if found is not None else ""
                header[column] = text or header[column]
            continue
        cells: list[list[Piece]] = []
        spans: list[tuple[int, int]] = []
        for found, above in placed:
            if found is None or (above and any(p.link for p in found.pieces)):
                cells.append([])
                spans.append((row.start, row.start))
            else:
                cells.append(list(found.pieces))
                spans.append((row.start, row.start) if above else (found.start, found.end))
        body.append(HtmlRow(row.start, row.end, cells, spans))
    return HtmlTable(header, body) if body else None


_COVERED = HtmlCell(-1, -1)
"""Stands in a column that a cell spanning rows and columns covers beyond its first: it has nothing of its own."""


def _header_rows(rows: list[_Row]) -> int:
    """How many of the first rows are the header: those marked as one (`<thead>`, all `<th>`), else a first row
    of short texts that links nothing, with the rows its `rowspan` cells reach down to."""
    count = 0
    while count < len(rows) and (rows[count].head or all(cell.header for cell in rows[count].cells)):
        count += 1
    if count or len(rows) < 2:
        return count
    first = rows[0]
    if any(p.link or p.image for cell in first.cells for p in cell.pieces) or any(
        len(collapse("".join(p.text for p in cell.pieces))) > _HEADER_TEXT for cell in first.cells
    ):
        return 0
    return min(max(cell.rows for cell in first.cells), len(rows) - 1)
