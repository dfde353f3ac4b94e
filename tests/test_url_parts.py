"""The host and path the parser reads from a URL are what `urlsplit` gives, whether or not it reads them itself."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.parse import shapes

ROOT = Path(__file__).resolve().parent.parent
PARTS = [
    "https://",
    "http://",
    "HTTPS://",
    "ftp://",
    "//",
    "www.",
    "GitHub.com",
    "a-b.org",
    "x",
    "1.2.3.4",
    ":8080",
    "@",
    "user@",
    "[::1]",
    "/",
    "/Path/File.PDF",
    "?",
    "#",
    "q=1&r=2",
    " ",
    "\t",
    "\n",
    "%20",
    "é",
    ".",
    "-",
]


def _expected(url: str) -> tuple[str, str]:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "", ""
    return (parts.hostname or "").removeprefix("www."), parts.path.lower()


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=8))
def test_url_parts_are_urlsplits(parts: list[str]) -> None:
    url = "".join(parts)
    assert shapes._split.__wrapped__(url) == _expected(url)


def test_url_parts_of_every_link_in_the_lists() -> None:
    urls = set()
    for path in sorted(
        [*ROOT.joinpath("lists").glob("*.md"), *ROOT.joinpath("tests", "data", "more-lists").glob("*.md")]
    ):
        urls.update(re.findall(r"\]\(([^)\s]+)", path.read_text(encoding="utf-8")))
    assert len(urls) > 1000
    for url in urls:
        assert shapes._split.__wrapped__(url) == _expected(url), url
    assert shapes._split.__wrapped__(" https://WWW.GitHub.com/A/B?x#y ") == ("github.com", "/a/b")
