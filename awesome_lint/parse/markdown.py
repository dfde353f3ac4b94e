"""mistune 3 set up to keep what the parser needs: each block's raw text and each link's inline offsets."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import mistune
from mistune.core import BlockState, InlineState
from mistune.inline_parser import InlineParser
from mistune.plugins.url import url as url_plugin

Token = dict[str, Any]

# The start offset of a link is only known to mistune while it closes the bracket.
_LINK_RULES = {"auto_link": "autolink", "auto_email": "autolink", "url_link": "bare"}
_INLINE_STRIP = " \r\n\t\f"

# mistune resolves emphasis in time that grows with the nesting depth times the paragraph's length, so
# `*a **a ... a** a*` nested thousands deep takes minutes. mistune draws emphasis at most 20 levels deep
# anyway; a paragraph whose delimiter runs could open more than this many levels is read with its `*` and
# `_` as plain text, which keeps the work linear.
MAX_EMPHASIS_NESTING = 32
_DELIMITER_RUN = re.compile(r"[*_]+")


def _punctuation(char: str) -> bool:
    """CommonMark's Unicode punctuation: general categories P and S (links and code count as one, as in mistune)."""
    return unicodedata.category(char)[0] in "PS"


def emphasis_nesting_exceeds(tokens: list[Token], limit: int = MAX_EMPHASIS_NESTING) -> bool:
    """Whether the delimiter runs of a paragraph's text open more than `limit` levels before closing them.

    Runs are classed by CommonMark's flanking rules: a run that can only open adds a level, one that can only
    close removes one, one that can do both (inside a word) leaves the depth as it is. Links, code and escaped
    characters count as punctuation, as mistune counts them. One pass, linear in the text.
    """
    text = "".join(
        token["raw"] if token.get("type") == "text" and token.get("_emphasis") is not False else "\ufffc"
        for token in tokens
    )
    depth = 0
    for match in _DELIMITER_RUN.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        left = not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))
        right = not before.isspace() and (not _punctuation(before) or after.isspace() or _punctuation(after))
        if match[0][0] == "_":
            left, right = left and (not right or _punctuation(before)), right and (not left or _punctuation(after))
        if left and not right:
            depth += 1
            if depth > limit:
                return True
        elif right and not left and depth:
            depth -= 1
    return False


class PositionedInlineParser(InlineParser):
    """An InlineParser that stores `_pos` = (start, end) offsets on every link, image and inline HTML token."""

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
        if name == "inline_html":
            count = len(state.tokens)
            end = super().parse_method(m, state)
            if end and len(state.tokens) > count:
                state.tokens[-1]["_pos"] = (m.start(), end)
            return end
        if name in _LINK_RULES:
            count = len(state.tokens)
            end = super().parse_method(m, state)
            if end and len(state.tokens) > count and state.tokens[-1].get("type") == "link":
                state.tokens[-1]["_pos"] = (m.start(), end)
                state.tokens[-1]["_style"] = _LINK_RULES[name]
            return end
        return super().parse_method(m, state)

    def finalize_tokens(self, tokens: list[Token], depth: int) -> list[Token]:
        """Resolve emphasis as mistune does, unless the nesting is pathological: then the markers stay text."""
        if emphasis_nesting_exceeds(tokens):
            depth = self.max_nested_level  # no levels left: mistune keeps every `*` and `_` as text
        return super().finalize_tokens(tokens, depth)


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


def create_parser(inline: InlineParser | None = None) -> mistune.Markdown:
    """A mistune Markdown instance producing an AST with raw block texts, link offsets (or `inline`'s) and GFM
    tables."""
    from awesome_lint.parse.tables import TABLE_PATTERN, parse_table

    md = mistune.Markdown(renderer=None, inline=inline or PositionedInlineParser(), plugins=[url_plugin])
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
