"""How many findings each rule reports on each real list in tests/data/real-lists/ (the default rules, no
`--links`), as the Markdown table the README shows. Run from the repository root:

    python benchmarks/dev_list_findings.py

The parser keeps improving, so the numbers move: run it again and paste the table into the README (a test
compares the two).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from awesome_lint.config import Config
from awesome_lint.lint import lint_document
from awesome_lint.parse import parse_file
from awesome_lint.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
REAL_LISTS = ROOT / "tests" / "data" / "real-lists"


def dev_lists() -> list[Path]:
    """The real lists, sorted by file name (the folder's README.md left out)."""
    return sorted(p for p in REAL_LISTS.glob("*.md") if p.name != "README.md")


def counts() -> dict[str, Counter[str]]:
    """Findings per rule code, by list file name."""
    return {path.name: Counter(f.code for f in lint_document(parse_file(path), Config())) for path in dev_lists()}


def table() -> str:
    """The table: one row per rule that reports anything, one column per list (named by its owner), a total row."""
    found = counts()
    names = list(found)
    codes = sorted({code for per_list in found.values() for code in per_list})
    header = ["rule", *(name.split("__")[0] for name in names)]
    rows = [f"| {' | '.join(header)} |", f"|{' --- |' * len(header)}"]
    for code in codes:
        cells = [str(found[name][code]) if found[name][code] else "" for name in names]
        rows.append(f"| {code} `{RULES[code].name}` | {' | '.join(cells)} |")
    totals = [str(sum(found[name].values())) for name in names]
    rows.append(f"| total | {' | '.join(totals)} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
