"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from awesome_lint import workers
from awesome_lint.workers import ENV_JOBS, platform_forks

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "lists"
DATA = Path(__file__).resolve().parent / "data"
SEED_LISTS = sorted(p for p in LISTS.glob("*.md") if p.name != "README.md")
MARKDOWN_FILES = sorted(
    [*LISTS.glob("*.md"), *DATA.joinpath("more-lists").glob("*.md"), *ROOT.joinpath("tests", "fixtures").rglob("*.md")]
)
"""Every Markdown file the parser's fast paths are held equal to mistune's slow ones on."""

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


@pytest.fixture(autouse=True, scope="session")
def user_cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user cache folder (lint and link caches) is one of the test session, never the real one (XDG_CACHE_HOME
    is where Linux looks; subprocesses inherit it)."""
    folder = tmp_path_factory.mktemp("user-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


def run_within(command: list[str], limit: float = 60.0, **options: Any) -> subprocess.CompletedProcess[str]:
    """Run a command from the repository root; fail the test (instead of hanging the suite) after `limit` s.

    Limits are far above the normal time, so a loaded machine cannot make a test fail."""
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=limit, cwd=ROOT, check=False, **options)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{' '.join(command)[:200]} still running after {limit:g} s")


def list_changed_since_head(folder: Path) -> Path:
    """A git repository in `folder` whose list.md got a line (line 4, an `http://arxiv.org` link) since HEAD."""

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=folder, check=True, capture_output=True
        )

    path = folder / "list.md"
    path.write_text("# T\n\n- [A](http://arxiv.org/abs/1710.09282)\n")
    git("init", "-q")
    git("add", "list.md")
    git("commit", "-qm", "first")
    path.write_text("# T\n\n- [A](http://arxiv.org/abs/1710.09282)\n- [B](http://arxiv.org/abs/1810.05270)\n")
    return path


@pytest.fixture(params=SEED_LISTS, ids=lambda p: p.name)
def seed_list(request: pytest.FixtureRequest) -> Path:
    """Each of the five upstream lists in lists/."""
    return request.param


needs_fork = pytest.mark.skipif(not platform_forks(), reason="the platform has no fork the lint run uses")
"""For a test of work done in a forked child: where the platform forks none (Windows, macOS), the lint run does
that work in the process itself, which the tests without this mark cover."""


@pytest.fixture
def only_thread() -> None:
    """Wait until this is the process's only thread (one an earlier test left, a link check's deadline watchdog,
    ends by itself), so that a test may fork."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread():
            thread.join(120.0)
    assert threading.active_count() == 1


def dies_in_child(parent: int, how: str, work: Any) -> Any:
    """`work` as it is in the process `parent`, and in any other (a forked child) a failure: `exit` leaves with
    status 3, anything else raises."""

    def here(*args: Any) -> Any:
        if os.getpid() != parent:
            if how == "exit":
                os._exit(3)
            raise RuntimeError("only in the parent")
        return work(*args)

    return here


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch, only_thread: None) -> Iterator[list[int | None]]:
    """The pid of the child that gave each shared piece of work its result (None: computed in this process)."""
    pids: list[int | None] = []

    class Recorded(workers.Forked[Any]):
        def result(self) -> Any:
            value = super().result()
            pids.append(self.child_pid)
            return value

    monkeypatch.setattr(workers, "Forked", Recorded)
    monkeypatch.delenv(ENV_JOBS, raising=False)
    yield pids


class LocalServer(HTTPServer):
    """pytest-httpserver's server that knows how many requests it is still answering."""

    def __init__(self) -> None:
        super().__init__(host="127.0.0.1", port=0, threaded=True)
        self._busy = 0
        self._idle = threading.Condition()

    def application(self, request: Request) -> Response:
        """Answer one request (and log it), counted while it runs."""
        with self._idle:
            self._busy += 1
        try:
            return super().application(request)
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Wait until no request is being answered, so a slow answer cannot land in the next test's log."""
        with self._idle:
            self._idle.wait_for(lambda: self._busy == 0, timeout)


@pytest.fixture(scope="module")
def local_server() -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1 for one test module; threaded, so a slow handler blocks no other test."""
    server = LocalServer()
    server.start()
    yield server
    server.wait_idle()
    server.clear()
    server.stop()


@pytest.fixture
def server(local_server: LocalServer) -> Iterator[LocalServer]:
    """The module's local server, with no expectations or requests left over from the test before."""
    local_server.wait_idle()
    local_server.clear()
    yield local_server
    local_server.wait_idle()
    local_server.clear()
