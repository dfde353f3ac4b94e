"""Rule AL603 `awesome-list-item`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.rules._awesome import (
    EMOJI,
    GROUP,
    LINKS,
    case_of,
    content_lists,
    ends_with_emoji,
    first_paragraph,
    has_case,
    is_url,
    node_span,
    words,
)
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief

if TYPE_CHECKING:
    from awesome_lint.parse.tree import Block, Inline

FORMAT = "`- [Name](https://…) - Description.`"
_LINK_CHILDREN = {"emphasis", "inlineCode", "strong", "text"}
_DESCRIPTION_NODES = {"emphasis", "html", "image", "inlineCode", "link", "linkReference", "strong", "text"}
_SUFFIX_NODES = {"emphasis", "html", "image", "link", "strong", "text"}
_CASES = {"camel", "capital", "constant", "pascal", "upper"}
_END = "[.!?…]"


@rule(
    "AL603",
    "awesome-list-item",
    "error",
    "a list item not written `[Name](link) - Description.` (separator, capital, closing punctuation)",
    group=GROUP,
)
def awesome_list_item(ctx: Context) -> Iterator[Issue]:
    """Checks each list item as the npm awesome-lint (`awesome-list-item`) does before a list joins
    sindresorhus/awesome: an item that starts with a link is `[Name](link) - Description.`, the link an
    absolute URL with text, and the description after ` - ` starts with a capital letter (or a number, a quote,
    a symbol, a name in camel case) and ends with `.`, `!`, `?` or `…` (or a closing parenthesis or an emoji
    after earlier punctuation). A bare link without a description, an item that starts with plain text, and a
    description that is only a parenthesis are accepted. With a `## Contents` heading only the lists after the
    first section heading that follows it are checked (the table of contents is not). Typical findings on paper
    lists: the link and the citation separated by a space instead of ` - `, and a citation that ends in plain
    text without a full stop (`, ICLR 2016`); a description may end with emphasis (`*ICLR 2016*`).

    Bad:

        - [Deep Compression](https://arxiv.org/abs/1510.00149) Song Han, Huizi Mao. *ICLR 2016*

    Good:

        - [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han, Huizi Mao. *ICLR 2016*.
    """
    for block in content_lists(ctx.tree):
        for item in block.children:
            paragraph = first_paragraph(item)
            if paragraph is None:
                yield Issue(
                    node_span(ctx, item.children[0] if item.children else block),
                    f"list item does not start with text; write {FORMAT}",
                )
                continue
            yield from _item(ctx, paragraph)


def _item(ctx: Context, paragraph: Block) -> Iterator[Issue]:
    nodes = paragraph.inlines
    if nodes[0].kind == "text":
        return
    at = next(
        (
            i
            for i, node in enumerate(nodes[:-1])
            if node.kind in LINKS and nodes[i + 1].kind == "text" and nodes[i + 1].value.startswith(" - ")
        ),
        None,
    )
    if at is None:
        at = next((i for i, node in enumerate(nodes) if node.kind in LINKS), 0)
    link, description = nodes[at], nodes[at + 1 :]
    problem = _link_problem(link)
    if problem:
        inner = next((child for child in link.children if child.kind not in _LINK_CHILDREN), link)
        where = inner if link.kind == "link" and is_url(link.url) and link.value else link
        yield Issue(node_span(ctx, paragraph, where), f"{problem}; write {FORMAT}")
        return
    found = _description_problem(description)
    if found is not None:
        node, problem = found
        yield Issue(node_span(ctx, paragraph, node), f'list item "{brief(link.value, 40)}": {problem}')


def _link_problem(link: Inline) -> str | None:
    """What is wrong with an item's leading link, if anything."""
    if link.kind == "linkReference":
        return None
    if link.kind != "link":
        return "list item does not start with a link"
    if not is_url(link.url):
        return f'list item link "{brief(link.url, 40)}" is not an absolute URL'
    if not link.value:
        return "list item link has no text"
    inner = next((child for child in link.children if child.kind not in _LINK_CHILDREN), None)
    return "list item link holds an image or other markup, not only text" if inner else None


def _description_problem(description: tuple[Inline, ...]) -> tuple[Inline, str] | None:
    """The node and the message of what is wrong with a description, if anything."""
    if not description:
        return None
    prefix, suffix = description[0], description[-1]
    text = "".join(node.value for node in description)
    if _special(text):
        return None
    if prefix.kind != "text" or not _prefix_ok(text, prefix.value):
        if re.match(r"^\s-\s", prefix.value):
            return prefix, "link and description separated by odd whitespace; use ` - ` with plain spaces"
        if re.match(r"^\s*[/\u2013\u2014]", prefix.value):
            return prefix, "link and description separated by `/` or a dash other than ` - `; use ` - `"
        if re.search(r" - [A-Z]", text):
            return None
        return prefix, f"link and description must be separated by ` - `: {FORMAT}"
    if suffix.kind not in _SUFFIX_NODES or (suffix.kind == "text" and not _suffix_ok(text, suffix.value)):
        return suffix, "description must end with `.`, `!` or `?`"
    if prefix is suffix:
        problem = _casing_problem(prefix.value[3:])
        return (prefix, problem) if problem else None
    other = next((node for node in description if node.kind not in _DESCRIPTION_NODES), None)
    return (other, "description holds markup other than links, emphasis and code") if other else None


def _special(text: str) -> bool:
    """Descriptions accepted as they are: only emoji, or only a parenthesis."""
    if text.startswith(" - "):
        return False
    bare = EMOJI.sub("", text).strip()
    return not bare or bool(re.match(r"^\s\([^)]+\)\s*\Z", text)) or bool(re.match(r"^\([^)]+\)\Z", bare))


def _prefix_ok(text: str, prefix: str) -> bool:
    return prefix.startswith(" - ") or (ends_with_emoji(prefix) and text == prefix)


def _suffix_ok(text: str, suffix: str) -> bool:
    """Whether a description ends as the npm awesome-lint wants (its punctuation rules, case for case)."""
    if re.match(r"^`.*[.!?…]*`[.!?…]*\Z", text):
        return bool(re.match(r"^`.+`.+`.+\Z", text))
    if re.search(rf"(?<=[\"”]){_END}+\Z", text):
        return not re.search(rf"{_END}[\"”]{_END}+\Z", text)
    if re.search(rf"{_END}[\"”]?\Z", text):
        return True
    if not re.search(_END, text):
        tokens = words(text)
        if len(tokens) > 2 or not tokens or not ends_with_emoji(tokens[-1]):
            return False
    return bool(re.search(r"\)\s*\Z", suffix)) or ends_with_emoji(suffix)


def _casing_problem(description: str) -> str | None:
    """What is wrong with how a description (after ` - `) starts, if anything."""
    found = words(description)
    if not found:
        return "description is empty"
    word = found[0]
    if re.match(r"^[/@#$~&%]", description.strip()) or not has_case(word):
        return None
    if case_of(re.sub(r"[^A-Za-z0-9_]+", "", word)) in _CASES or re.search(r"\d", word):
        return None
    if re.match(r"^[\"'(]", word) or word == "npm":
        return None
    return f'description must start with a capital letter, not "{brief(word, 20)}"'
