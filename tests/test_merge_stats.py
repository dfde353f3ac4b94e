"""`merge --stats`: a Markdown page of Mermaid charts, checked by structure and by mermaid's own parser."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from click.testing import CliRunner
from conftest import LISTS
from npm_tools import markdownlint, mermaid_check

from awesome_lint.cli import main
from awesome_lint.merge import MergeResult, load_taxonomy, merge_documents, merge_inputs
from awesome_lint.merge.stats import pie, stats_markdown, xychart
from awesome_lint.parse import parse_file

BLOCK = re.compile(r"^```mermaid\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@lru_cache(maxsize=1)
def merged() -> MergeResult:
    return merge_documents([parse_file(path) for path in merge_inputs([str(LISTS)])])


@lru_cache(maxsize=1)
def page() -> str:
    return stats_markdown(merged().report, "Awesome Model Compression", load_taxonomy().names)


def charts() -> list[str]:
    return BLOCK.findall(page())


def xy(block: str) -> tuple[str, list[str], list[int], int]:
    """Title, x labels, values and y maximum of a one-series xychart."""
    title = re.search(r'^    title "(.*)"$', block, re.MULTILINE)
    labels = re.search(r"^    x-axis \[(.*)\]$", block, re.MULTILINE)
    top = re.search(r'^    y-axis "[^"]*" 0 --> (\d+)$', block, re.MULTILINE)
    values = re.search(r"^    (?:bar|line) \[(.*)\]$", block, re.MULTILINE)
    assert title and labels and top and values, block
    names = re.findall(r'"([^"]*)"', labels.group(1))
    return title.group(1), names, [int(v) for v in values.group(1).split(", ")], int(top.group(1))


def test_charts_add_up_to_the_report() -> None:
    summary = merged().report.summary
    blocks = charts()
    assert blocks[0].startswith("xychart-beta\n") and blocks[1].startswith("pie showData\n")
    title, years, per_year, top = xy(blocks[0])
    assert title == "Papers per year"
    assert years == sorted(years) and len(years) == len(per_year)
    assert sum(per_year) + summary.years.get("unknown", 0) == summary.entries
    assert top == max(per_year)
    slices = dict(re.findall(r'^    "([^"]+)" : (\d+)$', blocks[1], re.MULTILINE))
    assert {k: int(v) for k, v in slices.items()} == summary.topics
    topic_charts = [xy(b) for b in blocks if '"Papers"' in b and ": papers per year" in b]
    assert [t.removesuffix(": papers per year") for t, *_ in topic_charts] == list(summary.topics)
    for (_title, labels, values, top), count in zip(topic_charts, summary.topics.values(), strict=True):
        assert labels == years and len(values) == len(years) and top == max(max(values), 1)
        assert sum(values) <= count  # papers without a year are in the table, not the chart
    assert sum(sum(values) for _t, _l, values, _top in topic_charts) == sum(per_year)


def test_what_each_list_adds_and_the_overlap() -> None:
    summary = merged().report.summary
    text = page()
    only = next(xy(b) for b in charts() if "Entries only this list has" in b)
    assert only[1] == [f"#{i}" for i in range(1, summary.lists + 1)]
    assert only[2] == [item.unique for item in summary.per_list]
    covered = next(xy(b) for b in charts() if "Entries covered" in b)
    assert covered[2] == sorted(covered[2]) and covered[2][-1] == summary.entries
    assert covered[2][0] == max(item.entries for item in summary.per_list)
    for item in summary.per_list:
        assert f"| {Path(item.path).name} | {item.papers} | {item.entries} | {item.unique} |" in text
    assert "| #1 | 123 | 51 | 80 | 13 | 13 |" in text  # awesome-compact-models.md against the others


def test_mermaid_strings_are_quoted_safely() -> None:
    chart = xychart('A "quoted"\ntitle', ['x"1', "y"], [3, 0], "N")
    assert "title \"A 'quoted' title\"" in chart and 'x-axis ["x\'1", "y"]' in chart
    assert 'y-axis "N" 0 --> 3' in chart and "bar [3, 0]" in chart
    assert xychart("Empty", [], [], "N").count("0 --> 1") == 1
    assert pie("T", [("a", 2), ("b", 0)]).splitlines()[3:] == ['    "a" : 2', "```"]


def test_mermaid_parses_every_chart(tmp_path: Path) -> None:
    path = tmp_path / "stats.md"
    path.write_text(page(), encoding="utf-8")
    results = mermaid_check(path)
    assert len(results) == len(charts()) >= 12
    assert [r["error"] for r in results] == [None] * len(results)
    assert {r["type"] for r in results} == {"xychart", "pie"}
    broken = tmp_path / "broken.md"
    broken.write_text("```mermaid\nxychart-beta\n    x-axis [a, b\n    bar [1, 2]\n```\n", encoding="utf-8")
    (bad,) = mermaid_check(broken)
    assert bad["type"] is None and "Parse error" in bad["error"]


def test_stats_page_passes_markdownlint(tmp_path: Path) -> None:
    path = tmp_path / "stats.md"
    path.write_text(page(), encoding="utf-8")
    result = markdownlint(path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_writes_the_stats_page(tmp_path: Path) -> None:
    stats = tmp_path / "stats.md"
    result = CliRunner().invoke(main, ["merge", str(LISTS), "-o", str(tmp_path / "m.md"), "--stats", str(stats)])
    assert result.exit_code == 0, result.stderr
    assert stats.read_text(encoding="utf-8") == page()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.md", "stats.md"]


def test_summary_md_appends_the_page_as_a_section(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("## awesome-lint: lint\n\nNo findings.\n")
    result = CliRunner().invoke(main, ["merge", str(LISTS), "-o", str(tmp_path / "m.md"), "--summary-md", str(summary)])
    assert result.exit_code == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    section = text.removeprefix("## awesome-lint: lint\n\nNo findings.\n")
    assert section.startswith("## awesome-lint: statistics\n")
    # The same page one heading level down, so it sits beside the other commands' sections.
    shifted = re.sub(r"^(#+) ", r"#\1 ", page(), flags=re.MULTILINE)
    assert section == shifted.replace("## Awesome Model Compression: statistics", "## awesome-lint: statistics", 1)
    assert BLOCK.findall(section) == charts()


def test_a_merge_without_papers_has_no_charts(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("# Nothing\n\nNo papers here.\n")
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(main, ["merge", str(empty), "-o", str(tmp_path / "m.md"), "--summary-md", str(summary)])
    assert result.exit_code == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## awesome-lint: statistics\n\n0 papers merged") and "```mermaid" not in text
