"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "lists"
DATA = Path(__file__).resolve().parent / "data"
SEED_LISTS = sorted(p for p in LISTS.glob("*.md") if p.name != "README.md")

sys.path.insert(0, str(ROOT / "benchmarks"))


def run_within(command: list[str], limit: float = 60.0, **options: Any) -> subprocess.CompletedProcess[str]:
    """Run a command from the repository root; fail the test (instead of hanging the suite) after `limit` s.

    Limits are far above the normal time, so a loaded machine cannot make a test fail."""
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=limit, cwd=ROOT, check=False, **options)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(command)[:200]} still running after {limit:g} s")


@pytest.fixture(params=SEED_LISTS, ids=lambda p: p.name)
def seed_list(request: pytest.FixtureRequest) -> Path:
    """Each of the five upstream lists in lists/."""
    return request.param


@pytest.fixture(scope="module")
def local_server() -> Iterator[HTTPServer]:
    """A real HTTP server on 127.0.0.1 for one test module; threaded, so a slow handler blocks no other test."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def server(local_server: HTTPServer) -> Iterator[HTTPServer]:
    """The module's local server, with no expectations left over from the test before."""
    local_server.clear()
    yield local_server
    local_server.clear()
