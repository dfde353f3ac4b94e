"""The merge itself: inputs, provenance, and the canonical list assembled from topics, entries and resources."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from awesome_lint.dedup import Cluster, Edge, cluster_entries
from awesome_lint.errors import UserError
from awesome_lint.merge.authors import known_names
from awesome_lint.merge.inputs import MergeInput, ResourceItem, merge_input
from awesome_lint.merge.provenance import Source, document_sources, marked_sources, marker
from awesome_lint.merge.render import escape, link_destination, merge_resources, render_entry, sort_key
from awesome_lint.merge.report import (
    ArxivConflict,
    DroppedItem,
    EntryRecord,
    ItemSource,
    MergeReport,
    MergeResult,
    ResourceRecord,
    SkippedFile,
    arxiv_conflict,
    entry_report,
)
from awesome_lint.merge.resolve import Paper, Resolved, resolve_cluster, unshare_urls
from awesome_lint.merge.summary import build_summary
from awesome_lint.merge.taxonomy import FALLBACK_TOPIC, Taxonomy, entry_topic, load_taxonomy
from awesome_lint.model import Document, Entry, Link, Span
from awesome_lint.text import heading_anchor
from awesome_lint.title_match import TitleWeights
from awesome_lint.urls import canonical_url

DEFAULT_TITLE = "Awesome Model Compression"
RESOURCES_HEADING = "Resources"
CONTENTS_HEADING = "Contents"

BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
D = TypeVar("D", Document, MergeInput)


def _series(items: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def _description(papers: int, topics: Sequence[str], lists: int) -> str:
    """The generated paragraph under the title."""
    about = f" in {len(topics)} {'topic' if len(topics) == 1 else 'topics'} ({_series(topics)})" if topics else ""
    plural = "list" if lists == 1 else "lists"
    return (
        f"A curated list of {papers} {'paper' if papers == 1 else 'papers'}{about}, merged from {lists} upstream "
        f"{plural} into one entry per paper: duplicates are joined, and each field is the one the sources agree on."
    )


def _credits(sources: Sequence[Source]) -> str:
    """The paragraph that credits and links every upstream list."""
    if not sources:
        return "Credits: no upstream list yet."
    named = _series([f"[{escape(s.name)}]({link_destination(s.link)})" for s in sources])
    return f"Credits: the papers come from {named}; thanks to their maintainers."


def merge_documents(
    documents: Sequence[Document | MergeInput],
    taxonomy: Taxonomy | None = None,
    title: str = DEFAULT_TITLE,
    arxiv: Mapping[str, Any] | None = None,
    dedup: Any = None,
    description: str | None = None,
    link_base: str = ".",
    source_urls: Mapping[str, str] | None = None,
    credits: Mapping[str, tuple[str, str]] | None = None,
    skipped: Sequence[SkippedFile] = (),
    progress: Callable[[str, int, int], None] | None = None,
) -> MergeResult:
    """Merge parsed lists into one canonical Markdown list and its report (a pure function of its input).

    `documents` are parsed lists or their `merge_input` records (which let a caller free each parsed list as
    soon as it is read).

    `arxiv` maps ids to links.types.ArxivRecord (from `merge --arxiv`; used for an entry only where title_match
    finds the record the same paper, else reported under `conflicts`); `dedup` is the matcher's DedupConfig.
    `description` replaces the generated paragraph under the title; the credits link each upstream list
    relative to the folder `link_base` (where the list is written), or by its URL in `source_urls`; `credits`
    maps a list's file name to the (display name, upstream URL) it is credited as (configured sources).
    `skipped` (from `skip_merged`) is carried into the report; `progress(phase, done, total)` hears how far the
    duplicate search and the field resolution are.
    """
    if taxonomy is None:
        taxonomy = load_taxonomy()
    title = " ".join(title.split()) or DEFAULT_TITLE
    inputs = [doc if isinstance(doc, MergeInput) else merge_input(doc) for doc in documents]
    papers: list[Paper] = []
    resources: list[ResourceItem] = []
    dropped: list[DroppedItem] = []
    for item in inputs:
        for paper in item.papers:
            topic, how = entry_topic(paper, taxonomy, item.title)
            papers.append(Paper(paper, item.path, topic, how, item.merged))
        resources.extend(item.resources)
        dropped.extend(item.dropped)

    report_progress = progress or (lambda phase, done, total: None)
    report_progress("finding duplicates", 0, len(papers))
    clusters = cluster_entries([p.entry for p in papers], dedup) if papers else []
    report_progress("finding duplicates", len(papers), len(papers))
    known = known_names(p.entry.authors for p in papers)
    weights = TitleWeights(p.entry.title for p in papers) if arxiv else None
    raw: list[Resolved] = []
    for number, cluster in enumerate(clusters, 1):
        raw.append(resolve_cluster(cluster, papers, taxonomy, arxiv, known, weights))
        report_progress("merging fields", number, len(clusters))
    resolved = unshare_urls(raw, papers)
    for _round in range(3):
        report_progress("joining look-alike entries", 0, len(resolved))
        settled = settle(clusters, resolved, dedup)
        report_progress("joining look-alike entries", len(resolved), len(resolved))
        if settled is None:
            break
        before = {cluster.members: item for cluster, item in zip(clusters, raw, strict=True)}
        clusters = settled
        raw = [before.get(c.members) or resolve_cluster(c, papers, taxonomy, arxiv, known, weights) for c in clusters]
        resolved = unshare_urls(raw, papers)
    by_topic: dict[str, list[Resolved]] = {name: [] for name in taxonomy.names}
    for entry in resolved:
        by_topic.setdefault(entry.topic, []).append(entry)
    for filed in by_topic.values():
        filed.sort(key=sort_key)

    links = {canonical_url(item.url) for item in resolved if item.url}
    merged_resources, left = merge_resources(resources, links)
    for reason, members in left:
        dropped.extend(DroppedItem(r.path, r.line, r.title, reason, r.column) for r in members)
    sources = document_sources(inputs, link_base, source_urls, credits)
    topics = [name for name in taxonomy.names if by_topic.get(name) and name != FALLBACK_TOPIC]
    lines = [
        f"# {title} {BADGE}",
        "",
        marker(sources),
        "",
        " ".join((description or _description(len(resolved), topics, len(sources))).split()),
        "",
        _credits(sources),
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

    entry_reports: list[EntryRecord] = []
    conflicts: list[ArxivConflict] = []
    for name in taxonomy.names:
        under = by_topic.get(name)
        if not under:
            continue
        lines += [f"## {name}", ""]
        for entry in under:
            lines.append(render_entry(entry, links))
            entry_reports.append(entry_report(entry, papers, len(lines)))
            conflict = arxiv_conflict(entry, papers, len(lines))
            if conflict is not None:
                conflicts.append(conflict)
        lines.append("")

    resource_reports: list[ResourceRecord] = []
    if merged_resources:
        lines += [f"## {RESOURCES_HEADING}", ""]
        for line, members in merged_resources:
            lines.append(line)
            places = tuple(ItemSource(r.path, r.line, r.column) for r in members)
            resource_reports.append(ResourceRecord(members[0].title, len(lines), places))
        lines.append("")

    markdown = "\n".join(lines).rstrip("\n") + "\n"
    report = MergeReport(
        entries=tuple(entry_reports),
        resources=tuple(resource_reports),
        dropped=tuple(dropped),
        summary=build_summary(inputs, papers, resolved, entry_reports, resource_reports, dropped, taxonomy),
        skipped=tuple(skipped),
        conflicts=tuple(conflicts),
    )
    _check_accounted(inputs, report)
    return MergeResult(markdown, report)


def settle(clusters: Sequence[Cluster], resolved: Sequence[Resolved], dedup: Any = None) -> list[Cluster] | None:
    """The clusters joined where the duplicate matcher joins their resolved entries, as it would when the
    merged list is merged again (a member that kept two clusters apart is gone by then); None when it joins
    none. This makes the merged list a fixed point of the merge."""
    span = Span(0, 0, 0, 0, 0, 0)
    entries = [
        Entry(
            kind="paper",
            title=item.title,
            span=span,
            arxiv_id=item.arxiv_id,
            links=(Link(item.url, item.title, "paper", span),) if item.url else (),
        )
        for item in resolved
    ]
    joined = cluster_entries(entries, dedup)
    if len(joined) == len(clusters):
        return None
    out = []
    for group in joined:
        members = tuple(sorted(m for i in group.members for m in clusters[i].members))
        edges = [edge for i in group.members for edge in clusters[i].edges]
        first = {i: clusters[i].members[0] for i in group.members}
        edges += [Edge(first[e.a], first[e.b], e.signal, e.score) for e in group.edges]
        out.append(Cluster(members, tuple(sorted(edges, key=lambda e: (e.a, e.b)))))
    return sorted(out, key=lambda cluster: cluster.members[0])


def _check_accounted(inputs: Sequence[MergeInput], report: MergeReport) -> None:
    """Every input item is in exactly one place of the report: an entry's sources, a resource's, or dropped."""
    given = Counter(
        [(item.path, p.line, p.column) for item in inputs for p in item.papers]
        + [(r.path, r.line, r.column) for item in inputs for r in item.resources]
        + [(d.path, d.line, d.column) for item in inputs for d in item.dropped]
    )
    found = Counter(
        [(s.path, s.line, s.column) for e in report.entries for s in e.sources]
        + [(s.path, s.line, s.column) for r in report.resources for s in r.sources]
        + [(d.path, d.line, d.column) for d in report.dropped]
    )
    if found != given:
        raise AssertionError(f"merge report does not account for every input item: {given - found} {found - given}")


def skip_merged(documents: Sequence[D], named: Sequence[str]) -> tuple[list[D], list[SkippedFile]]:
    """The inputs to merge (parsed lists or their `merge_input` records), and the lists written by `awesome-lint
    merge` left out so nothing is read twice: one found in a folder (such as the output of an earlier run; name
    the file to merge it), and one whose upstream lists are inputs too."""
    given = {_key(path) for path in named}
    marks = [doc.sources if isinstance(doc, MergeInput) else marked_sources(doc.text) for doc in documents]
    plain = {os.path.basename(doc.path) for doc, sources in zip(documents, marks, strict=True) if sources is None}
    kept: list[D] = []
    skipped: list[SkippedFile] = []
    for doc, sources in zip(documents, marks, strict=True):
        reason = None
        if sources is not None:
            shared = sorted(plain & {s.name for s in sources})
            if _key(doc.path) not in given:
                reason = "written by awesome-lint merge (found in a folder; name the file to merge it)"
            elif shared:
                inputs = "which is an input too" if len(shared) == 1 else "which are inputs too"
                reason = f"written by awesome-lint merge from {', '.join(shared)}, {inputs}"
        if reason is None:
            kept.append(doc)
        else:
            skipped.append(SkippedFile(doc.path, reason))
    return kept, skipped


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


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
