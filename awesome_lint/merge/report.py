"""The merge report: where every output line came from, and its JSON form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from awesome_lint.merge.resolve import Paper, Resolved


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged list (LF, one final newline) and the JSON-ready merge report."""

    markdown: str
    report: dict[str, Any]


def entry_report(item: Resolved, papers: Sequence[Paper], line: int) -> dict[str, Any]:
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


def report_json(report: dict[str, Any]) -> str:
    """The report as deterministic JSON text with a final newline."""
    import json

    return json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
