"""Wrong-paper detection on a fake arXiv: how many wrong links `arxiv-title-mismatch` reports, how few right ones.

The fake arXiv API (`tests/fake_arxiv.py` on 127.0.0.1) knows every arXiv id of the five lists in `lists/`.
A seeded fifth of the ids answer with another paper of the same lists (the copy-paste slip: a neighbour's
id); every other id answers with the title another list gives the same paper (the answer key's clusters and
its hard positives: renamed versions, dropped subtitles and nicknames, typos, mojibake, case), so a right
link is rarely answered with the list's own title. Authors are what a list names for the paper (else
made-up names, one set per paper); the submission date comes from the id, as on arXiv.

The lists are checked through the arXiv client and the network rules, as `check-links` does, and every
(list entry, arXiv id) place is counted: wrong links reported as `arxiv-title-mismatch` (goal >= 98%) and
right links reported as it (goal <= 0.5%), with the links reported as `arxiv-title-differs`; then the
wrong and right links closest to the decision boundary. Run:

    python benchmarks/title_check.py [--seeds 0,1,2,3,4] [--near 12]
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from awesome_lint.config import Config
from awesome_lint.dedup import normalize_title
from awesome_lint.links.arxiv import ArxivClient
from awesome_lint.links.check import NetworkResults, arxiv_ids
from awesome_lint.lint import lint_document
from awesome_lint.model import Document, Entry
from awesome_lint.parse import parse_file
from awesome_lint.title_match import Claim, Verdict, author_names, title_weights

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "tests"))

from fake_arxiv import FakeArxiv, Paper  # noqa: E402

GOAL_WRONG = 0.98
GOAL_RIGHT = 0.005
WRONG_SHARE = 0.2
MISMATCH = "arxiv-title-mismatch"
DIFFERS = "arxiv-title-differs"

Place = tuple[int, str, int, str]  # seed, list file name, entry line, arXiv id


@dataclass
class Answer:
    """What the fake arXiv says about one id, and whether that is the paper the lists mean."""

    paper: Paper
    wrong: bool


@dataclass(frozen=True)
class Judged:
    """One place: whether its link is wrong, the rule that reported it, the decision behind it, both titles."""

    wrong: bool
    reported: str | None
    verdict: Verdict | None
    title: str
    arxiv_title: str


@dataclass
class Figures:
    """Counts over every (entry, id) place of the lists, and the findings of the two title rules."""

    wrong: int = 0
    right: int = 0
    wrong_reported: int = 0
    right_reported: int = 0
    wrong_differs: int = 0
    right_differs: int = 0
    places: dict[Place, Judged] = field(default_factory=dict)

    @property
    def wrong_rate(self) -> float:
        """Share of wrong links reported as arxiv-title-mismatch."""
        return self.wrong_reported / self.wrong if self.wrong else 1.0

    @property
    def right_rate(self) -> float:
        """Share of right links reported as arxiv-title-mismatch."""
        return self.right_reported / self.right if self.right else 0.0

    def add(self, other: Figures) -> None:
        """Sum another run's counts into this one."""
        for name in ("wrong", "right", "wrong_reported", "right_reported", "wrong_differs", "right_differs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.places.update(other.places)


def _gold() -> list[dict]:
    return [json.loads(line) for line in (DATA / "entries.jsonl").read_text(encoding="utf-8").splitlines() if line]


def build_answers(documents: list[Document], seed: int) -> dict[str, Answer]:
    """The fake arXiv's answer for every id of the lists: a fifth (seeded) another paper, the rest this one."""
    rng = random.Random(seed)
    gold = _gold()
    parsed: dict[tuple[str, int], Entry] = {
        (Path(doc.path).name, entry.span.line): entry for doc in documents for entry in doc.entries
    }
    clusters: dict[str, list[dict]] = defaultdict(list)
    for item in gold:
        if item["kind"] == "paper":
            clusters[item["cluster"]].append(item)
    titles: dict[str, list[str]] = {c: list(dict.fromkeys(m["title"] for m in ms)) for c, ms in clusters.items()}
    for line in (DATA / "hard_positives.jsonl").read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        for side in (pair["a"], pair["b"]):
            if side["title"] not in titles[side["cluster"]]:
                titles[side["cluster"]].append(side["title"])
    authors: dict[str, tuple[str, ...]] = {}
    for cluster, members in sorted(clusters.items()):
        named = [parsed[(Path(m["file"]).name, m["line"])].authors for m in members]
        found = next((a for a in named if a), None)
        authors[cluster] = author_names(found) if found else (f"Author {cluster.upper()}", f"Second {cluster.upper()}")
    id_cluster = {item["arxiv"]: item["cluster"] for item in gold if item["kind"] == "paper" and item["arxiv"]}
    ids = sorted(id_cluster)
    wrong = set(rng.sample(ids, round(len(ids) * WRONG_SHARE)))
    others = sorted(clusters)
    answers: dict[str, Answer] = {}
    for arxiv_id in ids:
        cluster = id_cluster[arxiv_id]
        if arxiv_id in wrong:
            cluster = rng.choice([c for c in others if c != cluster])
        linked = {normalize_title(m["title"]) for m in clusters[id_cluster[arxiv_id]] if m["arxiv"] == arxiv_id}
        variants = [t for t in titles[cluster] if normalize_title(t) not in linked] or titles[cluster]
        yy, mm = arxiv_id[:2], arxiv_id[2:4]
        paper = Paper(rng.choice(variants), authors[cluster], published=f"20{yy}-{mm}-15T12:00:00Z")
        answers[arxiv_id] = Answer(paper, arxiv_id in wrong)
    return answers


@contextmanager
def fake_arxiv(papers: dict[str, Paper]) -> Iterator[str]:
    """A fake arXiv API on 127.0.0.1 knowing `papers`; yields its URL template."""
    from pytest_httpserver import HTTPServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield FakeArxiv(papers).install(server)
    finally:
        server.clear()
        server.stop()


def measure(seed: int = 0, root: Path = ROOT) -> Figures:
    """Check the five lists against a fake arXiv built with `seed`; count what the title rules report."""
    paths = sorted(p for p in (root / "lists").glob("*.md") if p.name != "README.md")
    documents = [parse_file(str(path)) for path in paths]
    answers = build_answers(documents, seed)
    with fake_arxiv({i: a.paper for i, a in answers.items()}) as template:
        client = ArxivClient(template, delay=0.0, timeout=20.0)
        records = client.lookup(answers)
    network = NetworkResults(arxiv=records, weights=title_weights(documents))
    config = Config(select=(MISMATCH, DIFFERS))
    figures = Figures()
    id_pattern = re.compile(r"arXiv:(\S+?)[ ,;:]")
    for doc in documents:
        name = Path(doc.path).name
        found: dict[tuple[int, str], str] = {}
        for finding in lint_document(doc, config, network):
            m = id_pattern.search(finding.message)
            if m:
                found[(finding.span.line, m.group(1))] = finding.name
        for entry in doc.entries:
            for arxiv_id in arxiv_ids([entry]):
                answer = answers.get(arxiv_id)
                if answer is None or entry.kind != "paper":
                    continue  # an id the answer key does not know (a citation slip): no truth to count against
                lines = range(entry.span.line, entry.span.end_line + 1)
                reported = next((r for (line, i), r in found.items() if i == arxiv_id and line in lines), None)
                verdict = network.verdict(Claim.of(entry), arxiv_id)
                judged = Judged(answer.wrong, reported, verdict, entry.title, answer.paper.title)
                figures.places[(seed, name, entry.span.line, arxiv_id)] = judged
                if answer.wrong:
                    figures.wrong += 1
                    figures.wrong_reported += reported == MISMATCH
                    figures.wrong_differs += reported == DIFFERS
                else:
                    figures.right += 1
                    figures.right_reported += reported == MISMATCH
                    figures.right_differs += reported == DIFFERS
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="0,1,2,3,4", help="comma-separated seeds of the fake arXiv")
    parser.add_argument("--near", type=int, default=12, help="links shown on each side of the boundary")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    total = Figures()
    header = ("seed", "wrong links", "reported", "differs", "right links", "reported", "differs")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (6, 12, 9, 8, 12, 9, 8), strict=True)))
    for seed in seeds:
        figures = measure(seed)
        total.add(figures)
        print(
            f"{seed:>6} {figures.wrong:>12} {figures.wrong_reported:>9} {figures.wrong_differs:>8}"
            f" {figures.right:>12} {figures.right_reported:>9} {figures.right_differs:>8}"
        )
    print(
        f"{'all':>6} {total.wrong:>12} {total.wrong_reported:>9} {total.wrong_differs:>8}"
        f" {total.right:>12} {total.right_reported:>9} {total.right_differs:>8}"
    )
    print()
    met_wrong = "MET" if total.wrong_rate >= GOAL_WRONG else "MISSED"
    met_right = "MET" if total.right_rate <= GOAL_RIGHT else "MISSED"
    print(f"wrong links reported as {MISMATCH}: {100 * total.wrong_rate:6.2f}%  (goal >= 98%)   {met_wrong}")
    print(f"right links reported as {MISMATCH}: {100 * total.right_rate:6.2f}%  (goal <= 0.5%)  {met_right}")
    print(f"wrong links reported as {DIFFERS}: {100 * total.wrong_differs / max(total.wrong, 1):6.2f}%")
    print(f"right links reported as {DIFFERS}: {100 * total.right_differs / max(total.right, 1):6.2f}%")
    _print_boundary(total, args.near)


def _print_boundary(figures: Figures, near: int) -> None:
    """The wrong links judged most alike and the right links judged least alike (each pair of titles once)."""
    print("\nnear the boundary: title score (0-100), decision, seed list:line arXiv:id, the list's title | arXiv's")
    for wrong in (True, False):
        rows = [(place, j) for place, j in figures.places.items() if j.wrong == wrong and j.verdict is not None]
        if wrong:
            rows.sort(key=lambda row: (row[1].reported == MISMATCH, -row[1].verdict.score))  # type: ignore[union-attr]
        else:
            rows.sort(key=lambda row: (row[1].reported is None, row[1].verdict.score))  # type: ignore[union-attr]
        print(f"\n{'wrong links, highest scores' if wrong else 'right links, lowest scores'}:")
        shown: set[tuple[str, str]] = set()
        for (seed, name, line, arxiv_id), judged in rows:
            verdict = judged.verdict
            if verdict is None or (judged.title, judged.arxiv_title) in shown or len(shown) >= near:
                continue
            shown.add((judged.title, judged.arxiv_title))
            print(
                f"  {verdict.score:5.1f} {verdict.decision:<9} {seed} {name}:{line} arXiv:{arxiv_id}"
                f"  {judged.title[:44]!r} | {judged.arxiv_title[:44]!r}"
            )
            print(f"        {verdict.explain()}")


if __name__ == "__main__":
    main()
