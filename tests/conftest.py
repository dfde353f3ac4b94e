"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "lists"
DATA = Path(__file__).resolve().parent / "data"
SEED_LISTS = sorted(p for p in LISTS.glob("*.md") if p.name != "README.md")

sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(params=SEED_LISTS, ids=lambda p: p.name)
def seed_list(request: pytest.FixtureRequest) -> Path:
    """Each of the five upstream lists in lists/."""
    return request.param
