"""Output of `awesome-lint dupes`: clusters of entries that cite the same paper, with explanations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from awesome_lint.dedup import Cluster
from awesome_lint.model import Entry
from awesome_lint.report.text import printable

Located = tuple[str, Entry]


def clusters_to_json(clusters: Sequence[Cluster], papers: Sequence[Located]) -> dict[str, Any]:
    """The documented shape: members by path/line/title, links by member index with signal and score."""
    out = []
    for cluster in clusters:
        position = {member: i for i, member in enumerate(cluster.members)}
        out.append(
            {
                "members": [
                    {
                        "path": papers[m][0],
                        "line": papers[m][1].span.line,
                        "title": papers[m][1].title,
                        "arxiv_id": papers[m][1].arxiv_id,
                    }
                    for m in cluster.members
                ],
                "links": [
                    {"a": position[e.a], "b": position[e.b], "signal": e.signal, "score": e.score}
                    for e in cluster.edges
                ],
            }
        )
    return {"clusters": out}


def render_clusters(clusters: Sequence[Cluster], papers: Sequence[Located], fmt: str, explain: bool) -> str:
    """Clusters as JSON or as text (one block per cluster; `explain` adds why each member joined)."""
    if fmt == "json":
        return json.dumps(clusters_to_json(clusters, papers), indent=2, ensure_ascii=False)
    lines: list[str] = []
    for number, cluster in enumerate(clusters, start=1):
        lines.append(f"cluster {number}: {len(cluster.members)} entries")
        for m in cluster.members:
            path, entry = papers[m]
            lines.append(f"  {path}:{entry.span.line}:{entry.span.column}: {entry.title}")
        if explain:
            for edge in cluster.edges:
                a, b = papers[edge.a], papers[edge.b]
                lines.append(
                    f"    {a[0]}:{a[1].span.line} ~ {b[0]}:{b[1].span.line}: {edge.signal} (score {edge.score:g})"
                )
    total = sum(len(c.members) for c in clusters)
    lines.append(f"{len(clusters)} duplicate clusters, {total} entries" if clusters else "No duplicate papers found.")
    return "\n".join(printable(line) for line in lines)
