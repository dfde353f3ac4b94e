"""Field resolution: one output entry (title, link, venue, year, authors, code) from a cluster of input papers."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from awesome_lint.arxiv_id import canonical_url as arxiv_url
from awesome_lint.arxiv_id import submission_year
from awesome_lint.dedup import Cluster, is_truncation, normalize_title
from awesome_lint.merge.authors import best_authors
from awesome_lint.merge.placement import Vote, place
from awesome_lint.merge.taxonomy import Taxonomy, TopicSource
from awesome_lint.parse.venues import venue_identity
from awesome_lint.text import repair_mojibake, starts_with_name
from awesome_lint.title_match import Claim, TitleWeights, Verdict, same_paper
from awesome_lint.urls import canonical_url, upgrade_https

if TYPE_CHECKING:
    from awesome_lint.merge.inputs import PaperItem

_ARXIV = "arxiv"
_QUALIFIER = re.compile(r"\s+workshops?$", re.IGNORECASE)
_FIELDS = ("title", "authors", "year")
SEARCH_URL = "https://scholar.google.com/scholar?q="
"""Where a paper that no source links is looked up (its title is the query)."""


@dataclass(frozen=True, slots=True)
class Paper:
    """One input paper, where it came from, and the topic its upstream list files it under (if any)."""

    entry: PaperItem
    path: str
    topic: str | None
    topic_source: TopicSource
    merged: bool = False


@dataclass(frozen=True, slots=True)
class Resolved:
    """One output entry: resolved fields and the papers it stands for."""

    title: str
    url: str
    arxiv_id: str | None
    authors: str | None
    venue: str | None
    year: int | None
    code: tuple[str, ...]
    topic: str
    members: tuple[int, ...]
    joined_by: tuple[tuple[str, float] | None, ...]
    notes: tuple[str, ...] = ()
    topic_reason: str = ""
    arxiv_match: ArxivMatch | None = None


@dataclass(frozen=True, slots=True)
class Listed:
    """The title, authors and year the lists give an entry (before `merge --arxiv`)."""

    title: str
    authors: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class ArxivMatch:
    """What `merge --arxiv` made of arXiv's record for an entry: title_match's verdict on it, arXiv's title, what
    the lists give, and what the merged list writes (arXiv's fields only on "same")."""

    verdict: Verdict
    arxiv_title: str
    listed: Listed
    written: Listed

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields whose value comes from arXiv: written differently than the lists give it, or filled in."""
        return tuple(name for name in _FIELDS if getattr(self.written, name) != getattr(self.listed, name))


def resolve_title(titles: Sequence[str]) -> str:
    """The title most members agree on: each title votes for its normalised form (a truncated title for the
    longest title it is cut from); ties go to the most complete (longest) form, and a title glued from two
    others only wins when nothing else is left. Within the winning form, the most common spelling, then the
    longest, then the smallest. Whitespace is collapsed and mojibake repaired."""
    titles = [" ".join(repair_mojibake(t).split()) for t in titles if t.strip()]
    if not titles:
        return ""
    norms = {t: normalize_title(t) for t in titles}
    distinct = sorted(set(norms.values()))
    completed = {norm: _completion(norm, distinct) for norm in distinct}
    votes = Counter(completed[norms[t]] for t in titles)
    whole = set(distinct)
    candidates = [n for n in votes if not _glued(n, whole)] or list(votes)
    winner = min(candidates, key=lambda n: (-votes[n], -len(n), n))
    spellings = Counter(t for t in titles if norms[t] == winner)
    return min(spellings, key=lambda t: (-spellings[t], -len(t), t))


def _completion(norm: str, ordered: Sequence[str]) -> str:
    """The longest title in `ordered` (sorted) that `norm` is a truncation of, else `norm` itself."""
    longer = []
    for other in ordered[bisect_right(ordered, norm) :]:
        if not other.startswith(norm):
            break
        if is_truncation(norm, other):
            longer.append(other)
    return max(longer, key=lambda n: (len(n), n)) if longer else norm


def _glued(title: str, others: set[str]) -> bool:
    """True when a (normalised) title is two other members' titles run together (`A: B` from `A` and `B`),
    as lists that paste an old and a new title of one paper into one line do."""
    parts = [o for o in others if o != title and o in title]
    return any(
        a != b and len(a) + len(b) >= len(title) and title.startswith(a) and title.endswith(b)
        for a in parts
        for b in parts
    )


def resolve_arxiv_id(ids: Iterable[str | None]) -> str | None:
    """The arXiv id most members agree on, ties by the smallest."""
    counts = Counter(i for i in ids if i)
    return min(counts, key=lambda i: (-counts[i], i)) if counts else None


def search_url(title: str) -> str:
    """The title search written for a paper no source links."""
    from urllib.parse import quote_plus

    return SEARCH_URL + quote_plus(" ".join(title.split()))


def is_search_url(url: str) -> bool:
    """True for a link the merge wrote as a title search (it stands for no link)."""
    return url.startswith(SEARCH_URL)


def resolve_url(arxiv: str | None, entries: Sequence[PaperItem]) -> str:
    """arXiv's own link (`https://arxiv.org/abs/ID`) with an id, else the first https paper link, else the first
    paper link; a title search written by an earlier merge counts as no link."""
    if arxiv:
        return arxiv_url(arxiv)
    urls = [upgrade_https(link.url.strip()) for entry in entries for link in entry.paper_links if link.url.strip()]
    urls = [u for u in urls if not is_search_url(u)]
    return next((u for u in urls if u.lower().startswith("https://")), urls[0] if urls else "")


def venue_base(venue: str) -> str:
    """A venue without its qualifier, by its one name, case-folded: `ICLR Workshop` and `ICLR` are one venue, as
    are `NeurIPS` and `NIPS`."""
    return venue_identity(_QUALIFIER.sub("", venue)).casefold()


def resolve_venue_year(entries: Sequence[PaperItem], arxiv: str | None = None) -> tuple[str | None, int | None]:
    """A peer-reviewed venue over arXiv (the venue most members name, ties by first seen; its most specific
    spelling, so `ICLR Workshop` over `ICLR`) and the year that goes with it.

    With no venue or year stated by any member, an arXiv id gives venue "arXiv" and its submission year.
    """
    venues = [e.venue for e in entries if e.venue and e.venue.casefold() != _ARXIV]
    venue: str | None = None
    if venues:
        bases = [venue_base(v) for v in venues]
        counts = Counter(bases)
        base = min(counts, key=lambda b: (-counts[b], bases.index(b)))
        spellings = Counter(v for v in venues if venue_base(v) == base)
        venue = min(spellings, key=lambda v: (-bool(_QUALIFIER.search(v)), -spellings[v], venues.index(v)))
    elif any(e.venue and e.venue.casefold() == _ARXIV for e in entries):
        venue = next(e.venue for e in entries if e.venue and e.venue.casefold() == _ARXIV)
    year = next((e.year for e in entries if venue and e.venue and same_venue(e.venue, venue) and e.year), None)
    if year is None:
        year = min((e.year for e in entries if e.year), default=None)
    if arxiv:
        venue = venue or "arXiv"
        year = year or submission_year(arxiv)
    return venue, year


def same_venue(a: str, b: str) -> bool:
    """True when two venue names are one venue up to a qualifier."""
    return venue_base(a) == venue_base(b)


def resolve_notes(entries: Sequence[PaperItem]) -> tuple[str, ...]:
    """Every member's notes (`Best Paper`), each once (case-insensitively), in first-seen order."""
    seen: dict[str, str] = {}
    for entry in entries:
        for note in entry.notes:
            note = " ".join(note.split())
            if note:
                seen.setdefault(note.casefold(), note)
    return tuple(seen.values())


def resolve_authors(entries: Sequence[PaperItem], known: Iterable[str] = ()) -> str | None:
    """The most complete and correct author list of the members, in one style (see `merge.authors`)."""
    found = best_authors([e.authors for e in entries], known)
    return found.render() if found else None


def resolve_code(entries: Sequence[PaperItem]) -> tuple[str, ...]:
    """Every member's code links, deduplicated by canonical URL, in first-seen order."""
    seen: dict[str, str] = {}
    for entry in entries:
        for link in entry.code_links:
            url = upgrade_https(link.url.strip())
            if url:
                seen.setdefault(canonical_url(url), url)
    return tuple(seen.values())


def _joined_by(cluster: Cluster) -> dict[int, tuple[str, float]]:
    """For each member but the first, the edge that joined it (the tree rooted at the first member)."""
    adjacent: dict[int, list[tuple[int, str, float]]] = defaultdict(list)
    for edge in cluster.edges:
        adjacent[edge.a].append((edge.b, edge.signal, edge.score))
        adjacent[edge.b].append((edge.a, edge.signal, edge.score))
    root = cluster.members[0]
    found: dict[int, tuple[str, float]] = {}
    seen = {root}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other, signal, score in sorted(adjacent[node]):
            if other not in seen:
                seen.add(other)
                found[other] = (signal, score)
                queue.append(other)
    return found


def resolve_cluster(
    cluster: Cluster,
    papers: Sequence[Paper],
    taxonomy: Taxonomy,
    records: Mapping[str, Any] | None = None,
    known: Iterable[str] = (),
    weights: TitleWeights | None = None,
) -> Resolved:
    """One output entry from one cluster. With arXiv records (`merge --arxiv`, links.types.ArxivRecord by id),
    see `match_arxiv` for what arXiv's record gives; `weights` rate title words over the whole input, and
    `known` is every author name of the input (to repair a name cut at the start)."""
    entries = [papers[i].entry for i in cluster.members]
    arxiv = resolve_arxiv_id(e.arxiv_id for e in entries)
    url = resolve_url(arxiv, entries)
    title = resolve_title([e.title for e in entries]) or url or "(untitled)"
    venue, year = resolve_venue_year(entries, arxiv)
    authors = resolve_authors(entries, known)
    if authors and starts_with_name(authors, title):
        authors = None  # a description that opens with the title, not an author list
    code = resolve_code(entries)
    notes = resolve_notes(entries)
    if authors and authors[0].islower() and not (venue or year or notes or code):
        # The authors are then the whole description, which starts with a capital letter (`Van der Maaten`)
        # as a sentence does; read again as an author list so the merged list reads back the same.
        found = best_authors([authors[0].upper() + authors[1:]], known)
        authors = found.render() if found else authors
    listed = Listed(title, authors, year)
    record = records.get(arxiv) if records and arxiv else None
    match = None
    if record is not None:
        stated = year if any(e.year for e in entries) else None
        nickname = next((e.nickname for e in entries if e.nickname), None)
        match = match_arxiv(record, Claim(title, authors, stated, nickname), listed, weights)
    written = match.written if match is not None else listed
    same = match is not None and match.verdict.decision == "same"
    placement = place(
        [written.title, *(e.title for e in entries)],
        [Vote(papers[i].topic, papers[i].topic_source, papers[i].merged) for i in cluster.members],
        taxonomy,
        record.categories if same and record is not None else (),
        venue,
    )
    joined = _joined_by(cluster)
    return Resolved(
        title=written.title,
        url=url,
        arxiv_id=arxiv,
        authors=written.authors,
        venue=venue,
        year=written.year,
        code=code,
        notes=notes,
        topic=placement.topic,
        topic_reason=placement.reason,
        members=cluster.members,
        joined_by=tuple(joined.get(i) for i in cluster.members),
        arxiv_match=match,
    )


def match_arxiv(record: Any, claim: Claim, listed: Listed, weights: TitleWeights | None = None) -> ArxivMatch | None:
    """`merge --arxiv`: title_match's verdict on arXiv's record (a links.types.ArxivRecord) for the paper the lists
    claim. Only when it is "same" does the entry take arXiv's title and authors, and its year when no list gives
    one; "mixed" and "different" keep what the lists give. None when arXiv has no paper with a title for the id."""
    if not (record.exists and record.title):
        return None
    arxiv_title = " ".join(record.title.split())
    verdict = same_paper(claim, arxiv_title, record.authors, record.year, weights)
    written = listed
    if verdict.decision == "same":
        authors = ", ".join(" ".join(name.split()) for name in record.authors)
        written = Listed(arxiv_title, authors or listed.authors, listed.year or record.year)
    return ArxivMatch(verdict, arxiv_title, listed, written)


def unshare_urls(resolved: list[Resolved], papers: Sequence[Paper]) -> list[Resolved]:
    """One paper link per paper: when clusters that are different papers resolve to the same URL (a list
    linked a paper to another paper's page), the cluster whose members cite it most keeps it; the others
    lose the link (and the arXiv id it stands for, with anything arXiv's record for it gave) rather than carry a
    wrong one.
    """
    holders: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(resolved):
        if item.url:
            holders[canonical_url(item.url)].append(index)
    out = list(resolved)
    for key, indices in holders.items():
        if len(indices) < 2:
            continue

        def citing(index: int, key: str = key) -> int:
            return sum(
                1
                for m in resolved[index].members
                for link in papers[m].entry.paper_links
                if link.url and canonical_url(link.url) == key
            )

        keeper = min(indices, key=lambda i: (-citing(i), resolved[i].members[0]))
        for index in indices:
            if index != keeper:
                out[index] = _without_link(out[index])
    return out


def _without_link(item: Resolved) -> Resolved:
    """An entry without its paper link and arXiv id, and so with the lists' own title, authors and year."""
    if item.arxiv_match is None:
        return replace(item, url="", arxiv_id=None)
    listed = item.arxiv_match.listed
    return replace(
        item, url="", arxiv_id=None, title=listed.title, authors=listed.authors, year=listed.year, arxiv_match=None
    )
