"""Rule AL602 `awesome-heading`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.regex import lazy_compile
from awesome_lint.rules._awesome import GROUP, case_of, indexed, node_span, title_case
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief

_EXTENSION = lazy_compile(r"^(.+?)((?:\.[a-z\d]{1,10})+)\Z", re.IGNORECASE)


@rule(
    "AL602",
    "awesome-heading",
    "error",
    "no `# Title` heading first, more than one, or one not in title case",
    group=GROUP,
)
def awesome_heading(ctx: Context) -> Iterator[Issue]:
    """Asks for one main heading, as the npm awesome-lint (`awesome-heading`) does: the list's name as a `#`
    heading in title case (`Awesome Model Compression`; small words such as `and` or `of` may stay lower case,
    a file name keeps its extension), and no second `#` heading; sections are `##` and deeper. A heading that
    opens the file (or a block quote or list item) must be a `#` heading. An HTML heading or centred image that
    opens the file counts as the main heading.

    Bad:

        # Awesome model compression

        # Papers

    Good:

        # Awesome Model Compression

        ## Papers
    """
    count = 0
    for block, index, parent in indexed(ctx.tree.blocks):
        if block.kind == "html" and parent is None and index == 0 and _html_heading(block.html):
            count += 1
            continue
        if block.kind != "heading" or (block.level > 1 and index != 0):
            continue
        if block.level > 1:
            yield Issue(node_span(ctx, block), f"the main heading must be a `#` heading, not `{'#' * block.level}`")
        for node in block.inlines:
            if node.kind == "text" and _not_title_case(node.value):
                yield Issue(
                    node_span(ctx, block),
                    f'the main heading "{brief(node.value.strip(), 40)}" is not in title case; '
                    f'write "{brief(_expected(node.value).strip(), 40)}"',
                )
        count += 1
        if count > 1:
            yield Issue(node_span(ctx, block), "a list has one `#` heading, its name; make this a `##` section")
    if count == 0:
        yield Issue(ctx.document.span(0, 0), "the list has no main heading; start it with `# Awesome Name`")


def _html_heading(html: str) -> bool:
    """An HTML block standing for the main heading: an `<h1>`-`<h6>`, or a centred block with an image."""
    lower = html.lower()
    centred = 'align="center"' in lower or "align='center'" in lower
    return bool(re.search(r"<h[1-6][\s>]", html, re.IGNORECASE)) or (centred and "<img" in lower)


def _expected(text: str) -> str:
    """The text in title case, a trailing file extension kept as written."""
    m = _EXTENSION.match(text)
    if m and not re.match(r"^\.\d", m.group(2)):
        return title_case(m.group(1)) + m.group(2)
    return title_case(text)


def _not_title_case(text: str) -> bool:
    return case_of(text) not in ("title", "capital") and _expected(text) != text
