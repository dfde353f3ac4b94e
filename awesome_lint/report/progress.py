"""Progress bars on stderr for long work (parsing, merging, duplicate search, link checks).

Shown only on a terminal, never in CI (`CI` set), and only for large inputs, so scripted output and logs stay
clean. One `Progress` follows the phases of a command: each phase gets its own click progress bar.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, TextIO, TypeVar

import click

T = TypeVar("T")

LARGE_BYTES = 1_000_000
"""Inputs from this many bytes of Markdown on get progress bars while they are read."""
LARGE_ITEMS = 2_000
"""Work over this many items (papers, clusters, links) gets a progress bar."""


def progress_shown(stream: TextIO | None = None) -> bool:
    """True when progress bars are wanted: stderr is a terminal and this is not a CI run."""
    stream = stream or sys.stderr
    return stream.isatty() and not os.environ.get("CI")


class Progress:
    """Phase-by-phase progress bars; a callable `(phase, done, total)` for library code to report through."""

    def __init__(self, enabled: bool | None = None, threshold: int = LARGE_ITEMS, file: TextIO | None = None):
        self.file = file or sys.stderr
        self.enabled = progress_shown(self.file) if enabled is None else enabled
        self.threshold = threshold
        self._phase: str | None = None
        self._bar: Any = None
        self._done = 0

    def __call__(self, phase: str, done: int, total: int) -> None:
        """Report that `done` of `total` steps of `phase` are finished (a new phase closes the last bar)."""
        if not self.enabled:
            return
        if phase != self._phase:
            self.close()
            self._phase = phase
            if total >= self.threshold:
                self._bar = click.progressbar(length=total, label=phase, file=self.file)
                self._bar.__enter__()
            self._done = 0
        if self._bar is not None and done > self._done:
            self._bar.update(done - self._done)
            self._done = done

    def close(self) -> None:
        """Finish the current bar."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None
        self._phase = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def files(self, paths: Sequence[str], phase: str = "reading") -> Iterator[str]:
        """Each path in turn, with a bar over their sizes when they add up to LARGE_BYTES or more."""
        sizes = [_size(path) for path in paths]
        total = sum(sizes)
        if total < LARGE_BYTES:
            yield from paths
            return
        self(phase, 0, total)
        done = 0
        for path, size in zip(paths, sizes, strict=True):
            yield path
            done += size
            self(phase, done, total)
        self.close()

    def counter(self, phase: str, total: int) -> Callable[[int], None]:
        """A callable that advances `phase` by a number of steps (for code that reports increments)."""
        done = 0

        def advance(steps: int) -> None:
            nonlocal done
            done += steps
            self(phase, done, total)

        self(phase, 0, total)
        return advance

    def items(self, items: Sequence[T], phase: str) -> Iterable[T]:
        """Each item in turn, with a bar when there are LARGE_ITEMS or more."""
        for index, item in enumerate(items):
            yield item
            self(phase, index + 1, len(items))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
