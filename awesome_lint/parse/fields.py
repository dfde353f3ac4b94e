"""Entry field recognisers: title, authors, year, venue, tags, nickname and link roles from one list item.

The recognisers follow the shapes found in real lists, whatever file they are in:
`[Title](url) [[code]](url)`, `【Tag】Authors .[Title](url) .[J] venue`, `YEAR-VENUE-[Title](url)`,
`1. [Title](url) [VENUE'YY]`, `**[Nick]** Title, Venue Year, [[paper]](url)`,
`Authors. [Title]. In Venue, Year.`
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from awesome_lint import arxiv_id
from awesome_lint.model import EntryKind, LinkRole
from awesome_lint.parse.venues import short_name, venue_from_citation

_TAG = re.compile(r"【([^】]*)】")
_YEAR = re.compile(r"(?<![\d.:/-])(19[5-9]\d|20[0-4]\d)(?![\d])")
_BRACKET_VENUE = re.compile(
    r"\[\s*(?P<venue>[A-Za-z][A-Za-z0-9 .&/-]*?)\s*['’`]\s*(?P<year>\d{4}|\d{2})\s*(?:,[^\]]*)?\]\s*=?"
)
_PREFIX_VENUE = re.compile(r"^\s*(?P<year>\d{4})-(?:(?P<venue>[A-Za-z][A-Za-z0-9 ]*?)(?:\((?P<note>[^)]*)\))?-)?\s*$")
_TITLE_VENUE_YEAR = re.compile(r"^(?P<title>.+?),\s*(?P<venue>[^,]*?[A-Za-z][^,]*?)\s+(?P<year>\d{4})\s*,?\s*$")
_BRACKETED = re.compile(r"\[([^\[\]]+)\]")
_CITATION_LEAD = re.compile(r"^[\s.,:;]*(?:\[[JCMDA]\][\s.,:;/]*)*(?:In\s+)?", re.IGNORECASE)
_PAREN_NOTE = re.compile(r"^\s*\(([^()]*)\)\s*$")
_CODE_LABEL = re.compile(r"^\s*\[?\s*(?:code|github|source|implementation|official code)\b", re.IGNORECASE)
_PAPER_LABEL = re.compile(r"^\s*\[?\s*(?:paper|pdf|arxiv|link|openreview)\s*\]?\s*$", re.IGNORECASE)
_PROJECT_LABEL = re.compile(
    r"^\s*\[?\s*(?:project|project page|website|homepage|demo|slides|video|blog)\s*\]?\s*$", re.IGNORECASE
)
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gitee.com")
_OWNER_REPO = re.compile(r"^[\w.-]+/[\w.-]+$")
_RESOURCE_HEADING = re.compile(
    r"\b(projects?|tools?|frameworks?|librar(?:y|ies)|resources?|references?|reading lists?|blogs?|"
    r"tutorials?|courses?|videos?|links?|repositories|repos?|software|toolkits?|other lists|related lists|"
    r"awesome lists?)\b",
    re.IGNORECASE,
)
_RESOURCE_TITLE = re.compile(r"\b(reading list|awesome[- ]|tutorial|blog)\b", re.IGNORECASE)


def collapse(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) into one space and strip the ends."""
    return " ".join(text.split())


def clean_title(text: str) -> str:
    """A title as written: whitespace collapsed, bracket padding and a trailing citation full stop removed."""
    text = collapse(text)
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text


@dataclass
class Piece:
    """A run of an item's inline content: plain text or a link, with its source offsets."""

    text: str
    link: bool = False
    url: str = ""
    style: str = "inline"
    start: int = -1
    end: int = -1
    emphasis: str = ""
    """"strong", "em" or "" for plain text."""
    code: bool = False


@dataclass
class Fields:
    """What the recognisers found in one item."""

    kind: EntryKind
    title: str
    title_link: int | None = None
    authors: str | None = None
    year: int | None = None
    venue: str | None = None
    venue_raw: str | None = None
    notes: list[str] = field(default_factory=list)
    nickname: str | None = None
    tags: list[str] = field(default_factory=list)
    roles: list[LinkRole] = field(default_factory=list)
    arxiv: arxiv_id.ArxivId | None = None
    cited: list[arxiv_id.ArxivId] = field(default_factory=list)


def _host(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _is_tag_label(label: str) -> bool:
    """`[code]`, `[paper]`, `[code(PyTorch)]`: a bracketed label that names a link, not a title."""
    return label.startswith("[") and label.endswith("]")


def link_role(label: str, url: str, is_title: bool) -> LinkRole:
    """The role of a link from its label and target."""
    if url.startswith("#"):
        return "other"
    inner = label.strip("[] ")
    if _CODE_LABEL.match(inner):
        return "code"
    if _PAPER_LABEL.match(inner):
        return "paper"
    if _PROJECT_LABEL.match(inner):
        return "project"
    if is_title:
        return "paper"
    if _host(url) in _CODE_HOSTS:
        return "code"
    return "other"


def _year(value: str) -> int:
    number = int(value)
    if number < 100:
        number += 2000 if number < 70 else 1900
    return number


def _last_year(text: str) -> int | None:
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None


def _strip_tags(text: str) -> tuple[str, list[str]]:
    tags = [collapse(t) for t in _TAG.findall(text)]
    return _TAG.sub(" ", text), [t for t in tags if t]


def _authors(before: str) -> str | None:
    text = collapse(before)
    text = text.rstrip(" .,:;-")
    return text or None


def _venue_from_tail(tail: str, fields: Fields) -> None:
    """Venue, year and notes from the text after the title."""
    m = _BRACKET_VENUE.search(tail)
    if m:
        fields.venue = short_name(m.group("venue"))
        fields.venue_raw = collapse(m.group(0)).rstrip("=").strip()
        fields.year = _year(m.group("year"))
        return
    note = _PAREN_NOTE.match(tail)
    if note:
        fields.notes.append(collapse(note.group(1)))
        return
    citation = collapse(_CITATION_LEAD.sub("", collapse(tail), count=1))
    citation = citation.lstrip("/ ").strip()
    if not citation or not re.search(r"[A-Za-z]", citation):
        year = _last_year(tail)
        if year:
            fields.year = year
        return
    venue = venue_from_citation(citation)
    if venue:
        fields.venue = venue
        fields.venue_raw = citation
    year = _last_year(citation)
    if year:
        fields.year = year


_CANONICAL_BEFORE = re.compile(r"\s*(?:[-–](?:\s+(?P<authors>.+?))?)?\s*\.?\s*")
_VENUE_YEAR = re.compile(r"\s*(?P<venue>.*?)\s*(?P<year>(?:19|20)\d\d)?\s*(?:\((?P<note>[^()]+)\))?\s*")


def _split_emphasis(pieces: list[Piece]) -> tuple[str, str | None, str]:
    """Text before the first emphasised run, the run itself, and the text after it (links skipped)."""
    before: list[str] = []
    after: list[str] = []
    emphasised: str | None = None
    for piece in pieces:
        if piece.link:
            continue
        if piece.emphasis == "em" and emphasised is None and not after:
            emphasised = piece.text
        elif piece.emphasis == "em" and emphasised is not None and not after:
            emphasised += piece.text
        else:
            (after if emphasised is not None else before).append(piece.text)
    return "".join(before), emphasised, "".join(after)


def _names_venue_or_year(text: str) -> bool:
    """Whether an emphasised run is a canonical `Venue Year`, `Venue` or `Year`."""
    return bool(_YEAR.search(text) or venue_from_citation(text))


def _canonical_tail(after_title: list[Piece]) -> tuple[str | None, str | None] | None:
    """The canonical tail ` - Authors. *Venue Year (Note)*.` as (authors, emphasised text); either part
    optional, and a bare ` - *Venue Year*.` only when the emphasised run names a venue, a year or a note."""
    before, emphasised, after = _split_emphasis(after_title)
    if after.strip(" .") or (emphasised is not None and not emphasised.strip()):
        return None
    m = _CANONICAL_BEFORE.fullmatch(before)
    if m is None or (emphasised is None and not m.group("authors")):
        return None
    authors = m.group("authors")
    text = emphasised or ""
    if not authors and before.strip() and not (_names_venue_or_year(text) or _PAREN_NOTE.match(text)):
        return None
    return (collapse(authors) if authors else None), (collapse(emphasised) if emphasised else None)


def _pieces_after(pieces: list[Piece], offset: int) -> list[Piece]:
    """The pieces that follow a plain-text offset, the piece it falls in cut at the offset."""
    out: list[Piece] = []
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        if end > offset:
            if position >= offset or piece.link:
                out.append(piece)
            else:
                out.append(Piece(piece.text[offset - position :], emphasis=piece.emphasis, code=piece.code))
        position = end
    return out


def _canonical_plain(pieces: list[Piece]) -> tuple[str, str | None, str] | None:
    """A link-less canonical line `Title - Authors. *Venue Year*.` as (title, authors, emphasised text)."""
    before, emphasised, after = _split_emphasis(pieces)
    if emphasised is None or after.strip(" .") or not _names_venue_or_year(emphasised):
        return None
    head = before.rstrip().removesuffix(".")
    title, sep, authors = head.rpartition(" - ")
    if not sep:
        title, authors = head, ""
    title = clean_title(title)
    return (title, collapse(authors) or None, collapse(emphasised)) if title else None


def _venue_year(text: str, fields: Fields) -> None:
    """`Venue Year`, `Venue` or `Year` from the canonical emphasised run, and a closing `(Note)`."""
    m = _VENUE_YEAR.fullmatch(text)
    if m is None:
        return
    if m.group("venue"):
        fields.venue = short_name(m.group("venue"))
        fields.venue_raw = text
    if m.group("year"):
        fields.year = int(m.group("year"))
    if m.group("note"):
        fields.notes.append(collapse(m.group("note")))


def _plain(pieces: list[Piece]) -> str:
    return "".join(p.text for p in pieces)


def recognise(pieces: list[Piece], section: tuple[str, ...], heading_year: int | None) -> Fields:
    """Recognise the fields of one item from its inline pieces."""
    links = [i for i, p in enumerate(pieces) if p.link]
    title_index = next((i for i in links if not _is_tag_label(collapse(pieces[i].text))), None)
    plain_all = _plain(pieces)
    fields = Fields(kind="paper", title="")

    nickname = None
    start = 0
    if pieces and pieces[0].emphasis == "strong" and not pieces[0].link:
        m = re.fullmatch(r"\s*\[([^\]]+)\]\s*", pieces[0].text)
        if m:
            nickname = collapse(m.group(1))
            start = 1
    fields.nickname = nickname

    if title_index is not None and nickname is None:
        before = _plain(pieces[:title_index])
        after_pieces = [p for p in pieces[title_index + 1 :] if not (p.link and _is_tag_label(collapse(p.text)))]
        tail = _plain([p for p in after_pieces if not p.link])
        fields.title = clean_title(pieces[title_index].text)
        fields.title_link = title_index
        before, fields.tags = _strip_tags(before)
        prefix = _PREFIX_VENUE.match(collapse(before)) if before.strip() else None
        if prefix:
            fields.year = int(prefix.group("year"))
            if prefix.group("venue"):
                venue = prefix.group("venue")
                note = prefix.group("note")
                if note and note.strip().lower() == "workshop":
                    venue = f"{venue} Workshop"
                elif note:
                    fields.notes.append(note.strip())
                fields.venue = short_name(venue)
                fields.venue_raw = collapse(before).rstrip("-").split("-", 1)[1]
        else:
            fields.authors = _authors(before)
        for p in pieces[title_index + 1 :]:
            if p.code and not p.link:
                note_m = _PAREN_NOTE.match(p.text)
                if note_m:
                    fields.notes.append(collapse(note_m.group(1)))
        canonical = _canonical_tail(after_pieces)
        if canonical is not None and fields.authors is None and not prefix:
            fields.authors, emphasised = canonical
            if emphasised:
                _venue_year(emphasised, fields)
        else:
            tail_text = tail
            for note in fields.notes:
                tail_text = tail_text.replace(f"({note})", " ")
            _venue_from_tail(tail_text, fields)
        if prefix:
            fields.year = int(prefix.group("year"))
    else:
        head = _plain([p for p in pieces[start:] if not p.link]) if links else _plain(pieces[start:])
        first_link = links[0] if links else None
        if first_link is not None:
            head = _plain([p for p in pieces[start:first_link]])
        head, fields.tags = _strip_tags(head)
        m = _TITLE_VENUE_YEAR.match(collapse(head).rstrip(","))
        bracketed = [b for b in _BRACKETED.findall(plain_all) if len(b.split()) > 1 or len(b) > 12]
        canonical = _canonical_plain(pieces) if not links and nickname is None and not bracketed else None
        if canonical is not None:
            fields.title, fields.authors, emphasised = canonical
            _venue_year(emphasised, fields)
        elif m and (nickname is not None or links):
            fields.title = clean_title(m.group("title"))
            fields.venue = short_name(m.group("venue"))
            fields.venue_raw = f"{collapse(m.group('venue'))} {m.group('year')}"
            fields.year = int(m.group("year"))
        elif nickname is not None:
            fields.title = clean_title(head)
        elif links and collapse(head).strip(" ,;"):
            fields.title = clean_title(collapse(head).rstrip(" ,;"))
            _venue_from_tail(_plain([p for p in pieces[links[0] :] if not p.link]), fields)
        elif bracketed:
            title = max(bracketed, key=len)
            fields.title = clean_title(title)
            where = plain_all.find(f"[{title}]")
            before, _tags = _strip_tags(plain_all[:where])
            fields.authors = _authors(before)
            tail = _canonical_tail(_pieces_after(pieces, where + len(title) + 2)) if not fields.authors else None
            if tail is not None:
                fields.authors, emphasised = tail
                if emphasised:
                    _venue_year(emphasised, fields)
            else:
                _venue_from_tail(plain_all[where + len(title) + 2 :], fields)
        else:
            fields.title = clean_title(_strip_tags(plain_all)[0])
            fields.kind = "other"

    fields.roles = [link_role(collapse(pieces[i].text), pieces[i].url, i == title_index) for i in links]
    fields.cited = arxiv_id.find_cited(plain_all)
    for i, role in zip(links, fields.roles, strict=True):
        if role in ("paper", "other") and pieces[i].url:
            found = arxiv_id.parse_url(pieces[i].url)
            if found is not None:
                fields.arxiv = found
                break
    if fields.arxiv is None and fields.cited:
        fields.arxiv = fields.cited[0]
    if fields.year is None:
        fields.year = heading_year

    if fields.kind != "other":
        fields.kind = _kind(fields, pieces, links, section)
    if fields.kind != "paper":
        fields.authors = None
        fields.roles = [
            role if role == "code" or pieces[i].url.startswith("#") else "project"
            for i, role in zip(links, fields.roles, strict=True)
        ]
    return fields


def _kind(fields: Fields, pieces: list[Piece], links: list[int], section: tuple[str, ...]) -> EntryKind:
    """Paper, resource or other, from the links, the title and the heading the item stands under."""
    if links and all(pieces[i].url.startswith("#") for i in links):
        return "other"
    if not links and not fields.title:
        return "other"
    paperish = fields.arxiv is not None or fields.venue is not None or fields.authors is not None
    if paperish and fields.venue is not None:
        return "paper"
    heading = section[-1] if section else ""
    if heading and _RESOURCE_HEADING.search(heading):
        return "resource"
    title = fields.title
    if fields.title_link is not None:
        url = pieces[fields.title_link].url
        if _OWNER_REPO.match(title) and (_host(url) in _CODE_HOSTS or _host(url).endswith(".github.io")):
            return "resource"
        if _RESOURCE_TITLE.search(title) and fields.arxiv is None:
            return "resource"
    if not paperish and not links and not _looks_like_title(title):
        return "other"
    return "paper"


def _looks_like_title(title: str) -> bool:
    """A paper title has a few words; a bare label such as "OpenMP" or a non-Latin note does not."""
    words = title.split()
    latin = sum(1 for ch in title if unicodedata.category(ch).startswith("L") and ord(ch) < 0x2E80)
    return len(words) >= 3 and latin >= len(title) // 2
