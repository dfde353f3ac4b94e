"""The parser's list rule reads one-line bullet items without mistune's item machinery and gives exactly the block
tokens mistune's own list rule gives: on generated lists and on every Markdown file in the repository."""

from __future__ import annotations

import mistune
from conftest import MARKDOWN_FILES
from hypothesis import given, settings
from hypothesis import strategies as st
from mistune.list_parser import parse_list as mistune_parse_list

from awesome_lint.parse import markdown
from awesome_lint.parse.markdown import Token, create_parser

FILES = MARKDOWN_FILES

# Lines (and line starts) that make lists, end them, nest in them or continue their items.
LINES = [
    "- [Title](https://arxiv.org/abs/1707.01209) - Authors. NeurIPS 2019.",
    "- **Title** [[paper]](u)",
    "- plain text item",
    "- Title  ",
    "-  two spaces",
    "-\ttab",
    "-",
    "- ",
    "* star item",
    "+ plus item",
    "- - nested marker",
    "- * *",
    "- - -",
    "* * *",
    "---",
    "***",
    "___",
    "- # heading in item",
    "- > quote in item",
    "- ```",
    "- <div>",
    "- [ref]: https://x.org",
    "- 1. ordered in item",
    "- |a|b|",
    "-     code-like",
    "  - indented item",
    " - one space",
    "    - four spaces",
    "\t- tab item",
    "  continuation",
    "lazy continuation",
    "1. ordered",
    "2) ordered",
    "# Heading",
    "Heading",
    "===",
    "> quote",
    "```",
    "<div>",
    "<!-- c -->",
    "[ref]: https://x.org",
    "| a | b |",
    "|---|---|",
    "",
    " ",
    "[x]",
    "é text",
]


def _blocks(md: mistune.Markdown, text: str) -> list[Token]:
    state = md.block.state_cls()
    state.process(text if text.endswith("\n") else text + "\n")
    md.block.parse(state)
    return state.tokens  # type: ignore[no-any-return]


_FAST = create_parser()
_SLOW = create_parser()
_SLOW.block.register("list", None, mistune_parse_list)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=10), st.booleans())
def test_fast_list_items_are_mistune(lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    assert _blocks(_FAST, text) == _blocks(_SLOW, text)


def test_fast_list_items_read_the_common_list() -> None:
    text = "## Papers\n- [A](u) - one.\n- **B** two\n- C three\n  - [code](v)\n- D four\n\n"
    text += "## Next\n- E\n\n- F\n  more\n"
    calls: list[bool] = []
    simple = markdown._simple_item

    def counting(*args: object) -> object:
        read = simple(*args)  # type: ignore[arg-type]
        calls.append(read is not markdown._NOT_SIMPLE)
        return read

    markdown._simple_item = counting  # type: ignore[assignment]
    try:
        fast = _blocks(_FAST, text)
    finally:
        markdown._simple_item = simple
    assert fast == _blocks(_SLOW, text)
    # `C` has a sub-item, so mistune reads it (and the sub-item is read here); `D` ends its list before a
    # heading, `E` is followed by a blank line and a further item (a loose list), `F` by a continuation line.
    assert calls == [True, True, False, True, True, True, False]
    texts = [item["children"][0]["text"] for item in fast[1]["children"]]
    assert texts == ["[A](u) - one.\n", "**B** two\n", "C three\n", "D four\n"]
    assert [t["type"] for t in fast] == ["heading", "list", "heading", "list"]
    assert fast[3]["tight"] is False


def test_list_rules_start_at_a_line_start() -> None:
    # The one-line reader relies on it: a rule can then match a single line only at its start or its end.
    md = create_parser()
    for rule in md.block.list_rules:
        pattern = md.block.specification[rule]
        assert pattern.startswith(("^", "(^")), rule
        assert "|" not in pattern.split("(", 1)[0], rule


def test_every_list_has_the_same_blocks_as_with_mistunes_list_rule() -> None:
    assert len(FILES) > 40
    for path in FILES:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        assert _blocks(_FAST, text) == _blocks(_SLOW, text), path
