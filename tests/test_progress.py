"""Progress bars: on a terminal only, never in CI, only for large work, one bar a phase."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from awesome_lint.report.progress import LARGE_BYTES, Progress, progress_shown


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_shown_on_a_terminal_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert progress_shown(Terminal()) is True
    assert progress_shown(io.StringIO()) is False
    monkeypatch.setenv("CI", "true")
    assert progress_shown(Terminal()) is False


def test_one_bar_a_phase_and_none_for_small_work() -> None:
    out = io.StringIO()
    with Progress(enabled=True, threshold=10, file=out) as progress:
        for done in range(1, 4):
            progress("tiny phase", done, 3)
        for item in progress.items(list(range(20)), "big phase"):
            assert item >= 0
        progress("another phase", 0, 50)
        advance = progress.counter("counted phase", 12)
        advance(5)
        advance(7)
    text = out.getvalue()
    assert "tiny phase" not in text
    assert text.count("big phase") >= 1 and "another phase" in text and "counted phase" in text


def test_disabled_progress_writes_nothing(tmp_path: Path) -> None:
    out = io.StringIO()
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * LARGE_BYTES)
    with Progress(enabled=False, file=out) as progress:
        assert list(progress.files([str(big)], "parsing")) == [str(big)]
        progress("merging", 5000, 5000)
    assert out.getvalue() == ""


def test_files_get_a_bar_by_size(tmp_path: Path) -> None:
    small, big = tmp_path / "small.md", tmp_path / "big.md"
    small.write_bytes(b"x" * 10)
    big.write_bytes(b"x" * LARGE_BYTES)
    out = io.StringIO()
    with Progress(enabled=True, file=out) as progress:
        assert list(progress.files([str(small)], "reading small")) == [str(small)]
        assert list(progress.files([str(small), str(big), str(tmp_path / "gone.md")], "reading big")) == [
            str(small),
            str(big),
            str(tmp_path / "gone.md"),
        ]
    assert "reading small" not in out.getvalue() and "reading big" in out.getvalue()
