"""Parser accuracy against the hand-checked answer keys.

Four answer keys, one table each: the five lists in lists/ (tests/data/entries.jsonl, every item), the real
lists in tests/data/real-lists/ (answers*.jsonl, a sample of items from each list), the lists of entry shapes
in tests/data/shape-lists/ and the further real lists in tests/data/more-lists/ (likewise). Per list: items
found, kind accuracy, exact titles, paper and code links, arXiv ids, years, venues, and the share of sampled
papers with every field right.
`--mismatches` also prints every disagreement. Run from the repository root:

    python benchmarks/parse_accuracy.py [--mismatches]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from awesome_lint.model import Entry, Link
from awesome_lint.parse import parse_file
from awesome_lint.parse.fields import collapse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLD = DATA / "entries.jsonl"
FIELDS = ("kind", "title", "urls", "code", "arxiv", "year", "venue")
OPTIONAL = ("authors",)
"""Fields a record answers only where its line was read for them (the shape lists' author lines)."""

Problems = dict[str, list[tuple[int, object, object]]]


def _not_code(link: Link) -> bool:
    return link.role != "code"


def _paper(link: Link) -> bool:
    return link.role == "paper"


@dataclass(frozen=True)
class AnswerKey:
    """One answer key: where its lists are, its answer files, and which links its `urls` field lists."""

    name: str
    base: Path
    files: tuple[Path, ...]
    sample: bool
    """True when the key answers a sample of each list's items (unanswered items are not errors)."""
    url_link: Callable[[Link], bool]
    """Which of an entry's links the key's `urls` holds (non-code links for lists/, paper links elsewhere)."""


def _sample_key(folder: str) -> AnswerKey:
    """The answer key of a folder of lists under tests/data/ whose answers*.jsonl answer a sample of items."""
    base = DATA / folder
    files = tuple(sorted(base.glob("answers*.jsonl")))
    return AnswerKey(f"tests/data/{folder}/", base, files, sample=True, url_link=_paper)


KEYS = (
    AnswerKey("lists/", ROOT, (GOLD,), sample=False, url_link=_not_code),
    _sample_key("real-lists"),
    _sample_key("shape-lists"),
    _sample_key("more-lists"),
)


def _distinct(urls: list[str]) -> list[str]:
    """Each target once, in the order of its first link (the keys list a repeated identical target once)."""
    return list(dict.fromkeys(urls))


def observed(entry: Entry, url_link: Callable[[Link], bool] = _not_code) -> dict[str, object]:
    """The fields of a parsed entry in the answer key's terms."""
    return {
        "kind": entry.kind,
        "title": collapse(entry.title),
        "urls": _distinct([link.url for link in entry.links if url_link(link) and link.url]),
        "code": _distinct([link.url for link in entry.links if link.role == "code" and link.url]),
        "arxiv": entry.arxiv_id,
        "year": entry.year,
        "venue": entry.venue,
        "authors": entry.authors,
    }


def expected(record: dict[str, object]) -> dict[str, object]:
    """The fields of an answer-key record, normalised the same way."""
    out = {name: record.get(name) for name in (*FIELDS, *(f for f in OPTIONAL if f in record))}
    out["title"] = collapse(str(record["title"]))
    out["urls"] = [u for u in record.get("urls") or [] if u]  # type: ignore[union-attr]
    return out


def load(key: AnswerKey) -> dict[str, dict[int, dict[str, object]]]:
    """The key's records by list file and line; a line answered twice is an error in the key."""
    records: dict[str, dict[int, dict[str, object]]] = defaultdict(dict)
    for path in key.files:
        for text in path.read_text(encoding="utf-8").splitlines():
            if not text.strip():
                continue
            record = json.loads(text)
            lines = records[record["file"]]
            if record["line"] in lines:
                raise ValueError(f"{path.name}: {record['file']}:{record['line']} is answered twice")
            lines[record["line"]] = record
    return records


def compare(root: Path = ROOT, key: AnswerKey = KEYS[0]) -> dict[str, Problems]:
    """Per file and field: (line, expected, observed) disagreements; 'found' lists missing items.

    '_total' holds the number of answered items, '_papers' the lines of answered papers and 'perfect' the
    papers with a disagreement in any field.
    """
    base = key.base if key.base != ROOT else root
    result: dict[str, Problems] = {}
    for name, records in sorted(load(key).items()):
        doc = parse_file(base / name)
        by_line: dict[int, Entry] = {}
        for entry in doc.entries:
            by_line.setdefault(entry.span.line, entry)
        problems: Problems = {f: [] for f in ("found", "extra", *FIELDS, *OPTIONAL, "perfect")}
        for line_no, record in sorted(records.items()):
            entry = by_line.get(line_no)
            if entry is None:
                problems["found"].append((line_no, record["title"], None))
                if record["kind"] == "paper":
                    problems["perfect"].append((line_no, record["title"], None))
                continue
            want, got = expected(record), observed(entry, key.url_link)
            wrong = [f for f in want if want[f] != got[f]]
            for f in wrong:
                problems[f].append((line_no, want[f], got[f]))
            if wrong and record["kind"] == "paper":
                problems["perfect"].append((line_no, want["title"], got["title"]))
        if not key.sample:
            for line_no, entry in by_line.items():
                if line_no not in records:
                    problems["extra"].append((line_no, None, entry.title))
        result[name] = problems
        result[name]["_total"] = [(len(records), None, None)]
        papers = sum(1 for r in records.values() if r["kind"] == "paper")
        result[name]["_papers"] = [(papers, None, None)]
    return result


def table(result: dict[str, Problems]) -> list[str]:
    """The accuracy table: one row per list and a total row."""
    lines = [f"{'list':52} {'items':>9} " + " ".join(f"{f:>7}" for f in FIELDS) + f" {'papers':>16}"]
    totals: dict[str, int] = defaultdict(int)
    grand = grand_papers = 0
    rows = list(result.items())
    for name, problems in [*rows, ("all", {})]:
        if name == "all":
            total, papers, found = grand, grand_papers, totals["found"]
            oks = [totals[f] for f in FIELDS]
            perfect = totals["perfect"]
        else:
            total = int(problems["_total"][0][0])  # type: ignore[call-overload]
            papers = int(problems["_papers"][0][0])  # type: ignore[call-overload]
            found = total - len(problems["found"])
            oks = [found - len(problems[f]) for f in FIELDS]
            perfect = papers - len(problems["perfect"])
            grand, grand_papers = grand + total, grand_papers + papers
            totals["found"] += found
            totals["perfect"] += perfect
            for f, ok in zip(FIELDS, oks, strict=True):
                totals[f] += ok
        cells = " ".join(f"{100 * ok / total:6.1f}%" if total else "      -" for ok in oks)
        share = f"{100 * perfect / papers:5.1f}%" if papers else "     -"
        lines.append(f"{Path(name).name:52} {found:>4}/{total:<4} {cells} {perfect:>4}/{papers:<4} {share}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy tables (and mismatches when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mismatches", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    for number, key in enumerate(KEYS):
        if not key.files:
            continue
        result = compare(ROOT, key)
        if number:
            print()
        print(f"answer key: {key.name}")
        print("\n".join(table(result)))
        if args.mismatches:
            for name, problems in result.items():
                for f, rows in problems.items():
                    if f.startswith("_") or f == "perfect":
                        continue
                    for line_no, want, got in rows:
                        print(f"{name}:{line_no}: {f}: expected {want!r}, got {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
