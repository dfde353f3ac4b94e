"""Machine output: `{"findings": [...]}` with the documented fields."""

from __future__ import annotations

import json
from collections.abc import Sequence

from awesome_lint.findings import Finding


def render_json(findings: Sequence[Finding]) -> str:
    """Findings as a JSON document."""
    return json.dumps({"findings": [f.to_json() for f in findings]}, indent=2, ensure_ascii=False)
