"""The merged list passes the ecosystem's gate: the npm awesome-lint and markdownlint-cli2, run for real."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from conftest import DATA, LISTS
from npm_tools import REPOSITORY_RULE, awesome_lint, gate_errors, markdownlint

from awesome_lint.merge import merge_documents, merge_inputs
from awesome_lint.parse import parse_file

REAL_LISTS = DATA / "real-lists"


@lru_cache(maxsize=2)
def merged(with_real_lists: bool) -> str:
    paths = merge_inputs([str(LISTS), *([str(REAL_LISTS)] if with_real_lists else [])])
    return merge_documents([parse_file(path) for path in paths]).markdown


@pytest.mark.parametrize("with_real_lists", [False, True], ids=["lists", "lists+real-lists"])
def test_awesome_lint_finds_no_error(with_real_lists: bool, tmp_path: Path) -> None:
    assert gate_errors(merged(with_real_lists), tmp_path) == []


def test_awesome_lint_runs_its_content_rules(tmp_path: Path) -> None:
    # The same run on a list item without the ` - ` separator, to show the checker is really at work.
    bad = merged(False).replace(") - ", ") ", 1)
    errors = gate_errors(bad, tmp_path / "bad")
    assert len(errors) == 1 and "awesome-list-item" in errors[0]
    messages = awesome_lint(merged(False), tmp_path / "good")
    assert [m["reason"] for m in messages if m["rule"] == REPOSITORY_RULE] == [
        "Awesome list must reside in a valid git repository"
    ]


@pytest.mark.parametrize("with_real_lists", [False, True], ids=["lists", "lists+real-lists"])
def test_markdownlint_finds_no_error(with_real_lists: bool, tmp_path: Path) -> None:
    path = tmp_path / "merged.md"
    path.write_text(merged(with_real_lists), encoding="utf-8")
    result = markdownlint(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Summary: 0 error(s)" in result.stdout + result.stderr


def test_markdownlint_runs(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(merged(False).replace("\n## Contents", "\n## Contents ", 1), encoding="utf-8")
    result = markdownlint(path)
    assert result.returncode == 1 and "MD009" in result.stdout + result.stderr
