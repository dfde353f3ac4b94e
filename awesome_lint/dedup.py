"""Duplicate-paper matching: title normalisation, candidate blocking, pair scoring and safe clustering.

Signals, strongest first: the same arXiv id, the same DOI or canonical paper URL, and title similarity
(rapidfuzz on a normalised title, with subtitle and truncation rules). Tokens that tell papers apart
(numbers, versions, Roman numerals) must agree, and two clusters only merge when every cross pair is
compatible, so a chain A~B~C never joins A with a C that is clearly different. A title that is no evidence
(a venue name, a generic word such as "paper", or a single word) is never compared.

Cost stays near-linear in the number of entries: copies are grouped (one group per exact normalised title,
arXiv id or URL) before anything is compared, fuzzy blocking runs on distinct titles only, and clusters are
built from those groups without listing every pair of copies.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise
from typing import NamedTuple, Protocol, TypeVar

from awesome_lint.regex import lazy_compile
from awesome_lint.text import repair_mojibake
from awesome_lint.urls import canonical_url

T = TypeVar("T")

_NON_WORD = lazy_compile(r"[^\w]+")
_SEGMENTS = lazy_compile(r"\s*[:：]\s+|\s*[:：](?=[A-Z])|\s+[-–—]\s+")
_SEGMENT_MARKS = ":：-–—"
"""Every character `_SEGMENTS` needs: a title with none of them is one segment."""
_DIGITS = lazy_compile(r"\d+")
_NUMBER_WORD = lazy_compile(r"\d+(?:v\d+)?")
_YEAR_WORD = lazy_compile(r"(?:19|20)\d\d")
_ROMAN = {"ii", "iii", "iv", "vi", "vii", "viii", "ix"}
_NUMERAL_WORDS = frozenset({*_ROMAN, "i", "v"})
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
_PREPRINTS = frozenset(("arxiv", "corr"))
# Words that name a link or a kind of page rather than a paper: a title made of them says nothing.
_GENERIC_WORDS = frozenset(
    "paper papers pdf code codes link links arxiv github gitlab project page website homepage slides slide video "  # noqa: SIM905
    "blog openreview official implementation here demo poster supplementary bibtex doi url repo".split()
)
# Publishers: a short title that starts with one names a journal ("IEEE Access", "ACM Computing Surveys").
_PUBLISHERS = frozenset("ieee acm mdpi springer elsevier iet siam".split())  # noqa: SIM905
# Words a venue name may carry besides the name itself ("IEEE CVPR Workshops", "Proceedings of ICML").
_VENUE_EXTRAS = _PUBLISHERS | frozenset(
    "proceedings proc conference conf international intl journal transactions trans workshop workshops "  # noqa: SIM905
    "symposium annual the of on in w preprint findings".split()
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
    """Title tokens in more distinct titles than this are too common to block on, and blocks of more
    distinct titles are not used."""
    compare_max: int = 10
    """A title is compared with at most this many other titles cited with the same arXiv id or URL, and an
    entry joining a cluster with at most this many of its distinct entries (the earliest ones)."""


class Edge(NamedTuple):
    """Why two entries were joined: indices into the input, the signal and its score."""

    a: int
    b: int
    signal: str
    score: float


class Cluster(NamedTuple):
    """Entries that cite one paper (sorted indices into the input) and the edges that joined them."""

    members: tuple[int, ...]
    edges: tuple[Edge, ...]


class _Link(Protocol):
    """What the matcher reads of a link: its URL and role."""

    @property
    def url(self) -> str: ...
    @property
    def role(self) -> str: ...


class Citation(Protocol):
    """What the matcher reads of a paper: a parsed `Entry`, or the merge's slimmer record of one."""

    @property
    def title(self) -> str: ...
    @property
    def arxiv_id(self) -> str | None: ...
    @property
    def venue(self) -> str | None: ...
    @property
    def links(self) -> Sequence[_Link]: ...


class _Key(NamedTuple):
    """What the matcher needs of one entry, computed once; entries with equal keys are interchangeable."""

    norm: str
    segments: tuple[str, ...]
    numbers: tuple[str, ...]
    arxiv: str | None
    urls: frozenset[str]
    evidence: bool
    """Whether the title may be compared at all (see `is_title_evidence`)."""
    venue: str | None = None
    """The venue's short name, None for a preprint server or none given (see `_published_at`)."""


@lru_cache(maxsize=65536)
def normalize_title(title: str) -> str:
    """NFKC, mojibake repaired, case-folded, Markdown and punctuation removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", repair_mojibake(title)).casefold()
    return " ".join(_NON_WORD.sub(" ", text).replace("_", " ").split())


def content_words(normalized: str) -> tuple[str, ...]:
    """The words of a normalised title that carry meaning (stopwords dropped), each once, in order."""
    return tuple(dict.fromkeys(w for w in normalized.split() if w not in _STOPWORDS))


@lru_cache(maxsize=65536)
def title_segments(title: str) -> tuple[str, ...]:
    """The normalised parts of a title split at colons and spaced dashes (`Name: Subtitle - Remark`)."""
    if not any(mark in title for mark in _SEGMENT_MARKS):  # one part: skip the pattern's scan of every position
        norm = normalize_title(title)
        return (norm,) if norm else ()
    return tuple(seg for seg in (normalize_title(p) for p in _SEGMENTS.split(title)) if seg)


def distinguishing_tokens(normalized: str) -> tuple[str, ...]:
    """Numbers and Roman numerals that tell papers apart (V2, 8-bit, Part II), sorted."""
    words = normalized.split()
    found = _DIGITS.findall(normalized)
    if not _NUMERAL_WORDS.isdisjoint(words):
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


def _is_venue_name(words: list[str]) -> bool:
    """True when the words name a venue and nothing else (`cvpr`, `ieee cvpr workshops`, `acm mm`)."""
    from awesome_lint.parse.venues import venue_from_citation

    if venue_from_citation(" ".join(words)) is None:
        return False
    # Every word the venue does not need (its match survives without it) must be a venue's usual extra.
    return all(
        word in _VENUE_EXTRAS or venue_from_citation(" ".join(words[:i] + words[i + 1 :])) is None
        for i, word in enumerate(words)
    )


@lru_cache(maxsize=65536)
def is_title_evidence(normalized: str) -> bool:
    """Whether a normalised title can show that two entries cite one paper: at least two words besides
    generic ones ("paper", "code", "pdf", ...) and numbers, and not a venue or journal name."""
    return len(_content(normalized)) >= 2 and not names_nothing(normalized)


@lru_cache(maxsize=65536)
def names_nothing(normalized: str) -> bool:
    """Whether a normalised title is no paper's name: empty, only generic words and numbers ("paper", "code
    2"), a venue's or journal's name ("cvpr", "ieee access"), or a short name and a year, the way a venue is
    cited ("wise 2022"). A single telling word ("thinet") names one."""
    content = _content(normalized)
    if not content or (content[0] in _PUBLISHERS and len(content) <= 6):
        return True
    words = normalized.split()
    if len(words) <= 4 and _YEAR_WORD.fullmatch(words[-1]):
        return True
    # A venue's name has at most four words besides its usual extras ("computer vision and pattern
    # recognition"); longer titles are not looked up, which keeps the check cheap.
    if sum(w not in _VENUE_EXTRAS for w in content) > 4:
        return False
    return _is_venue_name([w for w in normalized.split() if not _NUMBER_WORD.fullmatch(w)])


@lru_cache(maxsize=65536)
def _content(normalized: str) -> tuple[str, ...]:
    """The words of a normalised title besides numbers, generic words and stopwords."""
    return tuple(
        w
        for w in normalized.split()
        if w not in _GENERIC_WORDS
        and w not in _STOPWORDS
        and not (w[0].isdecimal() and _NUMBER_WORD.fullmatch(w))  # a number starts with a digit
    )


_SIGNAL_ORDER = {"arxiv-id": 0, "doi": 1, "url": 1, "title": 2, "title-truncated": 3, "subtitle": 4}


@lru_cache(maxsize=4096)
def _published_at(venue: str | None) -> str | None:
    """The short name of the venue a paper was published at (`NeurIPS` and `NIPS` alike); None for none or a
    preprint server, which any venue may follow."""
    from awesome_lint.parse.venues import venue_from_citation, venue_identity

    if not venue:
        return None
    name = venue_identity(venue_from_citation(venue) or " ".join(venue.split()))
    return None if name.casefold() in _PREPRINTS else name


def _key(entry: Citation) -> _Key:
    """The matcher's view of one entry."""
    norm = normalize_title(entry.title)
    evidence = is_title_evidence(norm)
    urls = frozenset(
        key
        for link in entry.links
        if link.role == "paper" and link.url
        for key in (canonical_url(link.url),)
        if key and not key.startswith("arxiv:")
    )
    return _Key(
        norm,
        title_segments(entry.title) if evidence else (),
        distinguishing_tokens(norm),
        entry.arxiv_id,
        urls,
        evidence,
        _published_at(entry.venue),
    )


class _Matcher:
    """Scores pairs of keys; every decision is a pure function of the two keys and the config."""

    def __init__(self, config: DedupConfig) -> None:
        from rapidfuzz import fuzz

        self.config = config
        self.ratio = fuzz.ratio
        self.token_set_ratio = fuzz.token_set_ratio

    def match(self, a: _Key, b: _Key) -> tuple[str, float] | None:
        """The strongest signal that entries with keys a and b cite the same paper, or None."""
        cfg = self.config
        compared = a.evidence and b.evidence
        if a.arxiv and b.arxiv:
            if a.arxiv != b.arxiv:
                return None
            score = self.token_set_ratio(a.norm, b.norm)
            return ("arxiv-id", round(score, 1)) if score >= cfg.id_title_threshold or not compared else None
        shared = a.urls & b.urls
        if shared:
            score = self.token_set_ratio(a.norm, b.norm)
            if score >= cfg.url_title_threshold or not compared:
                return _url_signal(shared), round(score, 1)
        return None if _venues_differ(a, b) else self.title_match(a, b)

    def title_match(self, a: _Key, b: _Key) -> tuple[str, float] | None:
        """Title-only evidence: near-identical titles, a truncated title, or a shared subtitle."""
        cfg = self.config
        if not (a.evidence and b.evidence and a.norm and b.norm):
            return None
        if a.numbers == b.numbers:
            score = self.ratio(a.norm, b.norm, score_cutoff=cfg.title_threshold)
            if score >= cfg.title_threshold:
                return "title", round(score, 1)
            short, long = (a.norm, b.norm) if len(a.norm) <= len(b.norm) else (b.norm, a.norm)
            if long.startswith(short) and is_truncation(short, long, cfg):
                return "title-truncated", round(100 * len(short) / len(long), 1)
        elif a.numbers and b.numbers:
            return None
        common = [seg for seg in a.segments if seg in b.segments and len(seg.split()) >= cfg.segment_min_words]
        if not common:
            return None
        best = max(common, key=len)
        if a.numbers != b.numbers and (distinguishing_tokens(best) or self._renamed_version(a, b, best)):
            return None
        score = 100 * len(best) / max(len(a.norm), len(b.norm))
        return "subtitle", round(score, 1)

    def _renamed_version(self, a: _Key, b: _Key, shared: str) -> bool:
        """True when the parts outside a shared subtitle are one name in two versions (ShuffleNet / V2)."""
        rest_a = [_DIGITS.sub("", seg) for seg in a.segments if seg != shared]
        rest_b = [_DIGITS.sub("", seg) for seg in b.segments if seg != shared]
        return any(self.ratio(x, y) >= self.config.compatible_threshold for x in rest_a for y in rest_b)

    def compatible(self, a: _Key, b: _Key) -> bool:
        """Whether a and b may stand in one cluster: no conflicting ids and titles that do not disagree
        (a title that is no evidence disagrees with nothing)."""
        if a.arxiv and b.arxiv:
            return a.arxiv == b.arxiv and self.match(a, b) is not None
        if not (a.evidence and b.evidence) or self.match(a, b) is not None:
            return True
        return (
            a.numbers == b.numbers
            and not _venues_differ(a, b)
            and self.ratio(a.norm, b.norm) >= self.config.compatible_threshold
        )


def _venues_differ(a: _Key, b: _Key) -> bool:
    """Two different titles published at two different venues: similar titles alone do not make them one paper
    (`PTQD: Accurate Post-Training Quantization for Diffusion Models` at NeurIPS and `Towards Accurate
    Post-training Quantization for Diffusion Models` at CVPR)."""
    return a.venue is not None and b.venue is not None and a.venue != b.venue and a.norm != b.norm


def _url_signal(shared: frozenset[str]) -> str:
    """`doi` when a shared URL key is a DOI, else `url`."""
    return "doi" if any(k.startswith("doi:") for k in shared) else "url"


class _Group:
    """Entries (sorted indices) on one side of a block, and how many of them each cluster holds."""

    __slots__ = ("members", "roots")

    def __init__(self) -> None:
        self.members: list[int] = []
        self.roots: dict[int, int] = {}


class _Split:
    """Entries of one kind split into those without an arXiv id and those with one."""

    __slots__ = ("ids", "none")

    def __init__(self) -> None:
        self.none = _Group()
        self.ids = _Group()

    def add(self, index: int, key: _Key) -> None:
        (self.ids if key.arxiv else self.none).members.append(index)

    @classmethod
    def of(cls, members: list[int], classes: list[int], keys: list[_Key]) -> _Split:
        """The split of entries (sorted indices)."""
        split = cls()
        for member in members:
            split.add(member, keys[classes[member]])
        return split


def _shared(pairs: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    """Entry indices by key, for the keys that two or more entries share."""
    first: dict[str, int] = {}
    shared: dict[str, list[int]] = {}
    for key, index in pairs:
        if key in shared:
            shared[key].append(index)
        elif key in first:
            shared[key] = [first[key], index]
        else:
            first[key] = index
    return shared


G = TypeVar("G", _Group, _Split)


def _by_norm(members: list[int], classes: list[int], keys: list[_Key], kind: type[G]) -> dict[str, G]:
    """Entries (sorted indices) grouped by normalised title, in order of first appearance."""
    groups: dict[str, G] = {}
    for member in members:
        key = keys[classes[member]]
        group = groups.get(key.norm)
        if group is None:
            group = groups[key.norm] = kind()
        if isinstance(group, _Split):
            group.add(member, key)
        else:
            group.members.append(member)
    return groups


# A block: every pair (a, b) with a in the first group and b in the second (or both in the first when the
# second is None) is an edge with the block's signal and score. A "url" block's signal is decided per pair.
_Block = tuple[str, float, _Group, "_Group | None"]


class _Blocks:
    """Edge blocks by level (signal order, score): what each pair of copies would score, listed once."""

    def __init__(self, matcher: _Matcher) -> None:
        self.matcher = matcher
        self.levels: dict[tuple[int, float], list[_Block]] = defaultdict(list)

    def add(self, signal: str, score: float, first: _Group, second: _Group | None = None) -> None:
        """An edge block; empty groups are left out."""
        if first.members and (second is None or second.members):
            self.levels[(_SIGNAL_ORDER[signal], -score)].append((signal, score, first, second))

    def add_split(self, signal: str, score: float, first: _Split, second: _Split | None) -> None:
        """Blocks for the pairs of two splits that are not both cited with an arXiv id (those pairs are
        decided by their ids); `second` None means pairs within `first`."""
        if second is None:
            self.add(signal, score, first.none)
            self.add(signal, score, first.none, first.ids)
        else:
            self.add(signal, score, first.none, second.none)
            self.add(signal, score, first.none, second.ids)
            self.add(signal, score, first.ids, second.none)

    def by_title_agreement(
        self, groups: Mapping[str, T], threshold: float, cap: int
    ) -> Iterator[tuple[T, T | None, float]]:
        """Pairs of distinct normalised titles in one id or URL group (each compared with at most `cap`
        earlier ones) whose `token_set_ratio` reaches `threshold` or that cannot be compared."""
        norms = list(groups)
        for i, norm in enumerate(norms):
            for other in [*norms[: min(i, cap)], norm]:
                score = self.matcher.token_set_ratio(other, norm)
                if score >= threshold or not (is_title_evidence(norm) and is_title_evidence(other)):
                    yield groups[other], groups[norm] if other != norm else None, round(score, 1)


def _title_blocks(key: _Key, frequency: Mapping[str, int], config: DedupConfig) -> set[tuple[str, ...]]:
    """The blocks of a title: each pair of its rarest tokens and its prefix, with its distinguishing numbers
    (title and truncation matches need equal numbers), and each long subtitle."""
    words = key.norm.split()
    block_max = config.block_max
    tokens = sorted({w for w in words if w not in _STOPWORDS and frequency[w] <= block_max})
    rare = sorted(tokens, key=frequency.__getitem__)[: config.block_tokens]  # by frequency, then alphabetically
    numbers = " ".join(key.numbers)
    own: set[tuple[str, ...]]
    if len(rare) == 1:
        own = {("tok", numbers, rare[0])}
    else:
        own = {("tok", numbers, x, y) if x < y else ("tok", numbers, y, x) for x, y in combinations(rare, 2)}
    min_words = config.segment_min_words
    own.add(("pre", numbers, " ".join(words[:min_words])))
    # A segment is normalised (single spaces), so its words are one more than its spaces.
    own.update(("seg", seg) for seg in key.segments if seg.count(" ") >= min_words - 1)
    return own


def _shared_blocks(titles: list[_Key], config: DedupConfig) -> dict[tuple[str, ...], list[int]]:
    """Blocks of two or more titles (sorted indices), found by sorting every title's block hashes, so that
    blocks of one title only (most of them) are never stored."""
    frequency: dict[str, int] = defaultdict(int)
    for norm in dict.fromkeys(key.norm for key in titles):
        for token in dict.fromkeys(w for w in norm.split() if w not in _STOPWORDS):
            frequency[token] += 1
    hashes = array("q")
    ends = array("q")  # where each title's hashes end
    for key in titles:
        hashes.extend(map(hash, _title_blocks(key, frequency, config)))
        ends.append(len(hashes))
    ordered = sorted(hashes)
    wanted = {h for h, following in pairwise(ordered) if h == following}  # hashes held twice or more
    del ordered
    # The blocks of each title holding such a hash are made again, in index order, to tell equal blocks from
    # equal hashes.
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    start = 0
    for index, end in enumerate(ends):
        if not wanted.isdisjoint(hashes[start:end]):
            for block in _title_blocks(titles[index], frequency, config):
                if hash(block) in wanted:
                    found[block].append(index)
        start = end
    return {block: members for block, members in found.items() if len(members) > 1}


def _title_candidates(titles: list[_Key], config: DedupConfig) -> Iterator[tuple[int, list[int]]]:
    """Each title x with the later titles y worth scoring against it (sorted): sharing a pair of rare tokens
    or a title prefix with the same distinguishing numbers, or a subtitle with numbers that do not conflict."""
    shared = _shared_blocks(titles, config)
    blocks_of: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    subtitles: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = {}
    for block, members in shared.items():
        if len(members) > config.block_max:
            continue
        if block[0] == "seg":  # a subtitle match also joins a title without numbers to one with them
            subtitles[block] = defaultdict(list)
            for member in members:
                subtitles[block][titles[member].numbers].append(member)
        for member in members:
            blocks_of[member].append(block)
    for index in sorted(blocks_of):
        numbers = titles[index].numbers
        near: set[int] = set()
        for block in blocks_of[index]:
            if block[0] != "seg":
                lists = [shared[block]]
            elif numbers:
                lists = [subtitles[block].get(numbers, []), subtitles[block].get((), [])]
            else:
                lists = list(subtitles[block].values())
            for members in lists:
                near.update(members[bisect_right(members, index) :])
        yield index, sorted(near)


class _Forest:
    """Clusters of entries (union-find) that only join when no two arXiv ids differ and every pair across
    them is compatible (across their `compare_max` earliest distinct entries, in larger clusters)."""

    def __init__(self, classes: list[int], keys: list[_Key], matcher: _Matcher) -> None:
        size = len(classes)
        self.limit = matcher.config.compare_max
        self.classes = classes
        self.keys = keys
        self.matcher = matcher
        self.parent = list(range(size))
        self.members: list[list[int] | None] = [None] * size
        self.sample: list[list[int] | None] = [None] * size
        self.arxiv = [keys[c].arxiv for c in classes]
        self.edges: list[list[Edge] | None] = [None] * size
        self.groups_of: dict[int, list[_Group]] = defaultdict(list)
        self._compatible: dict[tuple[int, int], bool] = {}

    def track(self, group: _Group) -> None:
        """Count the group's members per cluster from now on (call before any join)."""
        if not group.roots:
            group.roots = dict.fromkeys(group.members, 1)
            for member in group.members:
                self.groups_of[member].append(group)

    def find(self, x: int) -> int:
        """The root of x's cluster (with path halving)."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def compatible(self, x: int, y: int) -> bool:
        """Whether two entry classes may share a cluster (cached)."""
        pair = (x, y) if x < y else (y, x)
        cached = self._compatible.get(pair)
        if cached is None:
            cached = self._compatible[pair] = self.matcher.compatible(self.keys[x], self.keys[y])
        return cached

    def join(self, a: int, b: int, signal: str, score: float) -> None:
        """Merge the clusters of a and b through edge (a, b) when every pair across them is compatible."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.arxiv[ra] and self.arxiv[rb] and self.arxiv[ra] != self.arxiv[rb]:
            return
        sample_a = self.sample[ra] or [self.classes[ra]]
        sample_b = self.sample[rb] or [self.classes[rb]]
        if not all(self.compatible(x, y) for x in sample_a for y in sample_b):
            return
        members_a = self.members[ra] or [ra]
        members_b = self.members[rb] or [rb]
        if len(members_a) < len(members_b):
            ra, rb, members_a, members_b = rb, ra, members_b, members_a
        self.parent[rb] = ra
        for member in members_b:
            for group in self.groups_of.get(member, ()):
                left = group.roots[rb] - 1
                if left:
                    group.roots[rb] = left
                else:
                    del group.roots[rb]
                group.roots[ra] = group.roots.get(ra, 0) + 1
        members_a.extend(members_b)
        self.members[ra] = members_a
        self.sample[ra] = sorted({*sample_a, *sample_b})[: self.limit]
        self.arxiv[ra] = self.arxiv[ra] or self.arxiv[rb]
        edges = self.edges[ra] or []
        edges.extend(self.edges[rb] or ())
        edges.append(Edge(a, b, signal, score) if signal != "url" else Edge(a, b, self._url_signal(a, b), score))
        self.edges[ra] = edges
        self.members[rb] = self.sample[rb] = self.edges[rb] = None

    def _url_signal(self, a: int, b: int) -> str:
        """`doi` or `url`: what entries a and b share."""
        return _url_signal(self.keys[self.classes[a]].urls & self.keys[self.classes[b]].urls)

    def firsts(self, group: _Group, after: int = -1) -> list[int]:
        """The first member after `after` of each cluster that holds members of the group."""
        members = group.members
        start = bisect_right(members, after)
        if len(group.roots) == 1:
            return members[start : start + 1]
        seen: dict[int, int] = {}
        for member in members[start:]:
            seen.setdefault(self.find(member), member)
            if len(seen) == len(group.roots):
                break
        return list(seen.values())

    def run_level(self, blocks: list[_Block]) -> None:
        """Process one level's edges in (a, b) order, skipping every edge whose outcome is already decided:
        within a cluster, or between two clusters that an earlier edge joined or found incompatible."""
        starts: list[tuple[int, int, int]] = []
        for number, (_signal, _score, first, second) in enumerate(blocks):
            if len(first.roots) == 1 and (second is None or second.roots.keys() == first.roots.keys()):
                continue  # every pair of the block is already in one cluster
            starts.extend((a, number, 0) for a in self.firsts(first))
            if second is not None:
                starts.extend((a, number, 1) for a in self.firsts(second))
        starts.sort()
        done: set[tuple[int, int, int]] = set()
        find = self.find
        position = 0
        while position < len(starts):
            a = starts[position][0]
            events: list[tuple[int, int]] = []
            while position < len(starts) and starts[position][0] == a:
                _a, number, side = starts[position]
                position += 1
                seen = (number, side, find(a))
                if seen in done:
                    continue  # an earlier member of a's cluster on this side already took these edges
                done.add(seen)
                _signal, _score, first, second = blocks[number]
                other = first if second is None else (second if side == 0 else first)
                events.extend((b, number) for b in self.firsts(other, a))
            events.sort()
            for b, number in events:
                if find(a) != find(b):
                    self.join(a, b, blocks[number][0], blocks[number][1])


def cluster_entries(entries: Sequence[Citation], config: DedupConfig | None = None) -> list[Cluster]:
    """Partition papers into clusters of the same paper (singletons included), ordered by first member."""
    config = config or DedupConfig()
    matcher = _Matcher(config)
    class_of: dict[_Key, int] = {}
    classes = [class_of.setdefault(_key(entry), len(class_of)) for entry in entries]
    keys = list(class_of)

    by_id: dict[str, list[int]] = _shared((arxiv, i) for i, c in enumerate(classes) if (arxiv := keys[c].arxiv))
    by_url = _shared((url, i) for i, c in enumerate(classes) for url in keys[c].urls)
    evident = [(i, keys[c]) for i, c in enumerate(classes) if keys[c].evidence]
    by_norm = _shared((key.norm, i) for i, key in evident)
    by_title: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for index, key in evident:
        by_title[key.norm, key.segments].append(index)

    blocks = _Blocks(matcher)
    for members in by_id.values():
        groups = _by_norm(members, classes, keys, _Group)
        for first, second, score in blocks.by_title_agreement(groups, config.id_title_threshold, config.compare_max):
            blocks.add("arxiv-id", score, first, second)
    for members in by_url.values():
        norm_splits = _by_norm(members, classes, keys, _Split)
        for one, two, score in blocks.by_title_agreement(norm_splits, config.url_title_threshold, config.compare_max):
            blocks.add_split("url", score, one, two)
    if config.title_threshold <= 100:
        for members in by_norm.values():
            blocks.add_split("title", 100.0, _Split.of(members, classes, keys), None)
    titles = list(by_title.values())
    title_keys = [keys[classes[members[0]]] for members in titles]
    splits: dict[int, _Split] = {}
    for x, near in _title_candidates(title_keys, config):
        for y in near:
            if title_keys[x].norm == title_keys[y].norm:
                continue  # paired through `by_norm` above
            found = matcher.title_match(title_keys[x], title_keys[y])
            if found is not None:
                for t in (x, y):
                    if t not in splits:
                        splits[t] = _Split.of(titles[t], classes, keys)
                blocks.add_split(found[0], found[1], splits[x], splits[y])

    forest = _Forest(classes, keys, matcher)
    for level in blocks.levels.values():
        for _signal, _score, first, second in level:
            forest.track(first)
            if second is not None:
                forest.track(second)
    for level_key in sorted(blocks.levels):
        forest.run_level(blocks.levels[level_key])

    clusters = [
        Cluster(
            tuple(sorted(forest.members[root] or [root])),
            tuple(sorted(forest.edges[root] or (), key=lambda e: (e.a, e.b))),
        )
        for root in range(len(entries))
        if forest.parent[root] == root
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
    "is_title_evidence",
    "is_truncation",
    "names_nothing",
    "normalize_title",
    "title_segments",
]
