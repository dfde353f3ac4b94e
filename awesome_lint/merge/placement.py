"""Topic placement: which section a paper goes in, by what it is about, and why.

The evidence, each topic scored separately:
- title keywords: the weight of the strongest keyword of the topic found in any member's title;
- the venue: `venue` weight when the paper's venue matches one of the topic's venues (ISCA, DAC, ...);
- upstream headings and 【tags】: `heading` weight times the share of the members that an upstream list files
  under the topic (members no heading or tag places vote for nothing);
- arXiv categories (`merge --arxiv`, when the metadata has them): `arxiv` weight if one is the topic's.

The topic with the highest score wins; a tie goes to the higher `priority`, then to the taxonomy order. With
no evidence at all the paper goes to "Other". A member that comes from a merged list keeps the section that
list gives it: placing a paper a second time changes nothing, and a section a maintainer chose stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from awesome_lint.merge.taxonomy import FALLBACK_TOPIC, Taxonomy, TopicSource, topic_order


@dataclass(frozen=True, slots=True)
class Vote:
    """Where one member's upstream list files it (None: nowhere), and whether that list is a merged list."""

    topic: str | None
    source: TopicSource = "heading"
    merged: bool = False


@dataclass(frozen=True, slots=True)
class Placement:
    """The chosen topic, its score, and a one-line account of the evidence."""

    topic: str
    score: float
    reason: str


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def place(
    titles: Iterable[str],
    votes: Sequence[Vote],
    taxonomy: Taxonomy,
    categories: Iterable[str] = (),
    venue: str | None = None,
) -> Placement:
    """The topic of one paper from its members' titles, its venue, where the lists file it, and arXiv categories."""
    kept = Counter(v.topic for v in votes if v.merged and v.topic)
    order = topic_order(taxonomy)
    if kept:
        chosen = min(kept, key=lambda t: (-kept[t], order.get(t, len(order))))
        return Placement(chosen, 0.0, f"kept from the merged list, which files it under {chosen}")

    texts = list(dict.fromkeys(" ".join(t.split()) for t in titles if t.strip()))
    cats = set(categories)
    voters = [v.topic for v in votes if v.topic]
    counts = Counter(voters)
    scores: dict[str, float] = {}
    why: dict[str, list[str]] = {}
    for topic in taxonomy.topics:
        parts: list[str] = []
        best = max(
            ((k.weight, k.pattern.pattern) for k in topic.keywords if any(k.pattern.search(t) for t in texts)),
            default=None,
        )
        score = 0.0
        if best is not None:
            score += best[0]
            parts.append(f"title matches {best[1]!r} ({_fmt(best[0])})")
        if venue and any(p.search(venue) for p in topic.venues):
            score += taxonomy.venue_weight
            parts.append(f"venue {venue} ({_fmt(taxonomy.venue_weight)})")
        if counts[topic.name]:
            share = counts[topic.name] / len(voters)
            score += taxonomy.heading_weight * share
            lists = "list files" if len(voters) == 1 else "lists file"
            parts.append(
                f"{counts[topic.name]} of {len(voters)} {lists} it there ({_fmt(taxonomy.heading_weight * share)})"
            )
        matched = sorted(cats & set(topic.arxiv))
        if matched:
            score += taxonomy.arxiv_weight
            parts.append(f"arXiv {', '.join(matched)} ({_fmt(taxonomy.arxiv_weight)})")
        if score > 0:
            scores[topic.name] = score
            why[topic.name] = parts
    if not scores:
        return Placement(FALLBACK_TOPIC, 0.0, "no title keyword, venue, heading, tag or arXiv category names a topic")
    priority = {t.name: t.priority for t in taxonomy.topics}
    ranked = sorted(scores, key=lambda t: (-round(scores[t], 9), -priority[t], order[t]))
    best_name = ranked[0]
    reason = f"{best_name} {_fmt(scores[best_name])}: {'; '.join(why[best_name])}"
    if len(ranked) > 1:
        runner = ranked[1]
        tie = " (tie, higher priority)" if round(scores[runner], 9) == round(scores[best_name], 9) else ""
        reason += f"; over {runner} {_fmt(scores[runner])}{tie}: {'; '.join(why[runner])}"
    return Placement(best_name, scores[best_name], reason)
