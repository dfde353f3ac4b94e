"""Is arXiv's record the same paper as a list's entry? One decision, with its evidence, for every caller.

The network rules, the link checker and `merge --arxiv` all ask it. Titles are compared word by word, each
word weighted by how rare it is among paper titles (inverse document frequency over the titles of the lists at
hand plus a built-in background of common title words), so sharing "deep neural networks" says little and
sharing "inverted residuals linear bottlenecks" says a lot. Words match when equal up to a plural, when they
are forms of one stem (`binary`/`binarized`, not `SqueezeDet`/`SqueezeNet`), when one letter of a common word
is missing, extra or swapped (a typo), when one title joins two words the other writes apart (`BinaryWeight`),
or when a title's last word is cut short. Titles are normalised first by the duplicate matcher's
`normalize_title` (mojibake, case, punctuation).

The title alone is `same` when the weighted share of matching words is high, or when one title is the other
with a nickname (`ResNeXt: ...`) or a subtitle left out; `different` when the titles share little of
weight; `mixed` in between (a renamed version, or a wrong id of a related paper). Then the other evidence
arXiv gives settles or shifts it: the authors (when the list names them: how many are on arXiv's record), the
year (an arXiv submission years after the list's year is suspect), and numbers that tell versions apart
(`Part I`/`Part II`, `V2`/`V3`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from awesome_lint.dedup import content_words, distinguishing_tokens, normalize_title, title_segments
from awesome_lint.text import title_word_shares as _background
from awesome_lint.text import word_stem as _stem

if TYPE_CHECKING:
    from awesome_lint.model import Document, Entry

__all__ = ["Claim", "Decision", "TitleWeights", "Verdict", "author_names", "same_paper", "title_weights"]

Decision = Literal["same", "mixed", "different"]

BACKGROUND_TITLES = 1000
"""The background word list counts as this many titles next to the titles of the lists at hand."""
SAME = 0.8
"""Weighted share of matching title words at which two titles name the same paper."""
DIFFERENT = 0.4
"""Weighted share below which two titles name different papers (between the two: mixed)."""
NEAR_IDENTICAL = 0.9
"""Titles this alike are the same paper whatever the authors say (a list's author text may be garbled)."""
RELATED = 0.25
"""Different titles by the same authors are only `mixed` (renamed beyond recognition) from this share up."""
DISTINCT_PART = 2 * math.log(100)
"""Weight a title part needs to name one paper on its own: two words each in about 1 of 100 titles."""
LATE_YEARS = 2
"""An arXiv record this many years after the list's year is suspect (preprints come before the venue)."""
_STEM_MIN = 4
_STEM_QUALITY = 0.8
# Endings that make another form of one word (binar-y / binar-ized, distill-ing / distill-ation); a name
# differing in its last letters (SqueezeDet / SqueezeNet) is another name.
_ENDINGS = frozenset(
    {"", "s", "e", "es", "ed", "er", "ers", "ing", "ings", "ion", "ions", "ation", "ations", "al", "ally", "ly"}
    | {"y", "ies", "ize", "ized", "izes", "izing", "ization", "ise", "ised", "ising", "isation", "ity", "ive"}
    | {"ness", "ment", "ments", "able", "ability", "or", "ors", "ic", "ical", "t", "ce", "cy"}
)
_TYPO_MIN = 6
_TYPO_QUALITY = 0.8


@dataclass(frozen=True, slots=True)
class Claim:
    """What a list says about a paper: its title and, when the list gives them, authors, year and nickname."""

    title: str
    authors: str | None = None
    year: int | None = None
    nickname: str | None = None

    @classmethod
    def of(cls, entry: Entry) -> Claim:
        """The claim a parsed list entry makes."""
        return cls(entry.title, entry.authors, entry.year, entry.nickname)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision, the title score behind it (0-100, rare words weighing more) and the evidence in words."""

    decision: Decision
    score: float
    evidence: tuple[str, ...] = field(default=())

    def explain(self) -> str:
        """The evidence as one clause for a message."""
        return "; ".join(self.evidence)


class TitleWeights:
    """How telling each title word is: inverse document frequency over titles plus the built-in background."""

    def __init__(self, titles: Iterable[str] = ()) -> None:
        """Count each distinct normalised title once (a paper cited by several lists is one title)."""
        counts: Counter[str] = Counter()
        distinct = {normalize_title(title) for title in titles}
        distinct.discard("")
        for norm in distinct:
            counts.update({_stem(word) for word in content_words(norm)})
        self._counts = counts
        self._titles = len(distinct) + BACKGROUND_TITLES
        self._cache: dict[str, float] = {}

    def weight(self, word: str) -> float:
        """log(titles / titles with the word); every word counts as seen at least once."""
        cached = self._cache.get(word)
        if cached is None:
            stem = _stem(word)
            seen = self._counts[stem] + _background().get(stem, 0.0) * BACKGROUND_TITLES
            cached = math.log((self._titles + 1) / (max(seen, 1.0) + 1))
            self._cache[word] = cached
        return cached

    def common(self, word: str) -> bool:
        """Whether a word is frequent enough in titles that a misspelling of it is no new word."""
        stem = _stem(word)
        return self._counts[stem] >= 3 or stem in _background()


def title_weights(documents: Iterable[Document]) -> TitleWeights:
    """Title word weights over the titles of every paper in the documents (the corpus of every title check)."""
    return TitleWeights(entry.title for doc in documents for entry in doc.entries if entry.kind == "paper")


@dataclass(frozen=True, slots=True)
class _Title:
    """A title as compared: its content words in order, which of them form a leading nickname, its segments."""

    words: tuple[str, ...]
    nickname: frozenset[int]
    segments: tuple[tuple[str, ...], ...]
    numbers: tuple[str, ...]


def _title(title: str, nickname: str | None = None) -> _Title:
    """Split a title into what the comparison needs; a list's own nickname field joins as a leading nickname."""
    norm = normalize_title(title)
    words = list(content_words(norm))
    segments = [tuple(content_words(seg)) for seg in title_segments(title)]
    segments = [seg for seg in segments if seg]
    nick: set[int] = set()
    raw_first = re.split(r"[:：]", title, maxsplit=1)[0].strip()
    if len(segments) > 1 and len(segments[0]) <= 2 and raw_first and " " not in raw_first:
        nick = set(range(len(segments[0])))
    if nickname:
        extra = list(content_words(normalize_title(nickname)))
        if extra and extra != words[: len(extra)]:
            nick = {i + len(extra) for i in nick} | set(range(len(extra)))
            words = extra + words
    return _Title(tuple(words), frozenset(nick), tuple(segments), distinguishing_tokens(norm))


def _quality(a: str, b: str, weights: TitleWeights) -> float:
    """How well two words match: 1 for the same word (up to a plural), less for two forms of a stem or a typo."""
    if a == b or _stem(a) == _stem(b):
        return 1.0
    if _word_forms(a, b):
        return _STEM_QUALITY
    if min(len(a), len(b)) >= _TYPO_MIN and abs(len(a) - len(b)) <= 1 and (weights.common(a) or weights.common(b)):
        from rapidfuzz.distance import OSA, Indel

        if Indel.distance(a, b) <= 1 or (OSA.distance(a, b) == 1 and sorted(a) == sorted(b)):
            return _TYPO_QUALITY
    return 0.0


def _word_forms(a: str, b: str) -> bool:
    """Whether two words are forms of one stem of at least _STEM_MIN letters (`binary` / `binarized`)."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return any(a[k:] in _ENDINGS and b[k:] in _ENDINGS for k in range(common, _STEM_MIN - 1, -1))


def _align(a: Sequence[str], b: Sequence[str], weights: TitleWeights) -> tuple[list[float], list[float]]:
    """Match quality (0-1) of each word of a and of b: best pairs first, each word used once; a word one title
    writes as two (`binaryweight` / `binary weight`) matches both, and so does a last word cut short."""
    qa = [0.0] * len(a)
    qb = [0.0] * len(b)
    pairs = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            q = _quality(x, y, weights)
            if q > 0:
                pairs.append((-q, abs(i / max(len(a), 1) - j / max(len(b), 1)), i, j))
    pairs.sort()
    for neg_q, _distance, i, j in pairs:
        if qa[i] == 0 and qb[j] == 0:
            qa[i] = qb[j] = -neg_q
    for one, other, q_one, q_other in ((a, b, qa, qb), (b, a, qb, qa)):
        for i, word in enumerate(one):
            if q_one[i]:
                continue
            for j in range(len(other) - 1):
                if not q_other[j] and not q_other[j + 1] and other[j] + other[j + 1] == word:
                    q_one[i] = q_other[j] = q_other[j + 1] = 1.0
                    break
        last = len(one) - 1
        if one and not q_one[last] and len(one[last]) >= _STEM_MIN:  # a title cut off mid-word (`Learnin`)
            cut = next((k for k, w in enumerate(other) if not q_other[k] and w.startswith(one[last])), None)
            if cut is not None:
                q_one[last] = q_other[cut] = _STEM_QUALITY
    return qa, qb


@dataclass(frozen=True, slots=True)
class _TitleScore:
    """Weighted share of matching words (with and without a one-sided nickname) and a dropped-part match."""

    share: float
    without_nickname: float
    part: str | None


def _share(
    a: _Title, b: _Title, qa: list[float], qb: list[float], weights: TitleWeights, drop: tuple[bool, bool]
) -> float:
    """(matched weight of both) / (weight of both), leaving out the unmatched nickname words of a side in `drop`."""
    matched = total = 0.0
    for title, quality, skip in ((a, qa, drop[0]), (b, qb, drop[1])):
        for i, word in enumerate(title.words):
            if skip and i in title.nickname and not quality[i]:
                continue
            w = weights.weight(word)
            total += w
            matched += w * quality[i]
    return matched / total if total else 0.0


def _core(title: _Title) -> tuple[str, ...]:
    """A title's words without its leading nickname."""
    return tuple(w for i, w in enumerate(title.words) if i not in title.nickname)


def _dropped_part(a: _Title, b: _Title, weights: TitleWeights) -> str | None:
    """The shorter title's words (nickname aside) when the longer title is them plus a nickname, plus a subtitle
    (they are one of its segments), or cut short (they are its start and carry most of its weight), and they
    weigh enough to name a paper on their own; else None."""
    for short_title, long_title in ((a, b), (b, a)):
        longs = (long_title.words, _core(long_title))
        for short in dict.fromkeys((short_title.words, _core(short_title))):
            n = len(short)
            if n < 2 or n >= len(long_title.words) or _weight(short, weights) < DISTINCT_PART:
                continue
            if any(_equal(short, seq, weights) for seq in (*long_title.segments, *longs)):
                return " ".join(short)
            for seq in longs:
                if _equal(short, seq[:n], weights) and 2 * _weight(short, weights) >= _weight(seq, weights):
                    return " ".join(short)
    return None


def _equal(a: Sequence[str], b: Sequence[str], weights: TitleWeights) -> bool:
    """Word by word the same (up to plurals)."""
    return len(a) == len(b) and all(_quality(x, y, weights) >= 1.0 for x, y in zip(a, b, strict=True))


def _weight(words: Iterable[str], weights: TitleWeights) -> float:
    return sum(weights.weight(w) for w in words)


def _title_score(a: _Title, b: _Title, weights: TitleWeights) -> _TitleScore:
    qa, qb = _align(a.words, b.words, weights)
    share = _share(a, b, qa, qb, weights, (False, False))
    drop = (bool(a.nickname) and not b.nickname, bool(b.nickname) and not a.nickname)
    without = _share(a, b, qa, qb, weights, drop) if any(drop) else share
    return _TitleScore(share, without, _dropped_part(a, b, weights))


# authors


_ET_AL = re.compile(r"\bet\.?\s+al\b\.?", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    """Lower case without accents (`Dollár` -> `dollar`)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _name_words(text: str) -> set[str]:
    return {w for w in _LETTERS.findall(_fold(text)) if len(w) > 1}


def author_names(listed: str) -> tuple[str, ...]:
    """The names in a list's author text (`Song Han, Jeff Pool and W. Dally et al.` -> three names)."""
    parts = (part.strip(" .") for part in _NAME_SEPARATORS.split(_ET_AL.sub("", listed)))
    return tuple(part for part in parts if _name_words(part))


def _authors(listed: str, record: Sequence[str]) -> tuple[str | None, str | None]:
    """("agree" / "disagree" / None, the evidence): how many of the names a list gives are on arXiv's record."""
    pieces = [_name_words(name) for name in author_names(listed)]
    surnames = set()
    for name in record:
        words = [w for w in _LETTERS.findall(_fold(name)) if len(w) > 1]
        if words:
            surnames.add(words[-1])
    if not pieces or not surnames:
        return None, None
    found = sum(1 for words in pieces if words & surnames)
    if found == 0:
        return "disagree", "none of the authors the list names is on arXiv's record"
    if 2 * found >= len(pieces):
        return "agree", f"{found} of the {len(pieces)} author names the list gives are on arXiv's record"
    return None, f"only {found} of the {len(pieces)} author names the list gives are on arXiv's record"


# the decision


def same_paper(
    claim: Claim,
    title: str,
    authors: Sequence[str] = (),
    year: int | None = None,
    weights: TitleWeights | None = None,
) -> Verdict:
    """Whether arXiv's record (its title, authors and year) is the paper the list's claim names."""
    weights = weights or TitleWeights([claim.title, title])
    ours, theirs = _title(claim.title, claim.nickname), _title(title)
    if not ours.words or not theirs.words:
        return Verdict("mixed", 0.0, ("a title has no words to compare",))
    scored = _title_score(ours, theirs, weights)
    best = max(scored.share, scored.without_nickname)
    score = round(100 * best, 1)
    evidence: list[str] = []
    if scored.share >= SAME:
        decision: Decision = "same"
        evidence.append(f"titles agree ({score:g}/100)")
    elif scored.without_nickname >= SAME:
        decision = "same"
        evidence.append(f"titles agree but for a nickname only one gives ({score:g}/100)")
    elif scored.part is not None:
        decision = "same"
        evidence.append(f'one title is the other with a part left out ("{scored.part}")')
    elif best >= DIFFERENT:
        decision = "mixed"
        evidence.append(f"titles share some telling words ({score:g}/100)")
    else:
        decision = "different"
        evidence.append(f"titles share little ({score:g}/100)")
    if ours.numbers and theirs.numbers and ours.numbers != theirs.numbers:
        evidence.append(f"numbers differ ({' '.join(ours.numbers)} / {' '.join(theirs.numbers)})")
        decision = "mixed" if decision == "same" else "different"
    agreement, said = _authors(claim.authors, authors) if claim.authors else (None, None)
    if said:
        evidence.append(said)
    late = claim.year is not None and year is not None and year - claim.year >= LATE_YEARS
    if late:
        evidence.append(f"arXiv's record is from {year}, the list says {claim.year}")
    return Verdict(_settle(decision, best, agreement, late), score, tuple(evidence))


def _settle(title: Decision, share: float, authors: str | None, late: bool) -> Decision:
    """The title's decision shifted by the authors ("agree", "disagree" or None) and a suspect year."""
    if title == "same":
        return "mixed" if authors == "disagree" and share < NEAR_IDENTICAL else "same"
    if title == "mixed":
        if authors == "disagree" or late:
            return "different"
        return "same" if authors == "agree" else "mixed"
    return "mixed" if authors == "agree" and share >= RELATED and not late else "different"
