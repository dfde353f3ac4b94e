"""Output of `awesome-lint sync`: per source, its status and the papers added, removed and retitled upstream."""

from __future__ import annotations

import json
from typing import Any

from awesome_lint.model import Entry
from awesome_lint.sources import shown
from awesome_lint.sources.lock import Locked
from awesome_lint.sources.sync import SourceSync, SyncResult

_STATUS = {
    "new": "new",
    "unchanged": "up to date",
    "changed": "changed upstream (not taken; --update takes it)",
    "updated": "updated",
    "modified": "changed upstream, but the file was not replaced",
    "failed": "failed",
}


def version(locked: Locked | None) -> str:
    """A short name for a synced version: the commit's first 7 digits, or `sha256:` and 8 of the hash."""
    if locked is None:
        return "-"
    return locked.commit[:7] if locked.commit else f"sha256:{locked.sha256[:8]}"


def _paper(entry: Entry) -> str:
    title = " ".join(entry.title.split())
    return f"{title} ({entry.year})" if entry.year else title


def _source_lines(item: SourceSync) -> list[str]:
    head = f"{item.entry.file} ({item.entry.name}, {item.entry.spec.text}): {_STATUS[item.status]}"
    if item.status == "new":
        head += f" at {version(item.current)}"
    elif item.status == "unchanged":
        head += f" at {version(item.locked or item.current)}"
    elif item.status != "failed":
        head += f", {version(item.locked)} -> {version(item.current)}"
        if item.changes is not None:
            head += f": {item.changes.counts()}"
    lines = [head]
    if item.changes is not None:
        lines += [f"    + {_paper(e)}" for e in item.changes.added]
        lines += [f"    - {_paper(e)}" for e in item.changes.removed]
        for old, new in item.changes.retitled:
            lines += [f"    ~ {_paper(old)}", f"      -> {_paper(new)}"]
    if item.status != "failed":
        lines += [f"    note: {note}" for note in item.notes]
    return lines


def render_sync_text(result: SyncResult) -> str:
    """One block per source, then a closing line with the counts and what happened to the lock."""
    lines: list[str] = []
    for item in result.sources:
        lines += _source_lines(item)
    for name in result.dropped:
        lines.append(f"{name}: no source is configured for it any more; dropped from the lock (the file is kept)")
    for name in sorted(set(result.stale) - set(result.dropped)):
        lines.append(f"{name}: locked, but no source is configured for it (--update drops it from the lock)")
    counts: dict[str, int] = {}
    for item in result.sources:
        counts[item.status] = counts.get(item.status, 0) + 1
    described = ", ".join(f"{n} {_STATUS[s].split(' (')[0]}" for s, n in counts.items())
    lock = f"lock written: {shown(result.lock_path)}" if result.lock_written else "lock unchanged"
    plural = "source" if len(result.sources) == 1 else "sources"
    lines.append(f"{len(result.sources)} {plural}: {described or 'none'}; {lock}; {result.requests} requests")
    return "\n".join(lines)


def _version_json(locked: Locked | None) -> dict[str, Any] | None:
    if locked is None:
        return None
    return {"commit": locked.commit, "path": locked.path, "url": locked.url, "sha256": locked.sha256}


def sync_to_json(result: SyncResult) -> dict[str, Any]:
    """The sync result as a JSON-ready dict (`{"sources": [...], ...}`, documented in the README)."""
    sources = []
    for item in result.sources:
        changes = item.changes
        sources.append(
            {
                "name": item.entry.name,
                "file": item.entry.file,
                "source": item.entry.spec.text,
                "status": item.status,
                "locked": _version_json(item.locked),
                "current": _version_json(item.current),
                "added": [{"title": e.title, "line": e.span.line} for e in changes.added] if changes else [],
                "removed": [{"title": e.title, "line": e.span.line} for e in changes.removed] if changes else [],
                "retitled": [
                    {"old": old.title, "new": new.title, "line": new.span.line} for old, new in changes.retitled
                ]
                if changes
                else [],
                "notes": list(item.notes),
            }
        )
    return {
        "folder": str(result.folder),
        "lock": str(result.lock_path),
        "lock_written": result.lock_written,
        "requests": result.requests,
        "sources": sources,
        "dropped": list(result.dropped),
    }


def render_sync(result: SyncResult, fmt: str = "text") -> str:
    """The sync result as text or JSON."""
    if fmt == "json":
        return json.dumps(sync_to_json(result), indent=2, ensure_ascii=False)
    return render_sync_text(result)
