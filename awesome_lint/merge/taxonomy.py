"""Topics: the taxonomy (TOML data) and how one paper, and one cluster of papers, gets its topic."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from awesome_lint.errors import UserError
from awesome_lint.model import Document, Entry

FALLBACK_TOPIC = "Other"

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


def list_title(doc: Document) -> str | None:
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
