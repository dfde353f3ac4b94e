"""The command line: parse output, the JSON schema, help and start-up through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import LISTS, SEED_LISTS

from awesome_lint.cli import main


def test_parse_directory_json_schema() -> None:
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(LISTS)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["schema"] == 1
    paths = [d["path"] for d in payload["documents"]]
    assert paths == sorted(paths)
    assert {p.split("/")[-1] for p in paths} >= {p.name for p in SEED_LISTS}
    entries = [e for d in payload["documents"] for e in d["entries"]]
    assert len(entries) == 550
    required = {"kind", "title", "authors", "year", "venue", "arxiv_id", "section", "links", "span"}
    for entry in entries:
        assert required <= entry.keys()
        assert set(entry["span"]) == {"line", "column", "end_line", "end_column", "start", "end"}
        for link in entry["links"]:
            assert {"url", "label", "role", "span"} <= link.keys()
            assert link["role"] in ("paper", "code", "project", "other")


def test_parse_text_output_lists_every_entry() -> None:
    seed = SEED_LISTS[0]
    result = CliRunner().invoke(main, ["parse", str(seed)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{seed}: Awesome Compact Models!: 125 entries")
    assert len(lines) == 126
    assert lines[1].strip().startswith(f"{seed}:5:1: paper: Model compression as constrained optimization")


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(main, ["parse", "--format", "yaml", str(LISTS)])
    assert result.exit_code == 2


def test_module_entry_point_runs_in_a_subprocess() -> None:
    proc = subprocess.run([sys.executable, "-m", "awesome_lint", "--help"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert "parse" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "parse", str(LISTS / "missing.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("missing.md: no such file or directory")
    assert "Traceback" not in proc.stderr


def test_help_does_not_import_heavy_modules() -> None:
    heavy = "('requests', 'arxiv', 'mistune', 'rapidfuzz')"
    code = f"import sys; from awesome_lint import cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"


def test_a_small_lint_run_imports_only_what_it_needs() -> None:
    """One list (far below the size a second process pays for, and no HTML table in it) imports no worker machinery,
    JSON, difflib or HTML parser."""
    unneeded = "('awesome_lint.workers', 'pickle', 'json', 'difflib', 'requests', 'arxiv', 'html.parser')"
    code = (
        "import sys; from awesome_lint.cli import main\n"
        f"try: main(['lint', '--no-cache', '--exit-zero', {str(SEED_LISTS[0])!r}])\n"
        "except SystemExit: pass\n"
        f"print(sorted(m for m in {unneeded} if m in sys.modules), file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert f"{SEED_LISTS[0].name}:" in proc.stdout  # it did lint the list
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_dupes_json_shape_and_explain() -> None:
    result = CliRunner().invoke(main, ["dupes", "--format", "json", str(LISTS)])
    assert result.exit_code == 0, result.output
    clusters = json.loads(result.stdout)["clusters"]
    assert len(clusters) == 111
    for cluster in clusters:
        assert len(cluster["members"]) >= 2
        assert {"path", "line", "title"} <= cluster["members"][0].keys()
        assert len(cluster["links"]) == len(cluster["members"]) - 1
        for link in cluster["links"]:
            assert 0 <= link["a"] < len(cluster["members"]) and 0 <= link["b"] < len(cluster["members"])
            assert link["signal"] in ("arxiv-id", "doi", "url", "title", "title-truncated", "subtitle")
    text = CliRunner().invoke(main, ["dupes", "--explain", str(LISTS)]).stdout
    assert "arxiv-id (score" in text
    assert text.rstrip().endswith("111 duplicate clusters, 307 entries")


def test_dupes_thresholds_from_config(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("- [Learning both weights and connections](u)\n")
    (tmp_path / "b.md").write_text("- [Learning both weight and connections](v)\n")
    config = tmp_path / ".awesome-lint.toml"
    config.write_text("[dedup]\ntitle-threshold = 99.5\n")
    strict = CliRunner().invoke(main, ["dupes", "--config", str(config), str(tmp_path)])
    assert strict.exit_code == 0 and strict.stdout.strip() == "No duplicate papers found."
    config.write_text("[dedup]\ntitle-threshold = 90\n")
    loose = CliRunner().invoke(main, ["dupes", "--config", str(config), str(tmp_path)])
    assert "1 duplicate clusters, 2 entries" in loose.stdout
