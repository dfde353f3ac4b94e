"""What changed in a list between two versions, paper by paper: the duplicate matcher pairs old and new entries,
so a moved or reformatted line is no change and a renamed paper is one retitle, not a removal and an addition."""

from __future__ import annotations

from dataclasses import dataclass

from awesome_lint.dedup import DedupConfig, cluster_entries
from awesome_lint.model import Document, Entry


@dataclass(frozen=True, slots=True)
class PaperChanges:
    """Papers only in the new version, only in the old one, and those whose title changed (old, new)."""

    added: tuple[Entry, ...] = ()
    removed: tuple[Entry, ...] = ()
    retitled: tuple[tuple[Entry, Entry], ...] = ()
    kept: int = 0

    @property
    def empty(self) -> bool:
        """No paper was added, removed or retitled."""
        return not (self.added or self.removed or self.retitled)

    def counts(self) -> str:
        """`2 added, 1 removed, 1 retitled`."""
        return f"{len(self.added)} added, {len(self.removed)} removed, {len(self.retitled)} retitled"


def _title(entry: Entry) -> str:
    return " ".join(entry.title.split())


def paper_changes(old: Document, new: Document, config: DedupConfig | None = None) -> PaperChanges:
    """Cluster the papers of both versions together: a cluster with only new members is a paper added, only old
    ones a paper removed, both with no title in common a paper retitled (each in document order)."""
    before = [e for e in old.entries if e.kind == "paper"]
    after = [e for e in new.entries if e.kind == "paper"]
    added: list[Entry] = []
    removed: list[Entry] = []
    retitled: list[tuple[Entry, Entry]] = []
    kept = 0
    for cluster in cluster_entries([*before, *after], config):
        olds = [before[i] for i in cluster.members if i < len(before)]
        news = [after[i - len(before)] for i in cluster.members if i >= len(before)]
        if not olds:
            added.append(news[0])
        elif not news:
            removed.append(olds[0])
        else:
            kept += 1
            old_titles = {_title(e) for e in olds}
            new_titles = {_title(e) for e in news}
            if not old_titles & new_titles:
                retitled.append((olds[0], news[0]))
    return PaperChanges(
        added=tuple(sorted(added, key=lambda e: e.span.start)),
        removed=tuple(sorted(removed, key=lambda e: e.span.start)),
        retitled=tuple(sorted(retitled, key=lambda pair: pair[1].span.start)),
        kept=kept,
    )
