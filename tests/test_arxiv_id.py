"""Tests for awesome_lint.arxiv_id: parsing, normalisation and validation of arXiv identifiers."""

from __future__ import annotations

import dataclasses
import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.arxiv_id import (
    ArxivId,
    canonical_abs_url,
    canonical_pdf_url,
    canonical_url,
    find_cited,
    is_valid,
    parse_id,
    parse_link,
    parse_url,
    split_url,
    submission_year,
)
from awesome_lint.urls import canonical_url as canonical_key
from awesome_lint.urls import upgrade_https

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = ROOT / "tests" / "data" / "entries.jsonl"


# --------------------------------------------------------------------------------------------- ArxivId


def test_arxiv_id_is_frozen_and_slotted() -> None:
    aid = ArxivId(id="1707.01209", version=None, malformed=False, raw="1707.01209")
    with pytest.raises(dataclasses.FrozenInstanceError):
        aid.id = "1707.01210"  # type: ignore[misc]
    assert not hasattr(aid, "__dict__")


@pytest.mark.parametrize(
    ("arxiv_id", "expected"),
    [("1707.01209", True), ("1404.0736", True), ("cs/0112017", False), ("math.GT/0309136", False)],
)
def test_new_style_property(arxiv_id: str, expected: bool) -> None:
    assert ArxivId(id=arxiv_id, version=None, malformed=False, raw=arxiv_id).new_style is expected


# ------------------------------------------------------------------------------------------- parse_url

REAL_URLS = [
    # url, id, version, malformed, raw
    ("https://arxiv.org/abs/1707.01209", "1707.01209", None, False, "1707.01209"),
    ("https://arxiv.org/pdf/1710.09282.pdf", "1710.09282", None, False, "1710.09282"),
    ("https://arxiv.org/abs/1809.01330v1", "1809.01330", 1, False, "1809.01330v1"),
    ("https://arxiv.org/abs/1806.10282?context=cs.LG", "1806.10282", None, False, "1806.10282"),
    ("http://arxiv.org/pdf/1707.02725.pdf", "1707.02725", None, False, "1707.02725"),
    ("https://arxiv.org/pdf/1404.00736", "1404.0736", None, True, "1404.00736"),
    ("https://arxiv.org/pdf/1412.06115", "1412.6115", None, True, "1412.06115"),
    ("https://arxiv.org/abs/1804.03230v2", "1804.03230", 2, False, "1804.03230v2"),
    ("https://arxiv.org/pdf/1801.04381.pdf", "1801.04381", None, False, "1801.04381"),
    ("arxiv.org/pdf/1703.09746", "1703.09746", None, False, "1703.09746"),
    ("https://arxiv.org/pdf/1404.0736.pdf", "1404.0736", None, False, "1404.0736"),
    ("https://arxiv.org/abs/1511.06067", "1511.06067", None, False, "1511.06067"),
]


@pytest.mark.parametrize(("url", "arxiv_id", "version", "malformed", "raw"), REAL_URLS)
def test_parse_url_real_inputs(url: str, arxiv_id: str, version: int | None, malformed: bool, raw: str) -> None:
    assert parse_url(url) == ArxivId(id=arxiv_id, version=version, malformed=malformed, raw=raw)


@pytest.mark.parametrize(
    ("url", "arxiv_id", "version", "raw"),
    [
        ("https://arxiv.org/abs/cs/0112017", "cs/0112017", None, "cs/0112017"),
        ("https://arxiv.org/abs/math.GT/0309136v2", "math.GT/0309136", 2, "math.GT/0309136v2"),
        ("https://arxiv.org/pdf/hep-th/9901001.pdf", "hep-th/9901001", None, "hep-th/9901001"),
        ("http://arxiv.org/pdf/cond-mat/0501001v3.pdf", "cond-mat/0501001", 3, "cond-mat/0501001v3"),
    ],
)
def test_parse_url_old_style(url: str, arxiv_id: str, version: int | None, raw: str) -> None:
    aid = parse_url(url)
    assert aid == ArxivId(id=arxiv_id, version=version, malformed=False, raw=raw)
    assert not aid.new_style


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/1707.01209",
        "http://arxiv.org/abs/1707.01209",
        "https://www.arxiv.org/abs/1707.01209",
        "http://export.arxiv.org/abs/1707.01209",
        "https://browse.arxiv.org/abs/1707.01209",
        "arxiv.org/abs/1707.01209",
        "www.arxiv.org/abs/1707.01209",
        "//arxiv.org/abs/1707.01209",
        "HTTPS://ArXiv.org/abs/1707.01209",
        "https://arxiv.org/pdf/1707.01209",
        "https://arxiv.org/pdf/1707.01209.pdf",
        "https://arxiv.org/pdf/1707.01209.PDF",
        "https://arxiv.org/format/1707.01209",
        "https://arxiv.org/html/1707.01209",
        "https://arxiv.org/abs/1707.01209/",
        "https://arxiv.org/abs/1707.01209?context=cs",
        "https://arxiv.org/abs/1707.01209#S2",
        "https://arxiv.org/pdf/1707.01209.pdf#page=3",
        "https://arxiv.org/abs/1707.01209/?context=cs.LG#x",
        "  https://arxiv.org/abs/1707.01209\n",
    ],
)
def test_parse_url_host_and_path_variants(url: str) -> None:
    aid = parse_url(url)
    assert aid is not None
    assert aid.id == "1707.01209"
    assert aid.version is None
    assert aid.raw == "1707.01209"


@pytest.mark.parametrize(
    ("url", "version", "raw"),
    [
        ("https://arxiv.org/pdf/1801.04381v2", 2, "1801.04381v2"),
        ("https://arxiv.org/pdf/1801.04381v2.pdf", 2, "1801.04381v2"),
        ("https://arxiv.org/html/1801.04381v12/", 12, "1801.04381v12"),
    ],
)
def test_parse_url_version(url: str, version: int, raw: str) -> None:
    aid = parse_url(url)
    assert aid is not None
    assert (aid.id, aid.version, aid.raw) == ("1801.04381", version, raw)


@pytest.mark.parametrize(
    "url",
    [
        "https://browse.arxiv.org/abs/2402.00858",
        "https://browse.arxiv.org/pdf/2402.00858v1.pdf",
        "http://export.arxiv.org/pdf/2402.00858v1",
        "https://www.arxiv.org/abs/2402.00858v1",
    ],
)
def test_every_arxiv_host_gives_the_id_and_serves_https(url: str) -> None:
    found = parse_link(url)
    assert found is not None and found.id == "2402.00858"
    assert canonical_key(url) == "arxiv:2402.00858"
    assert upgrade_https(url.replace("https://", "http://")).startswith("https://")


@pytest.mark.parametrize(
    "url",
    [
        "http://papers.nips.cc/paper/5647-binaryconnect.pdf",
        "https://openreview.net/forum?id=HJGXzmspb",
        "https://github.com/x/y",
        "http://www.arxiv-sanity.com/1707.01209v1",
        "https://arxiv-sanity.com/abs/1707.01209",
        "https://notarxiv.org/abs/1707.01209",
        "https://arxiv.org.evil.com/abs/1707.01209",
        "https://evil.com/arxiv.org/abs/1707.01209",
        "https://scholar.arxiv.org/abs/1707.01209",
        "https://arxiv.org/list/cs.CV/recent",
        "https://arxiv.org/",
        "https://arxiv.org/abs/",
        "https://arxiv.org/a/han_s_1",
        "https://arxiv.org/abs/1707.012090",
        "https://arxiv.org/abs/1707.123",
        "https://arxiv.org/abs/1707.01209v",
        "https://arxiv.org/abs/1707.01209 and more",
        "ftp://arxiv.org/abs/1707.01209",
        "1707.01209",
        "arXiv:1707.01209",
        "",
    ],
)
def test_parse_url_rejects(url: str) -> None:
    assert parse_url(url) is None


# -------------------------------------------------------------------------------------------- parse_id


@pytest.mark.parametrize(
    ("text", "arxiv_id", "version", "malformed", "raw"),
    [
        ("1707.01209", "1707.01209", None, False, "1707.01209"),
        ("arXiv:1707.01209", "1707.01209", None, False, "1707.01209"),
        ("arxiv:1707.01209", "1707.01209", None, False, "1707.01209"),
        ("ARXIV:1707.01209", "1707.01209", None, False, "1707.01209"),
        ("arXiv: 1707.01209", "1707.01209", None, False, "1707.01209"),
        ("arXiv 1707.01209", "1707.01209", None, False, "1707.01209"),
        ("  1707.01209\t", "1707.01209", None, False, "1707.01209"),
        ("1707.01209v2", "1707.01209", 2, False, "1707.01209v2"),
        ("arXiv:1707.01209v10", "1707.01209", 10, False, "1707.01209v10"),
        ("1404.0736", "1404.0736", None, False, "1404.0736"),
        ("1404.00736", "1404.0736", None, True, "1404.00736"),
        ("1404.00736v1", "1404.0736", 1, True, "1404.00736v1"),
        ("arXiv:1412.06115", "1412.6115", None, True, "1412.06115"),
        ("0704.00001", "0704.0001", None, True, "0704.00001"),
        ("1501.00001", "1501.00001", None, False, "1501.00001"),
        ("2301.01234", "2301.01234", None, False, "2301.01234"),
        ("cs/0112017", "cs/0112017", None, False, "cs/0112017"),
        ("arXiv:hep-th/9901001v3", "hep-th/9901001", 3, False, "hep-th/9901001v3"),
        ("math.GT/0309136", "math.GT/0309136", None, False, "math.GT/0309136"),
    ],
)
def test_parse_id(text: str, arxiv_id: str, version: int | None, malformed: bool, raw: str) -> None:
    assert parse_id(text) == ArxivId(id=arxiv_id, version=version, malformed=malformed, raw=raw)


@pytest.mark.parametrize(
    "text",
    [
        # Right shape, not normalisable: returned as written so that is_valid() can flag it.
        "1404.12345",  # five digits before 1501 without the leading zero
        "1501.0123",  # four digits from 1501 on
        "1713.01234",  # month 13
        "1413.0123",  # month 13, four digits
        "0612.1234",  # before new-style ids existed
        "CS/0112017",  # upper-case archive
        "hep-th/0801001",  # old style after 2007
    ],
)
def test_parse_id_keeps_unnormalisable_shape_as_written(text: str) -> None:
    aid = parse_id(text)
    assert aid == ArxivId(id=text, version=None, malformed=False, raw=text)
    assert not is_valid(aid.id)


def test_parse_id_malformed_form_with_bad_month_is_still_normalised() -> None:
    aid = parse_id("1413.01234")
    assert aid == ArxivId(id="1413.1234", version=None, malformed=True, raw="1413.01234")
    assert not is_valid(aid.id)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "arXiv:",
        "arXiv",
        "1707",
        "1707.123",
        "1707.123456",
        "17070.1234",
        "707.01209",
        "1707-01209",
        "1707.01209v",
        "1707.01209.pdf",
        "v2",
        "1707.01209 1707.01210",
        "see 1707.01209",
        "arXiv:1707.01209 (2017)",
        "cs/011201",
        "cs/01120170",
        "cs0112017",
        "https://arxiv.org/abs/1707.01209",
        "doi:1707.01209",
        "1707.\u0661\u0662\u0660\u0669",  # Arabic-Indic digits are not arXiv digits
    ],
)
def test_parse_id_rejects(text: str) -> None:
    assert parse_id(text) is None


# -------------------------------------------------------------------------------------------- is_valid


@pytest.mark.parametrize(
    "arxiv_id",
    [
        "0704.0001",
        "1404.0736",
        "1412.9999",
        "1501.00001",
        "1707.01209",
        "2312.99999",
        "cs/0112017",
        "hep-th/9901001",
        "math.GT/0309136",
        "cs.CV/0701001",
        "cond-mat/0501001",
        "q-bio/0312999",
        "astro-ph/9108001",
        "math/0712001",
    ],
)
def test_is_valid_accepts(arxiv_id: str) -> None:
    assert is_valid(arxiv_id)


@pytest.mark.parametrize(
    "arxiv_id",
    [
        "",
        "0703.0001",  # new style did not exist yet
        "0612.1234",
        "1404.00736",  # malformed five-digit form is not a normalised id
        "1404.12345",
        "1501.0123",  # four digits from 2015
        "1707.1209",
        "1700.01209",  # month 00
        "1713.01209",  # month 13
        "1412.0000",  # sequence numbers start at 1
        "1707.00000",
        "1707.01209v2",  # not normalised: version
        "arXiv:1707.01209",  # not normalised: prefix
        " 1707.01209",
        "1707.01209 ",
        "1707.012",
        "1707.012090",
        "hep-th/0801001",  # old style ended in 2007
        "hep-th/9001001",  # before 1991
        "hep-th/9913001",  # month 13
        "hep-th/9900001",  # month 00
        "hep-th/9901000",
        "CS/0112017",  # archives are lower case
        "Hep-th/9901001",
        "hep_th/9901001",
        "-hep/9901001",
        "hep-/9901001",
        "math.GT1/0309136",
        "math./0309136",
        "/0309136",
        "cs/011201",
        "cs/01120170",
        "cs/0112017v1",
    ],
)
def test_is_valid_rejects(arxiv_id: str) -> None:
    assert not is_valid(arxiv_id)


# ---------------------------------------------------------------------------------------- canonical URLs


def test_canonical_urls() -> None:
    assert canonical_abs_url("1707.01209") == "https://arxiv.org/abs/1707.01209"
    assert canonical_pdf_url("1707.01209") == "https://arxiv.org/pdf/1707.01209"
    assert canonical_abs_url("math.GT/0309136") == "https://arxiv.org/abs/math.GT/0309136"
    assert canonical_pdf_url("cs/0112017") == "https://arxiv.org/pdf/cs/0112017"
    assert (
        canonical_url("1809.01330", "abs", 2)
        == canonical_abs_url("1809.01330", 2)
        == ("https://arxiv.org/abs/1809.01330v2")
    )


@pytest.mark.parametrize(
    ("url", "parts", "abs_url", "pdf_url"),
    [
        (
            "https://arxiv.org/abs/1706.02677.pdf",
            ("https", "arxiv.org", "abs", ".pdf", False, ""),
            "https://arxiv.org/abs/1706.02677",
            "https://arxiv.org/pdf/1706.02677",
        ),
        (
            "http://www.arXiv.org/PDF/1809.01330v2.pdf/",
            ("http", "www.arXiv.org", "PDF", ".pdf", True, ""),
            "https://arxiv.org/abs/1809.01330v2",
            "https://arxiv.org/pdf/1809.01330v2",
        ),
        (
            "//export.arxiv.org/abs/math.GT/0309136v1#",
            ("", "export.arxiv.org", "abs", "", False, "#"),
            "https://arxiv.org/abs/math.GT/0309136v1",
            "https://arxiv.org/pdf/math.GT/0309136v1",
        ),
        (
            "arxiv.org/abs/1806.10282?context=cs.LG",
            ("", "arxiv.org", "abs", "", False, "?context=cs.LG"),
            "https://arxiv.org/abs/1806.10282?context=cs.LG",
            "https://arxiv.org/pdf/1806.10282?context=cs.LG",
        ),
    ],
)
def test_split_url_parts_and_canonical_forms(url: str, parts: tuple, abs_url: str, pdf_url: str) -> None:
    split = split_url(url)
    assert split is not None and split.found == parse_url(url)
    assert (split.scheme, split.host, split.kind, split.suffix, split.slash, split.tail) == parts
    assert url[split.id_start :].startswith(split.found.raw)
    assert split.canonical("abs") == abs_url
    assert split.canonical("pdf") == pdf_url
    assert split.canonical("abs", version=False) == abs_url.replace(f"v{split.found.version}", "")


@pytest.mark.parametrize("url", ["https://arxiv.org/search/", "https://example.org/abs/1706.02677", "1706.02677"])
def test_split_url_refuses_what_parse_url_refuses(url: str) -> None:
    assert split_url(url) is None and parse_url(url) is None


# ------------------------------------------------------------------------------------------ find_cited


def _ids(text: str) -> list[str]:
    return [aid.id for aid in find_cited(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".[J] arXiv preprint arXiv:1404.00736", ["1404.0736"]),
        ("arXiv preprint arXiv:1611.06440 3 (2016)", ["1611.06440"]),
        ("arXiv preprint arXiv:1605.06402 (2016).", ["1605.06402"]),
        ("arXiv preprint arXiv:1412.5474, 2014", ["1412.5474"]),
        ("Han et al., arXiv 1711.01312", ["1711.01312"]),
        ("arXiv:1711.01312", ["1711.01312"]),
        ("[arXiv:1711.01312]", ["1711.01312"]),
        ("(arXiv: 1711.01312v3)", ["1711.01312"]),
        ("arXiv preprint 1711.01312", ["1711.01312"]),
        ("arXiv e-print 1711.01312", ["1711.01312"]),
        ("ARXIV:1711.01312", ["1711.01312"]),
        ("arXiv:cs/0112017", ["cs/0112017"]),
        ("arXiv:math.GT/0309136v2.", ["math.GT/0309136"]),
        ("[paper](https://arxiv.org/abs/1707.01209) [arXiv '17]", ["1707.01209"]),
        ("see arxiv.org/pdf/1703.09746.pdf, p. 3", ["1703.09746"]),
        ("<https://www.arxiv.org/abs/hep-th/9901001v2>", ["hep-th/9901001"]),
        ("https://arxiv.org/abs/1806.10282?context=cs.LG", ["1806.10282"]),
        ("İİ Pruning, https://browse.arxiv.org/abs/1711.01312", ["1711.01312"]),
        ("Pruning (http://export.arxiv.org/pdf/1711.01312v2)", ["1711.01312"]),
        ("[[paper]](https://arxiv.org/pdf/1412.06115) .[J] arXiv preprint arXiv:1412.06115", ["1412.6115"]),
        (
            "[[paper]](https://arxiv.org/abs/1712.01312) arXiv preprint arXiv:1711.01312, 2017.",
            ["1712.01312", "1711.01312"],
        ),
    ],
)
def test_find_cited(text: str, expected: list[str]) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1711.01312",
        "pages 1711.01312",
        "version 1711.01312 of the software",
        "In Proc. ICML, pp. 1404.00736",
        "arXiv 2016, [[paper]](https://papers.nips.cc/paper/5647-binaryconnect.pdf)",
        "arXiv '17, Google",
        "arxiv'17",
        "arXiv 1711.013120",
        "arXiv:1711.01312x",
        "notarxiv:1711.01312",
        "my-arxiv:1711.01312",
        "arXiv.1711.01312",
        "arXiv-1711.01312",
        "https://notarxiv.org/abs/1711.01312",
        "x-https://browse.arxiv.org/abs/1711.01312",
        "https://arxiv-sanity.com/abs/1711.01312",
        "https://arxiv.org.evil.com/abs/1711.01312",
        "https://arxiv.org/list/cs.CV/recent 1711.01312",
        "arXiv preprint, 1711.01312",
    ],
)
def test_find_cited_ignores_numbers_without_arxiv_context(text: str) -> None:
    assert find_cited(text) == []


def test_find_cited_keeps_order_and_details() -> None:
    text = "arXiv:1801.04381v2; https://arxiv.org/pdf/1404.00736.pdf and arXiv: cs/0112017"
    assert find_cited(text) == [
        ArxivId(id="1801.04381", version=2, malformed=False, raw="1801.04381v2"),
        ArxivId(id="1404.0736", version=None, malformed=True, raw="1404.00736"),
        ArxivId(id="cs/0112017", version=None, malformed=False, raw="cs/0112017"),
    ]


def test_find_cited_deduplicates_by_normalised_id_keeping_first() -> None:
    text = (
        "arXiv:1404.00736v1 then https://arxiv.org/abs/1404.0736 then arXiv:1707.01209 "
        "then arXiv:1404.0736v2 then arXiv:1707.01209v3"
    )
    assert find_cited(text) == [
        ArxivId(id="1404.0736", version=1, malformed=True, raw="1404.00736v1"),
        ArxivId(id="1707.01209", version=None, malformed=False, raw="1707.01209"),
    ]


def test_find_cited_spans_lines() -> None:
    assert _ids("arXiv preprint\narXiv:1605.06402\n- arXiv\n1503.02531") == ["1605.06402", "1503.02531"]


# ---------------------------------------------------------------------------------------- gold data


def _gold_entries() -> list[dict[str, Any]]:
    with ENTRIES.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_gold_entries_arxiv_ids_from_links_or_citation_text() -> None:
    """Every hand-checked entry's arXiv id comes from its first arXiv link, else from its cited text."""
    sources: dict[str, list[str]] = {}
    checked = 0
    for entry in _gold_entries():
        path = entry["file"]
        if path not in sources:
            sources[path] = (ROOT / path).read_text(encoding="utf-8").split("\n")
        lines = sources[path]
        from_links = [aid for url in entry["urls"] if (aid := parse_url(url)) is not None]
        cited = find_cited(lines[entry["line"] - 1])
        got = from_links[0].id if from_links else (cited[0].id if cited else None)
        assert got == entry["arxiv"], entry
        if got is not None:
            checked += 1
            assert is_valid(got), entry
    assert checked > 300


def test_gold_lists_cite_only_known_ids() -> None:
    """Ids cited anywhere in the lists are gold ids, except the text side of two recorded mismatches."""
    gold = {e["arxiv"] for e in _gold_entries() if e["arxiv"]}
    cited: list[ArxivId] = []
    for path in sorted((ROOT / "lists").glob("*.md")):
        cited.extend(find_cited(path.read_text(encoding="utf-8")))
    assert {aid.id for aid in cited} - gold == {"1605.06402", "1711.01312"}
    assert {aid.id for aid in cited if aid.malformed} >= {"1404.0736", "1412.6115"}


# ------------------------------------------------------------------------------------------ properties


@st.composite
def new_style_ids(draw: st.DrawFn) -> str:
    """A structurally valid new-style id."""
    yy = draw(st.integers(7, 25))
    yymm = yy * 100 + draw(st.integers(4 if yy == 7 else 1, 12))
    width = 4 if yymm < 1501 else 5
    num = draw(st.integers(1, 10**width - 1))
    return f"{yymm:04d}.{num:0{width}d}"


@st.composite
def old_style_ids(draw: st.DrawFn) -> str:
    """A structurally valid old-style id."""
    word = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=8)
    archive = draw(st.lists(word, min_size=1, max_size=2).map("-".join))
    subject = draw(st.one_of(st.just(""), st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2)))
    subject = f".{subject}" if subject else ""
    yy = draw(st.sampled_from([*range(91, 100), *range(8)]))
    mm = draw(st.integers(1, 12))
    num = draw(st.integers(1, 999))
    return f"{archive}{subject}/{yy:02d}{mm:02d}{num:03d}"


valid_ids = st.one_of(new_style_ids(), old_style_ids())


@given(valid_ids)
def test_generated_ids_are_valid(arxiv_id: str) -> None:
    assert is_valid(arxiv_id)
    assert is_valid(arxiv_id + "v1") is False


@given(valid_ids)
def test_canonical_urls_round_trip(arxiv_id: str) -> None:
    expected = ArxivId(id=arxiv_id, version=None, malformed=False, raw=arxiv_id)
    assert parse_url(canonical_abs_url(arxiv_id)) == expected
    assert parse_url(canonical_pdf_url(arxiv_id)) == expected
    assert parse_id(arxiv_id) == expected


@given(valid_ids, st.integers(1, 999))
def test_versioned_pdf_url_and_citation_round_trip(arxiv_id: str, version: int) -> None:
    expected = ArxivId(id=arxiv_id, version=version, malformed=False, raw=f"{arxiv_id}v{version}")
    assert parse_url(f"{canonical_pdf_url(arxiv_id)}v{version}.pdf") == expected
    assert parse_id(f"arXiv:{arxiv_id}v{version}") == expected
    assert find_cited(f"Foo et al. arXiv preprint arXiv:{arxiv_id}v{version}, 2020.") == [expected]


@given(new_style_ids())
def test_leading_zero_form(arxiv_id: str) -> None:
    yymm, num = arxiv_id.split(".")
    aid = parse_id(f"{yymm}.0{num}")
    if len(num) == 4:
        assert aid == ArxivId(id=arxiv_id, version=None, malformed=True, raw=f"{yymm}.0{num}")
    else:
        assert aid is None  # six digits is not an arXiv id shape


@given(st.text(alphabet="0123456789 .,;:()[]v/-\n", max_size=80))
def test_no_arxiv_context_means_nothing_cited(text: str) -> None:
    assert find_cited(text) == []


@given(st.text(alphabet=st.one_of(st.sampled_from("arXiv.org/abspdf:0123456789 -v?#"), st.characters()), max_size=80))
def test_parsers_never_raise_and_results_are_consistent(text: str) -> None:
    for aid in (parse_id(text), parse_url(text), *find_cited(text)):
        if aid is not None:
            assert aid.raw in text
            assert parse_id(aid.raw) == aid
    cited = find_cited(text)
    assert len({aid.id for aid in cited}) == len(cited)


def test_submission_year() -> None:
    assert submission_year("1707.01209") == 2017
    assert submission_year("2101.00001") == 2021
    assert submission_year("cs/0112017") == 2001
    assert submission_year("hep-th/9901001") == 1999
    assert submission_year("1713.00001") is None


def test_ids_from_the_future_are_not_valid() -> None:
    import datetime

    today = datetime.datetime.now(datetime.timezone.utc).date()
    this_month = f"{today.year % 100:02d}{today.month:02d}"
    assert is_valid(f"{this_month}.00001")
    assert not is_valid("9912.12345")
    next_year = f"{(today.year + 1) % 100:02d}01"
    assert not is_valid(f"{next_year}.00001")


_CITATION_PARTS = [
    "arXiv", "arxiv", "ARXIV", " ", ":", "https://", "//", "arxiv.org", "www.arxiv.org", "browse.arxiv.org",
    "/abs/", "/pdf/", "1404.00736", "1707.01209", "v2", ".pdf", "cs/0112017", " preprint", "x", "-", ".", "@",
    "/", "1", "\n", "é", "İ", "_", "[", "]", "(", ")", "export.arxiv.org", " e-print ", "2101.00001v2",
]  # fmt: skip


@given(st.lists(st.sampled_from(_CITATION_PARTS), max_size=14).map("".join))
def test_citations_are_found_as_a_scan_at_every_character_finds_them(text: str) -> None:
    from awesome_lint.arxiv_id import _CITED_RE, _from_match

    everywhere = [_from_match(m) for m in _CITED_RE.finditer(text)]
    expected = [found for i, found in enumerate(everywhere) if all(f.id != found.id for f in everywhere[:i])]
    assert find_cited(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://ARXIV.ORG/ABS/2402.00858", "2402.00858"),
        ("https://arxiv.org/abs/1911.02972v", "1911.02972"),
        ("https://doi.org/10.48550/arXiv.2305.18403", "2305.18403"),
        ("https://doi.org/10.48550/ARXIV.2305.18403", "2305.18403"),
        ("https://doi.org/10.1109/5.771073", None),
        ("https://github.com/arxiv/arxiv-browse", None),
    ],
)
def test_parse_link_reads_arxiv_addresses_in_any_case_and_nothing_else(url: str, expected: str | None) -> None:
    found = parse_link(url)
    assert (found.id if found is not None else None) == expected
