"""Output of `awesome-lint parse`: the document model as JSON (schema 1) or one line per list and entry."""

from __future__ import annotations

import json
from collections.abc import Sequence

from awesome_lint.model import Document, documents_to_json
from awesome_lint.report.text import printable


def render_documents(documents: Sequence[Document], fmt: str) -> str:
    """Parsed lists as the documented JSON, or as text: a summary line per list, then `path:line:col:` per entry
    (control characters shown escaped)."""
    if fmt == "json":
        return json.dumps(documents_to_json(list(documents)), ensure_ascii=False, indent=1)
    lines: list[str] = []
    for doc in documents:
        counts = {kind: sum(1 for e in doc.entries if e.kind == kind) for kind in ("paper", "resource", "other")}
        lines.append(
            f"{doc.path}: {doc.title or '(untitled)'}: {len(doc.entries)} entries "
            f"({counts['paper']} papers, {counts['resource']} resources, {counts['other']} other), "
            f"{len(doc.iter_sections())} sections"
        )
        for entry in doc.entries:
            facts = [str(entry.year)] if entry.year else []
            if entry.venue:
                facts.append(entry.venue)
            if entry.arxiv_id:
                facts.append(f"arXiv:{entry.arxiv_id}")
            extra = f" ({', '.join(facts)})" if facts else ""
            lines.append(f"  {doc.path}:{entry.span.line}:{entry.span.column}: {entry.kind}: {entry.title}{extra}")
    return "\n".join(printable(line) for line in lines)
