"""Rule AL601 `awesome-badge`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.rules._awesome import GROUP, indexed, node_span
from awesome_lint.rules._registry import Context, Issue, rule

if TYPE_CHECKING:
    from awesome_lint.parse.tree import Block

BADGE_LINKS = ("https://awesome.re", "https://github.com/sindresorhus/awesome")
BADGE_IMAGES = (
    "https://awesome.re/badge.svg",
    "https://awesome.re/badge-flat.svg",
    "https://awesome.re/badge-flat2.svg",
)
BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"


@rule(
    "AL601",
    "awesome-badge",
    "error",
    "the list's main heading without the awesome badge",
    group=GROUP,
)
def awesome_badge(ctx: Context) -> Iterator[Issue]:
    """Asks for the awesome badge in the main heading, as the npm awesome-lint (`awesome-badge`) does: a
    heading that opens the file (or a block quote or list item) is `# Title` followed by the badge, an image
    from awesome.re linking to https://awesome.re or https://github.com/sindresorhus/awesome. A list without
    it is not accepted into sindresorhus/awesome. A file that opens with something else (an HTML comment, a
    paragraph) is not checked.

    Bad:

        # Awesome Model Compression

    Good:

        # Awesome Model Compression [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
    """
    for block, index, _parent in indexed(ctx.tree.blocks):
        if block.kind == "heading" and index == 0:
            yield from _badge(ctx, block)


def _badge(ctx: Context, heading: Block) -> Iterator[Issue]:
    badge = False
    for node in heading.inlines if heading.level == 1 else ():
        if node.kind != "link" or node.url not in BADGE_LINKS:
            continue
        for image in node.children:
            if image.kind == "image" and image.url not in BADGE_IMAGES:
                yield Issue(node_span(ctx, heading, image), f"the badge image is not awesome.re's; use {BADGE}")
                return
            badge = badge or image.kind == "image"
    if not badge:
        yield Issue(node_span(ctx, heading), f"the main heading has no awesome badge; add {BADGE} after the title")
