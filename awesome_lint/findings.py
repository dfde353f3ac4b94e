"""Findings and fixes: what rules produce and what reporters and the fix engine consume."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from awesome_lint.model import Span

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    """Order of severities: info < warning < error."""
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


class Edit(NamedTuple):
    """Replace bytes [start, end) of the file with `text` (LF newlines; the engine keeps the file's style)."""

    start: int
    end: int
    text: str

    @classmethod
    def replace(cls, span: Span, text: str) -> Edit:
        """Replace the source of `span` with `text`."""
        return cls(span.start, span.end, text)


class Fix(NamedTuple):
    """A set of edits that together repair one finding; only safe fixes are applied by `--fix`."""

    edits: tuple[Edit, ...]
    description: str
    safe: bool = True


class Finding(NamedTuple):
    """One problem at one place, as a rule reported it."""

    path: str
    span: Span
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = None

    @property
    def fixable(self) -> bool:
        """Whether `--fix` would repair it."""
        return self.fix is not None and self.fix.safe

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order: path, position, code, message."""
        return (self.path, self.span.start, self.span.end, self.code, self.message)

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape of one finding."""
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "fixable": self.fixable,
            "fix": self.fix.description if self.fix else None,
        }
