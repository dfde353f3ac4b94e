"""`awesome-lint sync`: keep a folder of upstream lists pinned by a lock file, and say what changed upstream.

Each configured source is resolved to its current commit. A source new to the lock is downloaded and locked. For
a locked one the file is compared, paper by paper (sources.changes), with the current upstream version; the file
and the lock move only with `update`. A missing file is restored from the locked commit; a file that differs from
what the lock says it is (edited by hand, or never synced) is never replaced without `force`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from awesome_lint.dedup import DedupConfig
from awesome_lint.errors import UserError
from awesome_lint.source import decode, write_atomic
from awesome_lint.sources import FetchSettings, SourceEntry, parse_spec
from awesome_lint.sources.changes import PaperChanges, paper_changes
from awesome_lint.sources.fetch import Fetcher
from awesome_lint.sources.lock import LOCK_NAME, Locked, content_hash, read_lock, write_lock

Status = Literal["new", "unchanged", "changed", "updated", "modified", "failed"]


@dataclass(frozen=True)
class SourceSync:
    """What sync did with one source: its status, the lock entry before and the upstream state now."""

    entry: SourceEntry
    status: Status
    locked: Locked | None = None
    current: Locked | None = None
    changes: PaperChanges | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncResult:
    """Every source's outcome, lock entries dropped (no source configured any more), requests made."""

    folder: Path
    lock_path: Path
    sources: tuple[SourceSync, ...]
    dropped: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()
    lock_written: bool = False
    requests: int = 0

    @property
    def failed(self) -> bool:
        """A source could not be synced (or a hand-edited file was not replaced)."""
        return any(s.status in ("failed", "modified") for s in self.sources)

    @property
    def pending(self) -> bool:
        """Upstream changed since the lock and the lock was not updated."""
        return any(s.status == "changed" for s in self.sources)


def sync_sources(
    entries: Sequence[SourceEntry],
    folder: Path,
    settings: FetchSettings,
    *,
    update: bool = False,
    force: bool = False,
    only: Sequence[str] = (),
    dedup: DedupConfig | None = None,
) -> SyncResult:
    """Sync the sources (those named or filed as in `only`, else all) into `folder` and its lock file."""
    chosen = [e for e in entries if not only or e.name in only or e.file in only]
    unknown = [name for name in only if not any(name in (e.name, e.file) for e in entries)]
    if unknown:
        raise UserError(f"no source named '{unknown[0]}' (sources: {', '.join(e.name for e in entries)})")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"{folder}: cannot create folder ({exc.strerror or exc})") from None
    lock_path = folder / LOCK_NAME
    lock = read_lock(lock_path)
    new_lock = dict(lock)
    results: list[SourceSync] = []
    with Fetcher(settings) as fetcher:
        for entry in chosen:
            try:
                result, locked = _sync_one(entry, fetcher, folder, lock.get(entry.file), update, force, dedup)
            except UserError as exc:
                result, locked = SourceSync(entry, "failed", lock.get(entry.file), notes=(str(exc),)), None
            results.append(result)
            if locked is not None:
                new_lock[entry.file] = locked
        requests = fetcher.requests
    stale = tuple(sorted(name for name in lock if not any(e.file == name for e in entries)))
    dropped: tuple[str, ...] = ()
    if update and not only and stale:
        dropped = stale
        for name in dropped:
            del new_lock[name]
    written = new_lock != lock or (bool(new_lock) and not lock_path.exists())
    if written:
        write_lock(lock_path, new_lock)
    return SyncResult(folder, lock_path, tuple(results), dropped, stale, written, requests)


def _sync_one(
    entry: SourceEntry,
    fetcher: Fetcher,
    folder: Path,
    locked: Locked | None,
    update: bool,
    force: bool,
    dedup: DedupConfig | None,
) -> tuple[SourceSync, Locked | None]:
    """Sync one source; returns its outcome and the lock entry to store (None: leave the lock as it is)."""
    path = folder / entry.file
    local = _read(path)
    modified = local is not None and (locked is None or content_hash(local) != locked.sha256)
    pinned = locked if locked is not None and locked.source == entry.spec.text else None  # same spec as locked
    known = (pinned.commit, pinned.path) if pinned is not None and pinned.commit and pinned.path else None
    resolved = fetcher.resolve(entry.spec, known)
    notes: list[str] = []
    old = local
    if old is None and locked is not None and locked.commit is not None:
        old = fetcher.download(fetcher.pinned(parse_spec(locked.source), locked.commit, locked.path))
        if content_hash(old) != locked.sha256:
            raise UserError(f"{entry.spec.text}: the file at the locked commit does not match the lock's hash")
    same_commit = pinned is not None and resolved.commit is not None and resolved.commit == pinned.commit
    new = old if same_commit and old is not None and not modified else fetcher.download(resolved)
    decode(new, entry.spec.text)  # an upstream binary or non-UTF-8 file is an error, not a list
    current = Locked(entry.spec.text, resolved.commit, resolved.path, resolved.url, content_hash(new))

    def outcome(status: Status, changes: PaperChanges | None = None) -> SourceSync:
        return SourceSync(entry, status, locked, current, changes, tuple(notes))

    if old is not None and content_hash(old) == current.sha256:
        if local is None:
            write_atomic(path, old)
            notes.append(f"restored {entry.file} from the lock")
        if locked is None:
            notes.append(f"{entry.file} was already the upstream version; locked it")
            return outcome("unchanged"), current
        if current != locked:
            if update:
                return outcome("unchanged"), current
            notes.append("upstream moved, but this file is the same (--update records the new commit)")
        return outcome("unchanged"), None
    if old is None and locked is None:
        write_atomic(path, new)
        return outcome("new"), current
    if old is None:
        notes.append("the locked version of an https source cannot be downloaded again")
        if update:
            write_atomic(path, new)
            return outcome("updated"), current
        return outcome("changed"), None
    from awesome_lint.parse import parse_bytes

    changes = paper_changes(parse_bytes(old, str(path)), parse_bytes(new, entry.spec.text), dedup)
    if modified:
        notes.append(
            f"{entry.file} differs from the lock (edited by hand, or not synced by awesome-lint); "
            "the changes are counted from it"
        )
    if not update:
        if local is None:
            write_atomic(path, old)
            notes.append(f"restored {entry.file} from the lock")
        return outcome("changed", changes), None
    if modified and not force:
        notes.append("not replaced: --force replaces a file that differs from the lock")
        return outcome("modified", changes), None
    write_atomic(path, new)
    return outcome("updated", changes), current


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
