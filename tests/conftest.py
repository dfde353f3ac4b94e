"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from pytest_httpserver import HTTPServer

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "lists"
DATA = Path(__file__).resolve().parent / "data"
SEED_LISTS = sorted(p for p in LISTS.glob("*.md") if p.name != "README.md")

sys.path.insert(0, str(ROOT / "benchmarks"))

# Property tests judge results, never speed: no per-example deadline and no "too slow" health check, so a busy
# machine cannot fail them. Under CI the examples are derandomised, so a run can be repeated exactly.
settings.register_profile(
    "awesome-lint",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=os.environ.get("CI", "").lower() == "true",
    print_blob=True,
)
settings.load_profile("awesome-lint")


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
