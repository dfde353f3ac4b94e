"""Work run in a forked child: its value comes back; a failed child, or no fork allowed, means the work runs here."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from conftest import needs_fork

from awesome_lint import workers
from awesome_lint.workers import Forked, can_fork

pytestmark = pytest.mark.usefixtures("only_thread")


def pid_and(value: object) -> tuple[int, object]:
    return os.getpid(), value


@needs_fork
def test_the_value_comes_from_a_child() -> None:
    with Forked(lambda: pid_and(["a", 1])) as child:
        pid, value = child.result()
    assert pid != os.getpid()
    assert child.child_pid == pid
    assert value == ["a", 1]


def exits_in_child(parent: int) -> int:
    if os.getpid() != parent:
        os._exit(3)
    return 7


def raises_in_child(parent: int) -> int:
    if os.getpid() != parent:
        raise RuntimeError("only in the child")
    return 7


def killed_in_child(parent: int) -> int:
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return 7


def unpicklable_in_child(parent: int) -> object:
    if os.getpid() != parent:
        return lambda: None
    return 7


@needs_fork
@pytest.mark.parametrize("work", [exits_in_child, raises_in_child, killed_in_child, unpicklable_in_child])
def test_a_failed_child_means_the_work_runs_here(work: object) -> None:
    parent = os.getpid()
    with Forked(lambda: work(parent)) as child:  # type: ignore[operator]
        assert child.result() == 7
    assert child.child_pid is None


@needs_fork
def test_no_fork_while_another_thread_is_alive() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        with Forked(lambda: pid_and(None)) as child:
            pid, _ = child.result()
    finally:
        stop.set()
        thread.join()
    assert pid == os.getpid()
    assert child.child_pid is None
    assert can_fork()


@needs_fork
def test_a_child_not_asked_is_killed_and_reaped() -> None:
    parent = os.getpid()
    never = threading.Event()
    with Forked(lambda: never.wait() if os.getpid() != parent else None) as child:
        pid = child._pid
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped already: no such child


def test_without_a_platform_fork_the_work_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "platform_forks", lambda: False)
    assert not can_fork()
    with Forked(lambda: pid_and("here")) as child:
        assert child.result() == (os.getpid(), "here")
    assert child.child_pid is None
