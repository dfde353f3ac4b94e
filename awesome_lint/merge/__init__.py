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

With arXiv records (`merge --arxiv`), arXiv's title and authors (and its year where no list gives one) are taken
only when `title_match.same_paper` finds arXiv's record the same paper as the lists' entry; otherwise the
lists' fields stay and the report lists the entry under `conflicts`.

Topic: each member's 【tags】, then its headings from the deepest up, then its own title, then the list's
`# title` are matched against the taxonomy (`taxonomy.toml`; per string, the first topic in file order with
a matching pattern); no match means "Other". Members vote: the most votes win, ties by taxonomy order;
votes decided by a title or by nothing count only when no member has a tag- or heading-based topic.
"""

from awesome_lint.merge.core import (
    CONTENTS_HEADING,
    DEFAULT_TITLE,
    RESOURCES_HEADING,
    merge_documents,
    merge_inputs,
    skip_merged,
)
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
    "MergeReport",
    "MergeResult",
    "Overlap",
    "PaperSource",
    "Placement",
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
    "merge_inputs",
    "parse_taxonomy",
    "place",
    "render_entry",
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
