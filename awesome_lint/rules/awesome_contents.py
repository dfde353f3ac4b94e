"""Rule AL605 `awesome-contents`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.model import Span
from awesome_lint.rules._awesome import GROUP, contents_index, node_span
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.text import heading_anchor

if TYPE_CHECKING:
    from awesome_lint.parse.tree import Block, Inline

NOT_LISTED = ("Contributing", "Footnotes", "Related Lists")
"""Sections a table of contents leaves out."""
_USED = object()


@rule(
    "AL605",
    "awesome-contents",
    "error",
    "a `## Contents` table that is not the first section or does not list the sections in order",
    group=GROUP,
)
def awesome_contents(ctx: Context) -> Iterator[Issue]:
    """Checks the table of contents under a `## Contents` heading as the npm awesome-lint (`awesome-toc`) does:
    it is the first section after the list's name, holds one list, and that list names every `##` section
    after it in order, each item linking to its section's anchor with the section's exact heading text, once
    (Contributing, Footnotes and Related Lists are left out). Sub-items list the `###` sections of their
    section, one level deep. A list without a `## Contents` heading is not checked.

    Bad:

        # Awesome Model Compression

        ## Contents

        - [Quantisation](#quantization)

        ## Pruning

        ## Quantization

    Good:

        # Awesome Model Compression

        ## Contents

        - [Pruning](#pruning)
        - [Quantization](#quantization)

        ## Pruning

        ## Quantization
    """
    blocks = ctx.tree.blocks
    toc = contents_index(ctx.tree)
    if toc is None:
        return
    taken: set[str] = set()
    anchors: dict[str, object] = {}
    for block, _ancestors in ctx.tree.walk():
        if block.kind == "heading":
            anchors["#" + heading_anchor(block.text.replace("\ufe0f", ""), taken)] = block
    before = blocks[:toc]
    here = node_span(ctx, blocks[toc])
    headings_before = sum(1 for b in before if b.kind == "heading")
    if headings_before > 1:
        yield Issue(here, "`## Contents` must be the first section, right after the list's name")
    elif headings_before == 0 and not any(b.kind == "html" for b in before):
        yield Issue(here, "the list's name (`# Awesome Name`) must come before `## Contents`")
    sections = [
        i
        for i in range(toc + 1, len(blocks))
        if blocks[i].kind == "heading" and blocks[i].level == 2 and blocks[i].text not in NOT_LISTED
    ]
    if not sections:
        yield Issue(ctx.document.span(0, 0), "no `##` section follows `## Contents`")
        return
    lists = [b for b in blocks[toc + 1 : sections[0]] if b.kind == "list"]
    if len(lists) != 1:
        many = "more than one list" if lists else "no list"
        yield Issue(here, f"`## Contents` holds {many}; give it one list of links to the sections")
        return
    yield from _check(ctx, anchors, lists[0], sections, 0)


def _check(ctx: Context, anchors: dict[str, object], toc: Block, sections: list[int], depth: int) -> Iterator[Issue]:
    """The items of a table of contents (or of one of its sub-lists) against the headings they must name."""
    blocks = ctx.tree.blocks
    index = 0
    for index, item in enumerate(toc.children):
        place = _span(ctx, item)
        link = _first_link(item)
        heading = blocks[sections[index]] if index < len(sections) else None
        if link is None:
            yield Issue(place, f'table of contents item "{brief(item.text, 40)}" has no link')
            return
        if not link.value:
            yield Issue(place, f'table of contents item "{brief(link.url, 40)}" has no link text')
            return
        if heading is None or not heading.text:
            what = "a section the table leaves out" if link.value in NOT_LISTED else "no section in its place"
            yield Issue(place, f'table of contents item "{brief(link.value, 40)}" names {what}')
            return
        if link.value != heading.text:
            yield Issue(
                place,
                f'table of contents item "{brief(link.value, 40)}" is not the section in its place, '
                f'"{brief(heading.text, 40)}"',
            )
            return
        target = anchors.get(link.url)
        if target is None or target is _USED:
            problem = "twice" if target is _USED else "to no heading"
            yield Issue(place, f'table of contents item "{brief(link.value, 40)}" links "{link.url}" {problem}')
            return
        anchors[link.url] = _USED
        sub = _first_list(item)
        if sub is None:
            continue
        if depth >= 1:
            yield Issue(place, "the table of contents is more than two levels deep")
            continue
        end = sections[index + 1] if index + 1 < len(sections) else len(blocks)
        subsections = [
            i
            for i in range(sections[index] + 1, end)
            if blocks[i].kind == "heading" and blocks[i].level == depth + 3 and not _under_unlisted(blocks, i)
        ]
        yield from _check(ctx, anchors, sub, subsections, depth + 1)
    else:
        index = len(toc.children)
    for missing in sections[index:]:
        yield Issue(
            _span(ctx, toc),
            f'the table of contents leaves out the section "{brief(blocks[missing].text, 40)}"',
        )


def _span(ctx: Context, block: Block) -> Span:
    """Where a list or item is reported: its bullet."""
    return ctx.document.span(max(block.start, 0), max(block.start, 0))


def _blocks(block: Block) -> Iterator[Block]:
    """A block and every block inside it, in document order."""
    stack = [block]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def _first_link(item: Block) -> Inline | None:
    """The first link in an item, its nested items included (in document order)."""
    for block in _blocks(item):
        found = _inline_link(block.inlines)
        if found is not None:
            return found
    return None


def _inline_link(nodes: tuple[Inline, ...]) -> Inline | None:
    for node in nodes:
        if node.kind == "link":
            return node
        found = _inline_link(node.children)
        if found is not None:
            return found
    return None


def _first_list(item: Block) -> Block | None:
    return next((b for b in _blocks(item) if b.kind == "list" and b is not item), None)


def _under_unlisted(blocks: tuple[Block, ...], index: int) -> bool:
    """Whether the `##` section a heading is in is one the table leaves out."""
    parent = next((b for b in reversed(blocks[:index]) if b.kind == "heading" and b.level == 2), None)
    return parent is not None and parent.text in NOT_LISTED
