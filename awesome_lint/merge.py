"""Merge upstream lists into one canonical Markdown list, plus a report of where every line came from.

Input: the papers, resources and other items of parsed Documents. Papers are clustered with
`dedup.cluster_entries` and each cluster becomes one entry; resources are deduplicated by the canonical URL
of their first link; other items (table of contents, tips) are dropped and reported.

Field resolution, per cluster (members in input order):
- title: drop titles that are a truncation of another member's (`dedup.is_truncation` on normalised
  titles), then the longest, then the most common spelling, then the lexicographically smallest;
- arXiv id: the id most members give, ties by the smallest; paper URL: `https://arxiv.org/abs/ID` when
  there is an id, else the first https paper link of the members, else their first non-empty paper link;
- venue: the most common venue other than arXiv (ties by first seen), else "arXiv" if a member says so;
  year: the first year given by a member with the chosen venue, else the earliest year any member gives;
- authors: the longest author string; code links: the union, deduplicated by `urls.canonical_url`.

Topic: each member's 【tags】, then its headings from the deepest up, then its own title, then the list's
`# title` are matched against the taxonomy (`taxonomy.toml`; per string, the first topic in file order with
a matching pattern); no match means "Other". Members vote: the most votes win, ties by taxonomy order;
votes decided by a title or by nothing count only when no member has a tag- or heading-based topic.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, unquote

from awesome_lint.arxiv_id import submission_year
from awesome_lint.dedup import Cluster, cluster_entries, is_truncation, normalize_title
from awesome_lint.errors import UserError
from awesome_lint.model import Document, Entry
from awesome_lint.text import heading_anchor
from awesome_lint.urls import canonical_url, upgrade_https

DEFAULT_TITLE = "Awesome Model Compression"
FALLBACK_TOPIC = "Other"
RESOURCES_HEADING = "Resources"
CONTENTS_HEADING = "Contents"

_PROVENANCE = re.compile(r"<!--\s*awesome-lint merge:\s*sources=(?P<sources>[^\s]*)\s*-->")
_ESCAPE = re.compile(r"([\\`*_\[\]<])")
_LINE_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|[-+*](?=\s|$)|[#>])")
_DESCRIPTION_LEAD = re.compile(r"^(?:[\s\xa0:\-]|&nbsp;)+")
_DESCRIPTION_TAIL = re.compile(r"(?:[\s\xa0]|&nbsp;)+$")
_ARXIV = "arxiv"

TopicSource = Literal["tag", "heading", "title", "list-title", "none"]


@dataclass(frozen=True, slots=True)
class Topic:
    """A canonical section and the case-insensitive patterns that put headings, tags and titles in it."""

    name: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Canonical topics in order; the first topic with a matching pattern wins."""

    topics: tuple[Topic, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Topic names in taxonomy order."""
        return tuple(topic.name for topic in self.topics)

    def match(self, text: str) -> str | None:
        """The first topic with a pattern that occurs in `text`, or None."""
        for topic in self.topics:
            if any(pattern.search(text) for pattern in topic.patterns):
                return topic.name
        return None


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged list (LF, one final newline) and the JSON-ready merge report."""

    markdown: str
    report: dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Paper:
    """One input paper and where it came from."""

    entry: Entry
    path: str
    topic: str
    topic_source: TopicSource


@dataclass(frozen=True, slots=True)
class _Resolved:
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


# ---------------------------------------------------------------------------------------------- taxonomy


def parse_taxonomy(text: str, source: str = "<taxonomy>") -> Taxonomy:
    """Read a taxonomy from TOML text; a malformed file raises UserError naming `source`."""
    from awesome_lint.config import parse_toml

    data = parse_toml(text, source)
    raw_topics = data.get("topic")
    if not isinstance(raw_topics, list) or not raw_topics:
        raise UserError(f"{source}: expected one or more [[topic]] tables")
    topics: list[Topic] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_topics, 1):
        where = f"{source}: topic {number}"
        if not isinstance(raw, dict) or set(raw) - {"name", "patterns"}:
            raise UserError(f"{where}: a topic has only `name` and `patterns`")
        name, patterns = raw.get("name"), raw.get("patterns", [])
        if not isinstance(name, str) or not name.strip():
            raise UserError(f"{where}: `name` must be a non-empty string")
        name = " ".join(name.split())
        if name.casefold() in seen:
            raise UserError(f"{where}: duplicate topic {name!r}")
        seen.add(name.casefold())
        if not isinstance(patterns, list) or not all(isinstance(p, str) and p for p in patterns):
            raise UserError(f"{where} ({name}): `patterns` must be a list of non-empty strings")
        compiled: list[re.Pattern[str]] = []
        for pattern in patterns:
            try:
                compiled.append(re.compile(pattern, re.IGNORECASE))
            except re.error as exc:
                raise UserError(f"{where} ({name}): bad pattern {pattern!r}: {exc}") from None
        topics.append(Topic(name, tuple(compiled)))
    if FALLBACK_TOPIC.casefold() not in seen:
        topics.append(Topic(FALLBACK_TOPIC, (re.compile(rf"^{FALLBACK_TOPIC}$", re.IGNORECASE),)))
    return Taxonomy(tuple(topics))


def load_taxonomy(path: str | os.PathLike[str] | None = None) -> Taxonomy:
    """The taxonomy in `path`, or the built-in `awesome_lint/taxonomy.toml` when no path is given."""
    if path is None:
        from importlib.resources import files

        return parse_taxonomy(files("awesome_lint").joinpath("taxonomy.toml").read_text("utf-8"), "taxonomy.toml")
    from awesome_lint.source import read_source

    source = read_source(path)
    return parse_taxonomy(source.text, source.path)


def entry_topic(entry: Entry, taxonomy: Taxonomy, list_title: str | None = None) -> tuple[str, TopicSource]:
    """The topic of one paper and what decided it: a tag, a heading (deepest first), the paper's title, the
    list's `# title` (`list_title`, which is skipped among the headings), or nothing.
    """
    for tag in entry.tags:
        found = taxonomy.match(tag)
        if found:
            return found, "tag"
    headings = list(entry.section)
    in_list_title = bool(headings) and list_title is not None and headings[0] == list_title
    for heading in reversed(headings[1:] if in_list_title else headings):
        found = taxonomy.match(heading)
        if found:
            return found, "heading"
    found = taxonomy.match(entry.title)
    if found:
        return found, "title"
    found = taxonomy.match(headings[0]) if in_list_title else None
    if found:
        return found, "list-title"
    return FALLBACK_TOPIC, "none"


def _list_title(doc: Document) -> str | None:
    """The list's level-1 title heading, if it has one."""
    first = doc.sections[0] if doc.sections else None
    return first.heading if first is not None and first.level == 1 and first.heading == doc.title else None


def vote_topic(votes: Sequence[tuple[str, TopicSource]], taxonomy: Taxonomy) -> str:
    """The cluster's topic: most votes, ties by taxonomy order; title/fallback votes count only if no member
    has a tag or heading topic.
    """
    strong = [topic for topic, how in votes if how in ("tag", "heading")]
    pool = strong or [topic for topic, _how in votes]
    if not pool:
        return FALLBACK_TOPIC
    order = {name: i for i, name in enumerate(taxonomy.names)}
    counts = Counter(pool)
    return min(counts, key=lambda topic: (-counts[topic], order.get(topic, len(order)), topic))


# ------------------------------------------------------------------------------------- field resolution


def resolve_title(titles: Sequence[str]) -> str:
    """The most complete title: not a truncation of another, not two others glued together, longest, most
    common spelling, then smallest."""
    titles = [t for t in titles if t.strip()]
    if not titles:
        return ""
    norms = {t: normalize_title(t) for t in titles}
    complete = [t for t in titles if not any(is_truncation(norms[t], norms[u]) for u in titles)] or titles
    complete = [t for t in complete if not _glued(norms[t], set(norms.values()))] or complete
    counts = Counter(titles)
    return min(complete, key=lambda t: (-len(t), -counts[t], t))


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


def resolve_url(arxiv: str | None, entries: Sequence[Entry]) -> str:
    """`https://arxiv.org/abs/ID` with an id, else the first https paper link, else the first paper link."""
    if arxiv:
        return f"https://arxiv.org/abs/{arxiv}"
    urls = [upgrade_https(link.url.strip()) for entry in entries for link in entry.paper_links if link.url.strip()]
    return next((u for u in urls if u.lower().startswith("https://")), urls[0] if urls else "")


def resolve_venue_year(entries: Sequence[Entry], arxiv: str | None = None) -> tuple[str | None, int | None]:
    """A peer-reviewed venue over arXiv (most common, ties by first seen) and the year that goes with it.

    With no venue or year stated by any member, an arXiv id gives venue "arXiv" and its submission year.
    """
    venues = [e.venue for e in entries if e.venue and e.venue.casefold() != _ARXIV]
    if venues:
        counts = Counter(venues)
        venue: str | None = min(counts, key=lambda v: (-counts[v], venues.index(v)))
    elif any(e.venue and e.venue.casefold() == _ARXIV for e in entries):
        venue = next(e.venue for e in entries if e.venue and e.venue.casefold() == _ARXIV)
    else:
        venue = None
    year = next((e.year for e in entries if venue and e.venue == venue and e.year), None)
    if year is None:
        year = min((e.year for e in entries if e.year), default=None)
    if arxiv:
        venue = venue or "arXiv"
        year = year or submission_year(arxiv)
    return venue, year


def resolve_authors(entries: Sequence[Entry]) -> str | None:
    """The longest author string (the first of equal length), or None."""
    authors = [e.authors for e in entries if e.authors and e.authors.strip()]
    return max(authors, key=len) if authors else None


def resolve_code(entries: Sequence[Entry]) -> tuple[str, ...]:
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


def _resolve(
    cluster: Cluster, papers: Sequence[_Paper], taxonomy: Taxonomy, records: Mapping[str, Any] | None = None
) -> _Resolved:
    """One output entry from one cluster; arXiv metadata (`merge --arxiv`) wins for title and authors."""
    entries = [papers[i].entry for i in cluster.members]
    arxiv = resolve_arxiv_id(e.arxiv_id for e in entries)
    url = resolve_url(arxiv, entries)
    title = resolve_title([e.title for e in entries]) or url or "(untitled)"
    venue, year = resolve_venue_year(entries, arxiv)
    authors = resolve_authors(entries)
    record = records.get(arxiv) if records and arxiv else None
    if record is not None and record.exists and record.title:
        title = " ".join(record.title.split())
        authors = ", ".join(record.authors) or authors
        year = year or record.year
    topic = vote_topic([(papers[i].topic, papers[i].topic_source) for i in cluster.members], taxonomy)
    joined = _joined_by(cluster)
    return _Resolved(
        title=title,
        url=url,
        arxiv_id=arxiv,
        authors=authors,
        venue=venue,
        year=year,
        code=resolve_code(entries),
        topic=topic,
        members=cluster.members,
        joined_by=tuple(joined.get(i) for i in cluster.members),
    )


def _unshare_urls(resolved: list[_Resolved], papers: Sequence[_Paper]) -> list[_Resolved]:
    """One paper link per paper: when clusters that are different papers resolve to the same URL (a list
    linked a paper to another paper's page), the cluster whose members cite it most keeps it; the others
    lose the link rather than carry a wrong one.
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
                out[index] = replace(out[index], url="")
    return out


# ------------------------------------------------------------------------------------------- rendering


def escape(text: str) -> str:
    """Backslash-escape the characters that would turn title, author or venue text into Markdown."""
    return _ESCAPE.sub(r"\\\1", " ".join(text.split()))


def _escape_line_start(text: str) -> str:
    """Escape what would make plain text at the start of a list item a new block (`1.`, `#`, `-`)."""
    m = _LINE_START.match(text)
    if not m:
        return text
    if m.group(1):
        return f"{m.group(1)}\\{m.group(2)}{text[m.end() :]}"
    return f"\\{text}"


def link_destination(url: str) -> str:
    """A URL as a Markdown link destination: spaces, angle brackets and parentheses percent-encoded."""
    url = url.strip()
    for char, code in ((" ", "%20"), ("<", "%3C"), (">", "%3E"), ("(", "%28"), (")", "%29")):
        url = url.replace(char, code)
    return url


def render_entry(entry: _Resolved) -> list[str]:
    """The Markdown line(s) of one entry: `- [Title](URL) - Authors. *Venue Year*. [[code]](url)`."""
    if entry.url:
        parts = [f"- [{escape(entry.title)}]({link_destination(entry.url)})"]
    else:
        parts = [f"- [{escape(entry.title)}]"]
    authors = escape(entry.authors or "").rstrip(" .")
    if authors:
        parts.append(f" - {authors}.")
    when = " ".join(str(x) for x in (entry.venue, entry.year) if x)
    if when:
        parts.append(f" *{escape(when)}*.")
    parts.extend(f" [[code]]({link_destination(url)})" for url in entry.code)
    line = "".join(parts)
    gaps = (("missing-link", not entry.url), ("missing-year", not (entry.year and entry.venue)))
    missing = [name for name, absent in gaps if absent]
    return [f"<!-- awesome-lint-disable-next-line {' '.join(missing)} -->", line] if missing else [line]


def _sort_key(entry: _Resolved) -> tuple[int, int, str, str]:
    """Year descending (unknown last), then case-folded title, then URL."""
    return (entry.year is None, -(entry.year or 0), entry.title.casefold(), entry.url)


def resource_description(doc: Document, entry: Entry) -> str:
    """The item's Markdown after its first link, without leading `:`/`-`/no-break spaces, on one line."""
    raw = doc.tail(entry.span, after=entry.links[0].span) if entry.links else ""
    text = " ".join(raw.replace("\xa0", " ").split())
    return _DESCRIPTION_TAIL.sub("", _DESCRIPTION_LEAD.sub("", text))


# ----------------------------------------------------------------------------------------------- merging


def _sources(documents: Sequence[Document]) -> list[str]:
    """The upstream list names: a merged input's own sources, else the file's base name; sorted."""
    names: set[str] = set()
    for doc in documents:
        m = _PROVENANCE.search(doc.text)
        if m and m.group("sources"):
            names.update(unquote(s) for s in m.group("sources").split(",") if s)
        else:
            names.add(os.path.basename(doc.path))
    return sorted(names)


def _drop_reason(entry: Entry) -> str:
    """Why an item of kind `other` is left out of the merged list."""
    if entry.links and all(link.url.startswith("#") for link in entry.links):
        return "table of contents entry"
    return "not a paper or resource (other)"


def merge_documents(
    documents: Sequence[Document],
    taxonomy: Taxonomy | None = None,
    title: str = DEFAULT_TITLE,
    arxiv: Mapping[str, Any] | None = None,
    dedup: Any = None,
    credits: Mapping[str, tuple[str, str]] | None = None,
) -> MergeResult:
    """Merge parsed lists into one canonical Markdown list and its report (a pure function of its input).

    `arxiv` maps ids to links.types.ArxivRecord (from `merge --arxiv`); `dedup` is the matcher's DedupConfig;
    `credits` maps an upstream list's file name to the (display name, URL) the intro links it as.
    """
    if taxonomy is None:
        taxonomy = load_taxonomy()
    title = " ".join(title.split()) or DEFAULT_TITLE
    papers: list[_Paper] = []
    resources: list[tuple[Document, Entry]] = []
    dropped: list[dict[str, Any]] = []
    for doc in documents:
        for entry in doc.entries:
            if entry.kind == "paper":
                topic, how = entry_topic(entry, taxonomy, _list_title(doc))
                papers.append(_Paper(entry, doc.path, topic, how))
            elif entry.kind == "resource":
                resources.append((doc, entry))
            else:
                dropped.append(
                    {"path": doc.path, "line": entry.span.line, "title": entry.title, "reason": _drop_reason(entry)}
                )

    clusters = cluster_entries([p.entry for p in papers], dedup) if papers else []
    resolved = _unshare_urls([_resolve(cluster, papers, taxonomy, arxiv) for cluster in clusters], papers)
    by_topic: dict[str, list[_Resolved]] = {name: [] for name in taxonomy.names}
    for item in resolved:
        by_topic.setdefault(item.topic, []).append(item)
    for items in by_topic.values():
        items.sort(key=_sort_key)

    merged_resources = _merge_resources(resources)
    sources = _sources(documents)
    plural = "list" if len(sources) == 1 else "lists"
    credits = credits or {}
    named = ", ".join(
        f"[{escape(credits[name][0])}]({link_destination(credits[name][1])})" if name in credits else f"`{name}`"
        for name in sources
    )
    lines = [
        f"# {title}",
        "",
        f"<!-- awesome-lint merge: sources={','.join(quote(name, safe='') for name in sources)} -->",
        "",
        f"Merged from {len(sources)} upstream {plural}: {named} by awesome-lint.",
        "",
    ]
    taken: set[str] = set()
    heading_anchor(title, taken)
    heading_anchor(CONTENTS_HEADING, taken)
    headings = [name for name in taxonomy.names if by_topic.get(name)]
    if merged_resources:
        headings.append(RESOURCES_HEADING)
    if headings:
        lines += [f"## {CONTENTS_HEADING}", ""]
        lines += [f"- [{name}](#{heading_anchor(name, taken)})" for name in headings]
        lines.append("")

    entry_reports: list[dict[str, Any]] = []
    for name in taxonomy.names:
        items = by_topic.get(name)
        if not items:
            continue
        lines += [f"## {name}", ""]
        for item in items:
            rendered = render_entry(item)
            lines += rendered
            entry_reports.append(_entry_report(item, papers, len(lines)))
        lines.append("")

    resource_reports: list[dict[str, Any]] = []
    if merged_resources:
        lines += [f"## {RESOURCES_HEADING}", ""]
        for line, members in merged_resources:
            lines.append(line)
            resource_reports.append(
                {
                    "title": members[0][1].title,
                    "line": len(lines),
                    "sources": [{"path": doc.path, "line": entry.span.line} for doc, entry in members],
                }
            )
        lines.append("")

    markdown = "\n".join(lines).rstrip("\n") + "\n"
    report = {
        "entries": entry_reports,
        "resources": resource_reports,
        "dropped": dropped,
        "summary": _summary(documents, papers, resolved, entry_reports, resource_reports, dropped, taxonomy),
    }
    return MergeResult(markdown, report)


def _entry_report(item: _Resolved, papers: Sequence[_Paper], line: int) -> dict[str, Any]:
    """The report record of one output entry."""
    sources = []
    for index, joined in zip(item.members, item.joined_by, strict=True):
        paper = papers[index]
        sources.append(
            {
                "path": paper.path,
                "line": paper.entry.span.line,
                "signal": joined[0] if joined else None,
                "score": joined[1] if joined else None,
            }
        )
    return {"title": item.title, "topic": item.topic, "line": line, "arxiv_id": item.arxiv_id, "sources": sources}


def _merge_resources(resources: Sequence[tuple[Document, Entry]]) -> list[tuple[str, list[tuple[Document, Entry]]]]:
    """Resource lines, one per canonical URL of the first link (or case-folded title), sorted by title."""
    groups: dict[str, list[tuple[Document, Entry]]] = {}
    for doc, entry in resources:
        url = entry.links[0].url.strip() if entry.links else ""
        key = f"url:{canonical_url(url)}" if url else f"title:{' '.join(entry.title.casefold().split())}"
        groups.setdefault(key, []).append((doc, entry))
    out: list[tuple[str, str, str, list[tuple[Document, Entry]]]] = []
    for members in groups.values():
        doc, first = members[0]
        url = upgrade_https(first.links[0].url.strip()) if first.links else ""
        descriptions = (resource_description(dc, e) for dc, e in members)
        description = next((d for d in descriptions if d), "")
        name = escape(first.title) or url
        head = f"- [{name}]({link_destination(url)})" if url else f"- {_escape_line_start(name)}"
        line = f"{head} - {description}" if description else head
        out.append((first.title.casefold(), url, line, members))
    out.sort(key=lambda item: (item[0], item[1], item[2]))
    return [(line, members) for _key, _url, line, members in out]


# ----------------------------------------------------------------------------------------------- summary


def _summary(
    documents: Sequence[Document],
    papers: Sequence[_Paper],
    resolved: Sequence[_Resolved],
    entries: Sequence[dict[str, Any]],
    resources: Sequence[dict[str, Any]],
    dropped: Sequence[dict[str, Any]],
    taxonomy: Taxonomy,
) -> dict[str, Any]:
    """Counts per topic, year and list, and how many output entries each pair of lists shares."""
    topics = Counter(item.topic for item in resolved)
    years = Counter(item.year for item in resolved)
    paths = list(dict.fromkeys(doc.path for doc in documents))
    entry_paths = [{source["path"] for source in entry["sources"]} for entry in entries]
    per_list = []
    for path in paths:
        per_list.append(
            {
                "path": path,
                "papers": sum(1 for p in papers if p.path == path),
                "entries": sum(1 for found in entry_paths if path in found),
                "unique": sum(1 for found in entry_paths if found == {path}),
                "resources": sum(1 for r in resources for s in r["sources"] if s["path"] == path),
                "dropped": sum(1 for d in dropped if d["path"] == path),
            }
        )
    overlap = [
        {"a": a, "b": b, "shared": sum(1 for found in entry_paths if a in found and b in found)}
        for i, a in enumerate(paths)
        for b in paths[i + 1 :]
    ]
    by_year = {str(year): years[year] for year in sorted((y for y in years if y is not None), reverse=True)}
    if None in years:
        by_year["unknown"] = years[None]
    return {
        "lists": len(paths),
        "papers": len(papers),
        "entries": len(entries),
        "duplicates_merged": len(papers) - len(entries),
        "resources": len(resources),
        "resource_items": sum(len(r["sources"]) for r in resources),
        "dropped": len(dropped),
        "topics": {name: topics[name] for name in taxonomy.names if topics[name]},
        "years": by_year,
        "per_list": per_list,
        "overlap": overlap,
    }


def format_summary(summary: dict[str, Any]) -> str:
    """The report summary as a compact text table (for stderr)."""
    out = [
        f"merged {summary['papers']} papers from {summary['lists']} {'list' if summary['lists'] == 1 else 'lists'} "
        f"into {summary['entries']} entries "
        f"({summary['duplicates_merged']} duplicates), {summary['resource_items']} resources into "
        f"{summary['resources']} lines, {summary['dropped']} items dropped"
    ]
    topics = summary["topics"]
    if topics:
        width = max(len(name) for name in topics)
        out.append("topic".ljust(width) + "  papers")
        out += [f"{name.ljust(width)}  {count:6d}" for name, count in topics.items()]
    years = list(summary["years"].items())
    if years:
        out.append("year     papers")
        cells = [f"{year:<7}  {count:6d}" for year, count in years]
        for i in range(0, len(cells), 4):
            out.append("   ".join(cells[i : i + 4]))
    per_list = summary["per_list"]
    if per_list:
        names = [os.path.basename(item["path"]) for item in per_list]
        width = max(len("list"), *(len(n) + 4 for n in names))
        out.append("list".ljust(width) + "  papers  entries  unique")
        for number, (name, item) in enumerate(zip(names, per_list, strict=True), 1):
            label = f"[{number}] {name}".ljust(width)
            out.append(f"{label}  {item['papers']:6d}  {item['entries']:7d}  {item['unique']:6d}")
        if len(per_list) > 1:
            shared = {(o["a"], o["b"]): o["shared"] for o in summary["overlap"]}
            paths = [item["path"] for item in per_list]
            out.append("shared entries " + " ".join(f"{f'[{n}]':>5}" for n in range(1, len(paths) + 1)))
            for i, a in enumerate(paths):
                cells = []
                for j, b in enumerate(paths):
                    if i == j:
                        cells.append(f"{'-':>5}")
                    else:
                        cells.append(f"{shared.get((a, b), shared.get((b, a), 0)):5d}")
                out.append(f"{f'[{i + 1}]':<14} " + " ".join(cells))
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------ inputs


def merge_inputs(paths: Sequence[str]) -> list[str]:
    """Files to merge: files as named; a directory means its `*.md` files except `README.md`, sorted."""
    from awesome_lint.source import expand_paths

    out: list[str] = []
    for name in paths:
        found = expand_paths([name])
        if Path(name).is_dir():
            found = [f for f in found if Path(f).name.casefold() != "readme.md"]
            if not found:
                raise UserError(f"{name}: directory contains no Markdown lists (*.md other than README.md)")
        out.extend(found)
    return list(dict.fromkeys(out))


def report_json(report: dict[str, Any]) -> str:
    """The report as deterministic JSON text with a final newline."""
    import json

    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
