"""Parse, normalise and validate arXiv identifiers: the one place in the project that knows their shape.

`parse_id`, `parse_url` and `find_cited` recognise the *shape* of an id and normalise what is safely
normalisable (version suffix, `.pdf`, the `arXiv:` prefix, the malformed `YYMM.0NNNN` form); `is_valid`
judges whether a normalised id could exist.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from awesome_lint.clock import utc_month
from awesome_lint.regex import lazy_compile

__all__ = [
    "HOSTS",
    "ArxivId",
    "ArxivUrl",
    "canonical_abs_url",
    "canonical_pdf_url",
    "canonical_url",
    "find_cited",
    "is_valid",
    "parse_id",
    "parse_link",
    "parse_url",
    "split_url",
]

# First YYMM whose new-style ids have five-digit numbers (January 2015).
_FIVE_DIGIT_FROM = 1501
# First YYMM of new-style ids (April 2007).
_NEW_STYLE_FROM = 704

# The shape of an id as it may appear in a source, plus an optional version; group "raw" is the id text
# as written (with its version), "yymm"/"num" the new-style parts, "old" a whole old-style id.
# Compiled with IGNORECASE (so archive case is only judged by `is_valid`) and ASCII (no Unicode digits).
_ID = (
    r"(?P<raw>"
    r"(?:(?P<yymm>\d{4})\.(?P<num>\d{4,5})"
    r"|(?P<old>[a-z]+(?:-[a-z]+)*(?:\.[a-z]+(?:-[a-z]+)*)?/\d{7}))"
    r"(?:v(?P<ver>\d+))?"
    r")"
)
# The hosts that serve arXiv's abs/pdf/format/html pages (all over https).
HOSTS: tuple[str, ...] = ("arxiv.org", "www.arxiv.org", "export.arxiv.org", "browse.arxiv.org")
_HOST = "(?:" + "|".join(re.escape(name) for name in HOSTS) + ")"
_PATH_KIND = r"(?:abs|pdf|format|html)"

_ID_RE = lazy_compile(rf"\s*(?:arxiv(?:\s*:\s*|\s+))?{_ID}\s*", re.IGNORECASE | re.ASCII)
_URL_RE = lazy_compile(
    rf"\s*(?:(?:(?P<scheme>https?):)?//)?(?P<host>{_HOST})/(?P<kind>{_PATH_KIND})/{_ID}"
    rf"(?P<suffix>\.pdf)?(?P<slash>/)?(?P<tail>[?#].*)?\s*",
    re.IGNORECASE | re.DOTALL | re.ASCII,
)
ARXIV_WORD = lazy_compile(r"[Aa][Rr][Xx][Ii][Vv]")
"""The word `arXiv` in any case of its ASCII letters."""
# In prose: an arxiv.org URL, or the word "arXiv" (optionally "arXiv preprint"/"arXiv e-print") followed by
# ":" or whitespace, right before the id. A bare number is never taken.
_CITED_RE = lazy_compile(
    rf"(?:(?<![\w.@/-])(?:https?://)?{_HOST}/{_PATH_KIND}/"
    rf"|(?<![\w.-])arxiv(?:\s+(?:pre-?print|e-?print))?(?:\s*:\s*|\s+))"
    rf"{_ID}(?:\.pdf)?(?![\w])",
    re.IGNORECASE | re.ASCII,
)

# How far before the word "arxiv" a citation may start: `https://browse.arxiv.org/abs/...`.
_CITED_LEAD = len("https://") + max(host.index("arxiv") for host in HOSTS)

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
"""Lower case for ASCII letters only, as the patterns' IGNORECASE with ASCII matches them."""

URL_MEMO = 1 << 16
"""How many URLs `split_url` remembers: several rules and the parser ask about every link of a list."""

_DOI_RE = lazy_compile(rf"\s*(?:https?://)?(?:dx\.)?doi\.org/10\.48550/arxiv\.{_ID}/?\s*", re.IGNORECASE | re.ASCII)

_VALID_NEW_RE = lazy_compile(r"(\d{2})(\d{2})\.(\d{4,5})", re.ASCII)
_VALID_OLD_RE = lazy_compile(r"[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?/(\d{2})(\d{2})(\d{3})", re.ASCII)


@dataclass(frozen=True, slots=True)
class ArxivId:
    """An arXiv id as found in a source: normalised `id` (no version), `version`, and the `raw` text."""

    id: str
    version: int | None
    malformed: bool
    raw: str

    @property
    def new_style(self) -> bool:
        """True for the `YYMM.NNNN(N)` form, False for old-style `archive/YYMMNNN` ids."""
        return "/" not in self.id


def _from_match(m: re.Match[str]) -> ArxivId:
    """Build an ArxivId from a match of a pattern containing `_ID`, normalising the malformed form."""
    raw = m.group("raw")
    ver = m.group("ver")
    version = int(ver) if ver is not None else None
    old = m.group("old")
    if old is not None:
        return ArxivId(id=old, version=version, malformed=False, raw=raw)
    yymm = m.group("yymm")
    num = m.group("num")
    if len(num) == 5 and num[0] == "0" and int(yymm) < _FIVE_DIGIT_FROM:
        return ArxivId(id=f"{yymm}.{num[1:]}", version=version, malformed=True, raw=raw)
    return ArxivId(id=f"{yymm}.{num}", version=version, malformed=False, raw=raw)


@dataclass(frozen=True, slots=True)
class ArxivUrl:
    """An arXiv abs/pdf/format/html URL split into its parts as written (`url[id_start:]` starts with the id)."""

    found: ArxivId
    scheme: str
    """`https`, `http`, or empty when the URL has none (`//arxiv.org/...`, `arxiv.org/...`)."""
    host: str
    kind: str
    """The path kind as written: `abs`, `pdf`, `format` or `html` (in any case)."""
    suffix: str
    """`.pdf` after the id, or empty."""
    slash: bool
    tail: str
    """The query and fragment as written (`?context=cs.LG`, `#page=3`), or empty."""
    id_start: int

    def canonical(self, kind: str, version: bool = True) -> str:
        """The URL in arXiv's own form for `kind` (abs or pdf), with the version as written (or none), and a
        query or fragment kept (an empty `?` or `#` dropped)."""
        tail = self.tail if len(self.tail) > 1 else ""
        return canonical_url(self.found.id, kind, self.found.version if version else None) + tail


@lru_cache(maxsize=URL_MEMO)
def split_url(url: str) -> ArxivUrl | None:
    """The parts of an arxiv.org abs/pdf/format/html URL as written; None where `parse_url` gives None."""
    m = _URL_RE.fullmatch(url)
    if m is None:
        return None
    return ArxivUrl(
        found=_from_match(m),
        scheme=(m.group("scheme") or "").lower(),
        host=m.group("host"),
        kind=m.group("kind"),
        suffix=m.group("suffix") or "",
        slash=m.group("slash") is not None,
        tail=m.group("tail") or "",
        id_start=m.start("raw"),
    )


def parse_id(text: str) -> ArxivId | None:
    """Parse a bare id such as `1707.01209v2`, `arXiv:1404.00736` or `cs/0112017`; None if it is not one."""
    m = _ID_RE.fullmatch(text)
    return _from_match(m) if m is not None else None


def parse_url(url: str) -> ArxivId | None:
    """Parse an arxiv.org abs/pdf/format/html URL; None for other hosts and for arXiv URLs without an id."""
    parts = split_url(url)
    return parts.found if parts is not None else None


def parse_link(url: str) -> ArxivId | None:
    """The id a link to a paper gives: an arxiv.org URL as `parse_url` reads it, one whose version was cut to a
    bare `v` (`abs/1911.02972v`), or an arXiv DOI (`https://doi.org/10.48550/arXiv.2305.18403`)."""
    if "arxiv" not in url.lower():
        return None  # every form names arXiv (in ASCII letters, as the patterns match them): most links are not arXiv's
    found = parse_url(url)
    if found is None and url.rstrip().endswith("v"):
        found = parse_url(url.rstrip()[:-1])
    if found is None and "10.48550" in url:
        m = _DOI_RE.fullmatch(url)
        found = _from_match(m) if m is not None else None
    return found


def find_cited(text: str) -> list[ArxivId]:
    """Return the ids cited in prose (after an `arXiv` word or in an arxiv.org URL), in order, unique."""
    found: list[ArxivId] = []
    lower = text.lower()
    if "arxiv" not in lower:  # both forms hold the word (ASCII letters, as the pattern matches them)
        return found
    seen: set[str] = set()
    for m in _cited_matches(text, lower if text.isascii() else text.translate(_ASCII_LOWER)):
        aid = _from_match(m)
        if aid.id not in seen:
            seen.add(aid.id)
            found.append(aid)
    return found


def _cited_matches(text: str, lower: str) -> Iterator[re.Match[str]]:
    """The matches `_CITED_RE.finditer` gives on `text` (`lower` is it with ASCII letters in lower case, position
    for position), searched only from just before each "arxiv", the word every citation holds, instead of at
    every character."""
    pos = 0
    while (at := lower.find("arxiv", pos)) >= 0:
        m = _CITED_RE.search(text, max(pos, at - _CITED_LEAD))
        if m is None:
            return
        yield m
        pos = m.end()


def _latest_yymm() -> int:
    """The YYMM of the current month: new-style ids from later months cannot exist yet."""
    year, month = utc_month()
    return (year % 100) * 100 + month


@lru_cache(maxsize=URL_MEMO)
def is_valid(arxiv_id: str) -> bool:
    """True when a normalised id (no version, no prefix) is structurally possible (remembered: the parser and
    several rules ask about every id of a list)."""
    m = _VALID_NEW_RE.fullmatch(arxiv_id)
    if m is not None:
        yy, mm, num = m.groups()
        yymm = int(yy + mm)
        if not 1 <= int(mm) <= 12 or int(num) == 0:
            return False
        if _NEW_STYLE_FROM <= yymm < _FIVE_DIGIT_FROM:
            return len(num) == 4
        return _FIVE_DIGIT_FROM <= yymm <= _latest_yymm() and len(num) == 5
    m = _VALID_OLD_RE.fullmatch(arxiv_id)
    if m is not None:
        yy, mm, num = m.groups()
        return (int(yy) >= 91 or int(yy) <= 7) and 1 <= int(mm) <= 12 and int(num) != 0
    return False


def canonical_url(arxiv_id: str, kind: str = "abs", version: int | None = None) -> str:
    """The address arXiv itself gives a normalised id: `https://arxiv.org/abs/ID` (or `/pdf/`), with `vN` when a
    version is given."""
    return f"https://arxiv.org/{kind}/{arxiv_id}" + (f"v{version}" if version is not None else "")


def canonical_abs_url(arxiv_id: str, version: int | None = None) -> str:
    """The canonical abstract-page URL of a normalised id (see `canonical_url`)."""
    return canonical_url(arxiv_id, "abs", version)


def canonical_pdf_url(arxiv_id: str, version: int | None = None) -> str:
    """The canonical PDF URL of a normalised id (see `canonical_url`)."""
    return canonical_url(arxiv_id, "pdf", version)


def submission_year(arxiv_id: str) -> int | None:
    """The year an arXiv id was first submitted (`1707.01209` -> 2017, `cs/0112017` -> 2001), if valid."""
    if not is_valid(arxiv_id):
        return None
    digits = arxiv_id.rsplit("/", 1)[-1]
    yy = int(digits[:2])
    return 1900 + yy if yy >= 91 else 2000 + yy
