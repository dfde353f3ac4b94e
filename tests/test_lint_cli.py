"""`awesome-lint lint` end to end: known defects, exit codes, fixes, formats, config, comments, --since."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import LISTS, ROOT, SEED_LISTS, list_changed_since_head

from awesome_lint.cli import main
from awesome_lint.parse import parse_file
from awesome_lint.rules import RULES, Rule, rules_markdown, rules_table
from awesome_lint.rules._docs import FIX_COLUMN


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seed_findings() -> set[tuple[str, int, str]]:
    code, out, _err = lint("--format", "json", "--fail-on", "info", *map(str, SEED_LISTS))
    assert code == 1
    return {(Path(f["path"]).name, f["line"], f["name"]) for f in json.loads(out)["findings"]}


KNOWN_DEFECTS = [
    ("awesome-compact-models.md", 4, "skipped-heading-level"),
    ("model-compression-and-acceleration.md", 45, "empty-section"),
    ("neural-network-compression.md", 56, "empty-section"),
    ("awesome-model-compression.md", 33, "missing-link"),
    ("awesome-model-compression-and-acceleration.md", 79, "empty-link"),
    ("awesome-compact-models.md", 125, "duplicate-paper"),
    ("model-compression-and-acceleration.md", 26, "inconsistent-format"),
    ("awesome-model-compression-and-acceleration.md", 54, "ordered-list-numbering"),
    ("awesome-model-compression-and-acceleration.md", 127, "mixed-bullets"),
    ("awesome-model-compression.md", 113, "missing-year"),
    ("awesome-compact-models.md", 37, "insecure-link"),
    ("awesome-model-compression-and-acceleration.md", 18, "arxiv-link-style"),
    ("awesome-compact-models.md", 19, "arxiv-version"),
    ("awesome-model-compression.md", 53, "malformed-arxiv-id"),
    ("awesome-model-compression.md", 230, "arxiv-id-mismatch"),
    ("awesome-model-compression.md", 86, "shared-url"),
    ("awesome-compact-models.md", 52, "mojibake"),
    ("neural-network-compression.md", 50, "unbalanced-punctuation"),
    ("awesome-model-compression.md", 53, "double-space"),
    ("awesome-model-compression.md", 34, "trailing-whitespace"),
]


@pytest.mark.parametrize("defect", KNOWN_DEFECTS, ids=[d[2] for d in KNOWN_DEFECTS])
def test_known_defects_of_the_seed_lists_are_reported(seed_findings: set, defect: tuple[str, int, str]) -> None:
    assert defect in seed_findings


def test_no_noise_on_list_bracket_syntax(seed_findings: set) -> None:
    # `[[code]](url)`, `.[J]`, `[C]`, `[ICLR'17]` are list syntax: no finding may be about them.
    code, out, _err = lint("--format", "json", *map(str, SEED_LISTS))
    assert code == 1
    messages = [f["message"] for f in json.loads(out)["findings"]]
    for token in ("[[code]]", "[[paper]]", ".[J]", "[C]", "[ICLR'17]", "undefined reference"):
        assert not any(token in m for m in messages), token
    assert len(seed_findings) < 450  # 215 of them are arXiv PDF links, where arXiv asks for abstract pages


def test_merged_list_passes_every_rule(tmp_path: Path) -> None:
    merged = tmp_path / "merged.md"
    result = CliRunner().invoke(main, ["merge", str(LISTS), "-o", str(merged)])
    assert result.exit_code == 0, result.stderr
    # The one info-level finding left is a paper no source gives a venue or year for: the merge does not
    # make them up, and it writes no suppression comment.
    code, out, _err = lint("--fail-on", "info", "--format", "json", str(merged))
    findings = json.loads(out)["findings"]
    assert {f["code"] for f in findings} <= {"AL207"}
    papers = [e for e in parse_file(merged).entries if e.kind == "paper"]
    assert sorted(f["line"] for f in findings) == [e.span.line for e in papers if e.venue is None or e.year is None]
    assert len(findings) <= 2 and code == (1 if findings else 0)
    assert lint(str(merged))[0] == 0
    assert "awesome-lint-disable" not in merged.read_text(encoding="utf-8")


def test_fix_repairs_only_fixable_findings_and_is_idempotent(tmp_path: Path) -> None:
    for seed in SEED_LISTS:
        shutil.copy(seed, tmp_path / seed.name)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, _err = lint("--fix", "--fail-on", "info", str(tmp_path))
    assert code == 1
    assert "fixed" in out.splitlines()[-1]
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after != before
    code, out, _err = lint("--format", "json", "--fail-on", "info", str(tmp_path))
    assert not any(f["fixable"] for f in json.loads(out)["findings"])
    lint("--fix", str(tmp_path))
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == after
    assert not list(tmp_path.glob(".*.tmp"))


def test_diff_shows_fixes_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("# T\n\n- [A survey of things](http://arxiv.org/abs/1710.09282)\n")
    code, out, _err = lint("--diff", str(path))
    assert code == 1
    assert "-- [A survey of things](http://arxiv.org/abs/1710.09282)" in out
    assert "+- [A survey of things](https://arxiv.org/abs/1710.09282)" in out
    assert path.read_text().count("http://") == 1


def test_formats_and_fail_on(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("# T\n\n- [A survey of things](http://arxiv.org/abs/1710.09282)\n- [B paper title]()\n")
    code, out, _ = lint("--format", "github", str(path))
    assert code == 1
    assert out.splitlines()[0].startswith(f"::warning file={path},line=3,col=3")
    sarif = json.loads(lint("--format", "sarif", str(path))[1])
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"AL202", "AL301"}
    assert lint("--select", "insecure-link", "--fail-on", "error", str(path))[0] == 0
    assert lint("--select", "AL2", "--fail-on", "error", str(path))[0] == 1
    code, out, _ = lint("--ignore", "AL202,insecure-link", str(path))
    assert (code, out) == (0, "All checks passed!\n")


def test_unknown_rule_and_bad_config_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("# T\n")
    code, _out, err = lint("--select", "no-such-rule", str(path))
    assert code == 2 and "unknown rule 'no-such-rule'" in err
    config = tmp_path / ".awesome-lint.toml"
    config.write_text("[rules.no-such-rule]\nx = 1\n")
    code, _out, err = lint("--config", str(config), str(path))
    assert code == 2 and "rules.no-such-rule" in err


def test_config_per_file_ignores_exclude_and_inline_comments(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# T\n\n- [A](http://arxiv.org/abs/1710.09282)\n")
    (tmp_path / "b.md").write_text(
        "# T\n\n<!-- awesome-lint-disable-next-line insecure-link -->\n- [A](http://arxiv.org/abs/1710.09282)\n"
        "- [B](http://arxiv.org/abs/1810.05270) <!-- awesome-lint-disable-line AL301 -->\n"
    )
    (tmp_path / "skip.md").write_text("# T\n\n- [A]()\n")
    config = tmp_path / ".awesome-lint.toml"
    config.write_text('exclude = ["skip.md"]\n[per-file-ignores]\n"a.md" = ["AL3"]\n')
    assert lint("--config", str(config), str(tmp_path)) == (0, "All checks passed!\n", "")
    config.write_text('exclude = ["skip.md"]\n')
    code, out, _ = lint("--config", str(config), str(tmp_path))
    assert code == 1 and out.count("AL301") == 1 and "a.md:3:3" in out


def test_since_reports_only_changed_lines(tmp_path: Path) -> None:
    path = list_changed_since_head(tmp_path)
    code, out, _ = lint("--since", "HEAD", str(path))
    assert code == 1 and out.count("AL301") == 1 and "list.md:4:3" in out
    code, _out, err = lint("--since", "no-such-ref", str(path))
    assert code == 2 and err.startswith("awesome-lint: error: git")


def test_rules_listing_docs_and_rule_command() -> None:
    assert (ROOT / "docs" / "rules.md").read_text() == rules_markdown(), (
        "run: awesome-lint rules --format markdown > docs/rules.md"
    )
    assert "\n\n" + rules_table() + "\n" in (ROOT / "README.md").read_text(), (
        "paste the output of `awesome-lint rules --format table` into the README's Rules section"
    )
    names = {r.name for r in RULES.values()}
    assert names == {
        "unused-suppression",
        "skipped-heading-level",
        "duplicate-heading",
        "empty-section",
        "toc-mismatch",
        "missing-link",
        "empty-link",
        "duplicate-paper",
        "inconsistent-format",
        "ordered-list-numbering",
        "mixed-bullets",
        "missing-year",
        "insecure-link",
        "arxiv-link-style",
        "arxiv-version",
        "malformed-arxiv-id",
        "arxiv-id-mismatch",
        "duplicate-url",
        "shared-url",
        "bad-url",
        "mojibake",
        "unbalanced-punctuation",
        "double-space",
        "trailing-whitespace",
        "dead-link",
        "unknown-link",
        "arxiv-not-found",
        "arxiv-title-mismatch",
        "arxiv-title-differs",
        "awesome-badge",
        "awesome-heading",
        "awesome-list-item",
        "undefined-reference",
        "awesome-contents",
        "name-in-description",
    }
    for r in RULES.values():
        assert r.summary and "Bad:" in r.doc and "Good:" in r.doc, r.name
    out = CliRunner().invoke(main, ["rules"]).stdout
    assert len(out.splitlines()) == len(RULES)
    listed = json.loads(CliRunner().invoke(main, ["rules", "--format", "json"]).stdout)
    assert {r["name"]: r["fix"] for r in listed}["arxiv-version"] == "unsafe"
    assert {r["name"]: r["options"] for r in listed}["missing-year"] == {"min-share": 0.8, "min-papers": 5}
    assert {r["name"]: r["group"] for r in listed}["awesome-list-item"] == "awesome"
    table = CliRunner().invoke(main, ["rules", "--format", "table"]).stdout
    assert table.count("\n") == len(RULES) + 2 and "| AL303 | `arxiv-version` | info | unsafe |" in table
    shown = CliRunner().invoke(main, ["rule", "insecure-link"])
    assert shown.exit_code == 0 and shown.stdout.startswith("## AL301 `insecure-link`")
    assert CliRunner().invoke(main, ["rule", "nope"]).exit_code == 2


DANGLING = {"a", "an", "and", "for", "in", "of", "or", "than", "the", "to", "with"}


@pytest.mark.parametrize("rule", sorted(RULES.values(), key=lambda r: r.code), ids=lambda r: r.name)
def test_rule_summaries_are_whole_phrases_shown_whole(rule: Rule) -> None:
    last = rule.summary.rstrip(".)`'").split()[-1].lower()
    assert not last.endswith("'s") and last not in DANGLING, rule.summary
    shown = CliRunner().invoke(main, ["rule", rule.name]).stdout
    summary = rule.summary[:1].upper() + rule.summary[1:].rstrip(".")
    assert f"\n\n{summary}.\n\nDefault severity: {rule.severity};" in shown
    group = rule.group or ""
    row = f"| {rule.code} | `{rule.name}` | {rule.severity} | {FIX_COLUMN[rule.fix]} | {group} | {rule.summary} |"
    assert row in rules_table()


def test_arxiv_link_style_defaults_to_arxivs_advice() -> None:
    assert RULES["AL302"].defaults == {"style": "abs"}
    shown = CliRunner().invoke(main, ["rule", "arxiv-link-style"]).stdout
    assert "An arXiv paper link not in arXiv's own form `https://arxiv.org/abs/ID` (or the configured style)." in shown
    assert 'style = "abs"' in shown and '"auto": whichever most of the list\'s arXiv links use' in shown


def test_bad_rule_option_value_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / ".awesome-lint.toml"
    config.write_text('[rules.missing-year]\nmin-share = "lots"\n')
    code, _out, err = lint("--config", str(config), str(SEED_LISTS[0]))
    assert code == 2
    assert err.startswith("awesome-lint: error: rules.missing-year: bad option value")


def test_unknown_rule_option_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / ".awesome-lint.toml"
    config.write_text('[rules.insecure-link]\nhosts = ["a.org"]\n')
    code, _out, err = lint("--config", str(config), str(SEED_LISTS[0]))
    assert code == 2
    assert "rules.insecure-link: unknown option 'hosts' (options: https-hosts)" in err


def test_rule_options_from_config_change_the_findings(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text("# T\n\n- [A](http://example.org/a)\n")
    assert lint("--select", "insecure-link", str(path))[0] == 0
    config = tmp_path / ".awesome-lint.toml"
    config.write_text('[rules.insecure-link]\nhttps-hosts = ["example.org"]\n')
    code, out, _err = lint("--config", str(config), "--select", "insecure-link", str(path))
    assert code == 1 and "AL301" in out


def test_the_cycle_collector_is_off_while_linting_and_back_on_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    import awesome_lint.lint

    seen: list[bool] = []
    real_lint_paths = awesome_lint.lint.lint_paths

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real_lint_paths(*args, **kwargs)

    monkeypatch.setattr(awesome_lint.lint, "lint_paths", spy)
    path = tmp_path / "list.md"
    path.write_text("# T\n\n- [A](http://arxiv.org/abs/1710.09282)\n")
    assert lint("--no-cache", str(path))[0] == 1
    assert seen == [False] and gc.isenabled()
    path.write_bytes(b"\xff")
    assert lint("--no-cache", str(path))[0] == 2  # an error inside the run
    assert seen == [False, False] and gc.isenabled()
