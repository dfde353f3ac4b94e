"""The stats page (`merge --stats`): Markdown with Mermaid charts that GitHub renders.

Charts: papers per year, papers per topic, papers per year for each topic (one small chart a topic, all on
the same years, so no colour legend is needed), what each list adds (the entries only it has, and the
entries covered as lists are added), and a table of the entries each pair of lists shares.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence

from awesome_lint.merge.report import MergeReport


def _quote(text: str) -> str:
    """A Mermaid string: in double quotes, with double quotes and line breaks made harmless."""
    return '"' + " ".join(text.replace('"', "'").split()) + '"'


def _cell(text: str) -> str:
    """Text for a Markdown table cell."""
    return " ".join(text.replace("|", "\\|").split())


def xychart(title: str, labels: Sequence[str], values: Sequence[int], y_label: str, line: bool = False) -> str:
    """A Mermaid bar (or line) chart of one series, one bar per label."""
    top = max([*values, 1])
    kind = "line" if line else "bar"
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            f"    title {_quote(title)}",
            f"    x-axis [{', '.join(_quote(label) for label in labels)}]",
            f"    y-axis {_quote(y_label)} 0 --> {top}",
            f"    {kind} [{', '.join(str(v) for v in values)}]",
            "```",
        ]
    )


def pie(title: str, slices: Sequence[tuple[str, int]]) -> str:
    """A Mermaid pie chart that shows the numbers in its legend."""
    body = [f"    {_quote(label)} : {value}" for label, value in slices if value > 0]
    return "\n".join(["```mermaid", "pie showData", f"    title {_quote(title)}", *body, "```"])


def stats_markdown(report: MergeReport, title: str, topics: Sequence[str], level: int = 1) -> str:
    """The stats page of a merge: `title` is the merged list's title, `topics` the taxonomy's order; `level` is
    the level of the page's heading (2 for a section of a job summary), its sections one deeper."""
    summary = report.summary
    h2, h3 = "#" * (level + 1), "#" * (level + 2)
    entries = report.entries
    years = sorted({e.year for e in entries if e.year is not None})
    year_labels = [str(y) for y in years]
    by_year = Counter(e.year for e in entries)
    unknown = by_year.get(None, 0)
    out = [
        f"{'#' * level} {title}: statistics",
        "",
        f"{summary.entries} papers merged from {summary.papers} paper items of {summary.lists} "
        f"{'list' if summary.lists == 1 else 'lists'} ({summary.duplicates_merged} duplicates joined), "
        f"{summary.resources} resources, {summary.dropped} items left out"
        + (f", {len(report.skipped)} merged files skipped" if report.skipped else "")
        + ".",
        "",
    ]
    if not entries:
        return "\n".join(out)
    out += [
        f"{h2} Papers per year",
        "",
        xychart("Papers per year", year_labels, [by_year[y] for y in years], "Papers"),
        "",
    ]
    if unknown:
        out += [f"{unknown} {'paper has' if unknown == 1 else 'papers have'} no known year.", ""]
    present = [name for name in topics if summary.topics.get(name)]
    out += [
        f"{h2} Papers per topic",
        "",
        pie("Papers per topic", [(name, summary.topics[name]) for name in present]),
        "",
        f"{h2} Papers per year and topic",
        "",
        "One chart a topic, on the same years.",
        "",
    ]
    cells = Counter((e.topic, e.year) for e in entries)
    for name in present:
        values = [cells[(name, y)] for y in years]
        out += [f"{h3} {name}", "", xychart(f"{name}: papers per year", year_labels, values, "Papers"), ""]
    header = ["Year", *present]
    out += [f"{h3} Table", "", _row(header), _row(["---"] * len(header))]
    for year in [*years, None] if unknown else years:
        label = "unknown" if year is None else str(year)
        out.append(_row([label, *(str(cells[(name, year)]) for name in present)]))
    out.append("")
    out += _lists(report, h2)
    return "\n".join(out).rstrip("\n") + "\n"


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _lists(report: MergeReport, h2: str) -> list[str]:
    """What each list adds, and the overlap between lists (lists numbered #1, #2, ... in input order), under
    `h2` headings."""
    summary = report.summary
    per_list = summary.per_list
    if not per_list:
        return []
    number = {item.path: f"#{i}" for i, item in enumerate(per_list, 1)}
    out = [
        f"{h2} What each list adds",
        "",
        _row(["#", "List", "Paper items", "Entries", "Only in this list"]),
        _row(["---", "---", "---:", "---:", "---:"]),
        *(
            _row([number[i.path], os.path.basename(i.path), str(i.papers), str(i.entries), str(i.unique)])
            for i in per_list
        ),
        "",
        xychart("Entries only this list has", list(number.values()), [i.unique for i in per_list], "Entries"),
        "",
    ]
    members = [{s.path for s in entry.sources} for entry in report.entries]
    order = sorted(per_list, key=lambda item: (-item.entries, item.path))
    covered: set[int] = set()
    steps = []
    for item in order:
        covered |= {i for i, paths in enumerate(members) if item.path in paths}
        steps.append(len(covered))
    labels = [f"+{number[i.path]}" for i in order]
    out += [
        "Entries covered as the lists are added, largest first:",
        "",
        xychart("Entries covered", labels, steps, "Entries", line=True),
        "",
    ]
    if len(per_list) > 1:
        shared = {(o.a, o.b): o.shared for o in summary.overlap}
        entries = {item.path: item.entries for item in per_list}
        out += [
            f"{h2} Overlap between lists",
            "",
            "Entries two lists share; the diagonal gives each list's own entries.",
            "",
            _row(["#", *number.values()]),
            _row(["---", *(["---:"] * len(number))]),
        ]
        for a in number:
            cells = [str(entries[a]) if a == b else str(shared.get((a, b), shared.get((b, a), 0))) for b in number]
            out.append(_row([number[a], *cells]))
        out.append("")
    return out
