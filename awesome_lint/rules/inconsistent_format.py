"""Rule AL204 `inconsistent-format`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from awesome_lint.model import Entry
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import MajorityOptions, brief, dominant_value, title_read

_LEAD = lazy_compile(r"^(?:19|20)\d\d\s*-\s*(?:(\[)|[^\[\]\s][^\[\]]*?-\s*\[)")
_CITATION = lazy_compile(r"\[[JCMAD]\]")


class Shape(NamedTuple):
    """How a paper entry is written, ignoring optional parts (nickname, code links, notes)."""

    marker: str
    title: str
    lead: str
    tail: str
    tags: bool
    citation: bool


_SHAPE_TEXT: dict[str, dict[Any, str]] = {
    "marker": {"ordered": "a numbered item (`1.`)", "bullet": "a bullet item (`-`)"},
    "title": {
        "link": "the title as the link [Title](url)",
        "label": "the title as plain text with a separate link",
        "unlinked": "no link",
    },
    "lead": {
        "year-venue": "a `YEAR-VENUE-` prefix",
        "year": "a `YEAR-` prefix without venue",
        "none": "no `YEAR-VENUE-` prefix",
    },
    "tail": {"bracket": "a trailing `[VENUE'YY]`", "none": "no trailing `[VENUE'YY]`"},
    "tags": {True: "a 【Tag】", False: "no 【Tag】"},
    "citation": {True: "a `.[J]`/`.[C]` citation mark", False: "no `.[J]`/`.[C]` citation mark"},
}


def shape_of(entry: Entry) -> Shape:
    """The shape signature of a paper entry, from its parsed fields and its text."""
    lead_match = _LEAD.match(entry.text)
    lead = "none" if lead_match is None else ("year" if lead_match.group(1) else "year-venue")
    title_span = entry.title_span
    linked = title_span is not None and any(
        link.span.start <= title_span.start and title_span.end <= link.span.end for link in entry.links
    )
    if linked:
        title = "link"
    elif entry.links:
        title = "label"
    else:
        title = "unlinked"
    return Shape(
        marker="ordered" if entry.number is not None else "bullet",
        title=title,
        lead=lead,
        tail="bracket" if (entry.venue_raw or "").startswith("[") else "none",
        tags=bool(entry.tags),
        citation=bool(_CITATION.search(entry.text)),
    )


@rule(
    "AL204",
    "inconsistent-format",
    "warning",
    "an entry that breaks the list's own dominant entry format",
    options=MajorityOptions,
    cost=1,
)
def inconsistent_format(ctx: Context, options: MajorityOptions) -> Iterator[Issue]:
    """Learns the list's own entry format and reports paper entries written differently. Each paper entry
    gets a shape: numbered or bullet item, title as the link or as plain text beside a separate link, a
    `YEAR-VENUE-` prefix, a trailing `[VENUE'YY]`, a 【Tag】 and a `.[J]` citation mark. Optional parts
    (a `**[Nickname]**`, code links, notes) are not part of the shape. Each of these features on its own is
    a convention of the list when one value of it covers `min-share` of at least `min-papers` papers; an
    entry that breaks a convention is reported with what differs (so a new entry in a pull request that
    breaks the list's style is caught), while features a list mixes by design are not checked. A title
    without any link is left to `missing-link`, and an entry whose title the parser could not read (a venue's
    name, `paper`) is not judged.

    Bad:

        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)
        - 2017-ICLR-[Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)
        - 2017-ICCV-[ThiNet](https://arxiv.org/abs/1707.06342)
        - 2018-ICLR-[To prune, or not to prune](https://arxiv.org/abs/1710.01878)
        - [Network Trimming](https://arxiv.org/abs/1607.03250) (arXiv 2016)

    Good:

        - 2016-ICLR-[Deep Compression](https://arxiv.org/abs/1510.00149)
        - 2017-ICLR-[Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)
        - 2017-ICCV-[ThiNet](https://arxiv.org/abs/1707.06342)
        - 2018-ICLR-[To prune, or not to prune](https://arxiv.org/abs/1710.01878)
        - 2016-arXiv-[Network Trimming](https://arxiv.org/abs/1607.03250)
    """
    papers = ctx.papers
    shapes = [shape_of(entry) for entry in papers]
    columns = dict(zip(Shape._fields, zip(*shapes, strict=True), strict=False))  # empty when there are no papers
    dominant: dict[str, tuple[Any, int]] = {}
    for field in Shape._fields:
        found = dominant_value(list(columns.get(field, ())), options)
        if found is not None:
            dominant[field] = found
    if not dominant:
        return
    checks = [(field, Shape._fields.index(field), value) for field, (value, _count) in dominant.items()]
    differing = [[field for field, i, value in checks if shape[i] != value] for shape in shapes]
    typical = [entry for entry, fields in zip(papers, differing, strict=True) if not fields]
    example = f' (e.g. line {typical[0].span.line}: "{brief(typical[0].text, 40)}")' if typical else ""
    for entry, shape, fields in zip(papers, shapes, differing, strict=True):
        differences = [
            field for field in fields if not (field == "title" and "unlinked" in (shape.title, dominant[field][0]))
        ]
        if not differences or not title_read(entry):
            continue  # no difference, or its shape is unknown: the parser did not read its title
        has = "; ".join(_SHAPE_TEXT[field][getattr(shape, field)] for field in differences)
        want = "; ".join(
            f"{dominant[field][1]} of {len(papers)} papers have {_SHAPE_TEXT[field][dominant[field][0]]}"
            for field in differences
        )
        yield Issue(
            entry.span,
            f'entry "{brief(entry.text, 40)}" has {has}, but {want}{example}; rewrite it in that format',
        )
