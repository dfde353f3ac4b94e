"""The arXiv client against a fake arXiv API on 127.0.0.1 (real HTTP, real `arxiv` package, no internet)."""

from __future__ import annotations

import dataclasses
import importlib.metadata
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fake_arxiv import WITHDRAWN_TEXT, FakeArxiv, Paper
from pytest_httpserver import HTTPServer

from awesome_lint.errors import UserError
from awesome_lint.links.arxiv import API_ENV, ArxivClient
from awesome_lint.links.types import ArxivRecord, LinkResult

PAPERS = {
    "1510.00149": Paper(
        "Deep Compression: Compressing Deep Neural Networks with Pruning,\n  Trained Quantization and Huffman Coding",
        ("Song Han", "Huizi Mao", "William J.  Dally"),
        "2015-10-01T19:03:14Z",
        comment="Published as a conference paper at ICLR 2016 (oral)",
    ),
    "1707.01209": Paper(
        "Model Compression via Distillation and Quantization", ("Antonio Polino",), "2017-07-05T09:12:01Z"
    ),
    "1404.0736": Paper("Exploiting Linear Structure Within Convolutional Networks", published="2014-04-02T21:22:47Z"),
    "1602.07360": Paper("A Retracted Result", published="2016-02-24T12:00:00Z", withdrawn=True),
    "1611.00001": Paper(
        "Drug Safety Signals",
        published="2016-11-01T00:00:00Z",
        summary="We model drugs withdrawn from the market after approval.",
    ),
    "hep-th/9901001": Paper("An Old-Style Paper", published="1999-01-04T00:00:00Z"),
    "math/0309136": Paper("A Paper Filed Under a Subject Class", published="2003-09-08T00:00:00Z"),
}
MISSING = "2101.00001"  # well-formed, unknown to the fake


class DictCache:
    """A dict-backed implementation of the Cache protocol that remembers every write."""

    def __init__(self) -> None:
        self.urls: dict[str, LinkResult] = {}
        self.records: dict[str, ArxivRecord] = {}
        self.puts: list[ArxivRecord] = []

    def get_url(self, url: str) -> LinkResult | None:
        return self.urls.get(url)

    def put_url(self, result: LinkResult) -> None:
        self.urls[result.url] = result

    def get_arxiv(self, arxiv_id: str) -> ArxivRecord | None:
        record = self.records.get(arxiv_id)
        return dataclasses.replace(record, from_cache=True) if record is not None else None

    def put_arxiv(self, record: ArxivRecord) -> None:
        self.puts.append(record)
        self.records[record.id] = record


@pytest.fixture
def fake(server: HTTPServer) -> Iterator[FakeArxiv]:
    """The fake arXiv API, freshly installed on the server."""
    api = FakeArxiv(dict(PAPERS))
    api.install(server)
    yield api
    api.release()


def client(fake: FakeArxiv, **options: Any) -> ArxivClient:
    """A client for the fake: no rate-limit delay, tiny backoff, generous timeout unless told otherwise."""
    settings: dict[str, Any] = {"delay": 0.0, "backoff": 0.01, "timeout": 30.0}
    return ArxivClient(fake.template, **(settings | options))


# answers


def test_found_paper_carries_its_metadata(fake: FakeArxiv) -> None:
    arxiv = client(fake)
    records = arxiv.lookup(["1510.00149"])
    record = records["1510.00149"]
    assert record.exists is True
    assert record.id == "1510.00149"
    assert record.title == (
        "Deep Compression: Compressing Deep Neural Networks with Pruning, Trained Quantization and Huffman Coding"
    )
    assert record.authors == ("Song Han", "Huizi Mao", "William J. Dally")
    assert record.year == 2015
    assert record.version == 2  # the latest version arXiv lists
    assert record.categories == ("cs.CV",)  # the fake's default subject category
    assert record.withdrawn is False
    assert record.from_cache is False
    assert record.checked_at > 0
    assert arxiv.stats.requests == 1
    assert fake.requests[0].user_agent.startswith("awesome-lint/")


def test_unknown_id_is_not_found_when_the_page_lists_others(fake: FakeArxiv) -> None:
    records = client(fake).lookup(["1707.01209", MISSING])
    assert records["1707.01209"].exists is True
    assert records[MISSING] == ArxivRecord(MISSING, False, reason="not found", checked_at=records[MISSING].checked_at)
    assert len(fake.requests) == 1


def test_malformed_ids_are_never_sent(fake: FakeArxiv) -> None:
    arxiv = client(fake)
    records = arxiv.lookup(["1707.01209", "1313.0001", "abc", "1501.0001", MISSING, "0704.10001"])
    for bad in ("1313.0001", "abc", "1501.0001", "0704.10001"):
        assert records[bad].exists is False
        assert records[bad].reason == "malformed id"
    assert records["1707.01209"].exists is True
    assert records[MISSING].exists is False
    assert fake.asked == ["1707.01209", MISSING]
    assert [seen.status for seen in fake.requests] == [200]
    assert client(fake).lookup(["abc", "9999.99999"])["abc"].exists is False
    assert len(fake.requests) == 1  # a lookup of only malformed ids sends nothing


def test_withdrawn_paper_is_flagged_and_an_abstract_about_withdrawal_is_not(fake: FakeArxiv) -> None:
    records = client(fake).lookup(["1602.07360", "1611.00001", "1510.00149"])
    assert records["1602.07360"].exists is True
    assert records["1602.07360"].withdrawn is True
    assert "withdrawn" in WITHDRAWN_TEXT
    assert records["1611.00001"].withdrawn is False
    assert records["1510.00149"].withdrawn is False


def test_categories_come_primary_first_and_are_cached(fake: FakeArxiv) -> None:
    fake.papers = {
        **fake.papers,
        "1802.00011": Paper("Some Paper", categories=("cs.AR", "cs.LG", "stat.ML")),
        "1802.00012": Paper("Another Paper", categories=()),
    }
    cache = DictCache()
    records = client(fake, cache=cache).lookup(["1802.00011", "1802.00012"])
    assert records["1802.00011"].categories == ("cs.AR", "cs.LG", "stat.ML")
    assert records["1802.00012"].categories == ()
    assert [r.categories for r in cache.puts] == [("cs.AR", "cs.LG", "stat.ML"), ()]


def test_versions_and_prefixes_are_normalised_and_asked_once(fake: FakeArxiv) -> None:
    given = ["1707.01209v2", "arXiv:1707.01209", "1707.01209", "1707.01209v2", "1404.00736"]
    records = client(fake).lookup(given)
    assert list(records) == ["1707.01209v2", "arXiv:1707.01209", "1707.01209", "1404.00736"]
    assert {r.id for key, r in records.items() if key != "1404.00736"} == {"1707.01209"}
    assert all(r.exists for r in records.values())
    assert records["1404.00736"].id == "1404.0736"
    assert fake.asked == ["1707.01209", "1404.0736"]


def test_old_style_ids_match_the_canonical_entry(fake: FakeArxiv) -> None:
    records = client(fake).lookup(["hep-th/9901001", "math.GT/0309136", "hep-th/9901002"])
    assert records["hep-th/9901001"].exists is True
    assert records["hep-th/9901001"].year == 1999
    assert records["math.GT/0309136"].exists is True  # arXiv answers it as math/0309136
    assert records["math.GT/0309136"].title == "A Paper Filed Under a Subject Class"
    assert records["hep-th/9901002"].exists is False


def test_an_entry_under_another_id_leaves_the_unlisted_ids_unknown(fake: FakeArxiv) -> None:
    fake.alias = {"2001.00010": "1510.00149"}  # arXiv answers the asked id under a different one
    records = client(fake).lookup(["2001.00010", "1707.01209"])
    assert records["1707.01209"].exists is True
    assert records["2001.00010"].exists is None  # not "not found": the stray entry may be this paper
    assert "1510.00149" in records["2001.00010"].reason


def test_an_entry_the_package_cannot_parse_is_unknown_not_missing(fake: FakeArxiv) -> None:
    fake.broken = {"1510.00149"}  # no <published>: the arxiv package drops the entry
    records = client(fake).lookup(["1510.00149", "1707.01209", MISSING])
    assert records["1510.00149"].exists is None
    if int(importlib.metadata.version("arxiv").split(".")[0]) >= 4:  # 2.x (feedparser) fails the whole page
        assert "could not be parsed" in records["1510.00149"].reason
        assert records["1707.01209"].exists is True
        assert records[MISSING].exists is False


# batching and politeness


def test_250_ids_go_out_in_three_batches_with_max_results(fake: FakeArxiv) -> None:
    ids = [f"2001.{n:05d}" for n in range(1, 251)]
    fake.papers = {i: Paper(f"Paper {i}") for i in ids[::2]}
    arxiv = client(fake, batch_size=100)
    records = arxiv.lookup(ids)
    assert arxiv.stats.requests == 3
    assert [len(seen.ids) for seen in fake.requests] == [100, 100, 50]
    assert [seen.max_results for seen in fake.requests] == [100, 100, 50]  # arXiv's own default is 10
    assert sorted(fake.asked) == ids
    assert all(records[i].exists is True for i in ids[::2])
    assert all(records[i].exists is False for i in ids[1::2])


def test_batch_size_is_capped_at_200(fake: FakeArxiv) -> None:
    ids = [f"2001.{n:05d}" for n in range(1, 251)]
    fake.papers = {i: Paper(f"Paper {i}") for i in ids[::2]}
    arxiv = client(fake, batch_size=1000)
    arxiv.lookup(ids)
    assert [len(seen.ids) for seen in fake.requests] == [200, 50]


def test_requests_are_spaced_by_the_delay(fake: FakeArxiv) -> None:
    arxiv = client(fake, delay=0.2, batch_size=1)
    started = time.monotonic()
    records = arxiv.lookup(["1707.01209", "1510.00149", "1404.0736"])
    elapsed = time.monotonic() - started
    assert len(fake.requests) == 3
    assert elapsed >= 0.4
    gaps = [b.at - a.at for a, b in zip(fake.requests, fake.requests[1:], strict=False)]
    assert min(gaps) >= 0.19
    assert all(r.exists for r in records.values())


# errors


def test_503_is_retried_after_retry_after_seconds(fake: FakeArxiv) -> None:
    fake.fail_next(1, 503, retry_after="1")
    arxiv = client(fake, backoff=0.01)
    started = time.monotonic()
    record = arxiv.lookup(["1707.01209"])["1707.01209"]
    elapsed = time.monotonic() - started
    assert record.exists is True
    assert elapsed >= 0.99  # Retry-After, not the 0.01 s backoff
    assert arxiv.stats.retries == 1
    assert [seen.status for seen in fake.requests] == [503, 200]


def test_429_without_retry_after_backs_off_exponentially(fake: FakeArxiv) -> None:
    fake.fail_next(2, 429)
    arxiv = client(fake, backoff=0.1)
    started = time.monotonic()
    record = arxiv.lookup(["1707.01209"])["1707.01209"]
    assert time.monotonic() - started >= 0.3  # 0.1 + 0.2
    assert record.exists is True
    assert arxiv.stats.retries == 2


def test_exhausted_retries_leave_ids_unknown_and_stop_asking(fake: FakeArxiv) -> None:
    fake.fail_next(20, 503)
    cache = DictCache()
    arxiv = client(fake, retries=2, batch_size=1, cache=cache)
    records = arxiv.lookup(["1707.01209", "1510.00149", MISSING])
    first = records["1707.01209"]
    assert first.exists is None
    assert "HTTP 503" in first.reason
    assert "gave up after 2 retries" in first.reason
    assert arxiv.stats.requests == 3  # the first batch's tries; arXiv is overloaded, so no more batches
    assert arxiv.stats.retries == 2
    assert records["1510.00149"].exists is None
    assert records[MISSING].exists is None  # never "not found"
    assert records[MISSING].reason.startswith("skipped: ")
    assert cache.puts == []


def test_a_stalled_answer_times_out_as_unknown(fake: FakeArxiv) -> None:
    fake.stall_next(1, 1.5)
    cache = DictCache()
    arxiv = client(fake, timeout=0.5, cache=cache)
    record = arxiv.lookup(["1707.01209"])["1707.01209"]
    assert record.exists is None  # a client that waited 1.5 s would have found the paper
    assert "timed out" in record.reason
    assert arxiv.stats.requests == 1
    assert cache.puts == []


def test_a_trickling_answer_is_cut_off_at_the_timeout(fake: FakeArxiv) -> None:
    fake.trickle_next(1, 2.0)  # a piece every 0.2 s: no single read waits 0.5 s, the whole takes 2 s
    arxiv = client(fake, timeout=0.5)
    record = arxiv.lookup(["1707.01209"])["1707.01209"]
    assert record.exists is None  # a client that read on to the end would have found the paper
    assert "timed out" in record.reason


def test_refused_connection_is_unknown_and_later_batches_are_skipped() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    arxiv = ArxivClient(f"http://127.0.0.1:{port}/api/query?{{}}", delay=0, batch_size=1, timeout=2)
    records = arxiv.lookup(["1707.01209", "1510.00149"])
    assert records["1707.01209"].exists is None
    assert "refused" in records["1707.01209"].reason
    assert records["1510.00149"].exists is None
    assert arxiv.stats.requests == 1


def test_an_empty_page_is_retried(fake: FakeArxiv) -> None:
    fake.empty_next(1)
    arxiv = client(fake)
    records = arxiv.lookup(["1707.01209", MISSING])
    assert records["1707.01209"].exists is True
    assert records[MISSING].exists is False
    assert arxiv.stats.requests == 2
    assert arxiv.stats.retries == 1


@pytest.mark.parametrize("trouble", ["empty", "blank"])
def test_empty_pages_to_the_end_leave_ids_unknown(fake: FakeArxiv, trouble: str) -> None:
    if trouble == "empty":
        fake.empty_next(10)  # totalResults 1, but no entry: arXiv's flaky page
    else:
        fake.blank_next(10)
    arxiv = client(fake, retries=2)
    record = arxiv.lookup(["1707.01209"])["1707.01209"]
    assert record.exists is None
    assert "empty page" in record.reason
    assert arxiv.stats.requests == 3


def test_a_batch_of_only_missing_ids_is_not_found_after_consistent_answers(fake: FakeArxiv) -> None:
    arxiv = client(fake, retries=2)
    records = arxiv.lookup([MISSING, "2101.00002"])
    assert [r.exists for r in records.values()] == [False, False]
    assert {r.reason for r in records.values()} == {"not found"}
    assert arxiv.stats.requests == 4  # totalResults 0 three times in a row, and one probe with a canary id


def test_an_empty_answer_is_confirmed_by_a_known_paper_without_waiting(fake: FakeArxiv) -> None:
    arxiv = client(fake, backoff=5.0)
    assert arxiv.lookup(["1707.01209"])["1707.01209"].exists is True
    records = arxiv.lookup([MISSING])
    assert records[MISSING].exists is False and records[MISSING].reason == "not found"
    # no backoff and no retry: the probe with the known paper settled it
    assert [r.ids for r in fake.requests[1:]] == [[MISSING], [MISSING, "1707.01209"]]


def test_http_400_splits_the_batch_so_one_bad_id_cannot_sink_the_others(fake: FakeArxiv) -> None:
    ids = ["1707.01209", "1510.00149", "1404.0736", "2001.00004", MISSING, "1602.07360", "1611.00001", "2101.00002"]
    fake.reject = {"2001.00004"}  # arXiv is stricter than our local check
    arxiv = client(fake)
    records = arxiv.lookup(ids)
    assert records["2001.00004"].exists is False
    assert records["2001.00004"].reason == "incorrect id format for 2001.00004"
    assert [records[i].exists for i in ids if i != "2001.00004"] == [True, True, True, False, True, True, False]
    assert arxiv.stats.requests == 7  # 8 -> 4+4 -> 2+2 -> 1+1


@pytest.mark.parametrize("status", [400, 404, 403])
def test_other_http_errors_are_unknown_without_retry(fake: FakeArxiv, status: int) -> None:
    fake.fail_next(1, status)
    arxiv = client(fake)
    record = arxiv.lookup(["1707.01209"])["1707.01209"]
    assert record.exists is None
    assert record.reason == f"HTTP {status} from arXiv API"
    assert arxiv.stats.requests == 1


# cache and offline


def test_second_lookup_is_answered_from_the_cache(fake: FakeArxiv) -> None:
    cache = DictCache()
    first = client(fake, cache=cache).lookup(["1707.01209", MISSING, "abc"])
    assert {r.id: r.exists for r in cache.puts} == {"1707.01209": True, MISSING: False}
    again = client(fake, cache=cache)
    second = again.lookup(["1707.01209", MISSING, "abc"])
    assert len(fake.requests) == 1
    assert again.stats.requests == 0
    assert again.stats.cache_hits == 2
    assert second["1707.01209"].from_cache is True
    assert second["1707.01209"].title == first["1707.01209"].title
    assert second[MISSING].exists is False
    assert second["abc"].reason == "malformed id"


def test_offline_answers_from_the_cache_only(fake: FakeArxiv) -> None:
    cache = DictCache()
    cache.records["1707.01209"] = ArxivRecord("1707.01209", True, title="Cached", checked_at=1.0)
    arxiv = client(fake, cache=cache, offline=True)
    records = arxiv.lookup(["1707.01209", "1510.00149", "abc"])
    assert records["1707.01209"].exists is True
    assert records["1707.01209"].title == "Cached"
    assert records["1510.00149"] == ArxivRecord(
        "1510.00149", None, reason="offline", checked_at=records["1510.00149"].checked_at
    )
    assert records["abc"].exists is False
    assert fake.requests == []
    assert arxiv.stats.cache_hits == 1
    assert cache.puts == []


# configuration


def test_api_template_comes_from_the_environment(fake: FakeArxiv, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(API_ENV, fake.template)
    assert ArxivClient(delay=0).lookup(["1707.01209"])["1707.01209"].exists is True
    assert len(fake.requests) == 1
    monkeypatch.setenv(API_ENV, "http://127.0.0.1:9/no-placeholder")
    with pytest.raises(UserError, match=API_ENV):
        ArxivClient()
    assert ArxivClient(fake.template).template == fake.template  # the argument wins


@pytest.mark.parametrize(
    "template",
    ["http://127.0.0.1/api/query", "http://127.0.0.1/api?{}&{}", "http://127.0.0.1/{0}", "ftp://x/{}", "{}", "x{"],
)
def test_bad_template_is_a_user_error(template: str) -> None:
    with pytest.raises(UserError) as info:
        ArxivClient(template)
    assert "\n" not in str(info.value)
    assert "{}" in str(info.value)
