"""Merge upstream lists into one canonical Markdown list, plus a typed report of where every line came from.

Papers are clustered by the duplicate matcher and each cluster becomes one entry (`resolve.py` picks its
fields, `placement.py` its topic from the taxonomy's knobs, `render.py` writes it); resources are joined by
the canonical URL of their first link; other items are dropped and reported. docs/merge.md has the rules.
With arXiv records (`merge --arxiv`), arXiv's title and authors (and its year where no list gives one) are taken
only when `title_match.same_paper` finds arXiv's record the same paper as the lists' entry; otherwise the
lists' fields stay and the report lists the entry under `conflicts`.
"""

from awesome_lint.merge.core import (
    CONTENTS_HEADING,
    DEFAULT_TITLE,
    RESOURCES_HEADING,
    merge_documents,
    merge_inputs,
    skip_merged,
)
from awesome_lint.merge.inputs import MergeInput, PaperItem, PaperLink, ResourceItem, merge_input
from awesome_lint.merge.placement import Placement, Vote, place
from awesome_lint.merge.render import escape, link_destination, render_entry, resource_description
from awesome_lint.merge.report import (
    ArxivConflict,
    DroppedItem,
    EntryRecord,
    ItemSource,
    ListSummary,
    MergeReport,
    MergeResult,
    Overlap,
    PaperSource,
    ResourceRecord,
    SkippedFile,
    Summary,
    report_bytes,
    report_json,
)
from awesome_lint.merge.resolve import (
    ArxivMatch,
    Listed,
    match_arxiv,
    resolve_arxiv_id,
    resolve_authors,
    resolve_code,
    resolve_title,
    resolve_url,
    resolve_venue_year,
)
from awesome_lint.merge.summary import format_summary
from awesome_lint.merge.taxonomy import (
    FALLBACK_TOPIC,
    Taxonomy,
    Topic,
    TopicSource,
    entry_topic,
    load_taxonomy,
    parse_taxonomy,
)

__all__ = [
    "CONTENTS_HEADING",
    "DEFAULT_TITLE",
    "FALLBACK_TOPIC",
    "RESOURCES_HEADING",
    "ArxivConflict",
    "ArxivMatch",
    "DroppedItem",
    "EntryRecord",
    "ItemSource",
    "ListSummary",
    "Listed",
    "MergeInput",
    "MergeReport",
    "MergeResult",
    "Overlap",
    "PaperItem",
    "PaperLink",
    "PaperSource",
    "Placement",
    "ResourceItem",
    "ResourceRecord",
    "SkippedFile",
    "Summary",
    "Taxonomy",
    "Topic",
    "TopicSource",
    "Vote",
    "entry_topic",
    "escape",
    "format_summary",
    "link_destination",
    "load_taxonomy",
    "match_arxiv",
    "merge_documents",
    "merge_input",
    "merge_inputs",
    "parse_taxonomy",
    "place",
    "render_entry",
    "report_bytes",
    "report_json",
    "resolve_arxiv_id",
    "resolve_authors",
    "resolve_code",
    "resolve_title",
    "resolve_url",
    "resolve_venue_year",
    "resource_description",
    "skip_merged",
]
