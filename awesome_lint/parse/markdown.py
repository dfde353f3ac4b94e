"""mistune 3 set up to keep what the parser needs: each block's raw text and each link's inline offsets."""

from __future__ import annotations

from typing import Any

import mistune
from mistune.core import BlockState, InlineState
from mistune.inline_parser import InlineParser
from mistune.plugins.url import url as url_plugin

Token = dict[str, Any]

# The start offset of a link is only known to mistune while it closes the bracket.
_LINK_RULES = {"auto_link": "autolink", "auto_email": "autolink", "url_link": "bare"}
_INLINE_STRIP = " \r\n\t\f"


class PositionedInlineParser(InlineParser):
    """An InlineParser that stores `_pos` = (start, end) offsets on every link and image token."""

    def parse_method(self, m: Any, state: InlineState) -> int | None:  # type: ignore[override]
        """Run mistune's rule, then record where the link it produced starts and ends."""
        name = m.lastgroup
        if name == "link_close":
            brackets = list(state.brackets)
            end = super().parse_method(m, state)
            if end and state.tokens:
                index = len(state.tokens) - 1
                token = state.tokens[index]
                if token.get("type") in ("link", "image") and "_pos" not in token:
                    for bracket in brackets:
                        if bracket.token_index == index:
                            token["_pos"] = (bracket.start - (2 if bracket.image else 1), end)
                            token["_style"] = "reference" if "ref" in token else "inline"
                            break
            return end
        if name in _LINK_RULES:
            count = len(state.tokens)
            end = super().parse_method(m, state)
            if end and len(state.tokens) > count and state.tokens[-1].get("type") == "link":
                state.tokens[-1]["_pos"] = (m.start(), end)
                state.tokens[-1]["_style"] = _LINK_RULES[name]
            return end
        return super().parse_method(m, state)


def _keep_block_text(md: mistune.Markdown, state: BlockState) -> None:
    """Before inline parsing, copy each text block's raw text and the offset mistune strips from it."""
    stack = list(state.tokens)
    while stack:
        token = stack.pop()
        if "children" in token:
            stack.extend(token["children"])
        elif "text" in token:
            text = token["text"]
            token["_raw"] = text
            token["_lead"] = len(text) - len(text.lstrip(_INLINE_STRIP))


def create_parser() -> mistune.Markdown:
    """A mistune Markdown instance producing an AST with raw block texts, link offsets and GFM tables."""
    from awesome_lint.parse.tables import TABLE_PATTERN, parse_table

    md = mistune.Markdown(renderer=None, inline=PositionedInlineParser(), plugins=[url_plugin])
    md.block.register("table", TABLE_PATTERN, parse_table, before="paragraph")
    md.before_render_hooks.append(_keep_block_text)
    return md


_PARSER: mistune.Markdown | None = None


def parse_ast(text: str) -> list[Token]:
    """Parse Markdown text (LF newlines) into mistune's AST, annotated with positions."""
    global _PARSER
    if _PARSER is None:
        _PARSER = create_parser()
    tokens, _state = _PARSER.parse(text)
    assert isinstance(tokens, list)
    return tokens
