"""The merge itself: inputs, provenance, and the canonical list assembled from topics, entries and resources."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from awesome_lint.dedup import cluster_entries
from awesome_lint.errors import UserError
from awesome_lint.merge.render import anchor, merge_resources, render_entry, sort_key
from awesome_lint.merge.report import (
    DroppedItem,
    EntryRecord,
    ItemSource,
    MergeReport,
    MergeResult,
    ResourceRecord,
    entry_report,
)
from awesome_lint.merge.resolve import Paper, Resolved, resolve_cluster, unshare_urls
from awesome_lint.merge.summary import build_summary
from awesome_lint.merge.taxonomy import Taxonomy, entry_topic, list_title, load_taxonomy
from awesome_lint.model import Document, Entry

DEFAULT_TITLE = "Awesome Model Compression"
RESOURCES_HEADING = "Resources"
CONTENTS_HEADING = "Contents"

_PROVENANCE = re.compile(r"<!--\s*awesome-lint merge:\s*sources=(?P<sources>[^\s]*)\s*-->")


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
) -> MergeResult:
    """Merge parsed lists into one canonical Markdown list and its report (a pure function of its input).

    `arxiv` maps ids to links.types.ArxivRecord (from `merge --arxiv`); `dedup` is the matcher's DedupConfig.
    """
    if taxonomy is None:
        taxonomy = load_taxonomy()
    title = " ".join(title.split()) or DEFAULT_TITLE
    papers: list[Paper] = []
    resources: list[tuple[Document, Entry]] = []
    dropped: list[DroppedItem] = []
    for doc in documents:
        for entry in doc.entries:
            if entry.kind == "paper":
                topic, how = entry_topic(entry, taxonomy, list_title(doc))
                papers.append(Paper(entry, doc.path, topic, how))
            elif entry.kind == "resource":
                resources.append((doc, entry))
            else:
                dropped.append(DroppedItem(doc.path, entry.span.line, entry.title, _drop_reason(entry)))

    clusters = cluster_entries([p.entry for p in papers], dedup) if papers else []
    resolved = unshare_urls([resolve_cluster(cluster, papers, taxonomy, arxiv) for cluster in clusters], papers)
    by_topic: dict[str, list[Resolved]] = {name: [] for name in taxonomy.names}
    for item in resolved:
        by_topic.setdefault(item.topic, []).append(item)
    for items in by_topic.values():
        items.sort(key=sort_key)

    merged_resources = merge_resources(resources)
    sources = _sources(documents)
    plural = "list" if len(sources) == 1 else "lists"
    named = ", ".join(f"`{name}`" for name in sources)
    lines = [
        f"# {title}",
        "",
        f"<!-- awesome-lint merge: sources={','.join(quote(name, safe='') for name in sources)} -->",
        "",
        f"Merged from {len(sources)} upstream {plural}: {named} by awesome-lint.",
        "",
    ]
    used: dict[str, int] = {}
    anchor(title, used)
    anchor(CONTENTS_HEADING, used)
    headings = [name for name in taxonomy.names if by_topic.get(name)]
    if merged_resources:
        headings.append(RESOURCES_HEADING)
    if headings:
        lines += [f"## {CONTENTS_HEADING}", ""]
        lines += [f"- [{name}](#{anchor(name, used)})" for name in headings]
        lines.append("")

    entry_reports: list[EntryRecord] = []
    for name in taxonomy.names:
        items = by_topic.get(name)
        if not items:
            continue
        lines += [f"## {name}", ""]
        for item in items:
            rendered = render_entry(item)
            lines += rendered
            entry_reports.append(entry_report(item, papers, len(lines)))
        lines.append("")

    resource_reports: list[ResourceRecord] = []
    if merged_resources:
        lines += [f"## {RESOURCES_HEADING}", ""]
        for line, members in merged_resources:
            lines.append(line)
            sources = tuple(ItemSource(doc.path, entry.span.line) for doc, entry in members)
            resource_reports.append(ResourceRecord(members[0][1].title, len(lines), sources))
        lines.append("")

    markdown = "\n".join(lines).rstrip("\n") + "\n"
    report = MergeReport(
        entries=tuple(entry_reports),
        resources=tuple(resource_reports),
        dropped=tuple(dropped),
        summary=build_summary(documents, papers, resolved, entry_reports, resource_reports, dropped, taxonomy),
    )
    return MergeResult(markdown, report)


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
