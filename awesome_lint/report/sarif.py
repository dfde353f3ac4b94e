"""SARIF 2.1.0 for code scanning."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from awesome_lint import __version__
from awesome_lint.findings import Finding

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render_sarif(findings: Sequence[Finding]) -> str:
    """One SARIF run with the rules that fired and one result per finding."""
    from awesome_lint.rules import RULES

    codes = sorted({f.code for f in findings})
    rules: list[dict[str, Any]] = []
    for code in codes:
        r = RULES.get(code)
        rules.append(
            {
                "id": code,
                "name": r.name if r else code,
                "shortDescription": {"text": r.summary if r else code},
                "fullDescription": {"text": r.doc if r else code},
                "defaultConfiguration": {"level": _LEVELS.get(r.severity if r else "warning", "warning")},
            }
        )
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": _LEVELS.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": {
                            "startLine": f.span.line,
                            "startColumn": f.span.column,
                            "endLine": f.span.end_line,
                            "endColumn": f.span.end_column,
                            "byteOffset": f.span.start,
                            "byteLength": f.span.end - f.span.start,
                        },
                    }
                }
            ],
        }
        for f in findings
    ]
    run = {
        "tool": {
            "driver": {
                "name": "awesome-lint",
                "version": __version__,
                "rules": rules,
            }
        },
        "results": results,
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)
