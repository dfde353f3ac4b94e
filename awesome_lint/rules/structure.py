"""Structure rules: heading levels, duplicate and empty sections, and the table of contents."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from urllib.parse import unquote

from awesome_lint.model import Entry, Section
from awesome_lint.rules.entries import blocking_indent, quote
from awesome_lint.rules.registry import Context, Issue, rule
from awesome_lint.text import github_anchor

PLACEHOLDERS = ("Waiting for update...", "To be updated.", "TBD", "Coming soon", "TODO")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_RULE_LINE = re.compile(r"[=\-*_\s]+")
_NON_WORD = re.compile(r"[\W_]+")
_HTML_ID = re.compile(r"<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*[\"']?([^\"'\s>]+)", re.I)


def ordered_sections(ctx: Context) -> list[Section]:
    """Every section (heading) of the document in source order."""
    return sorted(ctx.document.iter_sections(), key=lambda section: section.span.start)


def heading_text(section: Section) -> str:
    """A heading as written in ATX style, e.g. `## 1. Pruning`."""
    return f"{'#' * section.level} {section.heading}"


def _collapse(text: str) -> str:
    """Case-folded text with whitespace collapsed, for comparing headings."""
    return " ".join(text.casefold().split())


@rule(
    "AL101",
    "skipped-heading-level",
    "warning",
    "heading more than one level deeper than the heading before it",
)
def skipped_heading_level(ctx: Context) -> Iterator[Issue]:
    """Reports a heading that is more than one level deeper than the heading before it (`##` then
    `####`). Skipped levels break the document outline that GitHub, screen readers and tables of contents
    build from the headings, and usually mean a section was copied from elsewhere. The first heading of the
    document may have any level.

    Bad:

        ## Paper
        #### Pruning

    Good:

        ## Paper
        ### Pruning
    """
    sections = ordered_sections(ctx)
    for index in range(1, len(sections)):
        previous, section = sections[index - 1], sections[index]
        if section.level <= previous.level + 1:
            continue
        siblings = 0
        for later in sections[index + 1 :]:
            if later.level <= previous.level:
                break
            siblings += later.level == section.level
        marks = "#" * section.level
        also = {0: "", 1: f" (and for the {marks} heading after it)"}.get(
            siblings, f" (and for the {siblings} {marks} headings after it)"
        )
        yield Issue(
            section.span,
            f'heading level jumps from {previous.level} to {section.level} ("{quote(heading_text(section))}"); '
            f"use {'#' * (previous.level + 1)} instead of {'#' * section.level}{also}",
        )


@rule(
    "AL102",
    "duplicate-heading",
    "warning",
    "two sibling headings with the same text",
)
def duplicate_heading(ctx: Context) -> Iterator[Issue]:
    """Reports a heading with the same text (ignoring case and spacing) as an earlier heading under the same
    parent. Two sections with one name split the papers of one topic in two places, and their anchors
    collide (the second becomes `#pruning-1`). Headings of the same name under different parents
    (`Vision > Pruning`, `NLP > Pruning`) are fine.

    Bad:

        ## Pruning
        ## Quantization
        ## Pruning

    Good:

        ## Pruning
        ## Quantization
    """
    groups: list[tuple[Section, ...]] = [ctx.document.sections]
    groups.extend(section.children for section in ctx.document.iter_sections())
    for siblings in groups:
        seen: dict[str, Section] = {}
        for section in siblings:
            key = _collapse(section.heading)
            first = seen.setdefault(key, section)
            if first is not section:
                yield Issue(
                    section.span,
                    f'duplicate heading "{quote(heading_text(section))}" (first on line {first.span.line}); '
                    "merge the two sections or rename one",
                )


def _normalise_placeholder(text: str) -> str:
    """Case-folded words only: `Waiting for update...` -> `waiting for update`."""
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _content_lines(text: str) -> list[str]:
    """The non-blank lines of a section's own text, without comments, quote markers, rules and underlines."""
    lines: list[str] = []
    for line in _COMMENT.sub("", text).splitlines():
        body = _QUOTE_PREFIX.sub("", line).strip()
        if body and not _RULE_LINE.fullmatch(body):
            lines.append(body)
    return lines


@rule(
    "AL103",
    "empty-section",
    "warning",
    "section with no entries, or only a placeholder such as `To be updated.`",
    options={"placeholders": list(PLACEHOLDERS)},
)
def empty_section(ctx: Context) -> Iterator[Issue]:
    """Reports a section with no entries and no subsections whose text is empty or only a placeholder
    ("Waiting for update...", "To be updated.", "TBD", "Coming soon", "TODO"; compared ignoring case and
    punctuation). Readers who follow the table of contents to such a section find nothing. A section with
    prose of its own (an introduction, a copyright note) is not empty. The document title is not checked.

    Bad:

        ## 2. Quantization
        >Waiting for update...

    Good:

        ## 2. Quantization
        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)

    Options:

        placeholders = ["Waiting for update...", "To be updated.", "TBD", "Coming soon", "TODO"]
    """
    placeholders = {_normalise_placeholder(p) for p in ctx.option("empty-section", "placeholders")}
    placeholders.discard("")
    sections = ordered_sections(ctx)
    if not sections:
        return
    title = sections[0]
    skip_title = title.heading == ctx.document.title and title.level == min(s.level for s in sections)
    ends = [s.span.start for s in sections[1:]] + [len(ctx.data)]
    for index, (section, end) in enumerate(zip(sections, ends, strict=True)):
        if (index == 0 and skip_title) or section.entries or section.children:
            continue
        lines = _content_lines(ctx.data[section.span.end : end].decode("utf-8", "replace"))
        name = quote(heading_text(section))
        if not lines:
            yield Issue(section.span, f'section "{name}" is empty; add entries under it or remove the heading')
            continue
        words = [_normalise_placeholder(line) for line in lines]
        if all(w in placeholders for w in words) or _normalise_placeholder(" ".join(lines)) in placeholders:
            yield Issue(
                section.span,
                f'section "{name}" holds only the placeholder "{quote(" ".join(lines), 30)}"; '
                "add entries or remove the section until it has some",
            )


def heading_anchors(sections: list[Section]) -> dict[str, Section]:
    """Anchor -> section for every heading, in source order, with GitHub's `-1`, `-2` suffixes for repeats."""
    anchors: dict[str, Section] = {}
    for section in sections:
        base = github_anchor(section.heading)
        anchor, n = base, 0
        while anchor in anchors:
            n += 1
            anchor = f"{base}-{n}"
        anchors[anchor] = section
    return anchors


def _is_toc_item(entry: Entry) -> bool:
    """An item whose links are all in-page anchors (`[Pruning](#pruning)`)."""
    return bool(entry.links) and all(link.url.startswith("#") for link in entry.links)


def tables_of_contents(ctx: Context) -> list[list[Entry]]:
    """Runs of two or more consecutive anchor-only items with no other block between them."""
    tocs: list[list[Entry]] = []
    current: list[Entry] = []
    for entry in ctx.document.entries:
        if _is_toc_item(entry):
            if current:
                gap = ctx.data[current[-1].span.end : entry.span.start].decode("utf-8", "replace")
                if blocking_indent(gap) is not None:
                    tocs.append(current)
                    current = []
            current.append(entry)
        elif current:
            tocs.append(current)
            current = []
    if current:
        tocs.append(current)
    return [toc for toc in tocs if len(toc) >= 2]


@rule(
    "AL104",
    "toc-mismatch",
    "warning",
    "table of contents links to a missing heading or leaves one out",
)
def toc_mismatch(ctx: Context) -> Iterator[Issue]:
    """Checks a table of contents (a run of list items whose links are all in-page `#anchors`) against the
    headings. Every anchor must lead to a heading, by GitHub's rule (lower-case, punctuation other than `-`
    and `_` dropped, spaces to `-`, `-1` for a repeated heading; compared ignoring case) or to an HTML
    `id`/`name`; a broken anchor is reported with the closest heading's anchor. When the table's top-level
    items link to headings of one level, every heading of that level after the table (under the same
    parent) must be listed: sections added later are easily forgotten there.

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
    html_ids = {match.group(1).lower() for match in _HTML_ID.finditer(ctx.document.text)}
    for toc in tables_of_contents(ctx):
        targets: list[Section] = []
        top = min(entry.depth for entry in toc)
        for entry in toc:
            for link in entry.links:
                fragment = unquote(link.url[1:]).lower()
                if not fragment or fragment in html_ids:
                    continue
                section = anchors.get(fragment)
                if section is not None:
                    if entry.depth == top:
                        targets.append(section)
                    continue
                close = difflib.get_close_matches(fragment, list(anchors), n=1, cutoff=0.6)
                if close and entry.depth == top:
                    targets.append(anchors[close[0]])
                hint = (
                    f'change it to "#{close[0]}" ("{quote(heading_text(anchors[close[0]]), 40)}")'
                    if close
                    else "point it at an existing heading or remove the item"
                )
                yield Issue(link.span, f'table-of-contents link "{quote(link.url, 40)}" matches no heading; {hint}')
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
            f'heading "{quote(heading_text(section))}" is missing from the table of contents '
            f"(line {toc[0].span.line}); add `- [{section.heading}](#{anchor_of[id(section)]})` there",
        )
