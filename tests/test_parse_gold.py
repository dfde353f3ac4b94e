"""The parser against the hand-checked answer keys: the five lists (every item), the real lists in
tests/data/real-lists/ and tests/data/more-lists/ and the entry-shape lists in tests/data/shape-lists/ (a sample
of items each)."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, ROOT, SEED_LISTS
from parse_accuracy import FIELDS, KEYS, OPTIONAL, compare, load, table

SEEDS, REAL, SHAPES, MORE = KEYS
RESULT = compare(ROOT, SEEDS)
REAL_RESULT = compare(ROOT, REAL)
SHAPE_RESULT = compare(ROOT, SHAPES)
MORE_RESULT = compare(ROOT, MORE)


def test_answer_key_covers_the_five_lists() -> None:
    files = {json.loads(line)["file"] for line in (DATA / "entries.jsonl").read_text().splitlines()}
    assert files == {f"lists/{p.name}" for p in SEED_LISTS}
    assert sum(r["_total"][0][0] for r in RESULT.values()) == 550


@pytest.mark.parametrize("name", sorted(RESULT))
def test_every_item_found_and_nothing_extra(name: str) -> None:
    assert RESULT[name]["found"] == []
    assert RESULT[name]["extra"] == []


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", sorted(RESULT))
def test_fields_match_answer_key(name: str, field: str) -> None:
    assert RESULT[name][field] == [], f"{name}: {field} disagrees with the answer key"


def test_real_lists_are_all_answered() -> None:
    lists = sorted(p.name for p in (DATA / "real-lists").glob("*.md") if p.name != "README.md")
    assert sorted(REAL_RESULT) == lists
    assert {path.name for path in REAL.files} >= {"answers.jsonl"}


@pytest.mark.parametrize("name", sorted(REAL_RESULT))
def test_real_list_items_all_found(name: str) -> None:
    assert REAL_RESULT[name]["found"] == []


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", sorted(REAL_RESULT))
def test_real_list_fields_match_answers(name: str, field: str) -> None:
    assert REAL_RESULT[name][field] == [], f"{name}: {field} disagrees with the answers"


@pytest.mark.parametrize("field", (*FIELDS, *OPTIONAL))
@pytest.mark.parametrize("name", sorted(SHAPE_RESULT))
def test_shape_list_fields_match_answers(name: str, field: str) -> None:
    assert SHAPE_RESULT[name]["found"] == []
    assert SHAPE_RESULT[name][field] == [], f"{name}: {field} disagrees with the answers"


def test_every_shape_list_is_answered() -> None:
    lists = sorted(p.name for p in (DATA / "shape-lists").glob("*.md") if p.name != "README.md")
    assert sorted(SHAPE_RESULT) == lists


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", sorted(MORE_RESULT))
def test_more_list_fields_match_answers(name: str, field: str) -> None:
    assert MORE_RESULT[name]["found"] == []
    assert MORE_RESULT[name][field] == [], f"{name}: {field} disagrees with the answers"


def test_more_lists_are_all_answered() -> None:
    lists = sorted(p.name for p in (DATA / "more-lists").glob("*.md") if p.name != "README.md")
    assert sorted(MORE_RESULT) == lists
    assert sum(r["_total"][0][0] for r in MORE_RESULT.values()) == 133


def test_answer_lines_are_not_answered_twice() -> None:
    for key in KEYS:
        records = load(key)
        assert sum(len(lines) for lines in records.values()) == sum(
            1 for path in key.files for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        )


def test_accuracy_table_reports_every_list() -> None:
    lines = table(REAL_RESULT)
    assert len(lines) == len(REAL_RESULT) + 2
    assert lines[-1].startswith("all")
    assert "100.0%" in lines[-1]
