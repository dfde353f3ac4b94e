"""mistune 3 set up to keep what the parser needs: each block's raw text and each link's inline offsets."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import mistune
from mistune._inline.emphasis import _can_close_emphasis, _can_open_emphasis
from mistune.block_parser import BlockParser
from mistune.core import BlockState, InlineState
from mistune.inline_parser import _INLINE_HTML_TAG, InlineParser
from mistune.list_parser import (
    _compile_list_break_sc,
    _compile_list_item_pattern,
    _create_list_marker,
    _get_list_bullet,
    _ListMarker,
    _match_list_item_break,
    _parse_list_item,
    _transform_tight_list,
)
from mistune.plugins.url import url as url_plugin
from mistune.util import escape_url

from awesome_lint.regex import lazy_compile

Token = dict[str, Any]

# The start offset of a link is only known to mistune while it closes the bracket.
_LINK_RULES = {"auto_link": "autolink", "auto_email": "autolink", "url_link": "bare"}
_INLINE_STRIP = " \r\n\t\f"

# mistune resolves emphasis in time that grows with the nesting depth times the paragraph's length, so
# `*a **a ... a** a*` nested thousands deep takes minutes. mistune draws emphasis at most 20 levels deep
# anyway; a paragraph whose delimiter runs could open more than this many levels is read with its `*` and
# `_` as plain text, which keeps the work linear.
MAX_EMPHASIS_NESTING = 32
_DELIMITER_RUN = lazy_compile(r"[*_]+")


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


# The inline shapes read without mistune's inline parser (`fast_inline`): plain text, `[label](url)` links,
# literal brackets, code spans, line breaks, HTML tags and emphasis that does not nest. Any other character
# that starts inline syntax sends the text to mistune.
_FAST_STOP = lazy_compile(r"[\\`*_!\[\]<&\n]|https?://")
# A label may hold one level of balanced brackets (`[[paper]](url)`) that are no link of their own.
_FAST_LINK = lazy_compile(r"\[((?:[^\[\]\\`*_!<&\n]|\[[^\[\]\\`*_!<&\n]*\](?!\())+)\]\(([^\x00-\x20\x7f()<>\\]+)\)")
_FAST_CODE = lazy_compile(r"`([^`\n]+)`(?!`)")
_SPACE_RUN = lazy_compile(r"\s*")
_RUN = {"*": lazy_compile(r"\*+"), "_": lazy_compile(r"_+")}
_ANCHOR_TAG = lazy_compile(r"</?a[\s/>]", re.IGNORECASE)
_TAG_START = lazy_compile(r"<[A-Za-z/!?]")  # what mistune tries as HTML or an autolink
_OBJECT = "\ufffc"  # what mistune's emphasis pass sees in place of a link, code span or HTML tag


def fast_inline(src: str, env: dict[str, Any]) -> list[Token] | None:
    """The inline tokens mistune (with the positions of `PositionedInlineParser`) gives for `src`, or None when
    `src` holds a shape this reader leaves to mistune."""
    tokens: list[Token] = []
    text: list[str] = []
    runs: list[int] = []
    """Indices in `tokens` of the `*` and `_` runs, each a text token of its own until emphasis is resolved."""
    refs = bool(env.get("ref_links"))
    pos = 0
    while True:
        m = _FAST_STOP.search(src, pos)
        if m is None:
            text.append(src[pos:])
            break
        at = m.start()
        char = src[at]
        if char == "[":
            link = _FAST_LINK.match(src, at)
            if link is None or "://" in link.group(1) or (refs and "[" in link.group(1)):
                if refs or link is not None:
                    return None
                text.append(src[pos : at + 1])
                pos = at + 1
                continue
            text.append(src[pos:at])
            _flush(text, tokens, runs)
            tokens.append(
                {
                    "type": "link",
                    "children": [{"type": "text", "raw": link.group(1)}],
                    "attrs": {"url": escape_url(link.group(2))},
                    "_pos": (at, link.end()),
                    "_style": "inline",
                }
            )
            pos = link.end()
        elif char == "]" or char == "!":
            if refs or src.startswith("[" if char == "!" else "(", at + 1):
                return None
            text.append(src[pos : at + 1])
            pos = at + 1
        elif char == "\n" or (char == "\\" and src.startswith("\n", at + 1)):
            before = src[pos:at]
            kept = before.rstrip(" ")
            hard = char == "\\" or len(before) - len(kept) >= 2
            text.append(before if char == "\\" else kept)
            _flush(text, tokens, runs)
            tokens.append({"type": "linebreak" if hard else "softbreak"})
            pos = _SPACE_RUN.match(src, at + (2 if char == "\\" else 1)).end()  # type: ignore[union-attr]
        elif char == "`" and not src.startswith("``", at) and (code := _FAST_CODE.match(src, at)) is not None:
            text.append(src[pos:at])
            _flush(text, tokens, runs)
            raw = code.group(1)
            if raw.strip(" ") and raw.startswith(" ") and raw.endswith(" "):
                raw = raw[1:-1]
            tokens.append({"type": "codespan", "raw": raw})
            pos = code.end()
        elif char == "*" or char == "_":
            run = _RUN[char].match(src, at).end()  # type: ignore[union-attr]
            text.append(src[pos:at])
            _flush(text, tokens, runs)
            runs.append(len(tokens))
            tokens.append({"type": "text", "raw": src[at:run]})
            pos = run
        elif char == "<":
            tag = _INLINE_HTML_TAG.match(src, at)
            if tag is None:
                if _TAG_START.match(src, at):
                    return None
                text.append(src[pos : at + 1])  # a `<` that opens nothing
                pos = at + 1
                continue
            html = tag.group(0)
            if ":" in html or "@" in html or _ANCHOR_TAG.match(html):
                return None
            text.append(src[pos:at])
            _flush(text, tokens, runs)
            tokens.append({"type": "inline_html", "raw": html, "_pos": (at, tag.end())})
            pos = tag.end()
        else:
            return None
    _flush(text, tokens, runs)
    if runs:
        return _emphasis(tokens, runs)
    return tokens or None


def _flush(text: list[str], tokens: list[Token], runs: list[int]) -> None:
    """Add the text gathered so far as one text token (mistune merges adjacent text), never into a `*` run."""
    joined = "".join(text)
    text.clear()
    if joined:
        if tokens and tokens[-1]["type"] == "text" and (not runs or runs[-1] != len(tokens) - 1):
            tokens[-1]["raw"] += joined
        else:
            tokens.append({"type": "text", "raw": joined})


def _emphasis(tokens: list[Token], runs: list[int]) -> list[Token] | None:
    """Resolve the `*` and `_` runs as mistune does where openers and closers alternate with the same marker and
    length (1 or 2) and nothing nests (a run that could do both closes the open one, else opens); None otherwise."""
    source = "".join(
        t["raw"] if t["type"] == "text" else "\n" if t["type"] in ("softbreak", "linebreak") else _OBJECT
        for t in tokens
    )
    offsets: dict[int, int] = {}
    at = 0
    for index, token in enumerate(tokens):
        offsets[index] = at
        at += len(token["raw"]) if token["type"] == "text" else 1
    out: list[Token] = []
    opener: tuple[str, int] | None = None
    floor = 0
    run_set = set(runs)
    for index, token in enumerate(tokens):
        if index not in run_set:
            _add(out, token, floor)
            continue
        raw = token["raw"]
        start = offsets[index]
        can_open = _can_open_emphasis(source, start, len(raw), raw[0])
        can_close = _can_close_emphasis(source, start, len(raw), raw[0])
        if not can_open and not can_close:
            if opener is not None:
                return None  # mistune keeps it a text token of its own inside the emphasis
            _add(out, token, floor)
        elif len(raw) > 2:
            return None
        elif opener is None and can_open:
            opener, floor = (raw[0], len(raw)), len(out)
        else:
            if not can_close or opener != (raw[0], len(raw)):
                return None
            children = out[floor:]
            del out[floor:]
            out.append({"type": "strong" if len(raw) == 2 else "emphasis", "children": children})
            opener, floor = None, len(out)
    return out if opener is None and out else None


def _add(out: list[Token], token: Token, floor: int) -> None:
    """Append a token, merging text into text before it (not across the start of an emphasis at `floor`)."""
    if token["type"] == "text" and len(out) > floor and out[-1]["type"] == "text":
        out[-1] = {"type": "text", "raw": out[-1]["raw"] + token["raw"]}
    else:
        out.append(token)


class PositionedInlineParser(InlineParser):
    """An InlineParser that stores `_pos` = (start, end) offsets on every link, image and inline HTML token."""

    fast = True
    """Read the common shapes with `fast_inline`, giving mistune only the rest."""

    def __call__(self, s: str, env: Any) -> list[Token]:  # type: ignore[override]
        """The inline tokens of `s`."""
        tokens = fast_inline(s, env) if self.fast else None
        return tokens if tokens is not None else super().__call__(s, env)

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


def parse_block_quote(block: BlockParser, m: re.Match[str], state: BlockState) -> int:
    """mistune's block-quote rule, its tokens in source order. Where a list or an HTML block ends the quote's lazy
    lines (`> Note` then `- item` then `<!-- c -->`), mistune parses that block first, with any block it takes
    along, and puts the quote before only the last of their tokens; here the quote goes before all of them."""
    count = len(state.tokens)
    end: int = BlockParser.parse_block_quote(block, m, state)
    tokens = state.tokens
    if len(tokens) - count > 2 and tokens[-2].get("type") == "block_quote":
        tokens.insert(count, tokens.pop(-2))
    return end


def parse_list(block: BlockParser, m: re.Match[str], state: BlockState) -> int:
    """mistune's list rule, with the common item read without its machinery: a bullet item of one line
    (`- text`, no indent, text that opens no block) followed by the end of the text or by another such item of
    the same list. Any other item is mistune's; the tokens are the same either way."""
    item = _create_list_marker(m, "list")
    text = item.text
    if not text.strip():
        end_pos = state.append_paragraph()  # an empty item cannot interrupt a paragraph
        if end_pos:
            return end_pos
    marker = item.marker
    depth = state.depth()
    token: dict[str, Any] = {
        "type": "list",
        "children": [],
        "tight": True,
        "bullet": item.bullet,
        "attrs": {"depth": depth, "ordered": item.ordered},
    }
    if item.ordered:
        start = int(marker[:-1])
        if start != 1:
            end_pos = state.append_paragraph()  # only a list that starts at 1 interrupts a paragraph
            if end_pos:
                return end_pos
            token["attrs"]["start"] = start
    state.cursor = m.end() + 1
    if depth >= block.max_nested_level - 1:
        rules = [rule for rule in block.list_rules if rule not in ("list", "block_quote")]
    else:
        rules = block.list_rules
    bullet = _get_list_bullet(item.bullet)
    simple = None if item.ordered else item.bullet
    sc = block.compile_sc(rules)
    item_or_none: _ListMarker | None = item
    while item_or_none:
        read = _simple_item(block, simple, item_or_none, token, state, sc) if simple else _NOT_SIMPLE
        if read is _NOT_SIMPLE:
            read = _parse_list_item(block, bullet, item_or_none, token, state, rules)
        item_or_none = read  # type: ignore[assignment]
    end_pos = token.pop("_end_pos", None)
    _transform_tight_list(token)
    if end_pos:
        state.tokens.insert(token.pop("_tok_index"), token)
        return end_pos  # type: ignore[no-any-return]
    state.append_token(token)
    return state.cursor


_NOT_SIMPLE = object()
_THEMATIC = " \t-*_"  # a line of only these may be a thematic break


def _simple_item(
    block: BlockParser, bullet: str, item: _ListMarker, token: Token, state: BlockState, sc: re.Pattern[str]
) -> Any:
    """Read `item` as mistune would when it is one unindented line `- text` whose text opens no block: its token
    is one paragraph of the line. What follows it must be the end of the text, the next such item of the list
    (not a thematic break), or blank lines and then a line that starts in the first column (read as mistune's
    list reads it: a further item of a loose list, the block that ends the list, or the end of it). The next
    item's marker, None at the end of the list, or `_NOT_SIMPLE` for any other item, with nothing changed."""
    text = item.text
    if item.spaces or len(text) < 2 or text[0] != " " or text[1].isspace():
        return _NOT_SIMPLE
    # What mistune makes the item's source; its block rules start at a line start (`^`, multi-line), so in one
    # line only a match at its start or at its very end (after the newline) would make it more than a paragraph.
    body = text[1:] + "\n"
    if sc.match(body) is not None or sc.match(body, len(body)) is not None:
        return _NOT_SIMPLE
    src = state.src
    pos = state.cursor
    end = state.cursor_max
    following: _ListMarker | None = None
    if pos < end:
        line_end = src.find("\n", pos)
        line = src[pos:] if line_end < 0 else src[pos:line_end]
        if len(line) >= 3 and line[0] == bullet and line[1] == " " and not line[2].isspace() and line.strip(_THEMATIC):
            following = _ListMarker("", bullet, line[1:])
            pos = len(src) if line_end < 0 else line_end + 1
        else:
            after = _after_blank_lines(src, pos, end)
            if after == pos or (after < end and src[after] in " \t"):
                return _NOT_SIMPLE
            pos = after
            if pos < end:
                return _end_of_item(block, bullet, token, state, body, pos)
    token["children"].append({"type": "list_item", "children": [{"type": "paragraph", "text": body}]})
    state.cursor = pos
    return following


def _after_blank_lines(src: str, pos: int, end: int) -> int:
    """Where the run of blank lines (as mistune's list reader counts them) that starts at `pos` ends."""
    while pos < end:
        line_end = src.find("\n", pos)
        if line_end < 0 or src[pos:line_end].strip(" \t\v\f"):
            break
        pos = line_end + 1
    return pos


def _end_of_item(block: BlockParser, bullet: str, token: Token, state: BlockState, body: str, pos: int) -> Any:
    """A one-line item followed by blank lines and, at `pos`, a line in the first column: what mistune's list
    reader does there (`_match_list_item_break`), the item's paragraph added."""
    src = state.src
    line_end = src.find("\n", pos)
    line = src[pos:] if line_end < 0 else src[pos : line_end + 1]
    list_item_re = re.compile(_compile_list_item_pattern(_get_list_bullet(bullet), 1))
    state.cursor = pos
    found = _match_list_item_break(list_item_re, _compile_list_break_sc(block, 1), state, line)
    following = None
    if found is not None:
        kind, m = found
        if kind == "list_item":
            following = _create_list_marker(m, "listitem")
            token["tight"] = False
            state.cursor = pos + len(line)
        elif kind != "list":
            index = len(state.tokens)
            end_pos = block.parse_method(m, state)
            if end_pos:
                token["_tok_index"] = index
                token["_end_pos"] = end_pos
    token["children"].append({"type": "list_item", "children": [{"type": "paragraph", "text": body}]})
    return following


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
    md.block.block_quote_rules = [*md.block.block_quote_rules, "table"]  # (`> | Model | Paper |`: a table quoted)
    md.block.register("list", None, parse_list)
    md.block.register("block_quote", None, parse_block_quote)
    md.before_render_hooks.append(_keep_block_text)
    return md


_PARSER: mistune.Markdown | None = None


def parse_ast(text: str) -> list[Token]:
    """Parse Markdown text (LF newlines) into mistune's AST, annotated with positions."""
    return list(iter_ast(text))


def iter_ast(text: str) -> Iterator[Token]:
    """mistune's AST of `text` (as `parse_ast` gives it) one top-level block at a time: every block is read
    first, but a block's inline tokens are made only when it is reached, so the whole tree never lives at once."""
    global _PARSER
    if _PARSER is None:
        _PARSER = create_parser()
    parser = _PARSER
    state = parser.block.state_cls()
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as `mistune.Markdown.parse` does
    state.process(text if text.endswith("\n") else text + "\n")
    for hook in parser.before_parse_hooks:
        hook(parser, state)
    parser.block.parse(state)
    for render_hook in parser.before_render_hooks:
        render_hook(parser, state)
    blocks = state.tokens
    blocks.reverse()
    inline = parser.inline
    env = state.env
    while blocks:  # each block is let go once the caller has it
        block = blocks.pop()
        _render_inline([block], inline, env)
        yield block


def _render_inline(tokens: list[Token], inline: InlineParser, env: Any) -> None:
    """Give each text block its inline tokens in place, as mistune's renderer (with no renderer) does."""
    for token in tokens:
        if "children" in token:
            _render_inline(token["children"], inline, env)
        elif "text" in token:
            token["children"] = inline(token.pop("text").strip(_INLINE_STRIP), env)
