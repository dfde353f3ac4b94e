"""The taxonomy (TOML data): canonical topics, the patterns that point at them, and the weights of the evidence.

Each `[[topic]]` has a `name`, `headings` (patterns for upstream headings and 【tags】), `keywords` (patterns
for words and phrases of paper titles, each with a weight), `venues` (patterns for the venue's short name),
`arxiv` (arXiv categories) and a `priority` that breaks ties. `[weights]` sets how much a heading vote, a
venue and an arXiv category count against a title keyword.
How a paper is placed from this evidence is in `merge.placement`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from awesome_lint.errors import UserError
from awesome_lint.model import Document, Entry

if TYPE_CHECKING:
    from awesome_lint.merge.inputs import PaperItem

FALLBACK_TOPIC = "Other"
DEFAULT_WEIGHTS = {"heading": 0.5, "venue": 0.5, "arxiv": 0.5}

TopicSource = Literal["tag", "heading", "list-title", "none"]
_TOPIC_KEYS = {"name", "headings", "patterns", "keywords", "venues", "arxiv", "priority"}


@dataclass(frozen=True, slots=True)
class Keyword:
    """A title word or phrase of a topic (a case-insensitive pattern) and how much it counts."""

    pattern: re.Pattern[str]
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Topic:
    """A canonical section: the patterns for upstream headings and tags, title keywords, arXiv categories and
    the priority that breaks a tie (higher wins)."""

    name: str
    patterns: tuple[re.Pattern[str], ...]
    keywords: tuple[Keyword, ...] = ()
    venues: tuple[re.Pattern[str], ...] = ()
    arxiv: tuple[str, ...] = ()
    priority: float = 0.0


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Canonical topics in order (the order of the merged list's sections) and the weights of the evidence."""

    topics: tuple[Topic, ...]
    heading_weight: float = DEFAULT_WEIGHTS["heading"]
    venue_weight: float = DEFAULT_WEIGHTS["venue"]
    arxiv_weight: float = DEFAULT_WEIGHTS["arxiv"]

    @property
    def names(self) -> tuple[str, ...]:
        """Topic names in taxonomy order."""
        return tuple(topic.name for topic in self.topics)

    def match(self, text: str) -> str | None:
        """The first topic with a heading pattern that occurs in `text` (a heading or a tag), or None."""
        for topic in self.topics:
            if any(pattern.search(text) for pattern in topic.patterns):
                return topic.name
        return None


def _patterns(values: Any, where: str, what: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(values, list) or not all(isinstance(p, str) and p for p in values):
        raise UserError(f"{where}: `{what}` must be a list of non-empty strings")
    return tuple(_compile(p, where) for p in values)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise UserError(f"{where}: bad pattern {pattern!r}: {exc}") from None


def _keywords(values: Any, where: str) -> tuple[Keyword, ...]:
    """`keywords`: patterns, or `{pattern = "...", weight = 2.0}` tables."""
    if not isinstance(values, list):
        raise UserError(f"{where}: `keywords` must be a list")
    out: list[Keyword] = []
    for value in values:
        if isinstance(value, str) and value:
            out.append(Keyword(_compile(value, where)))
        elif isinstance(value, dict) and set(value) <= {"pattern", "weight"} and isinstance(value.get("pattern"), str):
            weight = value.get("weight", 1.0)
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
                raise UserError(f"{where}: keyword {value['pattern']!r}: `weight` must be a positive number")
            out.append(Keyword(_compile(value["pattern"], where), float(weight)))
        else:
            raise UserError(f"{where}: a keyword is a pattern or a table {{pattern = '...', weight = 1.0}}")
    return tuple(out)


def _number(value: Any, where: str, what: str, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (positive and value < 0):
        raise UserError(f"{where}: `{what}` must be a {'non-negative ' if positive else ''}number")
    return float(value)


def _weights(raw: Any, source: str) -> dict[str, float]:
    if raw is None:
        return dict(DEFAULT_WEIGHTS)
    if not isinstance(raw, dict) or set(raw) - set(DEFAULT_WEIGHTS):
        raise UserError(f"{source}: [weights] has only {', '.join(f'`{k}`' for k in DEFAULT_WEIGHTS)}")
    return {
        key: _number(raw.get(key, value), f"{source}: [weights]", key, True) for key, value in DEFAULT_WEIGHTS.items()
    }


def parse_taxonomy(text: str, source: str = "<taxonomy>") -> Taxonomy:
    """Read a taxonomy from TOML text; a malformed file raises UserError naming `source`."""
    from awesome_lint.config import parse_toml

    data = parse_toml(text, source)
    if set(data) - {"topic", "weights"}:
        raise UserError(f"{source}: a taxonomy has only [[topic]] tables and [weights]")
    raw_topics = data.get("topic")
    if not isinstance(raw_topics, list) or not raw_topics:
        raise UserError(f"{source}: expected one or more [[topic]] tables")
    weights = _weights(data.get("weights"), source)
    topics: list[Topic] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_topics, 1):
        where = f"{source}: topic {number}"
        if not isinstance(raw, dict) or set(raw) - _TOPIC_KEYS:
            raise UserError(f"{where}: a topic has only {', '.join(f'`{k}`' for k in sorted(_TOPIC_KEYS))}")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise UserError(f"{where}: `name` must be a non-empty string")
        name = " ".join(name.split())
        where = f"{where} ({name})"
        if name.casefold() in seen:
            raise UserError(f"{source}: topic {number}: duplicate topic {name!r}")
        seen.add(name.casefold())
        if "headings" in raw and "patterns" in raw:
            raise UserError(f"{where}: `patterns` is the old name of `headings`; give one of them")
        arxiv = raw.get("arxiv", [])
        if not isinstance(arxiv, list) or not all(isinstance(c, str) and c for c in arxiv):
            raise UserError(f"{where}: `arxiv` must be a list of arXiv categories such as 'cs.AR'")
        topics.append(
            Topic(
                name,
                _patterns(raw.get("headings", raw.get("patterns", [])), where, "headings"),
                _keywords(raw.get("keywords", []), where),
                _patterns(raw.get("venues", []), where, "venues"),
                tuple(arxiv),
                _number(raw.get("priority", 0), where, "priority"),
            )
        )
    if FALLBACK_TOPIC.casefold() not in seen:
        topics.append(Topic(FALLBACK_TOPIC, (re.compile(rf"^{FALLBACK_TOPIC}$", re.IGNORECASE),), priority=-1e9))
    return Taxonomy(tuple(topics), weights["heading"], weights["venue"], weights["arxiv"])


def load_taxonomy(path: str | os.PathLike[str] | None = None) -> Taxonomy:
    """The taxonomy in `path`, or the built-in `awesome_lint/taxonomy.toml` when no path is given."""
    if path is None:
        from importlib.resources import files

        return parse_taxonomy(files("awesome_lint").joinpath("taxonomy.toml").read_text("utf-8"), "taxonomy.toml")
    from awesome_lint.source import read_source

    source = read_source(path)
    return parse_taxonomy(source.text, source.path)


def entry_topic(
    entry: Entry | PaperItem, taxonomy: Taxonomy, list_title: str | None = None
) -> tuple[str | None, TopicSource]:
    """Where an upstream list files one paper: the topic its 【tags】 name, else its headings (deepest first),
    else the list's `# title` (`list_title`, skipped among the headings); None when none names a topic."""
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
    found = taxonomy.match(headings[0]) if in_list_title else None
    if found:
        return found, "list-title"
    return None, "none"


def list_title(doc: Document) -> str | None:
    """The list's level-1 title heading, if it has one."""
    first = doc.sections[0] if doc.sections else None
    return first.heading if first is not None and first.level == 1 and first.heading == doc.title else None


def topic_order(taxonomy: Taxonomy) -> Mapping[str, int]:
    """Each topic's position in the taxonomy."""
    return {name: i for i, name in enumerate(taxonomy.names)}
