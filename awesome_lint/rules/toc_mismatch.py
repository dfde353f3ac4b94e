"""Rule AL104 `toc-mismatch`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from awesome_lint.model import Document, Entry, Section
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import brief, heading_text, ordered_sections
from awesome_lint.text import heading_anchor

# An HTML start tag up to its `>` (or the next `<`, so a run of unclosed `<` costs linear time), and an `id` or
# `name` attribute inside one.
_HTML_TAG = lazy_compile(r"<[A-Za-z][^<>]*")
_HTML_ID = lazy_compile(r"\s(?:id|name)\s*=\s*[\"']?([^\"'\s>]+)", re.I)


def heading_anchors(sections: list[Section]) -> dict[str, Section]:
    """Anchor -> section for every heading, in source order, with GitHub's `-1`, `-2` suffixes for repeats."""
    taken: set[str] = set()
    return {heading_anchor(section.heading, taken): section for section in sections}


def _is_toc_item(entry: Entry) -> bool:
    """An item whose links are all in-page anchors (`[Pruning](#pruning)`)."""
    return bool(entry.links) and all(link.url.startswith("#") for link in entry.links)


def html_ids(doc: Document) -> set[str]:
    """The `id` and `name` attributes (lower-cased) of the HTML tags in the document's HTML blocks and inline HTML."""
    spans = [block.span for block in doc.blocks if block.kind == "html"] + list(doc.inline_html)
    return {
        m.group(1).lower()
        for span in spans
        for tag in _HTML_TAG.finditer(doc.source(span))
        for m in _HTML_ID.finditer(tag.group(0))
    }


def tables_of_contents(ctx: Context) -> list[list[Entry]]:
    """Anchor-only items of one section, in order, with no linked item between them: the parts of a table of
    contents split over several lists (under bold labels, or nested under items without links) are one table.
    Tables with fewer than two items are left out."""
    tocs: list[list[Entry]] = []
    current: list[Entry] = []
    for entry in ctx.document.entries:
        if _is_toc_item(entry):
            if current and current[-1].section != entry.section:
                tocs.append(current)
                current = []
            current.append(entry)
        elif current and entry.links:
            tocs.append(current)
            current = []
    if current:
        tocs.append(current)
    return [toc for toc in tocs if len(toc) >= 2]


@rule("AL104", "toc-mismatch", "warning", "a table of contents linking to a missing heading or leaving one out", cost=1)
def toc_mismatch(ctx: Context) -> Iterator[Issue]:
    """Checks a table of contents (list items whose links are all in-page `#anchors`, in one section, with no item
    linking elsewhere between them: parts under bold labels or nested under items without links are one table)
    against the headings. Every anchor must lead to a heading, by GitHub's rule (lower-case, punctuation other than
    `-` and `_` dropped, spaces to `-`, `-1` for a repeated heading; compared ignoring case) or to the `id`/`name`
    of an HTML tag (not one in a code block or code span); a broken anchor is reported with the closest heading's
    anchor. When the table's top-level items link to headings of one level, every heading of that level after the
    table (under the same parent) must be listed: sections added later are easily forgotten there.

    Bad:

        - [Pruning](#pruning)
        - [Quantisation](#quantisation)

        ## Pruning
        ## Quantization
        ## Distillation

    Good:

        - [Pruning](#pruning)
        - [Quantization](#quantization)
        - [Distillation](#distillation)

        ## Pruning
        ## Quantization
        ## Distillation
    """
    sections = ordered_sections(ctx)
    anchors = heading_anchors(sections)
    ids = html_ids(ctx.document)
    for toc in tables_of_contents(ctx):
        targets: list[Section] = []
        top = min(entry.depth for entry in toc)
        for entry in toc:
            for link in entry.links:
                fragment = unquote(link.url[1:]).lower()
                if not fragment or fragment in ids:
                    continue
                section = anchors.get(fragment)
                if section is not None:
                    if entry.depth == top:
                        targets.append(section)
                    continue
                import difflib  # only for a link to no heading

                close = difflib.get_close_matches(fragment, list(anchors), n=1, cutoff=0.6)
                if close and entry.depth == top:
                    targets.append(anchors[close[0]])
                hint = (
                    f'change it to "#{close[0]}" ("{brief(heading_text(anchors[close[0]]), 40)}")'
                    if close
                    else "point it at an existing heading or remove the item"
                )
                yield Issue(link.span, f'table-of-contents link "{brief(link.url, 40)}" matches no heading; {hint}')
        yield from _omitted(toc, targets, sections, anchors)


def _omitted(
    toc: list[Entry], targets: list[Section], sections: list[Section], anchors: dict[str, Section]
) -> Iterator[Issue]:
    """Headings of the one level the top items of a table of contents link to, after it and under the same
    parent, that it omits."""
    if len(targets) < 2 or len({s.level for s in targets}) != 1:
        return
    level = targets[0].level
    parents = {s.path[:-1] for s in targets}
    parent = next(iter(parents)) if len(parents) == 1 else None
    listed = {id(s) for s in targets}
    toc_end = toc[-1].span.end
    anchor_of = {id(section): anchor for anchor, section in anchors.items()}
    for section in sections:
        if section.level != level or section.span.start < toc_end or id(section) in listed:
            continue
        if parent is not None and section.path[:-1] != parent:
            continue
        yield Issue(
            section.span,
            f'heading "{brief(heading_text(section), 48)}" is missing from the table of contents '
            f"(line {toc[0].span.line}); add `- [{section.heading}](#{anchor_of[id(section)]})` there",
        )
