"""Rule AL207 `missing-year`."""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.model import Entry
from awesome_lint.regex import lazy_compile
from awesome_lint.rules._registry import Context, Issue, rule
from awesome_lint.rules._shared import MajorityOptions, brief, dominant_value, title_read

_LEAD_TEXT = lazy_compile(r"^(?:19|20)\d\d\s*-\s*(?:[^\[\]\s][^\[\]]*?-\s*)?(?=\[)")


def _example(entry: Entry, fields: list[str]) -> str:
    """How an entry writes the given fields: its `YEAR-VENUE-` prefix, its venue text, or its year."""
    lead = _LEAD_TEXT.match(entry.text)
    if lead:
        return f'"{lead.group(0)}"'
    if fields == ["year"] and str(entry.year) not in entry.text:
        return f"the year comes from the `{entry.year}` heading above it"
    if entry.venue_raw and ("year" not in fields or str(entry.year) in entry.venue_raw):
        return f'"{brief(entry.venue_raw, 32)}"'
    if entry.venue_raw:
        return f'"{brief(entry.venue_raw, 30)}", {entry.year}'
    return f'"{entry.year}"'


@rule(
    "AL207",
    "missing-year",
    "info",
    "a paper without year or venue where most of the list's papers have one",
    options=MajorityOptions,
)
def missing_year(ctx: Context, options: MajorityOptions) -> Iterator[Issue]:
    """Where most paper entries of the list give a year (or a venue), reports the papers that do not. Readers
    scan a list by year and venue, and a paper without them is usually one added in a hurry. A year given by
    a `### 2017` heading above the entry counts. The check for years and the check for venues each apply
    only when at least `min-share` of at least `min-papers` papers have the field. An entry whose title the
    parser could not read (a venue's name, `paper`) is not judged: its year and venue were likely misread too.

    Bad:

        1. [Deep Compression](https://arxiv.org/abs/1510.00149) [ICLR'16]
        2. [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710) [ICLR'17]
        3. [ThiNet](https://arxiv.org/abs/1707.06342) [ICCV'17]
        4. [To prune, or not to prune](https://arxiv.org/abs/1710.01878) [ICLR'18]
        5. [Network Trimming](https://arxiv.org/abs/1607.03250)

    Good:

        1. [Deep Compression](https://arxiv.org/abs/1510.00149) [ICLR'16]
        2. [Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710) [ICLR'17]
        3. [ThiNet](https://arxiv.org/abs/1707.06342) [ICCV'17]
        4. [To prune, or not to prune](https://arxiv.org/abs/1710.01878) [ICLR'18]
        5. [Network Trimming](https://arxiv.org/abs/1607.03250) [arXiv'16]
    """
    papers = ctx.papers
    checks: list[tuple[str, list[bool]]] = []
    for field in ("year", "venue"):
        present = [getattr(entry, field) is not None for entry in papers]
        found = dominant_value(present, options)
        if found is not None and found[0] is True:
            checks.append((field, present))
    for index, entry in enumerate(papers):
        missing = [field for field, present in checks if not present[index]]
        if not missing or not title_read(entry):
            continue
        complete = [all(present[i] for field, present in checks if field in missing) for i in range(len(papers))]
        neighbour = _nearest(papers, complete, index)
        how = f" (line {neighbour.span.line}: {_example(neighbour, missing)})" if neighbour else ""
        yield Issue(
            entry.span,
            f'paper "{brief(entry.title, 40)}" has no {" or ".join(missing)}; '
            f"add {'it' if len(missing) == 1 else 'them'} as the list's other entries do{how}",
        )


def _nearest(papers: list[Entry], present: list[bool], index: int) -> Entry | None:
    """The closest paper before (else after) `index` that has the fields."""
    for i in range(index - 1, -1, -1):
        if present[i]:
            return papers[i]
    return next((papers[i] for i in range(index + 1, len(papers)) if present[i]), None)
