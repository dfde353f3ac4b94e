"""Rule AL604 `undefined-reference`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from awesome_lint.regex import lazy_compile
from awesome_lint.rules._awesome import GROUP
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief
from awesome_lint.text import reference_label

if TYPE_CHECKING:
    from awesome_lint.parse.tree import Block, Inline

_ALERTS = frozenset({"!NOTE", "!TIP", "!IMPORTANT", "!WARNING", "!CAUTION"})
"""GitHub's alerts (`> [!NOTE]`), which are not links."""
_FOOTNOTE = lazy_compile(r"\[(\^[^\]\s]+)\]:")
_OTHER = "\x00"
"""Stands for a character that is not text of the container being scanned (code, HTML, a link's syntax)."""


@rule(
    "AL604",
    "undefined-reference",
    "error",
    "bracketed text `[x]` that reads as a reference link with no definition (`[Title]`, `[[code]](url)`)",
    group=GROUP,
)
def undefined_reference(ctx: Context) -> Iterator[Issue]:
    """Reports bracketed text that Markdown reads as a reference link (`[x]`, `[x][]`, `[x][y]`) when the file
    defines no such reference (`[x]: https://…`), as the npm awesome-lint (`no-undefined-references`) does.
    Such text renders as plain brackets, but more often than not a link was meant and lost: a paper title in
    brackets with no link after it, or `[[code]](url)`, whose inner `[code]` is read as a second, undefined
    link. Escape a bracket that is meant as text (`\\[code]`), or write the link. Text in code is not checked;
    `[]`, `[^note]` footnotes with a definition and GitHub's `[!NOTE]` alerts are accepted.

    Bad:

        - [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han. *ICLR 2016*. [[code]](https://github.com/songhan)

    Good:

        - [Deep Compression](https://arxiv.org/abs/1510.00149) - Song Han. *ICLR 2016*. [Code](https://github.com/songhan)
    """
    tree = ctx.tree
    footnotes = {
        reference_label(m.group(1))
        for block, _ancestors in tree.walk()
        if block.kind == "paragraph" and (m := _FOOTNOTE.match(block.source))
    }
    for block, _ancestors in tree.walk():
        if block.kind not in ("heading", "paragraph"):
            continue
        for start, end, label in _references(block):
            if label.startswith("^"):
                defined = " " in label or label in footnotes or label in tree.definitions
            else:
                defined = label in tree.definitions or label in _ALERTS
            a, b = block.offset(start), block.offset(end - 1) + 1
            if defined or a < 0:
                continue
            text = block.source[start:end]
            yield Issue(
                ctx.document.span(a, max(a, b)),
                f'"{brief(text, 50)}" reads as a link to an undefined reference; '
                f"escape the bracket (`\\{brief(text, 30)}`) or write the link",
            )


def _references(block: Block) -> Iterator[tuple[int, int, str]]:
    """(start, end, normalised label) in `block.source` of each bracket run that reads as a reference."""
    source = block.source
    owner = [0] * len(source)
    _assign(block.inlines, source, owner, 0, 1)
    bounds: dict[int, list[int]] = {}
    for i, container in enumerate(owner):
        if container >= 0:
            bounds.setdefault(container, [i, i])[1] = i + 1
    for container, (first, last) in sorted(bounds.items()):
        masked = "".join(source[i] if owner[i] == container else _OTHER for i in range(first, last))
        yield from _scan(source, masked, first)


def _assign(nodes: tuple[Inline, ...], source: str, owner: list[int], container: int, count: int) -> int:
    """Mark which container each character of the source is text of (-1: none); as in mdast, a link's text
    and an emphasis are containers of their own, and code, HTML, images and a link's syntax are not text.
    Returns the number of containers."""
    for node in nodes:
        if node.start < 0 or node.end <= node.start:
            continue
        if node.kind in ("link", "linkReference"):
            owner[node.start : node.end] = [-1] * (node.end - node.start)
            label = _label(source, node)
            if label is not None:
                owner[label[0] : label[1]] = [count] * (label[1] - label[0])
                count = _assign(node.children, source, owner, count, count + 1)
        elif node.kind in ("inlineCode", "html", "image"):
            owner[node.start : node.end] = [-1] * (node.end - node.start)
        elif node.children:
            if source[node.start] in "*_":
                owner[node.start : node.end] = [count] * (node.end - node.start)
                count = _assign(node.children, source, owner, count, count + 1)
            else:
                count = _assign(node.children, source, owner, container, count)
    return count


def _label(source: str, node: Inline) -> tuple[int, int] | None:
    """Where a link's text is (between its brackets), for a link written `[text](...)` or `[text][ref]`."""
    if source[node.start] != "[":
        return None
    depth = 0
    i = node.start
    while i < node.end:
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return node.start + 1, i
        i += 1
    return None


def _scan(source: str, masked: str, first: int) -> Iterator[tuple[int, int, str]]:
    """The bracket ranges of one container (`masked` is its text from `first` on) that read as references, as
    remark-lint finds them."""
    ranges: list[list[int]] = []
    i, last = 0, len(masked)
    while i < last:
        char = masked[i]
        if char == "[":
            ranges.append([first + i])
        elif char == "\\":
            if i + 1 < last and masked[i + 1] in "[]":
                i += 1
        elif char == "]" and ranges:
            current = ranges[-1]
            if i + 1 < last and masked[i + 1] == "[" and len(current) != 3:
                current += [first + i + 1, first + i + 1]
                i += 2
                continue
            current.append(first + i + 1)
            ranges.pop()
            found = _reference(source, current)
            if found:
                yield found
        i += 1
    for current in ranges:
        found = _reference(source, current)
        if found:
            yield found


def _reference(source: str, bounds: list[int]) -> tuple[int, int, str] | None:
    """A closed bracket range as (start, end, label); None for `[` alone or `[]`."""
    if len(bounds) == 1:
        return None
    if len(bounds) == 3:
        bounds = bounds[:2]
    if len(bounds) == 2 and bounds[0] + 2 == bounds[1]:
        return None
    offset = 2 if len(bounds) == 4 and bounds[2] + 2 != bounds[3] else 0
    label = source[bounds[offset] + 1 : bounds[offset + 1] - 1]
    return bounds[0], bounds[-1], reference_label(label)
