"""A share of the work run in a forked child while the parent does its own, the result coming back pickled.

Fork, not a process pool or spawn: the child starts as a copy-on-write image of the parent, so it has the parsed
document, the rules and their settings for free, and only its result (a few findings) travels, through a pipe.
Where fork is unavailable or unsafe, or the child fails in any way, the work runs in the parent instead.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import threading
from collections.abc import Callable, Hashable, Mapping
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

ENV_JOBS = "AWESOME_LINT_JOBS"
"""`AWESOME_LINT_JOBS=1` keeps all work in one process."""


def may_share() -> bool:
    """Whether the environment lets work be shared with a child (AWESOME_LINT_JOBS is not 1)."""
    return os.environ.get(ENV_JOBS, "").strip() != "1"


def halves(weights: Mapping[K, int]) -> tuple[list[K], list[K]]:
    """The keys in two groups of similar total weight (the heaviest first, each to the lighter group; a tie to the
    second), each group in the mapping's order."""
    loads = [0, 0]
    second: set[K] = set()
    for key in sorted(weights, key=lambda k: -weights[k]):
        side = 1 if loads[1] <= loads[0] else 0
        loads[side] += weights[key]
        if side:
            second.add(key)
    return [k for k in weights if k not in second], [k for k in weights if k in second]


def platform_forks() -> bool:
    """Whether the platform has a usable fork: it has one, and it is not macOS (whose system libraries may crash in
    a forked child)."""
    return hasattr(os, "fork") and sys.platform != "darwin"


def can_fork() -> bool:
    """Whether a child may be forked now: the platform forks and no other thread is alive (a lock it holds would
    stay locked in the child)."""
    return platform_forks() and threading.active_count() == 1


class Forked(Generic[T]):
    """`work()` run in a forked child from the start; `result()` gives its value, computed in this process
    instead when no child could be forked or the child failed (crashed, exited non-zero, was killed, or its
    value could not be pickled).

    Use it as a context manager, so a child whose result is never asked for is killed and reaped.
    """

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._pid: int | None = None
        self._read: int | None = None
        self.child_pid: int | None = None
        """The pid of the child that gave the result, None when the result was computed in this process."""
        if can_fork():
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: never returns
            os.close(read)
            _child(self._work, write)
        os.close(write)
        self._pid, self._read = pid, read

    def result(self) -> T:
        """The work's value: the child's, or (when it gave none) the work run here."""
        if self._pid is not None and self._read is not None:
            import pickle

            pid, read = self._pid, self._read
            self._pid = self._read = None
            with os.fdopen(read, "rb") as pipe:
                data = pipe.read()
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) == 0:
                try:
                    value: T = pickle.loads(data)
                except Exception:  # a torn or unreadable result: the child failed
                    pass
                else:
                    self.child_pid = pid
                    return value
        return self._work()

    def close(self) -> None:
        """Kill and reap a child whose result was not asked for."""
        if self._pid is not None and self._read is not None:
            import signal

            os.close(self._read)
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = self._read = None

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _child(work: Callable[[], T], write: int) -> None:
    """Run `work` and write its pickled value to `write`; leave with os._exit whatever happens, so no exit
    handler runs and no buffer the parent owns (stdout, a cache file) is flushed or closed."""
    import pickle

    code = 1
    try:
        gc.disable()  # a short life: a collection would only copy the parent's pages by touching them
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # any failure, even an interrupt, is told by the exit code alone
        code = 1
    finally:
        os._exit(code)
