"""Rule AL606 `name-in-description`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.rules._awesome import GROUP, node_span
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief

if TYPE_CHECKING:
    from awesome_lint.parse.tree import Block, Inline

SEPARATOR = " - "
_FORMATTING = ("emphasis", "strong", "inlineCode")


@rule(
    "AL606",
    "name-in-description",
    "error",
    "a description that starts by repeating the item's name (`[X](url) - X is ...`)",
    group=GROUP,
)
def name_in_description(ctx: Context) -> Iterator[Issue]:
    """Reports a list item whose description, after ` - `, starts with the item's own name, as the npm
    awesome-lint (`no-repeat-item-in-description`) does: `[PocketFlow](url) - PocketFlow is a framework ...`
    says the name twice; say what it is instead. Badge links (an image, or a link followed by another link)
    are not the item's name.

    Bad:

        - [PocketFlow](https://github.com/Tencent/PocketFlow) - PocketFlow is an automatic model compression framework.

    Good:

        - [PocketFlow](https://github.com/Tencent/PocketFlow) - An automatic model compression framework.
    """
    for block, _ancestors in ctx.tree.walk():
        if block.kind != "item":
            continue
        paragraph = next((child for child in block.children if child.kind == "paragraph"), None)
        if paragraph is not None:
            yield from _repeat(ctx, paragraph)


def _repeat(ctx: Context, paragraph: Block) -> Iterator[Issue]:
    nodes = paragraph.inlines
    for index, node in enumerate(nodes):
        if node.kind != "link":
            continue
        following = next((n for n in nodes[index + 1 :] if n.kind != "text" or n.value.strip()), None)
        if any(child.kind == "image" for child in node.children) or (following and following.kind == "link"):
            continue
        name = node.value
        description = _description(nodes[index + 1 :])
        if name and description and description.lower().startswith(name.lower()):
            rest = description[len(name) :]
            if not rest or re.match(r"^[\s.,!?:-]", rest):
                yield Issue(
                    node_span(ctx, paragraph, node),
                    f'the description repeats the name "{brief(name, 40)}"; start it with what the item is',
                )
        return


def _description(nodes: tuple[Inline, ...]) -> str:
    """The text after the first ` - ` that follows the main link (only formatting or spaces before it)."""
    for index, node in enumerate(nodes):
        if node.kind == "text" and SEPARATOR in node.value:
            after = SEPARATOR.join(node.value.split(SEPARATOR)[1:])
            return (after + "".join(n.value for n in nodes[index + 1 :])).strip()
        if node.kind not in _FORMATTING and not (node.kind == "text" and not node.value.strip()):
            return ""
    return ""
