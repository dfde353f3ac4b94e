"""The parser's own reader of common inline shapes gives exactly mistune's tokens, or leaves the text to mistune:
on generated inline text, and on every Markdown file in the repository (the same parse JSON with it on and off)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MARKDOWN_FILES
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.parse import markdown, parse_file
from awesome_lint.parse.markdown import PositionedInlineParser, Token, fast_inline
from awesome_lint.report.documents import write_documents_json

FILES = MARKDOWN_FILES

PIECES = [
    "a",
    "Title words",
    " ",
    "  ",
    "\t",
    "\n",
    "  \n",
    "\\\n",
    "[",
    "]",
    "(",
    ")",
    "[x]",
    "[Paper](https://arxiv.org/abs/1707.01209)",
    "[ label ](u)",
    "[Code](https://github.com/a/b_c?x=1&y=2)",
    "[a](b c)",
    "[a]()",
    "](",
    "https://a.org/x",
    "http",
    "`code`",
    "` a `",
    "``",
    "`",
    "*",
    "**",
    "***",
    "_",
    "__",
    "a_b",
    "**[Nick]**",
    ".",
    ",",
    "-",
    "!",
    "![",
    "\\",
    "\\[",
    "<br>",
    "<br/>",
    "<ins>",
    "</ins>",
    '<a href="u">',
    "</a>",
    "<x:y>",
    "<https://b.org>",
    "<a@b.org>",
    "< b",
    "<!-- c -->",
    "&amp;",
    "&",
    "é",
    "\u00a0",
    "【Tag】",
]

_SLOW = PositionedInlineParser()
_SLOW.fast = False
_REFS = {"ref_links": {"X": {"url": "https://x.org"}}}


def mistune_tokens(src: str, env: dict[str, object]) -> list[Token]:
    """What mistune's own inline parser (with the positions the parser records) gives for `src`."""
    return _SLOW(src, dict(env))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.booleans())
def test_fast_inline_is_mistune_or_nothing(pieces: list[str], refs: bool) -> None:
    src = "".join(pieces).strip(" \r\n\t\f")  # mistune strips a block's text before its inline parse
    env = _REFS if refs else {}
    fast = fast_inline(src, dict(env))
    if fast is not None:
        assert fast == mistune_tokens(src, env)


def test_fast_inline_reads_the_common_shapes() -> None:
    src = "**Title** [x] [[Paper]](https://arxiv.org/abs/1707.01209), `code`<br>  \nnext\\\n_last_"
    fast = fast_inline(src, {})
    assert fast is not None
    assert fast == mistune_tokens(src, {})
    kinds = ["strong", "text", "link", "text", "codespan", "inline_html", "linebreak", "text", "linebreak", "emphasis"]
    assert [t["type"] for t in fast] == kinds
    assert fast_inline("*a **b** c*", {}) is None  # nested emphasis goes to mistune
    assert fast_inline("[x]", _REFS) is None


def _parse_json(path: Path) -> str:
    out = io.StringIO()
    write_documents_json([parse_file(path)], out.write)
    return out.getvalue()


@pytest.fixture
def slow_inline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The parser with every inline text read by mistune."""
    monkeypatch.setattr(PositionedInlineParser, "fast", False)
    monkeypatch.setattr(markdown, "_PARSER", None)
    yield
    markdown._PARSER = None


def test_every_list_parses_the_same_without_the_fast_path(slow_inline: None) -> None:
    assert len(FILES) > 40
    slow = {path: _parse_json(path) for path in FILES}
    PositionedInlineParser.fast = True
    markdown._PARSER = None
    for path in FILES:
        assert _parse_json(path) == slow[path], path
