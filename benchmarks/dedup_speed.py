"""Duplicate matcher speed: 1k, 10k and 100k synthetic papers made from the seed lists' papers.

Each synthetic paper takes a seed title and replaces about a third of its words with words from a large
vocabulary (so titles stay title-like but distinct), with its own arXiv id; one in ten is instead a
near copy of an earlier one (lower-cased, truncated, or linked as a versioned pdf). Every size runs in a
fresh process so peak memory (max RSS) is its own. Times are CPU seconds of that process. The yardstick,
measured in the same process on the same titles, is rapidfuzz finding each title's best match among 1,000
others (`process.extractOne`, `fuzz.ratio`): it grows linearly, so a steady ratio means linear growth.

    python benchmarks/dedup_speed.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_100K = 30.0  # seconds for 100,000 papers
YARDSTICK_SAMPLE = 1000


def synthetic_entries(count: int, seed: int = 7) -> tuple[list, list[tuple[int, int]]]:
    """`count` paper entries built from the seed lists' papers, and the (copy, original) index pairs."""
    from awesome_lint.model import Entry, Link, Span
    from awesome_lint.parse import parse_file

    seeds = [
        e.title
        for p in sorted((ROOT / "lists").glob("*.md"))
        if p.name != "README.md"
        for e in parse_file(p).entries
        if e.kind == "paper" and len(e.title.split()) >= 3
    ]
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zen", "qui", "dar", "pel", "sor", "tix", "bra"]
    vocabulary = sorted({w for t in seeds for w in t.split()})
    vocabulary += ["".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(20000)]
    span = Span(1, 1, 1, 2, 0, 1)
    entries: list[Entry] = []
    copies: list[tuple[int, int]] = []
    for k in range(count):
        if entries and rng.random() < 0.1:
            source = rng.randrange(len(entries))
            original = entries[source]
            copies.append((k, source))
            kind = rng.randrange(3)
            title = original.title.lower() if kind == 0 else original.title
            if kind == 1:
                title = title[: max(20, int(len(title) * 0.9))]
            url = f"https://arxiv.org/pdf/{original.arxiv_id}v2.pdf" if kind == 2 else f"https://x.org/{k}"
            entries.append(
                Entry(
                    kind="paper",
                    title=title,
                    span=span,
                    arxiv_id=original.arxiv_id if kind == 2 else None,
                    links=(Link(url, title, "paper", span),),
                )
            )
            continue
        words = rng.choice(seeds).split()
        for position in rng.sample(range(len(words)), k=max(1, len(words) // 3)):
            words[position] = rng.choice(vocabulary)
        title = " ".join(words)
        arxiv = f"{15 + k // 900000:02d}{1 + (k // 99999) % 12:02d}.{k % 99999:05d}"
        link = Link(f"https://arxiv.org/abs/{arxiv}", title, "paper", span)
        entries.append(Entry(kind="paper", title=title, span=span, arxiv_id=arxiv, links=(link,)))
    return entries, copies


def run_one(count: int) -> dict[str, float]:
    """Cluster `count` synthetic entries in this process and return the figures."""
    from rapidfuzz import fuzz, process

    from awesome_lint.dedup import cluster_entries, duplicate_clusters

    entries, copies = synthetic_entries(count)
    start = time.process_time()
    clusters = cluster_entries(entries)
    seconds = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    titles = [entry.title for entry in entries]
    sample = titles[:YARDSTICK_SAMPLE]
    start = time.process_time()
    for title in titles:
        process.extractOne(title, sample, scorer=fuzz.ratio)
    yardstick = time.process_time() - start
    home = {member: n for n, cluster in enumerate(clusters) for member in cluster.members}
    found = sum(1 for copy, original in copies if home[copy] == home[original])
    return {
        "entries": count,
        "seconds": seconds,
        "yardstick": yardstick,
        "peak_mib": peak,
        "clusters": len(clusters),
        "duplicate_clusters": len(duplicate_clusters(clusters)),
        "copies": len(copies),
        "copies_found": found,
    }


def main(argv: list[str] | None = None) -> int:
    """Run every size in its own process and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    print(f"yardstick: each title's best match among {YARDSTICK_SAMPLE:,} others (rapidfuzz process.extractOne)")
    header = (
        f"{'entries':>8} {'CPU s':>8} {'entries/s':>10} {'peak MiB':>9} {'clusters':>9} {'copies found':>14}"
        f" {'yardstick s':>12} {'ratio':>6}"
    )
    print(header)
    previous = None
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True
        ).stdout
        r = json.loads(out)
        growth = f"  (x{r['seconds'] / previous:.1f} time)" if previous else ""
        print(
            f"{r['entries']:>8} {r['seconds']:>8.2f} {r['entries'] / r['seconds']:>10.0f} {r['peak_mib']:>9.0f}"
            f" {r['clusters']:>9} {r['copies_found']:>7}/{r['copies']:<6} {r['yardstick']:>12.2f}"
            f" {r['seconds'] / r['yardstick']:>6.2f}{growth}"
        )
        previous = r["seconds"]
        if r["entries"] == 100000:
            verdict = "ok" if r["seconds"] < GOAL_100K else "OVER"
            print(f"goal: 100,000 papers in under {GOAL_100K:g} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
