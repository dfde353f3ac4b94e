"""The SQLite link cache: freshness, history, arXiv records, concurrent writers, refusing files it does not own."""

from __future__ import annotations

import multiprocessing
import re
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_lint.errors import UserError
from awesome_lint.links.cache import HISTORY_LIMIT, SCHEMA_VERSION, LinkCache
from awesome_lint.links.types import ArxivRecord, LinkResult

DAY = 86400.0
T0 = 1_700_000_000.0  # 2023-11-14 22:13:20 UTC


class Clock:
    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cache(tmp_path: Path, clock: Clock) -> Iterator[LinkCache]:
    with LinkCache(tmp_path / "links.sqlite3", ttl_alive=100, ttl_dead=10, ttl_arxiv=1000, now=clock) as c:
        yield c


def result(url: str, outcome: str, at: float, status: int | None = None) -> LinkResult:
    return LinkResult(url, outcome, status, f"{status or ''}", None, checked_at=at)


def test_fresh_results_come_back_marked_from_cache(cache: LinkCache, clock: Clock) -> None:
    cache.put_url(LinkResult("https://a.test/", "alive", 200, "200 OK", "https://a.test/x", checked_at=T0))
    got = cache.get_url("https://a.test/")
    assert got == LinkResult("https://a.test/", "alive", 200, "200 OK", "https://a.test/x", T0, from_cache=True)
    assert cache.get_url("https://other.test/") is None


def test_ttl_expiry_per_outcome(cache: LinkCache, clock: Clock) -> None:
    cache.put_url(result("https://alive.test/", "alive", T0, 200))
    cache.put_url(result("https://dead.test/", "dead", T0, 404))
    clock.now = T0 + 9.9
    assert cache.get_url("https://alive.test/") is not None
    assert cache.get_url("https://dead.test/") is not None
    clock.now = T0 + 10  # ttl_dead
    assert cache.get_url("https://dead.test/") is None
    assert cache.get_url("https://alive.test/") is not None
    clock.now = T0 + 100  # ttl_alive
    assert cache.get_url("https://alive.test/") is None
    assert [o for _, o in cache.history("https://dead.test/")] == ["dead"]  # expiry keeps the history


def test_checked_at_zero_means_now(cache: LinkCache, clock: Clock) -> None:
    cache.put_url(LinkResult("https://a.test/", "alive"))
    assert cache.get_url("https://a.test/").checked_at == T0
    assert cache.history("https://a.test/") == [(T0, "alive")]


@pytest.mark.parametrize("outcome", ["unknown", "skipped"])
def test_unknown_and_skipped_are_history_only(cache: LinkCache, outcome: str) -> None:
    cache.put_url(result("https://u.test/", outcome, T0))
    assert cache.get_url("https://u.test/") is None
    assert cache.history("https://u.test/") == [(T0, outcome)]


def test_unknown_does_not_replace_a_cached_result(cache: LinkCache) -> None:
    cache.put_url(result("https://a.test/", "alive", T0, 200))
    cache.put_url(result("https://a.test/", "unknown", T0 + 1))
    assert cache.get_url("https://a.test/").outcome == "alive"


def test_newer_result_wins_and_an_older_one_does_not_overwrite(cache: LinkCache, clock: Clock) -> None:
    cache.put_url(result("https://a.test/", "alive", T0, 200))
    cache.put_url(result("https://a.test/", "dead", T0 + 2, 404))
    cache.put_url(result("https://a.test/", "alive", T0 + 1, 200))  # a slower concurrent run finishing late
    clock.now = T0 + 3
    assert cache.get_url("https://a.test/").status == 404
    assert [o for _, o in cache.history("https://a.test/")] == ["alive", "alive", "dead"]  # by time


def test_history_and_failing_days_across_days(cache: LinkCache) -> None:
    url = "https://flaky.test/"
    assert cache.failing_days(url) == 0
    day0 = (T0 // DAY) * DAY  # midnight UTC
    cache.put_url(result(url, "alive", day0 + 10))
    assert cache.failing_days(url) == 0
    cache.put_url(result(url, "dead", day0 + DAY + 10))
    cache.put_url(result(url, "dead", day0 + DAY + 20))  # same UTC day: counts once
    assert cache.failing_days(url) == 1
    cache.put_url(result(url, "unknown", day0 + 2 * DAY))  # a timeout neither counts nor breaks the run
    cache.put_url(result(url, "dead", day0 + 3 * DAY - 1))  # 23:59:59 of day 2
    cache.put_url(result(url, "dead", day0 + 3 * DAY))  # 00:00:00 of day 3
    assert cache.failing_days(url) == 3
    cache.put_url(result(url, "alive", day0 + 4 * DAY))
    assert cache.failing_days(url) == 0  # alive resets
    cache.put_url(result(url, "dead", day0 + 5 * DAY))
    assert cache.failing_days(url) == 1
    history = cache.history(url)
    assert [ts for ts, _ in history] == sorted(ts for ts, _ in history)
    assert [o for _, o in history] == ["alive", "dead", "dead", "unknown", "dead", "dead", "alive", "dead"]


def test_history_is_capped(cache: LinkCache) -> None:
    for i in range(HISTORY_LIMIT + 10):
        cache.put_url(result("https://busy.test/", "alive", T0 + i))
    history = cache.history("https://busy.test/")
    assert len(history) == HISTORY_LIMIT
    assert history[0][0] == T0 + 10 and history[-1][0] == T0 + HISTORY_LIMIT + 9


def test_arxiv_round_trip(cache: LinkCache, clock: Clock) -> None:
    record = ArxivRecord(
        "1510.00149",
        True,
        "Deep Compression: Compressing Deep Neural Networks",
        ("Song Han", "Huizi Mao", "William J. Dally", "Jürgen Müller"),
        2015,
        version=3,
        categories=("cs.CV", "cs.LG"),
        withdrawn=False,
        reason="",
        checked_at=T0,
    )
    cache.put_arxiv(record)
    got = cache.get_arxiv("1510.00149")
    assert got is not None and got.from_cache
    assert got == ArxivRecord(**{**_fields(record), "from_cache": True})
    assert isinstance(got.authors, tuple)
    clock.now = T0 + 1000  # ttl_arxiv
    assert cache.get_arxiv("1510.00149") is None


def test_arxiv_missing_and_withdrawn_are_cached_unknown_is_not(cache: LinkCache) -> None:
    cache.put_arxiv(ArxivRecord("9999.99999", False, reason="no such id", checked_at=T0))
    cache.put_arxiv(ArxivRecord("1234.5678", True, "T", (), 2012, withdrawn=True, checked_at=T0))
    cache.put_arxiv(ArxivRecord("1111.2222", None, reason="timeout", checked_at=T0))
    missing = cache.get_arxiv("9999.99999")
    assert missing is not None and missing.exists is False and missing.reason == "no such id" and missing.authors == ()
    assert cache.get_arxiv("1234.5678").withdrawn is True
    assert cache.get_arxiv("1111.2222") is None


def _fields(record: ArxivRecord) -> dict[str, object]:
    return {name: getattr(record, name) for name in ArxivRecord.__slots__}


def test_file_settings_and_reopen(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "sub" / "dir" / "c.sqlite3"  # parent folders are created
    with LinkCache(path, now=clock) as c:
        c.put_url(result("https://a.test/", "alive", T0))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    with LinkCache(path, now=clock) as c:
        assert c.get_url("https://a.test/") is not None


def test_closed_cache_refuses_use(tmp_path: Path) -> None:
    c = LinkCache(tmp_path / "c.sqlite3")
    c.close()
    c.close()  # idempotent
    with pytest.raises(ValueError, match="closed"):
        c.get_url("https://a.test/")


@pytest.mark.parametrize(
    "content",
    [b"this is my thesis, not a cache\n" * 100, b"SQLite format 3\x00" + b"\xff" * 4080, b"\x00" * 4096],
    ids=["text", "bad-header", "zeros"],
)
def test_corrupt_file_is_refused_and_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "links.sqlite3"
    path.write_bytes(content)
    with pytest.raises(UserError) as info:
        LinkCache(path)
    message = str(info.value)
    assert message.startswith(f"{path}: not a link cache (") and "\n" not in message
    assert path.read_bytes() == content
    assert not (tmp_path / "links.sqlite3-wal").exists() or (tmp_path / "links.sqlite3-wal").stat().st_size == 0


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match=r"not a link cache \(a SQLite database with tables notes\)"):
        LinkCache(path)


def old_cache(path: Path, version: int, row: tuple[object, ...]) -> Path:
    """A cache as awesome-lint wrote it at schema 1 or 2 (before arXiv records knew their version, or their
    categories), holding one arXiv record."""
    columns = ", version INTEGER" if version >= 2 else ""
    conn = sqlite3.connect(path)
    conn.executescript(
        f"""CREATE TABLE url_result (url TEXT PRIMARY KEY, outcome TEXT NOT NULL, status INTEGER,
               reason TEXT NOT NULL, final_url TEXT, checked_at REAL NOT NULL);
           CREATE TABLE url_history (id INTEGER PRIMARY KEY, url TEXT NOT NULL, checked_at REAL NOT NULL,
               outcome TEXT NOT NULL);
           CREATE TABLE arxiv_record (id TEXT PRIMARY KEY, found INTEGER NOT NULL, title TEXT,
               authors TEXT NOT NULL, year INTEGER, withdrawn INTEGER NOT NULL, reason TEXT NOT NULL,
               checked_at REAL NOT NULL{columns});
           PRAGMA user_version = {version};"""
    )
    conn.execute(f"INSERT INTO arxiv_record VALUES ({', '.join('?' * len(row))})", row)
    conn.commit()
    conn.close()
    return path


def test_cache_of_schema_1_is_upgraded_in_place(tmp_path: Path, clock: Clock) -> None:
    """A cache written before records knew arXiv's latest version keeps its records (version unknown)."""
    row = ("1510.00149", 1, "Deep Compression", '["Song Han"]', 2015, 0, "", T0)
    path = old_cache(tmp_path / "old.sqlite3", 1, row)
    with LinkCache(path, now=clock) as c:
        old = c.get_arxiv("1510.00149")
        assert old is not None and old.title == "Deep Compression" and old.version is None
        c.put_arxiv(ArxivRecord("1707.01209", True, "T", (), 2017, version=2, checked_at=T0))
        new = c.get_arxiv("1707.01209")
        assert new is not None and new.version == 2
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    conn.close()
    with LinkCache(path, now=clock) as c:  # opening an upgraded cache changes nothing
        assert c.get_arxiv("1707.01209").version == 2  # type: ignore[union-attr]


def test_cache_of_schema_2_is_upgraded_in_place(tmp_path: Path, clock: Clock) -> None:
    """A cache written before records knew arXiv's categories keeps its records (categories unknown: empty)."""
    row = ("1510.00149", 1, "Deep Compression", '["Song Han"]', 2015, 0, "", T0, 5)
    path = old_cache(tmp_path / "old.sqlite3", 2, row)
    with LinkCache(path, now=clock) as c:
        old = c.get_arxiv("1510.00149")
        assert old is not None and old.version == 5 and old.categories == ()
        c.put_arxiv(ArxivRecord("1510.00149", True, "Deep Compression", (), 2015, 5, ("cs.CV",), checked_at=T0 + 1))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT categories FROM arxiv_record").fetchone()[0] == '["cs.CV"]'
    conn.close()
    with LinkCache(path, now=clock) as c:
        assert c.get_arxiv("1510.00149").categories == ("cs.CV",)  # type: ignore[union-attr]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    LinkCache(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(UserError, match="newer awesome-lint"):
        LinkCache(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="not a link cache"):
        LinkCache(tmp_path)


def test_default_path_is_in_the_user_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # where Linux looks; elsewhere it is ignored
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))  # where Windows looks
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # macOS: ~/Library/Caches
    expected = Path(platformdirs.user_cache_dir("awesome-lint")) / "links.sqlite3"
    if sys.platform == "linux":
        assert expected == tmp_path / "xdg" / "awesome-lint" / "links.sqlite3"
    with LinkCache() as c:
        assert c.path == expected
        c.put_url(result("https://a.test/", "alive", 0.0))
    assert c.path.is_file()


WRITES = 200


def _writer(path: str, tag: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    barrier.wait()  # both processes create/open the file and write at the same moment
    with LinkCache(path) as c:
        for i in range(WRITES):
            if i % 4 == 0:
                c.put_url(LinkResult("https://shared.test/", "dead" if i % 8 else "alive", checked_at=T0 + i))
            elif i % 4 == 1:
                c.put_arxiv(ArxivRecord(f"{tag}.{i:05d}", True, f"title {i}", (tag, str(i)), 2020, checked_at=T0))
            else:
                c.put_url(LinkResult(f"https://{tag}.test/{i}", "alive", 200, "200 OK", checked_at=T0 + i))


def test_two_processes_writing_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite3")
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(path, tag, barrier)) for tag in ("p1", "p2")]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(300)  # a bound against hangs only
    assert [proc.exitcode for proc in procs] == [0, 0]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    per_tag = WRITES // 2  # i % 4 in (2, 3)
    assert conn.execute("SELECT count(*) FROM url_result WHERE url != 'https://shared.test/'").fetchone()[0] == (
        2 * per_tag
    )
    assert conn.execute("SELECT count(*) FROM arxiv_record").fetchone()[0] == 2 * (WRITES // 4)
    assert conn.execute("SELECT count(*) FROM url_history").fetchone()[0] == 2 * (per_tag + WRITES // 4)
    conn.close()
    with LinkCache(path, now=lambda: T0 + 1) as c:
        for tag in ("p1", "p2"):
            for i in range(WRITES):
                if i % 4 >= 2:
                    assert c.get_url(f"https://{tag}.test/{i}") is not None, (tag, i)
                if i % 4 == 1:
                    assert c.get_arxiv(f"{tag}.{i:05d}").authors == (tag, str(i))
        assert len(c.history("https://shared.test/")) == 2 * (WRITES // 4)


def test_a_short_file_that_is_not_a_database_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"x")
    with pytest.raises(UserError, match="not a link cache"):
        LinkCache(path)
    assert path.read_bytes() == b"x"


def cache_with_rows(path: Path, *statements: tuple[str, tuple]) -> Path:
    """A new link cache at `path` with rows written behind its back (as a hand edit or another tool would)."""
    LinkCache(path).close()
    with sqlite3.connect(path) as conn:
        for sql, values in statements:
            conn.execute(sql, values)
    conn.close()
    return path


BAD_URL_ROWS = [
    ("zombie", 200, "", None, T0),  # an outcome this version never writes
    ("alive", "two hundred", "", None, T0),
    ("alive", 200, "", b"\x00", T0),  # a blob where text belongs
    ("alive", 200, "", None, "yesterday"),
    ("alive", 200, "", None, 1e300),  # from the far future: it would stay fresh for ever
    ("dead", 404, b"\xff", None, T0),
]


@pytest.mark.parametrize("row", BAD_URL_ROWS)
def test_a_url_row_with_bad_values_is_a_miss_and_is_rewritten(tmp_path: Path, clock: Clock, row: tuple) -> None:
    path = cache_with_rows(
        tmp_path / "links.sqlite3",
        ("INSERT INTO url_result VALUES ('https://a.test/', ?, ?, ?, ?, ?)", row),
        ("INSERT INTO url_history (url, checked_at, outcome) VALUES ('https://a.test/', 'noon', 'dead')", ()),
        ("INSERT INTO url_history (url, checked_at, outcome) VALUES ('https://a.test/', ?, 7)", (T0,)),
    )
    with LinkCache(path, now=clock) as cache:
        assert cache.get_url("https://a.test/") is None
        assert cache.history("https://a.test/") == []
        assert cache.failing_days("https://a.test/") == 0
        cache.put_url(result("https://a.test/", "alive", T0, 200))
        got = cache.get_url("https://a.test/")
        assert got is not None and got.status == 200 and got.checked_at == T0


BAD_ARXIV_ROWS = [
    (1, "T", "not json", 2017, 0, "", T0, None, None),
    (1, "T", '{"a": 1}', 2017, 0, "", T0, None, None),
    (1, "T", "[1, 2]", 2017, 0, "", T0, None, None),
    (1, "T", "[" * 5000 + "]" * 5000, 2017, 0, "", T0, None, None),
    (7, "T", "[]", 2017, 0, "", T0, None, None),
    (1, b"\x00", "[]", 2017, 0, "", T0, None, None),
    (1, "T", "[]", "MMXVII", 0, "", T0, None, None),
    (1, "T", "[]", 2017, 0.5, "", T0, None, None),
    (1, "T", "[]", 2017, 0, "", -1.0, None, None),
    (1, "T", "[]", 2017, 0, "", T0, 0, None),
    (1, "T", "[]", 2017, 0, "", T0, "v2", None),
    (1, "T", "[]", 2017, 0, "", T0, 2, "cs.CV"),  # categories that are not a JSON array of names
    (1, "T", "[]", 2017, 0, "", T0, 2, "[1]"),
    (1, "T", "[]", 2017, 0, "", T0, 2, b"[]"),
]


@pytest.mark.parametrize("row", BAD_ARXIV_ROWS)
def test_an_arxiv_row_with_bad_values_is_a_miss_and_is_rewritten(tmp_path: Path, clock: Clock, row: tuple) -> None:
    path = cache_with_rows(
        tmp_path / "links.sqlite3", ("INSERT INTO arxiv_record VALUES ('1707.01209', ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
    )
    with LinkCache(path, now=clock) as cache:
        assert cache.get_arxiv("1707.01209") is None
        cache.put_arxiv(ArxivRecord("1707.01209", True, "Model Compression", ("A. Polino",), 2017, checked_at=T0))
        got = cache.get_arxiv("1707.01209")
        assert got is not None and got.title == "Model Compression" and got.authors == ("A. Polino",)


def test_check_links_over_a_cache_with_bad_rows_reports_no_traceback(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from awesome_lint.cli import main

    path = cache_with_rows(
        tmp_path / "links.sqlite3",
        ("INSERT INTO url_result VALUES ('https://a.test/x', 'alive', 'OK', '', NULL, 'soon')", ()),
        ("INSERT INTO arxiv_record VALUES ('1707.01209', 1, 'T', 'oops', 2017, 0, '', 0, NULL, NULL)", ()),
    )
    listing = tmp_path / "list.md"
    listing.write_text("- [A](https://a.test/x)\n- [B](https://arxiv.org/abs/1707.01209)\n")
    run = CliRunner().invoke(main, ["check-links", "--offline", "--cache", str(path), str(listing)])
    assert run.exit_code == 0, run.output
    assert "links: 0 alive, 0 dead, 2 unknown" in run.stderr
    assert "Traceback" not in run.output


def test_a_fifo_device_or_overlong_name_is_refused_without_opening_it(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "cache.fifo"
    os.mkfifo(fifo)  # opening it to read the header would wait for a writer for ever
    for path, message in (
        (fifo, "not a link cache (not a regular file)"),
        (Path("/dev/null"), "not a link cache (not a regular file)"),
        (tmp_path / ("x" * 300), "file name too long"),
    ):
        with pytest.raises(UserError, match=re.escape(message)):
            LinkCache(path)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
