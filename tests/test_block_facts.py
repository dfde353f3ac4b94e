"""Block facts from the parser: leaf blocks with their kinds and spans, inline HTML and HTML comments."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, SEED_LISTS

from awesome_lint.model import Document
from awesome_lint.parse import parse_bytes, parse_file, parse_text

SAMPLE = """# Title

Setext␠␠
heading
=======

<div id="top">
<!-- a comment in a block -->
</div>

---

text <!-- inline --> and <a name="x">anchor</a>
> <!-- quoted -->

| Title | Venue <!-- h --> |
|---|---|
| [A](https://a.org) | ICLR <!-- c --> |

- item␠␠
  continued
  > quoted␠␠
  > more
  ```
  code
  ```

end

    indented code
""".replace("␠", " ")


def blocks(doc: Document) -> list[tuple[str, int, int, bool, str]]:
    """(kind, first line, last line, comment only, source) of each leaf block."""
    return [(b.kind, b.span.line, b.span.end_line, b.comment, doc.source(b.span)) for b in doc.blocks]


def test_leaf_blocks_in_order_with_their_kinds_and_lines() -> None:
    doc = parse_text(SAMPLE)
    assert blocks(doc) == [
        ("heading", 1, 1, False, "# Title"),
        ("heading", 3, 5, False, "Setext  \nheading\n======="),
        ("html", 7, 9, False, '<div id="top">\n<!-- a comment in a block -->\n</div>'),
        ("paragraph", 13, 13, False, 'text <!-- inline --> and <a name="x">anchor</a>'),
        ("html", 14, 14, True, "<!-- quoted -->"),
        ("table", 16, 18, False, "| Title | Venue <!-- h --> |\n|---|---|\n| [A](https://a.org) | ICLR <!-- c --> |"),
        ("paragraph", 20, 21, False, "item  \n  continued"),
        ("paragraph", 22, 23, False, "quoted  \n  > more"),
        ("code", 24, 26, False, "```\n  code\n  ```"),
        ("paragraph", 28, 28, False, "end"),
        ("code", 30, 30, False, "indented code"),
    ]


def test_comments_and_inline_html_wherever_they_are() -> None:
    doc = parse_text(SAMPLE)
    assert [(c.line, doc.source(c)) for c in doc.comments] == [
        (8, "<!-- a comment in a block -->"),
        (13, "<!-- inline -->"),
        (14, "<!-- quoted -->"),
        (16, "<!-- h -->"),
        (18, "<!-- c -->"),
    ]
    assert [doc.source(s) for s in doc.inline_html] == [
        "<!-- inline -->",
        '<a name="x">',
        "</a>",
        "<!-- h -->",
        "<!-- c -->",
    ]


def test_html_in_code_is_no_html() -> None:
    doc = parse_text("```\n<!-- not a comment -->\n```\n\nUse `<!-- this -->` or \\<!-- that -->.\n")
    assert doc.comments == () and doc.inline_html == ()
    assert [b.kind for b in doc.blocks] == ["code", "paragraph"]


def test_facts_of_blocks_nested_in_list_items_and_quotes() -> None:
    text = "- item\n\n  <!-- in the item -->\n\n  > - quoted item <!-- deep -->\n"
    doc = parse_text(text)
    assert [(b.kind, b.span.line, b.comment) for b in doc.blocks] == [
        ("paragraph", 1, False),
        ("html", 3, True),
        ("paragraph", 5, False),
    ]
    assert [doc.source(c) for c in doc.comments] == ["<!-- in the item -->", "<!-- deep -->"]
    assert len(doc.entries) == 1  # a list inside a quote inside an item gives facts, not entries


def test_block_spans_are_exact_bytes_in_crlf_files_with_a_bom() -> None:
    data = "\ufeff# Tïtle\r\n\r\n<!-- é -->\r\n\r\n| a | b |\r\n|---|---|\r\n| x | ÿ <!-- z --> |\r\n".encode()
    doc = parse_bytes(data)
    sources = [data[b.span.start : b.span.end].decode() for b in doc.blocks]
    assert sources == ["# Tïtle", "<!-- é -->", "| a | b |\r\n|---|---|\r\n| x | ÿ <!-- z --> |"]
    assert [data[c.start : c.end].decode() for c in doc.comments] == ["<!-- é -->", "<!-- z -->"]


@pytest.mark.parametrize(
    "path",
    [*SEED_LISTS, *sorted((DATA / "real-lists").glob("*.md")), *sorted((DATA / "shape-lists").glob("*.md"))],
    ids=lambda p: p.name,
)
def test_every_block_of_the_real_lists_is_found(path: Path) -> None:
    from awesome_lint.parse.markdown import parse_ast

    doc = parse_file(path)
    counts: dict[str, int] = {}

    def count(tokens: list[dict]) -> None:
        for token in tokens:
            kind = token.get("type")
            if "_raw" in token:
                counts["text"] = counts.get("text", 0) + 1
            elif kind == "block_html":
                counts["html"] = counts.get("html", 0) + 1
            elif kind == "table":
                counts["table"] = counts.get("table", 0) + 1
            elif kind == "block_code" and token.get("raw", "").strip():
                counts["code"] = counts.get("code", 0) + 1
            if kind in ("list", "list_item", "block_quote"):
                count(token.get("children", []))

    count(parse_ast(doc.text))
    found: dict[str, int] = {}
    for block in doc.blocks:
        key = "text" if block.kind in ("paragraph", "heading") else block.kind
        found[key] = found.get(key, 0) + 1
        text = doc.source(block.span)
        assert text == text.strip() and text
    assert found == counts
    assert all(doc.source(c).startswith("<!--") and doc.source(c).endswith("-->") for c in doc.comments)


@pytest.mark.parametrize("path", SEED_LISTS[:2], ids=lambda p: p.name)
def test_a_parse_without_facts_has_the_same_entries_and_no_block_facts(path: Path) -> None:
    full, slim = parse_file(path), parse_file(path, facts=False)
    assert full.blocks
    assert slim.entries == full.entries and slim.sections == full.sections and slim.title == full.title
    assert slim.source(slim.entries[0].span) == full.source(full.entries[0].span)
    assert (slim.blocks, slim.inline_html, slim.comments, slim.code_lines) == ((), (), (), frozenset())


def test_a_parse_without_facts_can_keep_the_comments() -> None:
    from awesome_lint.parse import parse_source
    from awesome_lint.source import decode

    data = b"# T\n\n<!-- a comment -->\n\n- [A](https://example.org/a) <!-- awesome-lint-disable-line AL304 -->\n"
    full = parse_bytes(data, "list.md")
    slim = parse_source(decode(data, "list.md"), data, facts=False, comments=True)
    assert len(full.comments) == 2
    assert slim.comments == full.comments and slim.entries == full.entries
    assert (slim.blocks, slim.inline_html, slim.code_lines) == ((), (), frozenset())


def test_a_quote_whose_lazy_lines_a_list_ends_comes_before_the_list() -> None:
    """mistune parses the list that ends a quote's lazy lines, and the block after it, before the quote; the
    blocks (and so the hard breaks and trailing spaces they decide) still stand where the source has them."""
    doc = parse_text(
        "> quoted text\n- [Deep compression](https://arxiv.org/abs/1510.00149)\n<!-- awesome-lint-enable -->\n"
        "- [Trailing](https://x.org/t)  \n> quoted text\n<!-- awesome-lint-disable -->\n"
        "- [Trailing](https://x.org/t)  \n| a | b |\n> quoted text\n"
    )
    assert [(b.kind, b.span.line, b.span.end_line) for b in doc.blocks] == [
        ("paragraph", 1, 1),
        ("paragraph", 2, 2),
        ("html", 3, 3),
        ("paragraph", 4, 4),
        ("paragraph", 5, 5),
        ("html", 6, 6),
        ("paragraph", 7, 8),
        ("paragraph", 9, 9),
    ]
