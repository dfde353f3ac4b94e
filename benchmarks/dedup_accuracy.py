"""Duplicate matcher quality against the answer key: pairwise precision, recall, F1 and false merges.

Uses the gold `cluster` of every paper in tests/data/entries.jsonl, plus the hard negatives (different
papers with similar titles) and hard positives (the same paper under different titles or links).

    python benchmarks/dedup_accuracy.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from awesome_lint.dedup import cluster_entries
from awesome_lint.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

Place = tuple[str, int]


@dataclass
class Scores:
    """Pairwise figures and the pairs behind the errors."""

    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    false_merges: list[tuple[Place, Place]] = field(default_factory=list)
    missed: list[tuple[Place, Place]] = field(default_factory=list)
    hard_negatives_merged: list[tuple[Place, Place]] = field(default_factory=list)
    hard_positives_missed: list[tuple[Place, Place]] = field(default_factory=list)
    hard_negatives: int = 0
    hard_positives: int = 0

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(groups: dict[str, list[Place]]) -> set[tuple[Place, Place]]:
    return {tuple(sorted(pair)) for members in groups.values() for pair in combinations(members, 2)}  # type: ignore[misc]


def evaluate(root: Path = ROOT) -> Scores:
    """Cluster every paper of the five lists and compare with the answer key."""
    gold_cluster: dict[Place, str] = {}
    for line in (DATA / "entries.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] == "paper":
            gold_cluster[(record["file"], record["line"])] = record["cluster"]
    files = sorted({place[0] for place in gold_cluster})
    places: list[Place] = []
    entries = []
    for name in files:
        for entry in parse_file(root / name).entries:
            if entry.kind == "paper":
                places.append((name, entry.span.line))
                entries.append(entry)
    predicted_of: dict[Place, int] = {}
    for number, cluster in enumerate(cluster_entries(entries)):
        for member in cluster.members:
            predicted_of[places[member]] = number

    gold_groups: dict[str, list[Place]] = {}
    for place, cluster_id in gold_cluster.items():
        gold_groups.setdefault(cluster_id, []).append(place)
    predicted_groups: dict[str, list[Place]] = {}
    for place, number in predicted_of.items():
        predicted_groups.setdefault(str(number), []).append(place)
    truth, predicted = _pairs(gold_groups), _pairs(predicted_groups)

    scores = Scores(len(truth), len(predicted), len(truth & predicted))
    scores.false_merges = sorted(predicted - truth)
    scores.missed = sorted(truth - predicted)

    def same(a: Place, b: Place) -> bool:
        return a in predicted_of and predicted_of.get(a) == predicted_of.get(b)

    for name, bucket in (("hard_negatives", scores.hard_negatives_merged), ("hard_positives", None)):
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            a = (record["a"]["file"], record["a"]["line"])
            b = (record["b"]["file"], record["b"]["line"])
            if bucket is not None:
                scores.hard_negatives += 1
                if same(a, b):
                    bucket.append((a, b))
            else:
                scores.hard_positives += 1
                if not same(a, b):
                    scores.hard_positives_missed.append((a, b))
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print the figures (and every error when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every false merge and missed pair")
    args = parser.parse_args(argv)
    s = evaluate()
    print(f"pairs: gold {s.true_pairs}, predicted {s.predicted_pairs}, correct {s.correct_pairs}")
    print(f"precision {s.precision:.4f}  recall {s.recall:.4f}  F1 {s.f1:.4f}  false merges {len(s.false_merges)}")
    merged = len(s.hard_negatives_merged)
    found = s.hard_positives - len(s.hard_positives_missed)
    print(f"hard negatives merged: {merged}/{s.hard_negatives}; hard positives found: {found}/{s.hard_positives}")
    if args.errors:
        for label, rows in (
            ("false merge", s.false_merges),
            ("missed", s.missed),
            ("hard negative merged", s.hard_negatives_merged),
            ("hard positive missed", s.hard_positives_missed),
        ):
            for a, b in rows:
                print(f"{label}: {a[0]}:{a[1]} ~ {b[0]}:{b[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
