"""The rules' source helpers against their plain definitions (and difflib, urlsplit), on any text."""

from __future__ import annotations

from difflib import SequenceMatcher
from urllib.parse import urlsplit

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.rules._source import blank, changed_runs, label_end, mask_code_spans, unescaped
from awesome_lint.rules.bad_url import _PLAIN_HOST

TEXT = st.text(alphabet="[]\\ab\n ", max_size=30)


def label_end_by_definition(raw: str) -> int:
    """The `]` closing the first `[`, counting nesting, skipping escaped characters."""
    if not raw.startswith("["):
        return -1
    depth = 0
    for i, ch in unescaped(raw):
        depth += {"[": 1, "]": -1}.get(ch, 0)
        if ch == "]" and depth == 0:
            return i
    return -1


@given(TEXT)
def test_label_end(raw: str) -> None:
    assert label_end(raw) == label_end_by_definition(raw)


def test_label_end_examples() -> None:
    assert label_end("[a [b] c](u)") == 8
    assert label_end(r"[a \] b](u)") == 7
    assert label_end("[a [b](u)") == -1
    assert label_end("a](u)") == -1
    assert label_end("[plain label](u)") == 12
    assert label_end("[](u)") == 1
    assert label_end(r"[a\\](u)") == 4


@given(TEXT, st.lists(st.tuples(st.integers(-5, 35), st.integers(-5, 35)), max_size=4))
def test_blank(text: str, ranges: list[tuple[int, int]]) -> None:
    chars = list(text)
    for start, end in ranges:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    assert blank(text, ranges) == "".join(chars)


@given(st.text(alphabet="`ab\n ", max_size=20))
def test_mask_code_spans_keeps_length_and_lines(text: str) -> None:
    masked = mask_code_spans(text)
    assert len(masked) == len(text)
    assert [i for i, ch in enumerate(masked) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
    if "`" not in text:
        assert masked == text


def difflib_runs(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """The non-equal opcodes of difflib's matcher with nothing junk, as (a, b, c, d)."""
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return [(a, b, c, d) for op, a, b, c, d in opcodes if op != "equal"]


@given(st.text(alphabet="ab/.:", max_size=40), st.text(alphabet="ab/.:", max_size=40))
def test_changed_runs_are_difflibs(old: str, new: str) -> None:
    assert changed_runs(old, new) == difflib_runs(old, new)


def test_changed_runs_examples() -> None:
    for old, new in [
        ("https://www.arxiv.org/pdf/1510.00149v2.pdf", "https://arxiv.org/abs/1510.00149v2"),
        ("arxiv.org/ABS/1510.00149/", "https://arxiv.org/abs/1510.00149"),
        ("http://export.arxiv.org/abs/1510.00149#", "http://arxiv.org/abs/1510.00149"),
        ("aaaa" * 60, "aaba" * 60),
    ]:
        assert changed_runs(old, new) == difflib_runs(old, new)
    assert changed_runs("https://arxiv.org/pdf/1510.00149.pdf", "https://arxiv.org/abs/1510.00149") == [
        (18, 21, 18, 21),
        (32, 36, 32, 32),
    ]
    assert changed_runs("same", "same") == []


@given(st.from_regex(r"(?:https?|ftp)://[A-Za-z0-9.\-]{1,12}(?:[/?#][!-~]{0,8})?", fullmatch=True))
def test_a_plain_host_is_what_urlsplit_reads(url: str) -> None:
    assert _PLAIN_HOST.match(url)
    parts = urlsplit(url)
    assert parts.netloc and parts.hostname
