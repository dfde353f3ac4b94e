"""Parser accuracy against the hand-checked answer key in tests/data/entries.jsonl.

Prints, per list: items found, kind accuracy, exact titles, paper and code links, arXiv ids, years and
venues. `--mismatches` also prints every disagreement. Run from the repository root:

    python benchmarks/parse_accuracy.py [--mismatches]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from awesome_lint.model import Entry
from awesome_lint.parse import parse_file
from awesome_lint.parse.fields import collapse

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "entries.jsonl"
FIELDS = ("kind", "title", "urls", "code", "arxiv", "year", "venue")


def observed(entry: Entry) -> dict[str, object]:
    """The fields of a parsed entry in the answer key's terms."""
    return {
        "kind": entry.kind,
        "title": collapse(entry.title),
        "urls": [link.url for link in entry.links if link.role != "code" and link.url],
        "code": [link.url for link in entry.links if link.role == "code"],
        "arxiv": entry.arxiv_id,
        "year": entry.year,
        "venue": entry.venue,
    }


def expected(record: dict[str, object]) -> dict[str, object]:
    """The fields of an answer-key record, normalised the same way."""
    out = {name: record.get(name) for name in FIELDS}
    out["title"] = collapse(str(record["title"]))
    out["urls"] = [u for u in record.get("urls") or [] if u]  # type: ignore[union-attr]
    return out


def compare(root: Path = ROOT) -> dict[str, dict[str, list[tuple[int, object, object]]]]:
    """Per file and field: (line, expected, observed) disagreements; 'found' lists missing items."""
    gold: dict[str, dict[int, dict[str, object]]] = defaultdict(dict)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["file"]][record["line"]] = record
    result: dict[str, dict[str, list[tuple[int, object, object]]]] = {}
    for name, records in sorted(gold.items()):
        doc = parse_file(root / name)
        by_line = {entry.span.line: entry for entry in doc.entries}
        problems: dict[str, list[tuple[int, object, object]]] = {f: [] for f in ("found", "extra", *FIELDS)}
        for line_no, record in sorted(records.items()):
            entry = by_line.get(line_no)
            if entry is None:
                problems["found"].append((line_no, record["title"], None))
                continue
            want, got = expected(record), observed(entry)
            for f in FIELDS:
                if want[f] != got[f]:
                    problems[f].append((line_no, want[f], got[f]))
        for line_no, entry in by_line.items():
            if line_no not in records:
                problems["extra"].append((line_no, None, entry.title))
        result[name] = problems
        result[name]["_total"] = [(len(records), None, None)]
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy table (and mismatches when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mismatches", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    result = compare()
    header = f"{'list':48} {'items':>9} " + " ".join(f"{f:>7}" for f in FIELDS)
    print(header)
    totals: dict[str, int] = defaultdict(int)
    grand = 0
    for name, problems in result.items():
        total = problems["_total"][0][0]
        assert isinstance(total, int)
        grand += total
        found = total - len(problems["found"])
        cells = []
        for f in FIELDS:
            ok = found - len(problems[f])
            totals[f] += ok
            cells.append(f"{100 * ok / total:6.1f}%")
        totals["found"] += found
        print(f"{Path(name).name:48} {found:>4}/{total:<4} " + " ".join(cells))
    cells = [f"{100 * totals[f] / grand:6.1f}%" for f in FIELDS]
    print(f"{'all':48} {totals['found']:>4}/{grand:<4} " + " ".join(cells))
    if args.mismatches:
        for name, problems in result.items():
            for f, rows in problems.items():
                if f == "_total":
                    continue
                for line_no, want, got in rows:
                    print(f"{name}:{line_no}: {f}: expected {want!r}, got {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
