"""Lines changed since a git ref, so a pull-request check reports only what the change touched."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from awesome_lint.errors import UserError
from awesome_lint.findings import Finding
from awesome_lint.regex import lazy_compile

ChangedLines = dict[str, "set[int] | None"]
"""Per path, the 1-based lines changed since a ref, or None for a file that is new since then."""

_HUNK = lazy_compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise UserError("--since needs git, which is not installed") from None
    if proc.returncode != 0:
        message = (proc.stderr.strip().splitlines() or ["git failed"])[-1]
        raise UserError(f"git {' '.join(args[:2])}: {message}")
    return proc.stdout


def changed_lines(path: str, ref: str) -> set[int] | None:
    """1-based line numbers of `path` added or changed since `ref`; None when the whole file is new."""
    file = Path(path).resolve()
    cwd = file.parent
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    tracked = subprocess.run(
        ["git", "cat-file", "-e", f"{ref}:./{file.name}"], cwd=cwd, capture_output=True, check=False
    )
    if tracked.returncode != 0:
        return None
    diff = _git(["diff", "--no-color", "--unified=0", ref, "--", file.name], cwd)
    lines: set[int] = set()
    for m in _HUNK.finditer(diff):
        start = int(m.group(1))
        count = int(m.group(2)) if m.group(2) is not None else 1
        lines.update(range(start, start + count))
    return lines


def changed_files(paths: Iterable[str], ref: str) -> ChangedLines:
    """The lines of each path changed since `ref` (None for a file new since then)."""
    return {path: changed_lines(path, ref) for path in paths}


def on_changed_lines(findings: Iterable[Finding], changed: ChangedLines | None) -> list[Finding]:
    """The findings on changed lines (all of them in new files, or when nothing was asked)."""
    if changed is None:
        return list(findings)
    return [f for f in findings if (lines := changed.get(f.path)) is None or f.span.line in lines]
