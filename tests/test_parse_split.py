"""A large list's items read half in a forked child: the same document as one process, whatever the list's shapes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DATA, SEED_LISTS, dies_in_child, needs_fork

from awesome_lint.parse import document as parse_document
from awesome_lint.parse import parse_bytes, parse_file
from awesome_lint.parse.document import SPLIT_ITEMS, build
from awesome_lint.report.documents import render_documents
from awesome_lint.source import decode
from awesome_lint.workers import ENV_JOBS

LISTS = sorted(
    [*SEED_LISTS, *DATA.joinpath("real-lists").glob("*__*.md"), *DATA.joinpath("shape-lists").glob("*-*.md")]
)
"""Lists of every shape the reader knows: tables, paragraphs, citations a line, paper blocks, sub-items."""


def parsed(path: Path, split_from: int | None) -> str:
    """The parse JSON of a file, its items read from `split_from` on in two processes (None: in one)."""
    data = path.read_bytes()
    source = decode(data, path.name)
    document = build(source.path, source.text, data, source.bom, source.newline, split_from=split_from)
    return render_documents([document], "json")


@needs_fork
@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_a_child_reads_the_same_entries(path: Path, children: list[int | None]) -> None:
    serial = parsed(path, None)
    assert children == []
    assert parsed(path, 2) == serial
    assert len(children) == 1 and children[0] not in (None, os.getpid())


@needs_fork
@pytest.mark.parametrize("how", ["exit", "raise"])
def test_a_failed_child_gives_the_same_entries(
    children: list[int | None], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    path = DATA / "shape-lists" / "table-title-authors.md"
    serial = parsed(path, None)
    read_here = dies_in_child(os.getpid(), how, parse_document._first_readings)
    monkeypatch.setattr(parse_document, "_first_readings", read_here)
    assert parsed(path, 2) == serial
    assert children == [None]


def test_small_lists_the_switch_and_the_merge_read_in_one_process(
    tmp_path: Path, children: list[int | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    small = parse_bytes(SEED_LISTS[0].read_bytes(), SEED_LISTS[0].name)
    assert 100 < len(small.entries) < SPLIT_ITEMS
    assert children == []
    large = tmp_path / "large.md"
    large.write_bytes(b"\n\n".join(path.read_bytes() for path in LISTS))
    assert len(parse_file(large, split=False).entries) >= SPLIT_ITEMS
    assert children == []
    monkeypatch.setenv(ENV_JOBS, "1")
    parse_file(large)
    assert children == []
    monkeypatch.delenv(ENV_JOBS)
    parse_file(large)
    assert len(children) == 1
