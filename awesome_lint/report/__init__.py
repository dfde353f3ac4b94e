"""Output formats for findings; the only place that knows about SARIF or GitHub workflow commands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_lint.findings import Finding

FORMATS = ("text", "json", "github", "sarif")
"""The output formats of findings (`--format`, `output-format`)."""


def render(
    findings: Sequence[Finding],
    fmt: str,
    color: bool = False,
    fixed: int = 0,
    sources: Mapping[str, bytes] | None = None,
    fix_command: str = "",
) -> str:
    """Findings in one of FORMATS (text may be coloured for a terminal and names `fix_command` as what applies the
    fixes, `--fix` by default; `sources`, the files' bytes by path, give SARIF fingerprints the flagged text)."""
    if fmt == "json":
        from awesome_lint.report.json_format import render_json

        return render_json(findings)
    if fmt == "github":
        from awesome_lint.report.github import render_github

        return render_github(findings)
    if fmt == "sarif":
        from awesome_lint.report.sarif import render_sarif

        return render_sarif(findings, sources)
    from awesome_lint.report.text import render_text

    return render_text(findings, color=color, fixed=fixed, fix_command=fix_command)
