"""The merge as a maintainer runs it, end to end through the CLI, on lists/ and on lists/ plus the dev lists
(tests/data/real-lists/): the ecosystem's gate passes, our own lint (the default rules, and the `awesome` set
too) passes, no suppression comments, every source item accounted for and every paper merged, a re-run into the
same folder gives the same files, the stats page renders. Counts of the dev lists are not asserted: the parser
that reads them keeps improving."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import DATA, LISTS
from npm_tools import gate_errors, markdownlint, mermaid_check

from awesome_lint.cli import main
from awesome_lint.parse import parse_file

INPUTS = {"lists": [LISTS], "lists+real-lists": [LISTS, DATA / "real-lists"]}


@dataclass
class Run:
    """One merge of a folder of lists into itself, and what it wrote."""

    name: str
    folder: Path
    inputs: list[Path]
    merged: str
    report: dict[str, Any]
    stats: str
    stderr: str


def merge(name: str, folder: Path) -> Run:
    out, report, stats = folder / "merged.md", folder.parent / "report.json", folder.parent / "stats.md"
    args = ["merge", str(folder), "-o", str(out), "--report", str(report), "--stats", str(stats)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    inputs = sorted(p for p in folder.glob("*.md") if p.name not in ("README.md", "merged.md"))
    return Run(name, folder, inputs, out.read_text(), json.loads(report.read_text()), stats.read_text(), result.stderr)


@pytest.fixture(scope="module", params=sorted(INPUTS))
def runs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Run]:
    """The first merge of the lists into their folder, and a second run into the same folder."""
    folder = tmp_path_factory.mktemp(request.param) / "lists"
    folder.mkdir()
    for source in INPUTS[request.param]:
        for path in source.glob("*.md"):
            if path.name != "README.md":
                shutil.copyfile(path, folder / path.name)
    return merge(request.param, folder), merge(request.param, folder)


def test_the_gate_passes(runs: tuple[Run, Run], tmp_path: Path) -> None:
    first, _again = runs
    assert gate_errors(first.merged, tmp_path) == []
    result = markdownlint(first.folder / "merged.md")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("rules", ["ALL", "ALL,awesome"])
def test_our_own_lint_passes(runs: tuple[Run, Run], rules: str) -> None:
    # The default rule set, and with the `awesome` set too; what is left are notes (info) on papers whose
    # upstream lists give no year or venue.
    first, _again = runs
    config = first.folder.parent / ".awesome-lint.toml"
    config.write_text("")
    path = str(first.folder / "merged.md")
    result = CliRunner().invoke(main, ["lint", "--select", rules, "--config", str(config), path])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output and "error" not in result.output, result.output


def test_no_suppression_comments(runs: tuple[Run, Run]) -> None:
    first, _again = runs
    assert "awesome-lint-disable" not in first.merged and "awesome-lint-enable" not in first.merged


def test_every_source_item_is_accounted_for_once(runs: tuple[Run, Run]) -> None:
    first, _again = runs
    items = Counter(
        (str(path), entry.span.line, entry.span.column) for path in first.inputs for entry in parse_file(path).entries
    )
    report = first.report
    placed = Counter(
        (source["path"], source["line"], source["column"])
        for record in [*report["entries"], *report["resources"]]
        for source in record["sources"]
    )
    placed.update((item["path"], item["line"], item["column"]) for item in report["dropped"])
    assert placed == items and max(placed.values()) == 1
    assert [item["path"] for item in report["summary"]["per_list"]] == [str(p) for p in first.inputs]


def test_no_paper_is_lost(runs: tuple[Run, Run]) -> None:
    first, _again = runs
    papers = {
        (str(path), entry.span.line, entry.span.column)
        for path in first.inputs
        for entry in parse_file(path).entries
        if entry.kind == "paper"
    }
    merged = {(s["path"], s["line"], s["column"]) for record in first.report["entries"] for s in record["sources"]}
    assert papers and papers <= merged
    assert all(item["reason"] for item in first.report["dropped"])


def test_a_rerun_into_the_same_folder_gives_the_same_files(runs: tuple[Run, Run]) -> None:
    first, again = runs
    assert again.merged == first.merged
    assert again.stats.replace(", 1 merged files skipped.", ".", 1) == first.stats
    out = str(first.folder / "merged.md")
    assert first.report["skipped"] == []
    assert [item["path"] for item in again.report["skipped"]] == [out]
    assert f"merge: skipped {out}: written by awesome-lint merge" in again.stderr
    assert {**again.report, "skipped": []} == first.report


def test_the_stats_page_renders(runs: tuple[Run, Run]) -> None:
    first, _again = runs
    page = first.folder.parent / "stats.md"
    charts = mermaid_check(page)
    assert len(charts) == first.stats.count("```mermaid") >= 5
    assert all(chart["error"] is None for chart in charts), charts
    result = markdownlint(page)
    assert result.returncode == 0, result.stdout + result.stderr
