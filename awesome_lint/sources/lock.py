"""The lock file of a sync folder: for each list file, the source, commit and content hash it was synced at."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from awesome_lint.errors import UserError
from awesome_lint.source import write_atomic

LOCK_NAME = "awesome-lint.lock.json"
LOCK_VERSION = 1


@dataclass(frozen=True, slots=True)
class Locked:
    """One synced file: the spec, the commit (None for an https source), the path in the repository, the URL
    its bytes came from, and their SHA-256."""

    source: str
    commit: str | None
    path: str | None
    url: str
    sha256: str


def content_hash(data: bytes) -> str:
    """The hex SHA-256 of a file's bytes, as the lock records it."""
    return hashlib.sha256(data).hexdigest()


def read_lock(path: Path) -> dict[str, Locked]:
    """The lock's entries by file name; an empty lock when the file does not exist yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read lock file ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        data = json.loads(text)
        if data.get("version") != LOCK_VERSION:
            raise UserError(f"{path}: lock file version {data.get('version')!r} is not {LOCK_VERSION}")
        return {str(name): Locked(**entry) for name, entry in data["sources"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise UserError(f"{path}: not an awesome-lint lock file (bad JSON or fields)") from None


def write_lock(path: Path, entries: dict[str, Locked]) -> None:
    """Write the lock atomically, sorted by file name, so an unchanged lock is byte-identical."""
    data = {"version": LOCK_VERSION, "sources": {name: asdict(entries[name]) for name in sorted(entries)}}
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
