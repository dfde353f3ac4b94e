"""Conventions users of ruff and markdownlint expect: severities, --statistics, --exit-zero, config names, README,
unused suppression comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from awesome_lint.cli import main
from awesome_lint.config import find_config, load_config

# AL301 (warning, fixable) twice, AL202 (error) once, AL404 (info, fixable) once.
LIST = (
    "# T\n\n- [A survey of things](http://arxiv.org/abs/1710.09282)\n- [B paper title]()\n"
    "- [C paper](http://arxiv.org/abs/1810.05270) \n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def listfile(tmp_path: Path) -> Path:
    path = tmp_path / "list.md"
    path.write_text(LIST)
    return path


def test_text_output_shows_each_findings_severity(listfile: Path) -> None:
    code, out, _err = run("lint", "--fail-on", "info", str(listfile))
    assert code == 1
    lines = out.splitlines()
    assert f"{listfile}:3:3: AL301 [*] warning: " in lines[0]
    assert any(line.startswith(f"{listfile}:4:3: AL202 error: ") for line in lines)
    assert any(line.startswith(f"{listfile}:5:") and "AL404 [*] info: " in line for line in lines)


def test_statistics_counts_findings_per_rule(listfile: Path) -> None:
    code, out, _err = run("lint", "--statistics", "--fail-on", "info", str(listfile))
    assert code == 1
    assert out.splitlines() == [
        "2  AL301  warning  [*] insecure-link",
        "1  AL202  error        empty-link",
        "1  AL404  info     [*] trailing-whitespace",
    ]
    code, out, _err = run("lint", "--statistics", "--format", "json", "--fail-on", "info", str(listfile))
    rows = json.loads(out)["statistics"]
    assert [(r["code"], r["count"], r["fixable"]) for r in rows] == [("AL301", 2, 2), ("AL202", 1, 0), ("AL404", 1, 1)]
    assert rows[0] == {"code": "AL301", "name": "insecure-link", "severity": "warning", "count": 2, "fixable": 2}
    assert run("lint", "--statistics", "--format", "github", str(listfile))[0] == 2
    clean = listfile.with_name("clean.md")
    clean.write_text("# T\n\n- [A paper](https://arxiv.org/abs/1710.09282)\n")
    assert run("lint", "--statistics", str(clean))[:2] == (0, "All checks passed!\n")


def test_exit_zero_reports_but_does_not_fail(listfile: Path, tmp_path: Path) -> None:
    code, out, _err = run("lint", "--exit-zero", str(listfile))
    assert code == 0 and "AL202 error:" in out
    bad = tmp_path / "bad.toml"
    bad.write_text("selec = 1\n")
    code, _out, err = run("lint", "--exit-zero", "--config", str(bad), str(listfile))
    assert code == 2 and err.startswith("awesome-lint: error:")


def test_awesome_lint_toml_without_the_dot_is_found(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.awesome-lint]\nignore = ["AL1"]\n')
    sub = tmp_path / "lists"
    sub.mkdir()
    (tmp_path / "awesome-lint.toml").write_text('ignore = ["AL2"]\n')
    assert find_config(sub) == tmp_path / "awesome-lint.toml"
    assert load_config(start=sub).ignore == ("AL2",)
    (tmp_path / ".awesome-lint.toml").write_text('ignore = ["AL3"]\n')
    assert load_config(start=sub).ignore == ("AL3",)


def test_awesome_lint_toml_configures_a_lint_run(listfile: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(listfile.parent)
    (listfile.parent / "awesome-lint.toml").write_text('ignore = ["insecure-link"]\nfail-on = "error"\n')
    code, out, _err = run("lint", "--fail-on", "info", str(listfile))
    assert code == 1 and "AL301" not in out and "AL202" in out


@pytest.mark.parametrize("name", ["README.md", "readme.md", "Readme.md"])
def test_lint_without_a_path_lints_the_readme_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    (tmp_path / name).write_text(LIST)
    (tmp_path / "other.md").write_text("# T\n\n- [X]()\n- [Y]()\n- [Z]()\n")
    monkeypatch.chdir(tmp_path)
    code, out, _err = run("lint")
    assert code == 1
    assert out.startswith(f"{name}:3:3: AL301") and "other.md" not in out


def test_lint_without_a_path_and_without_a_readme_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "list.md").write_text(LIST)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("lint")
    assert (code, out) == (2, "")
    assert err.startswith("awesome-lint: error: no README.md in ") and err[-1] == "\n" and err.count("\n") == 1


def test_rule_docs_keep_paragraphs_apart() -> None:
    code, out, _err = run("rule", "missing-year")
    assert code == 0
    lines = out.splitlines()
    assert lines[:5] == [
        "## AL207 `missing-year`",
        "",
        "A paper without year or venue where most of the list's papers have one.",
        "",
        "Default severity: info; no automatic fix.",
    ]
    for name in ("insecure-link", "AL101", "dead-link"):
        out = run("rule", name)[1]
        assert all(line.startswith("Default severity") for line in out.splitlines() if "Default severity" in line)


def test_unknown_or_unused_suppressions_are_reported_and_fixed(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        "# T\n\n<!-- awesome-lint-disable-next-line insecure-link, insecure-lnk -->\n"
        "- [A](http://arxiv.org/abs/1710.09282)\n"
        "<!-- awesome-lint-disable-next-line mojibake -->\n- [B](https://arxiv.org/abs/1810.05270)\n"
    )
    config = tmp_path / "awesome-lint.toml"
    config.write_text("")
    code, out, _err = run("lint", "--config", str(config), str(path))
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{path}:3:1: AL001 [*] warning: `awesome-lint-disable-next-line` comment: unknown rule `insecure-lnk`; "
        "remove it from the comment",
        f"{path}:5:1: AL001 [*] warning: `awesome-lint-disable-next-line` comment: `mojibake` suppresses nothing; "
        "remove the comment",
    ]
    assert run("lint", "--fix", "--config", str(config), str(path))[0] == 0
    assert path.read_text() == (
        "# T\n\n<!-- awesome-lint-disable-next-line insecure-link -->\n- [A](http://arxiv.org/abs/1710.09282)\n"
        "- [B](https://arxiv.org/abs/1810.05270)\n"
    )
