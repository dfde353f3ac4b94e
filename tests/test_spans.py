"""Every span slices exactly its source text out of the file, for LF, CRLF and BOM files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA

from awesome_lint.findings import Edit, Fix
from awesome_lint.fix import apply_fixes
from awesome_lint.model import Document, Span
from awesome_lint.parse import parse_bytes, parse_file, parse_text

MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _line_col(data: bytes, offset: int, bom: bool) -> tuple[int, int]:
    """1-based line and character column of a byte offset, computed independently of the parser."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    if line == 1 and bom:
        start = 3
    return line, len(before[start:].decode("utf-8").rstrip("\r")) + 1


def _check_span(data: bytes, span: Span, bom: bool) -> None:
    assert 0 <= span.start <= span.end <= len(data)
    assert (span.line, span.column) == _line_col(data, span.start, bom)
    assert (span.end_line, span.end_column) == _line_col(data, span.end, bom)


def _check_document(data: bytes, doc: Document) -> int:
    checked = 0
    for entry in doc.entries:
        _check_span(data, entry.span, doc.bom)
        source = data[entry.span.start : entry.span.end].decode("utf-8")
        if entry.block == "item":
            assert MARKER.match(source)
        elif entry.block == "row":
            assert source.startswith("|") or "|" in source or (source.startswith("<tr") and source.endswith("</tr>"))
            for cell in entry.cells:
                _check_span(data, cell, doc.bom)
                assert entry.span.start <= cell.start <= cell.end <= entry.span.end
        else:
            assert source == source.strip() and entry.title in " ".join(source.split())  # (a title wraps lines)
        for link in entry.links:
            _check_span(data, link.span, doc.bom)
            raw = data[link.span.start : link.span.end].decode("utf-8")
            if link.style in ("inline", "empty"):
                assert raw.startswith("[") and raw.endswith(")"), raw
                assert re.search(r"\]\(\s*<?" + re.escape(link.url) + r">?\s*(?:\"[^\"]*\"\s*)?\)$", raw), raw
            elif link.style == "bare":
                assert raw == link.url
            elif link.style == "html":
                assert re.fullmatch(r"<a\s[^>]*>.*</a\s*>", raw, re.DOTALL | re.IGNORECASE), raw
            checked += 1
    for section in doc.iter_sections():
        _check_span(data, section.span, doc.bom)
        heading = data[section.span.start : section.span.end].decode("utf-8").lstrip("#").strip()
        heading = re.sub(r"<[^>]*>", "", heading)  # (an HTML heading's span holds its tags)
        markup = re.compile(r"[*_\[\]`]")
        assert markup.sub("", heading).startswith(markup.sub("", section.heading.split()[0]))
    return checked


def test_every_link_span_slices_its_source(seed_list: Path) -> None:
    data = seed_list.read_bytes()
    doc = parse_file(seed_list)
    assert _check_document(data, doc) == sum(len(e.links) for e in doc.entries) > 0


def test_crlf_and_bom_keep_exact_byte_offsets(seed_list: Path) -> None:
    lf = seed_list.read_bytes()
    crlf = b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n")
    doc_lf = parse_bytes(lf, "lf.md")
    doc_crlf = parse_bytes(crlf, "crlf.md")
    assert doc_crlf.bom and doc_crlf.newline == "\r\n"
    assert _check_document(crlf, doc_crlf) > 0
    assert [(e.title, e.span.line, e.span.column) for e in doc_crlf.entries] == [
        (e.title, e.span.line, e.span.column) for e in doc_lf.entries
    ]
    assert all(a.span.start > b.span.start for a, b in zip(doc_crlf.entries[1:], doc_lf.entries[1:], strict=True))


REAL_AND_SHAPE_LISTS = sorted(
    p
    for folder in ("real-lists", "shape-lists", "more-lists")
    for p in (DATA / folder).glob("*.md")
    if p.name != "README.md"
)


@pytest.mark.parametrize("path", REAL_AND_SHAPE_LISTS, ids=lambda p: p.name)
def test_spans_of_rows_cells_and_citations_slice_their_source(path: Path) -> None:
    data = path.read_bytes()
    doc = parse_file(path)
    assert _check_document(data, doc) == sum(len(e.links) for e in doc.entries) > 0


def test_table_row_and_cell_spans_in_a_crlf_file() -> None:
    data = b"| Title | Venue |\r\n| --- | --- |\r\n| [A paper](https://arxiv.org/abs/1701.00001) | ICLR 2017 |\r\n"
    doc = parse_bytes(data, "table.md")
    (row,) = doc.entries
    assert (row.block, row.marker, row.title, row.venue, row.year) == ("row", "|", "A paper", "ICLR", 2017)
    assert data[row.span.start : row.span.end] == data.split(b"\r\n")[2]
    assert [data[c.start : c.end] for c in row.cells] == [b"[A paper](https://arxiv.org/abs/1701.00001)", b"ICLR 2017"]
    (link,) = row.links
    assert data[link.span.start : link.span.end] == b"[A paper](https://arxiv.org/abs/1701.00001)"
    assert (row.span.line, row.cells[1].column) == (3, 49)


def test_multiline_link_label_span() -> None:
    text = "1. [MobilenetV2: Inverted for\nClassification](https://arxiv.org/pdf/1801.04381.pdf) [arXiv '18]\n"
    doc = parse_bytes(text.encode(), "x.md")
    (entry,) = doc.entries
    link = entry.links[0]
    assert text.encode()[link.span.start : link.span.end].decode().endswith("1801.04381.pdf)")
    assert (link.span.line, link.span.end_line) == (1, 2)
    assert entry.title == "MobilenetV2: Inverted for Classification"
    assert entry.span.end_line == 2


def test_repeated_lists_keep_every_heading_in_place() -> None:
    # mistune emits a list that interrupts a block quote before the quote; with the same lines repeated
    # later in the file, the quote must still be matched to its own lines, not to the next copy.
    import re

    from conftest import SEED_LISTS

    once = "\n".join(p.read_text(encoding="utf-8") for p in SEED_LISTS)
    again = re.sub(r"^(#+ .*?)\s*$", r"\1 (1)", once, flags=re.MULTILINE)
    text = once + "\n" + again
    doc = parse_bytes(text.encode(), "twice.md")
    atx = [n for n, line in enumerate(text.split("\n"), 1) if re.match(r"#{1,6} ", line)]
    found = {s.span.line for s in doc.iter_sections()}
    assert [n for n in atx if n not in found] == []
    assert sum(1 for s in doc.iter_sections() if s.heading.endswith("(1)")) == len(atx) // 2


def test_position_api_round_trips_spans_text_offsets_and_bytes_in_a_crlf_file_with_bom() -> None:
    data = "\ufeff# Lïst\r\n\r\n- [Ünï](https://x.org/a) tail\r\n- [B](https://x.org/b)\r\n".encode()
    doc = parse_bytes(data)
    first, second = doc.entries
    link = first.links[0]
    assert doc.source(link.span) == "[Ünï](https://x.org/a)"
    start, end = doc.offsets(link.span)
    assert doc.span(start, end) == link.span
    assert data[link.span.start : link.span.end].decode() == doc.source(link.span)
    assert doc.between(link.span, second.span) == " tail\n"
    assert doc.between(second.span) == "\n"
    assert doc.lines[doc.span(start, end).line - 1] == "- [Ünï](https://x.org/a) tail"
    assert doc.line_start(3) == start - 2
    edited = Edit.replace(doc.span(start + 1, start + 4), "Uni")
    assert apply_fixes(data, [Fix((edited,), "ascii")]).data == data.replace("Ünï".encode(), b"Uni")


def test_code_lines_come_from_the_parser_with_their_fences() -> None:
    doc = parse_text(
        "# T\n\n```py\ncode  \n```\ntext\n\n    indented\n\n- item\n\n  ~~~\n  nested\n  ~~~\n\n"
        "> ```\n> quoted\n\n```\n```\n"
    )
    assert sorted(doc.code_lines) == [3, 4, 5, 8, 12, 13, 14, 16, 17, 19, 20]


def test_an_item_is_not_placed_on_an_identical_line_inside_a_code_block() -> None:
    doc = parse_text("~~~\n- [A](https://x.org/a)\n~~~\n- [A](https://x.org/a)\n")
    assert [entry.span.line for entry in doc.entries] == [4]


def test_tail_is_the_source_of_a_span_after_a_part_of_it() -> None:
    doc = parse_text("- [A](https://x.org/a) - a tool\n  for lists\n- [B](https://x.org/b)\n")
    entry = doc.entries[0]
    assert doc.tail(entry.span, after=entry.links[0].span) == " - a tool\n  for lists"
