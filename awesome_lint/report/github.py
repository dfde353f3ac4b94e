"""GitHub Actions workflow commands, so findings show as annotations on a pull request."""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.findings import Finding

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: `%`, CR and LF (so a title cannot start a new workflow command)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property value: as data, plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding]) -> str:
    """One `::error file=...,line=...::message` line per finding."""
    lines = []
    for f in findings:
        props = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", f.path),
                ("line", f.span.line),
                ("col", f.span.column),
                ("endLine", f.span.end_line),
                ("endColumn", f.span.end_column),
                ("title", f"{f.code} {f.name}"),
            )
        )
        lines.append(f"::{_LEVELS.get(f.severity, 'error')} {props}::{escape_data(f.message)}")
    return "\n".join(lines)
