"""HTML in lists (`<a href>` links inline in items, HTML `<table>` blocks read row by row) and character references."""

from __future__ import annotations

from awesome_lint.parse import parse_text
from awesome_lint.parse.html_tables import read_tables


def _texts(cells: list[list]) -> list[str]:
    return ["".join(p.text for p in cell).strip() for cell in cells]


def test_thead_header_and_anchor_cells() -> None:
    raw = (
        "<table>\n<thead><tr><th>Title</th><th>Paper</th></tr></thead>\n"
        '<tr><td>A Title</td><td><a href="https://arxiv.org/abs/2201.11903?a=1&amp;b=2">arXiv</a></td></tr>\n'
        "</table>\n"
    )
    [table] = read_tables(raw)
    assert table.header == ["Title", "Paper"]
    [row] = table.rows
    assert _texts(row.cells) == ["A Title", "arXiv"]
    [link] = row.cells[1]
    assert link.link and link.style == "html"
    assert link.url == "https://arxiv.org/abs/2201.11903?a=1&b=2"  # character references resolved
    assert raw[link.start : link.end] == '<a href="https://arxiv.org/abs/2201.11903?a=1&amp;b=2">arXiv</a>'
    assert raw[row.start : row.end].startswith("<tr><td>A Title") and raw[row.start : row.end].endswith("</tr>")
    start, end = row.spans[0]
    assert raw[start:end] == "<td>A Title</td>"


def test_header_row_of_td_cells_with_spans() -> None:
    raw = (
        "<table>\n"
        "  <tr><td rowspan='2'>Model</td><td colspan='2'>Memory</td><td rowspan='2'>Paper</td></tr>\n"
        "  <tr><td>Operation</td><td>Structure</td></tr>\n"
        '  <tr><td>Reflexion</td><td>Read</td><td>Unified</td><td><a href="https://arxiv.org/abs/2303.11366">Paper'
        "</a></td></tr>\n"
        "</table>\n"
    )
    [table] = read_tables(raw)
    assert table.header == ["Model", "Operation", "Structure", "Paper"]
    [row] = table.rows
    assert _texts(row.cells) == ["Reflexion", "Read", "Unified", "Paper"]


def test_first_row_with_a_link_is_no_header() -> None:
    raw = (
        '<table><tr><td>Title One</td><td><a href="https://arxiv.org/abs/2101.00001">pdf</a></td></tr>'
        '<tr><td>Title Two</td><td><a href="https://arxiv.org/abs/2101.00002">pdf</a></td></tr></table>'
    )
    [table] = read_tables(raw)
    assert table.header == ["", ""]
    assert [_texts(row.cells)[0] for row in table.rows] == ["Title One", "Title Two"]


def test_rowspan_repeats_text_but_not_links() -> None:
    raw = (
        "<table><tr><th>Title</th><th>Venue</th><th>Code</th></tr>"
        '<tr><td>One</td><td rowspan="2">CVPR 2020</td><td rowspan="2"><a href="https://github.com/a/b">code</a></td></tr>'
        "<tr><td>Two</td></tr></table>"
    )
    [table] = read_tables(raw)
    first, second = table.rows
    assert _texts(first.cells) == ["One", "CVPR 2020", "code"]
    assert _texts(second.cells) == ["Two", "CVPR 2020", ""]
    assert second.spans[2] == (second.start, second.start)  # a cell spanned from above has no place of its own
    both = (
        "<table><tr><th>Group</th><th>Kind</th><th>Title</th></tr>"
        "<tr><td rowspan='2' colspan='2'>Vision Models</td><td>First Title Here</td></tr>"
        "<tr><td>Second Title Here</td></tr></table>"
    )
    [spanned] = read_tables(both)  # a cell spanning rows and columns keeps every one of them taken
    assert [_texts(row.cells) for row in spanned.rows] == [
        ["Vision Models", "", "First Title Here"],
        ["Vision Models", "", "Second Title Here"],
    ]


def test_breaks_images_groups_and_nested_tables() -> None:
    raw = (
        "<table><tr><th>Title</th><th>Notes</th></tr>"
        '<tr><td><b>Bold Title</b><br>Some Authors</td><td><img src="https://img.shields.io/badge/ICLR-2024-blue" '
        'alt="ICLR"><table><tr><td>inner</td></tr></table></td></tr></table>'
    )
    [table] = read_tables(raw)
    [row] = table.rows
    title, notes = row.cells
    assert [(p.text, p.brk, p.html) for p in title] == [
        ("Bold Title", False, "b"),
        (" ", True, ""),
        ("Some Authors", False, ""),
    ]
    assert [(p.text, p.url, p.image) for p in notes] == [("ICLR", "https://img.shields.io/badge/ICLR-2024-blue", True)]


def test_broken_html_gives_what_it_can() -> None:
    [lone] = read_tables("<table><tr><td>one row, never closed</td>")  # no header is marked: a body row
    assert (lone.header, _texts(lone.rows[0].cells)) == ([""], ["one row, never closed"])
    assert read_tables("<table><tr><th>only a header</th></tr></table><p>text</p>") == []
    [table] = read_tables('<table><tr><th>Title</th></tr><tr><td><a href="https://x.org/p">A Paper Title')
    [cell] = table.rows[0].cells
    assert [(p.text, p.url) for p in cell] == [("A Paper Title", "https://x.org/p")]
    assert read_tables("<table><tr><td rowspan='x' colspan='999'>a</td></tr><tr><td>b</td></tr></table>")


def test_html_table_rows_are_entries_with_source_spans() -> None:
    text = (
        "# List\n\n## Papers\n\n<table>\n<tr><th>Title</th><th>Venue</th><th>Paper</th><th>Code</th></tr>\n"
        "<tr>\n  <td>Tree of Thoughts: Deliberate Problem Solving with Large Language Models</td>\n"
        "  <td>NeurIPS 2023</td>\n"
        '  <td><a href="https://arxiv.org/abs/2305.10601">arXiv</a></td>\n'
        '  <td><a href="https://github.com/princeton-nlp/tree-of-thought-llm">Code</a></td>\n</tr>\n</table>\n'
    )
    doc = parse_text(text)
    [entry] = doc.entries
    assert (entry.kind, entry.block, entry.marker) == ("paper", "row", "|")
    assert entry.title == "Tree of Thoughts: Deliberate Problem Solving with Large Language Models"
    assert (entry.venue, entry.year, entry.arxiv_id) == ("NeurIPS", 2023, "2305.10601")
    assert entry.section == ("List", "Papers")
    assert [(link.role, link.style) for link in entry.links] == [("paper", "html"), ("code", "html")]
    assert doc.source(entry.span).startswith("<tr>") and doc.source(entry.span).endswith("</tr>")
    assert doc.source(entry.links[0].span) == '<a href="https://arxiv.org/abs/2305.10601">arXiv</a>'
    assert [doc.source(cell) for cell in entry.cells][1] == "<td>NeurIPS 2023</td>"
    assert entry.title_span is not None and doc.source(entry.title_span) == entry.title


def test_a_long_html_table_is_read_to_its_end() -> None:
    rows = "".join(
        f'<tr>\n<td>Paper Number {n} on Reasoning</td>\n<td><a href="https://arxiv.org/abs/2301.{n:05d}">pdf</a></td>\n</tr>\n'
        for n in range(1, 121)
    )
    text = f"# List\n\n<table>\n<tr><th>Title</th><th>Paper</th></tr>\n{rows}</table>\n\n- [After](https://a.org/x)\n"
    doc = parse_text(text)
    papers = [e for e in doc.entries if e.block == "row"]
    assert len(papers) == 120  # the block has over 480 lines
    assert papers[-1].title == "Paper Number 120 on Reasoning"
    lines = text.split("\n")
    assert lines[papers[-1].span.line - 1] == "<tr>"
    assert lines[papers[-1].span.line] == "<td>Paper Number 120 on Reasoning</td>"
    assert doc.entries[-1].title == "After" and lines[doc.entries[-1].span.line - 1] == "- [After](https://a.org/x)"


def test_inline_anchor_is_a_link() -> None:
    text = (
        '- <a href="https://arxiv.org/abs/2210.03629">ReAct: Synergizing Reasoning and Acting in Language Models</a>,'
        ' ICLR 2023. <a href="https://github.com/ysymyth/ReAct">**[code]**</a>\n'
    )
    doc = parse_text(text)
    [entry] = doc.entries
    assert entry.title == "ReAct: Synergizing Reasoning and Acting in Language Models"
    assert (entry.arxiv_id, entry.venue, entry.year) == ("2210.03629", "ICLR", 2023)
    assert [(link.role, link.url, link.style) for link in entry.links] == [
        ("paper", "https://arxiv.org/abs/2210.03629", "html"),
        ("code", "https://github.com/ysymyth/ReAct", "html"),
    ]
    assert doc.source(entry.links[1].span) == '<a href="https://github.com/ysymyth/ReAct">**[code]**</a>'
    assert doc.source(entry.title_span).endswith("Language Models</a>")


def test_anchor_without_target_or_end_is_no_link() -> None:
    doc = parse_text(
        '- <a name="top"></a>[A Title of a Paper](https://arxiv.org/abs/2101.00001)\n'
        '- <a href="https://arxiv.org/abs/2101.00002">Another Title Never Closed\n'
    )
    first, second = doc.entries
    assert [link.url for link in first.links] == ["https://arxiv.org/abs/2101.00001"]
    assert second.links == ()


def test_character_references_in_text_are_resolved() -> None:
    doc = parse_text(
        "- [Speed &amp; Accuracy Trade-offs for Modern Object Detectors](https://arxiv.org/abs/1611.10012), CVPR 2017\n"
        "- &nbsp; N. Carlini and D. Wagner, **Towards Evaluating the Robustness of Neural Networks**, S&P 2017.\n"
        "- `a &amp; b` [Code Span Keeps Its Text](https://github.com/a/b)\n"
    )
    first, second, third = doc.entries
    assert first.title == "Speed & Accuracy Trade-offs for Modern Object Detectors"
    assert (second.title, second.authors) == (
        "Towards Evaluating the Robustness of Neural Networks",
        "N. Carlini and D. Wagner",
    )
    assert "a &amp; b" in third.text
