"""A SQLite cache of link and arXiv results between runs, safe for several runs at once (WAL, short transactions)."""

from __future__ import annotations

import json
import math
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from awesome_lint.errors import UserError
from awesome_lint.links.types import ArxivRecord, LinkResult

SCHEMA_VERSION = 3
HISTORY_LIMIT = 500  # outcomes kept per URL; older ones are dropped
BUSY_TIMEOUT_MS = 30_000
_CACHED_OUTCOMES = ("alive", "dead")
_OUTCOMES = ("alive", "dead", "unknown", "skipped")
_TABLES = ("url_result", "url_history", "arxiv_record")
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS url_result (
        url TEXT PRIMARY KEY, outcome TEXT NOT NULL, status INTEGER, reason TEXT NOT NULL,
        final_url TEXT, checked_at REAL NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS url_history (
        id INTEGER PRIMARY KEY, url TEXT NOT NULL, checked_at REAL NOT NULL, outcome TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS url_history_by_url ON url_history (url, checked_at)",
    """CREATE TABLE IF NOT EXISTS arxiv_record (
        id TEXT PRIMARY KEY, found INTEGER NOT NULL, title TEXT, authors TEXT NOT NULL, year INTEGER,
        withdrawn INTEGER NOT NULL, reason TEXT NOT NULL, checked_at REAL NOT NULL, version INTEGER,
        categories TEXT)""",
)
# Upgrades from each older schema version to the next; records kept from before know less (NULL columns).
_MIGRATIONS = {
    1: ("ALTER TABLE arxiv_record ADD COLUMN version INTEGER",),
    2: ("ALTER TABLE arxiv_record ADD COLUMN categories TEXT",),
}
_DAY = 86400
_FUTURE_SLACK = _DAY  # a row stamped later than this after now comes from a wrong clock or a bad write


def _is_time(value: object, now: float) -> bool:
    """A usable `checked_at`: a finite number of seconds, not in the future (`now` inf: any time)."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= now + _FUTURE_SLACK
    )


def _is_text(value: object, optional: bool = False) -> bool:
    return isinstance(value, str) or (optional and value is None)


def _url_row(row: tuple[object, ...], now: float) -> bool:
    """Whether a url_result row holds values this version could have written."""
    outcome, status, reason, final_url, checked_at = row
    return (
        outcome in _CACHED_OUTCOMES
        and (status is None or (isinstance(status, int) and 100 <= status <= 999))
        and _is_text(reason)
        and _is_text(final_url, optional=True)
        and _is_time(checked_at, now)
    )


def _names(value: object) -> tuple[str, ...] | None:
    """A column holding a JSON array of strings (authors, categories), or None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        names = json.loads(value)
    except (ValueError, RecursionError):
        return None
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        return None
    return tuple(names)


def _arxiv_row(row: tuple[object, ...], now: float) -> bool:
    """Whether an arxiv_record row (authors and categories aside) holds values this version could have written."""
    found, title, _authors_json, year, withdrawn, reason, checked_at, version, _categories_json = row
    return (
        found in (0, 1)
        and not isinstance(found, float)
        and _is_text(title, optional=True)
        and (year is None or (isinstance(year, int) and 1 <= year <= 9999))
        and withdrawn in (0, 1)
        and not isinstance(withdrawn, float)
        and _is_text(reason)
        and _is_time(checked_at, now)
        and (version is None or (isinstance(version, int) and version >= 1))
    )


def default_path() -> Path:
    """`links.sqlite3` in the user cache folder (`$XDG_CACHE_HOME/awesome-lint` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("awesome-lint")) / "links.sqlite3"


_SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_non_regular(path: Path) -> None:
    """A link cache is a regular file (or none yet): a directory, FIFO or device is refused before it is opened."""
    from awesome_lint.source import os_problem

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise os_problem(str(path), exc, "cannot open link cache") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path}: not a link cache (a directory)")
    if not stat.S_ISREG(info.st_mode):
        raise UserError(f"{path}: not a link cache (not a regular file)")


def _refuse_foreign_file(path: Path) -> None:
    """SQLite silently turns a short non-database file into a database: refuse any file that is not one."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserError(f"{path}: cannot open link cache ({exc.strerror or exc})") from None
    if head and head != _SQLITE_HEADER:
        raise UserError(f"{path}: not a link cache (not an SQLite database); choose another --cache path")


class LinkCache:
    """Link results, their history, and arXiv records, kept in one SQLite file (implements the Cache protocol)."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        ttl_alive: float = 7 * _DAY,
        ttl_dead: float = _DAY,
        ttl_arxiv: float = 30 * _DAY,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.path = default_path() if path is None else Path(path)
        self.ttl_alive = ttl_alive
        self.ttl_dead = ttl_dead
        self.ttl_arxiv = ttl_arxiv
        self._now = now
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        memory = str(path) == ":memory:"
        if not memory:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(f"{self.path}: cannot create the link cache folder ({exc.strerror or exc})") from None
            _refuse_non_regular(self.path)
            _refuse_foreign_file(self.path)
        try:
            conn = sqlite3.connect(
                ":memory:" if memory else self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,  # autocommit; writes use explicit BEGIN IMMEDIATE
                check_same_thread=False,  # calls are serialised by self._lock
            )
        except sqlite3.Error as exc:
            raise UserError(f"{self.path}: cannot open link cache ({exc})") from None
        try:
            self._setup_retrying(conn)
        except sqlite3.OperationalError as exc:  # locked, busy, read-only, disk full: the file may be fine
            conn.close()
            raise UserError(f"{self.path}: cannot use link cache ({exc})") from None
        except sqlite3.DatabaseError as exc:  # "file is not a database", "database disk image is malformed"
            conn.close()
            raise UserError(f"{self.path}: not a link cache ({exc})") from None
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def _setup_retrying(self, conn: sqlite3.Connection) -> None:
        """Set up, retrying while another process holds the lock: switching a new file to WAL does not wait
        for SQLite's busy handler, so two runs creating the same cache at once would otherwise collide."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.01
        while True:
            try:
                self._setup(conn)
                return
            except sqlite3.OperationalError as exc:
                message = str(exc).lower()
                if ("locked" not in message and "busy" not in message) or time.monotonic() >= deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.25)

    def _setup(self, conn: sqlite3.Connection) -> None:
        """Turn on WAL and the busy timeout, then create or validate the schema in one transaction."""
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()  # reads the header: a non-SQLite file fails here
        conn.execute("PRAGMA synchronous = NORMAL")
        with conn:
            conn.execute("BEGIN IMMEDIATE")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version > SCHEMA_VERSION:
                raise UserError(
                    f"{self.path}: link cache written by a newer awesome-lint (schema {version}); "
                    "use another cache file or upgrade"
                )
            if version == 0:
                foreign = sorted(tables - set(_TABLES))
                if foreign:
                    raise UserError(
                        f"{self.path}: not a link cache (a SQLite database with tables {', '.join(foreign)})"
                    )
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            elif missing := [t for t in _TABLES if t not in tables]:
                raise UserError(f"{self.path}: not a link cache (no table {missing[0]})")
            else:
                for old in range(version, SCHEMA_VERSION):
                    for statement in _MIGRATIONS[old]:
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _db(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; a write is one short IMMEDIATE transaction; SQLite errors -> UserError."""
        with self._lock:
            if self._conn is None:
                raise ValueError("link cache is closed")
            conn = self._conn
            try:
                if write:
                    with conn:
                        conn.execute("BEGIN IMMEDIATE")
                        yield conn
                else:
                    yield conn
            except sqlite3.DatabaseError as exc:
                raise UserError(f"{self.path}: link cache error ({exc})") from None

    # URLs

    def get_url(self, url: str) -> LinkResult | None:
        """The cached result for a URL if still fresh (alive: ttl_alive, dead: ttl_dead), with from_cache=True.

        A row with values this version cannot have written (a hand edit, another tool) is a cache miss, and is
        deleted so the next result takes its place."""
        with self._db() as conn:
            row = conn.execute(
                "SELECT outcome, status, reason, final_url, checked_at FROM url_result WHERE url = ?", (url,)
            ).fetchone()
        if row is None:
            return None
        if not _url_row(row, self._now()):
            self._forget("url_result", "url", url)
            return None
        outcome, status, reason, final_url, checked_at = row
        ttl = self.ttl_alive if outcome == "alive" else self.ttl_dead
        if self._now() - checked_at >= ttl:
            return None
        return LinkResult(url, outcome, status, reason, final_url, checked_at, from_cache=True)

    def put_url(self, result: LinkResult) -> None:
        """Append the outcome to the URL's history; alive and dead results also become the cached result."""
        checked_at = result.checked_at or self._now()
        with self._db(write=True) as conn:
            conn.execute(
                "INSERT INTO url_history (url, checked_at, outcome) VALUES (?, ?, ?)",
                (result.url, checked_at, result.outcome),
            )
            conn.execute(
                """DELETE FROM url_history WHERE id IN (SELECT id FROM url_history WHERE url = ?
                   ORDER BY checked_at DESC, id DESC LIMIT -1 OFFSET ?)""",
                (result.url, HISTORY_LIMIT),
            )
            if result.outcome in _CACHED_OUTCOMES:
                conn.execute(
                    """INSERT INTO url_result (url, outcome, status, reason, final_url, checked_at)
                       VALUES (?, ?, ?, ?, ?, ?)
                       ON CONFLICT (url) DO UPDATE SET outcome = excluded.outcome, status = excluded.status,
                           reason = excluded.reason, final_url = excluded.final_url, checked_at = excluded.checked_at
                       WHERE excluded.checked_at >= url_result.checked_at""",
                    (result.url, result.outcome, result.status, result.reason, result.final_url, checked_at),
                )

    def history(self, url: str) -> list[tuple[float, str]]:
        """Every recorded (timestamp, outcome) of a URL, oldest first (at most HISTORY_LIMIT)."""
        with self._db() as conn:
            rows = conn.execute(
                "SELECT checked_at, outcome FROM url_history WHERE url = ? ORDER BY checked_at, id", (url,)
            ).fetchall()
        return [(float(ts), outcome) for ts, outcome in rows if _is_time(ts, math.inf) and outcome in _OUTCOMES]

    def failing_days(self, url: str) -> int:
        """Distinct UTC days with a dead outcome in the latest run of dead results (alive ends a run; unknown and
        skipped outcomes neither count nor end it)."""
        days: set[int] = set()
        for ts, outcome in reversed(self.history(url)):
            if outcome == "alive":
                break
            if outcome == "dead":
                days.add(int(ts // _DAY))
        return len(days)

    # arXiv

    def get_arxiv(self, arxiv_id: str) -> ArxivRecord | None:
        """The cached record for an arXiv id if younger than ttl_arxiv, with from_cache=True."""
        with self._db() as conn:
            row = conn.execute(
                "SELECT found, title, authors, year, withdrawn, reason, checked_at, version, categories"
                " FROM arxiv_record WHERE id = ?",
                (arxiv_id,),
            ).fetchone()
        if row is None:
            return None
        names = _names(row[2])
        categories = () if row[8] is None else _names(row[8])  # NULL: kept from a cache before categories
        if names is None or categories is None or not _arxiv_row(row, self._now()):
            self._forget("arxiv_record", "id", arxiv_id)
            return None
        found, title, _json, year, withdrawn, reason, checked_at, version, _categories = row
        if self._now() - checked_at >= self.ttl_arxiv:
            return None
        return ArxivRecord(
            id=arxiv_id,
            exists=bool(found),
            title=title,
            authors=names,
            year=year,
            version=version,
            categories=categories,
            withdrawn=bool(withdrawn),
            reason=reason,
            checked_at=checked_at,
            from_cache=True,
        )

    def put_arxiv(self, record: ArxivRecord) -> None:
        """Store a record whose existence is known (exists=None is not cached)."""
        if record.exists is None:
            return
        checked_at = record.checked_at or self._now()
        with self._db(write=True) as conn:
            conn.execute(
                """INSERT INTO arxiv_record
                       (id, found, title, authors, year, withdrawn, reason, checked_at, version, categories)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET found = excluded.found, title = excluded.title,
                       authors = excluded.authors, year = excluded.year, withdrawn = excluded.withdrawn,
                       reason = excluded.reason, checked_at = excluded.checked_at, version = excluded.version,
                       categories = excluded.categories
                   WHERE excluded.checked_at >= arxiv_record.checked_at""",
                (
                    record.id,
                    int(record.exists),
                    record.title,
                    json.dumps(list(record.authors), ensure_ascii=False),
                    record.year,
                    int(record.withdrawn),
                    record.reason,
                    checked_at,
                    record.version,
                    json.dumps(list(record.categories)),
                ),
            )

    def _forget(self, table: str, key: str, value: str) -> None:
        """Delete one unusable row (the table and key names are this module's constants)."""
        with self._db(write=True) as conn:
            conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (value,))

    # lifetime

    def close(self) -> None:
        """Close the database (idempotent)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> LinkCache:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
