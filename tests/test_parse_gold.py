"""The parser against the hand-checked answer key for the five lists (tests/data/entries.jsonl)."""

from __future__ import annotations

import json

import pytest
from conftest import DATA, ROOT, SEED_LISTS
from parse_accuracy import FIELDS, compare

RESULT = compare(ROOT)


def test_answer_key_covers_the_five_lists() -> None:
    files = {json.loads(line)["file"] for line in (DATA / "entries.jsonl").read_text().splitlines()}
    assert files == {f"lists/{p.name}" for p in SEED_LISTS}
    assert sum(r["_total"][0][0] for r in RESULT.values()) == 549


@pytest.mark.parametrize("name", sorted(RESULT))
def test_every_item_found_and_nothing_extra(name: str) -> None:
    assert RESULT[name]["found"] == []
    assert RESULT[name]["extra"] == []


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", sorted(RESULT))
def test_fields_match_answer_key(name: str, field: str) -> None:
    assert RESULT[name][field] == [], f"{name}: {field} disagrees with the answer key"
