"""`--statistics`: how many findings each rule has, most frequent first (text or JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from awesome_lint.findings import Finding


@dataclass(frozen=True, slots=True)
class RuleCount:
    """The findings of one rule: how many, and how many of them `--fix` repairs."""

    code: str
    name: str
    severity: str
    count: int
    fixable: int


def rule_counts(findings: Sequence[Finding]) -> list[RuleCount]:
    """One RuleCount per rule that fired, most findings first, then by code."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    counts = [
        RuleCount(code, group[0].name, group[0].severity, len(group), sum(1 for f in group if f.fixable))
        for code, group in groups.items()
    ]
    return sorted(counts, key=lambda c: (-c.count, c.code))


def render_statistics(findings: Sequence[Finding], fmt: str = "text") -> str:
    """Counts per rule as aligned text lines (`[*]`: some are fixable) or `{"statistics": [...]}`."""
    counts = rule_counts(findings)
    if fmt == "json":
        rows = [
            {"code": c.code, "name": c.name, "severity": c.severity, "count": c.count, "fixable": c.fixable}
            for c in counts
        ]
        return json.dumps({"statistics": rows}, indent=2)
    if not counts:
        return "All checks passed!"
    width = len(str(counts[0].count))
    severity = max(len(c.severity) for c in counts)
    return "\n".join(
        f"{c.count:>{width}}  {c.code}  {c.severity:<{severity}}  {'[*]' if c.fixable else '   '} {c.name}"
        for c in counts
    )
