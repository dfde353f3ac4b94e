"""The report's summary: counts per topic, year and list, overlap between lists, and its text table."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence

from awesome_lint.merge.inputs import MergeInput
from awesome_lint.merge.report import DroppedItem, EntryRecord, ListSummary, Overlap, ResourceRecord, Summary
from awesome_lint.merge.resolve import Paper, Resolved
from awesome_lint.merge.taxonomy import Taxonomy


def build_summary(
    documents: Sequence[MergeInput],
    papers: Sequence[Paper],
    resolved: Sequence[Resolved],
    entries: Sequence[EntryRecord],
    resources: Sequence[ResourceRecord],
    dropped: Sequence[DroppedItem],
    taxonomy: Taxonomy,
) -> Summary:
    """Counts per topic, year and list, and how many output entries each pair of lists shares."""
    topics = Counter(item.topic for item in resolved)
    years = Counter(item.year for item in resolved)
    paths = list(dict.fromkeys(doc.path for doc in documents))
    entry_paths = [{source.path for source in entry.sources} for entry in entries]
    per_list = tuple(
        ListSummary(
            path=path,
            papers=sum(1 for p in papers if p.path == path),
            entries=sum(1 for found in entry_paths if path in found),
            unique=sum(1 for found in entry_paths if found == {path}),
            resources=sum(1 for r in resources for s in r.sources if s.path == path),
            dropped=sum(1 for d in dropped if d.path == path),
        )
        for path in paths
    )
    overlap = tuple(
        Overlap(a, b, sum(1 for found in entry_paths if a in found and b in found))
        for i, a in enumerate(paths)
        for b in paths[i + 1 :]
    )
    by_year = {str(year): years[year] for year in sorted((y for y in years if y is not None), reverse=True)}
    if None in years:
        by_year["unknown"] = years[None]
    return Summary(
        lists=len(paths),
        papers=len(papers),
        entries=len(entries),
        duplicates_merged=len(papers) - len(entries),
        resources=len(resources),
        resource_items=sum(len(r.sources) for r in resources),
        dropped=len(dropped),
        topics={name: topics[name] for name in taxonomy.names if topics[name]},
        years=by_year,
        per_list=per_list,
        overlap=overlap,
    )


def format_summary(summary: Summary) -> str:
    """The report summary as a compact text table (for stderr)."""
    out = [
        f"merged {summary.papers} papers from {summary.lists} {'list' if summary.lists == 1 else 'lists'} "
        f"into {summary.entries} entries "
        f"({summary.duplicates_merged} duplicates), {summary.resource_items} resources into "
        f"{summary.resources} lines, {summary.dropped} items dropped"
    ]
    topics = summary.topics
    if topics:
        width = max(len(name) for name in topics)
        out.append("topic".ljust(width) + "  papers")
        out += [f"{name.ljust(width)}  {count:6d}" for name, count in topics.items()]
    years = list(summary.years.items())
    if years:
        out.append("year     papers")
        cells = [f"{year:<7}  {count:6d}" for year, count in years]
        for i in range(0, len(cells), 4):
            out.append("   ".join(cells[i : i + 4]))
    per_list = summary.per_list
    if per_list:
        names = [os.path.basename(item.path) for item in per_list]
        width = max(len("list"), *(len(n) + 4 for n in names))
        out.append("list".ljust(width) + "  papers  entries  unique")
        for number, (name, item) in enumerate(zip(names, per_list, strict=True), 1):
            label = f"[{number}] {name}".ljust(width)
            out.append(f"{label}  {item.papers:6d}  {item.entries:7d}  {item.unique:6d}")
        if len(per_list) > 1:
            shared = {(o.a, o.b): o.shared for o in summary.overlap}
            paths = [item.path for item in per_list]
            out.append("shared entries " + " ".join(f"{f'[{n}]':>5}" for n in range(1, len(paths) + 1)))
            for i, a in enumerate(paths):
                cells = []
                for j, b in enumerate(paths):
                    if i == j:
                        cells.append(f"{'-':>5}")
                    else:
                        cells.append(f"{shared.get((a, b), shared.get((b, a), 0)):5d}")
                out.append(f"{f'[{i + 1}]':<14} " + " ".join(cells))
    return "\n".join(out)
