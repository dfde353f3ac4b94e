"""A large document's rules, or several large files, shared out between the process and a forked child: the same
findings as one process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, SEED_LISTS, dies_in_child, needs_fork

from awesome_lint.cli import main
from awesome_lint.config import Config
from awesome_lint.findings import Finding
from awesome_lint.lint import SPLIT_BYTES, SPLIT_ENTRIES, _file_shares, lint_document, split_rules
from awesome_lint.model import Document
from awesome_lint.parse import parse_bytes
from awesome_lint.rules import RULES
from awesome_lint.workers import ENV_JOBS

SUPPRESSED = b"""
## Suppressed

<!-- awesome-lint-disable-next-line trailing-whitespace -->
- [Deep Compression](http://arxiv.org/pdf/1510.00149.pdf)\x20
<!-- awesome-lint-disable duplicate-paper -->
- Deep Compression: Compressing Deep Neural Networks with Pruning. [arXiv](https://arxiv.org/abs/1510.00149)
<!-- awesome-lint-enable duplicate-paper -->
<!-- awesome-lint-disable-next-line double-space -->
- A paper nothing is wrong with. [arXiv](https://arxiv.org/abs/2001.00001)
"""


def large_list() -> bytes:
    """The real and seed lists in one file (above SPLIT_ENTRIES entries), with suppression comments at its end."""
    files = sorted((DATA / "real-lists").glob("*__*.md")) + SEED_LISTS
    return b"\n\n".join(path.read_bytes() for path in files) + SUPPRESSED


@pytest.fixture(scope="module")
def document() -> Document:
    return parse_bytes(large_list(), "large.md")


@pytest.fixture(scope="module")
def serial(document: Document) -> list[Finding]:
    """The findings of one process."""
    return lint_document(document, Config(), split_from=len(document.entries) + 1)


@needs_fork
def test_split_findings_are_the_serial_ones(
    document: Document, serial: list[Finding], children: list[int | None]
) -> None:
    assert len(document.entries) >= SPLIT_ENTRIES
    split = lint_document(document, Config())
    assert children and all(pid not in (None, os.getpid()) for pid in children)
    assert split == serial
    codes = {finding.code for finding in serial}
    assert {"AL001", "AL203", "AL302", "AL304"} <= codes  # both shares and the late phase found something


def test_the_shares_keep_shared_work_together() -> None:
    here, there = split_rules(sorted(RULES.values(), key=lambda r: r.code))
    assert here and there
    for family in {r.shares for r in RULES.values() if r.shares}:
        assert not ({r.shares for r in here} & {r.shares for r in there} & {family})
    assert not any(r.links or r.reads_suppressions for r in there)
    assert abs(sum(r.cost for r in here) - sum(r.cost for r in there)) <= max(r.cost for r in RULES.values())


@needs_fork
@pytest.mark.parametrize("how", ["exit", "raise"])
def test_a_failed_child_gives_the_same_findings(
    document: Document, serial: list[Finding], children: list[int | None], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    heavy = RULES["AL203"]
    monkeypatch.setitem(RULES, "AL203", heavy._replace(check=dies_in_child(os.getpid(), how, heavy.check)))
    assert lint_document(document, Config(), split_from=0) == serial
    assert children and None in children


def test_small_documents_and_the_environment_switch_never_fork(
    document: Document, children: list[int | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    small = parse_bytes(SEED_LISTS[0].read_bytes(), SEED_LISTS[0].name)
    assert 100 < len(small.entries) < SPLIT_ENTRIES
    lint_document(small, Config())
    monkeypatch.setenv(ENV_JOBS, "1")
    lint_document(document, Config(), split_from=0)
    assert children == []


def same_bytes_both_ways(args: list[str], children: list[int | None], monkeypatch: pytest.MonkeyPatch) -> bytes:
    """What `awesome-lint ARGS` prints with a child (which must have run) and in one process: the same bytes."""
    split = CliRunner().invoke(main, args)
    assert children and None not in children
    monkeypatch.setenv(ENV_JOBS, "1")
    serial = CliRunner().invoke(main, args)
    assert split.exit_code == serial.exit_code == 0
    assert split.stdout_bytes == serial.stdout_bytes
    return split.stdout_bytes


@needs_fork
def test_the_cli_prints_the_same_bytes(
    tmp_path: Path, children: list[int | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "large.md"
    path.write_bytes(large_list())
    printed = same_bytes_both_ways(["lint", "--no-cache", "--exit-zero", str(path)], children, monkeypatch)
    assert printed.count(b"\n") > 1000


@needs_fork
def test_several_files_are_shared_out_and_print_the_same_bytes(
    tmp_path: Path, children: list[int | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted((DATA / "real-lists").glob("*__*.md"))
    assert sum(path.stat().st_size for path in files) >= SPLIT_BYTES
    args = ["lint", "--no-cache", "--exit-zero", "--format", "json", *map(str, files)]
    printed = same_bytes_both_ways(args, children, monkeypatch)
    assert len({finding["path"] for finding in json.loads(printed)["findings"]}) >= len(files) - 1


def test_files_are_shared_out_only_when_large_and_even() -> None:
    assert _file_shares({0: 300_000, 1: 200_000, 2: 100_000}) == ([1, 2], [0])
    assert _file_shares({0: 3_000_000, 1: 100_000}) == ([0, 1], [])  # the large file's rules are split instead
    assert _file_shares({0: 100_000, 1: 100_000}) == ([0, 1], [])  # too small to be worth a fork
    assert _file_shares({0: SPLIT_BYTES}) == ([0], [])
