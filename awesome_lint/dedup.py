"""Duplicate-paper matching: title normalisation, candidate blocking, pair scoring and safe clustering.

Signals, strongest first: the same arXiv id, the same DOI or canonical paper URL, and title similarity
(rapidfuzz on a normalised title, with subtitle and truncation rules). Tokens that tell papers apart
(numbers, versions, Roman numerals) must agree, and two clusters only merge when every cross pair is
compatible, so a chain A~B~C never joins A with a C that is clearly different.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from awesome_lint.model import Entry
from awesome_lint.text import repair_mojibake
from awesome_lint.urls import canonical_url

_NON_WORD = re.compile(r"[^\w]+")
_SEGMENTS = re.compile(r"\s*[:：]\s+|\s*[:：](?=[A-Z])|\s+[-–—]\s+")
_DIGITS = re.compile(r"\d+")
_ROMAN = {"ii", "iii", "iv", "vi", "vii", "viii", "ix"}
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "of",
        "on",
        "or",
        "the",
        "to",
        "via",
        "with",
        "without",
        "using",
        "towards",
        "toward",
    ]
)


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds (rapidfuzz scores, 0-100) with documented defaults; see the README."""

    title_threshold: float = 93.0
    """Two titles alone match when `fuzz.ratio` of the normalised titles reaches this."""
    id_title_threshold: float = 55.0
    """Entries with the same arXiv id match unless `fuzz.token_set_ratio` of their titles is below this."""
    url_title_threshold: float = 80.0
    """Entries with the same paper URL match unless `fuzz.token_set_ratio` of their titles is below this."""
    compatible_threshold: float = 85.0
    """Two members of one cluster with no shared id must reach this `fuzz.ratio` (or a subtitle/truncation match)."""
    segment_min_words: int = 4
    """A shared title segment (before/after a colon) must have this many words to count as a subtitle match."""
    truncation_min_ratio: float = 0.6
    """A title that is a prefix of another counts as truncated when it has at least this share of its length."""
    block_tokens: int = 4
    """Each title is blocked on every pair of its this many rarest tokens; a pair must share one such pair."""
    block_max: int = 400
    """Title tokens that occur in more entries than this are too common to block on."""


@dataclass(frozen=True, slots=True)
class Edge:
    """Why two entries were joined: indices into the input, the signal and its score."""

    a: int
    b: int
    signal: str
    score: float


@dataclass(frozen=True, slots=True)
class Cluster:
    """Entries that cite one paper (sorted indices into the input) and the edges that joined them."""

    members: tuple[int, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True, slots=True)
class _Key:
    """What the matcher needs of one entry, computed once."""

    norm: str
    segments: tuple[str, ...]
    numbers: tuple[str, ...]
    arxiv: str | None
    urls: frozenset[str]
    tokens: tuple[str, ...]


@lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """NFKC, mojibake repaired, case-folded, Markdown and punctuation removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", repair_mojibake(title)).casefold()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def content_words(normalized: str) -> tuple[str, ...]:
    """The words of a normalised title that carry meaning (stopwords dropped), each once, in order."""
    return tuple(dict.fromkeys(w for w in normalized.split() if w not in _STOPWORDS))


def title_segments(title: str) -> tuple[str, ...]:
    """The normalised parts of a title split at colons and spaced dashes (`Name: Subtitle - Remark`)."""
    return tuple(seg for seg in (normalize_title(p) for p in _SEGMENTS.split(title)) if seg)


def distinguishing_tokens(normalized: str) -> tuple[str, ...]:
    """Numbers and Roman numerals that tell papers apart (V2, 8-bit, Part II), sorted."""
    words = normalized.split()
    found = _DIGITS.findall(normalized)
    for i, word in enumerate(words):
        if word in _ROMAN or (word in ("i", "v") and i > 0 and words[i - 1] == "part"):
            found.append(word)
    return tuple(sorted(found))


def is_truncation(short: str, long: str, config: DedupConfig | None = None) -> bool:
    """True when normalised `short` is a cut-off prefix of normalised `long` (`... Transfer Learnin`)."""
    config = config or DedupConfig()
    return (
        len(short) < len(long)
        and long.startswith(short)
        and len(short) >= config.truncation_min_ratio * len(long)
        and len(short.split()) >= config.segment_min_words
    )


_SIGNAL_ORDER = {"arxiv-id": 0, "doi": 1, "url": 1, "title": 2, "title-truncated": 3, "subtitle": 4}


def _key(entry: Entry) -> _Key:
    norm = normalize_title(entry.title)
    segments = title_segments(entry.title)
    urls = frozenset(
        key
        for link in entry.links
        if link.role == "paper" and link.url
        for key in (canonical_url(link.url),)
        if key and not key.startswith("arxiv:")
    )
    return _Key(norm, segments, distinguishing_tokens(norm), entry.arxiv_id, urls, content_words(norm))


class _Matcher:
    """Scores pairs of entries; every decision is a pure function of the two entries and the config."""

    def __init__(self, keys: list[_Key], config: DedupConfig) -> None:
        from rapidfuzz import fuzz

        self.keys = keys
        self.config = config
        self.ratio = fuzz.ratio
        self.token_set_ratio = fuzz.token_set_ratio
        self._compatible: dict[tuple[int, int], bool] = {}

    def match(self, i: int, j: int) -> tuple[str, float] | None:
        """The strongest signal that entries i and j cite the same paper, or None."""
        a, b = self.keys[i], self.keys[j]
        cfg = self.config
        if a.arxiv and b.arxiv:
            if a.arxiv != b.arxiv:
                return None
            score = self.token_set_ratio(a.norm, b.norm)
            return ("arxiv-id", round(score, 1)) if score >= cfg.id_title_threshold else None
        shared = a.urls & b.urls
        if shared:
            score = self.token_set_ratio(a.norm, b.norm)
            if score >= cfg.url_title_threshold:
                signal = "doi" if any(k.startswith("doi:") for k in shared) else "url"
                return signal, round(score, 1)
        return self.title_match(a, b)

    def title_match(self, a: _Key, b: _Key) -> tuple[str, float] | None:
        """Title-only evidence: near-identical titles, a truncated title, or a shared subtitle."""
        cfg = self.config
        if not a.norm or not b.norm:
            return None
        if a.numbers == b.numbers:
            score = self.ratio(a.norm, b.norm)
            if score >= cfg.title_threshold:
                return "title", round(score, 1)
            short, long = sorted((a.norm, b.norm), key=len)
            if is_truncation(short, long, cfg):
                return "title-truncated", round(100 * len(short) / len(long), 1)
        if a.numbers != b.numbers and a.numbers and b.numbers:
            return None
        common = set(a.segments) & set(b.segments)
        best = max((seg for seg in common if len(seg.split()) >= cfg.segment_min_words), key=len, default=None)
        if best is None:
            return None
        if a.numbers != b.numbers and (distinguishing_tokens(best) or self._renamed_version(a, b, best)):
            return None
        score = 100 * len(best) / max(len(a.norm), len(b.norm))
        return "subtitle", round(score, 1)

    def _renamed_version(self, a: _Key, b: _Key, shared: str) -> bool:
        """True when the parts outside a shared subtitle are one name in two versions (ShuffleNet / V2)."""
        rest_a = [_DIGITS.sub("", seg) for seg in a.segments if seg != shared]
        rest_b = [_DIGITS.sub("", seg) for seg in b.segments if seg != shared]
        return any(self.ratio(x, y) >= self.config.compatible_threshold for x in rest_a for y in rest_b)

    def compatible(self, i: int, j: int) -> bool:
        """Whether i and j may stand in one cluster: no conflicting ids and titles that do not disagree."""
        pair = (i, j) if i < j else (j, i)
        cached = self._compatible.get(pair)
        if cached is None:
            a, b = self.keys[i], self.keys[j]
            if a.arxiv and b.arxiv:
                cached = a.arxiv == b.arxiv and self.token_set_ratio(a.norm, b.norm) >= self.config.id_title_threshold
            elif self.match(i, j) is not None:
                cached = True
            else:
                cached = a.numbers == b.numbers and self.ratio(a.norm, b.norm) >= self.config.compatible_threshold
            self._compatible[pair] = cached
        return cached


def _candidates(keys: list[_Key], config: DedupConfig) -> set[tuple[int, int]]:
    """Pairs that share an arXiv id, a paper URL, a rare title token, a title prefix or a subtitle."""
    groups: dict[str, list[int]] = defaultdict(list)
    frequency: dict[str, int] = defaultdict(int)
    for key in keys:
        for token in key.tokens:
            frequency[token] += 1
    for index, key in enumerate(keys):
        if key.arxiv:
            groups[f"id:{key.arxiv}"].append(index)
        for url in key.urls:
            groups[f"url:{url}"].append(index)
        rare = sorted((t for t in key.tokens if frequency[t] <= config.block_max), key=lambda t: (frequency[t], t))
        rare = rare[: config.block_tokens]
        if len(rare) == 1:
            groups[f"tok:{rare[0]}"].append(index)
        for x, first in enumerate(rare):
            for second in rare[x + 1 :]:
                groups[f"tok:{min(first, second)} {max(first, second)}"].append(index)
        words = key.norm.split()
        if words:
            groups["pre:" + " ".join(words[: config.segment_min_words])].append(index)
        for segment in key.segments:
            if len(segment.split()) >= config.segment_min_words:
                groups[f"seg:{segment}"].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in groups.values():
        if len(members) < 2 or len(members) > config.block_max:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if i != j:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def cluster_entries(entries: Sequence[Entry], config: DedupConfig | None = None) -> list[Cluster]:
    """Partition papers into clusters of the same paper (singletons included), ordered by first member."""
    config = config or DedupConfig()
    keys = [_key(entry) for entry in entries]
    matcher = _Matcher(keys, config)
    edges: list[Edge] = []
    for i, j in _candidates(keys, config):
        found = matcher.match(i, j)
        if found is not None:
            edges.append(Edge(i, j, found[0], found[1]))
    edges.sort(key=lambda e: (_SIGNAL_ORDER.get(e.signal, 9), -e.score, e.a, e.b))

    parent = list(range(len(entries)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(entries))}
    joined: dict[int, list[Edge]] = {i: [] for i in range(len(entries))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for edge in edges:
        ra, rb = find(edge.a), find(edge.b)
        if ra == rb:
            continue
        if not all(matcher.compatible(x, y) for x in members[ra] for y in members[rb]):
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        joined[ra].extend(joined.pop(rb))
        joined[ra].append(edge)

    clusters = [
        Cluster(tuple(sorted(group)), tuple(sorted(joined[root], key=lambda e: (e.a, e.b))))
        for root, group in members.items()
    ]
    clusters.sort(key=lambda c: c.members[0])
    return clusters


def duplicate_clusters(clusters: Iterable[Cluster]) -> list[Cluster]:
    """Only the clusters with two or more members."""
    return [c for c in clusters if len(c.members) > 1]


__all__ = [
    "Cluster",
    "DedupConfig",
    "Edge",
    "canonical_url",
    "cluster_entries",
    "content_words",
    "distinguishing_tokens",
    "duplicate_clusters",
    "is_truncation",
    "normalize_title",
    "title_segments",
]
