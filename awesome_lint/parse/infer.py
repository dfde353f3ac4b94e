"""Format inference: a list's entry template and its kind of entries, learned from its own items.

Every item is read once on its own. What an item can settle by itself it settles (a `CVPR` link label is a
venue, a quoted string is a title); what it cannot, it asks (is the unknown link label `Ocean Engineering`
a venue? is `Nature Machine Intelligence 2019` one?) and records what it would vote for where it can tell.
The template is the majority of those votes, per top-level section (a list can change format between its
parts) and for the whole list where a section has too few votes; the items that asked are read again with
it. Kinds
work the same way: an item with no evidence of its own (a link to a page that is neither a paper nor a
repository) takes the kind most items of its section, or else of its list, have.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from awesome_lint.model import EntryKind
from awesome_lint.parse.fields import Fields, Template
from awesome_lint.parse.shapes import looks_like_title

# A question becomes part of the template when at least this many items vote and this share of them agree.
MIN_VOTES = 2
MIN_SHARE = 0.6

_RESOURCE_HEADING = re.compile(
    r"\b(projects?|tools?|toolkits?|toolbox(?:es)?|frameworks?|librar(?:y|ies)|resources?|references?|"
    r"reading lists?|blogs?|tutorials?|courses?|videos?|links?|repositories|repos?|software|packages?|"
    r"other lists|related lists|awesome lists?|implementations?|codes?|model analy[sz]ers?)\b",
    re.IGNORECASE,
)
_RESOURCE_TITLE = re.compile(r"\b(reading list|awesome[- ]|tutorial|blog)\b", re.IGNORECASE)


Votes = Counter[tuple[str, bool]]


def votes(readings: Iterable[Fields]) -> Votes:
    """How many items answer each template question yes, and how many no."""
    counts: Votes = Counter()
    for fields in readings:
        for question, answer in set(fields.votes):
            counts[question, answer] += 1
    return counts


def learn(counts: Votes, fallback: Votes | None = None) -> Template:
    """The template: each question the items answer often enough, answered as most of them do (yes when at
    least `MIN_SHARE` say yes). A question too few items of `counts` (a section) answer is answered from
    `fallback` (the whole list), and left open when that has too few votes too."""
    questions = sorted({q for q, _a in counts} | {q for q, _a in fallback or ()})
    answers = []
    for question in questions:
        for source in (counts, fallback or Counter()):
            agree, total = source[question, True], source[question, True] + source[question, False]
            if total >= MIN_VOTES:
                answers.append((question, agree >= MIN_SHARE * total))
                break
    return Template(tuple(answers))


def needs_rereading(fields: Fields, template: Template) -> bool:
    """Whether an item's first reading went by an answer the learned template gives differently."""
    return any(template.answer(question) not in (None, used) for question, used in fields.asked)


def resource_heading(section: tuple[str, ...]) -> bool:
    """Whether the heading an item stands under names tools, projects, references or other resources."""
    return bool(section) and bool(_RESOURCE_HEADING.search(section[-1]))


def own_kind(fields: Fields, section: tuple[str, ...], has_links: bool) -> EntryKind | None:
    """The kind an item's own evidence gives, or None when it has none either way."""
    if fields.kind == "other":
        return "other"
    if not has_links and not fields.title:
        return "other"
    strong_paper = fields.arxiv is not None or (fields.venue is not None and not fields.resource_evidence)
    if strong_paper:
        return "paper"
    if resource_heading(section) and has_links:
        return "resource"
    if _RESOURCE_TITLE.search(fields.title) and fields.arxiv is None and fields.title_link is not None:
        return "resource"
    if fields.resource_evidence:
        return "resource"
    if fields.paper_evidence:
        return "paper"
    return None


def decide_kind(own: EntryKind | None, fields: Fields, has_links: bool, prior: EntryKind | None) -> EntryKind:
    """An item's kind: its own evidence, else the kind of its section or list, else paper for a title."""
    if own is not None:
        return own
    if not has_links:
        return (
            "paper"
            if prior == "paper" and looks_like_title(fields.title) and len(fields.title.split()) >= 4
            else "other"
        )
    return prior or "paper"


def majority(kinds: Iterable[EntryKind | None]) -> EntryKind | None:
    """Paper or resource, whichever most decided items are (other items do not count); None on a tie."""
    counts = Counter(k for k in kinds if k in ("paper", "resource"))
    if counts["paper"] == counts["resource"]:
        return None
    return "paper" if counts["paper"] > counts["resource"] else "resource"
